package org.claimdesk.store;

import java.time.Instant;

/**
 * What a piece of evidence said when it was attached: its text, and the SHA-256 of its raw bytes
 * (kept in the workspace's snapshot folder under that name), or why nothing could be kept.
 *
 * @param sha256  hex; null when nothing was kept
 * @param problem why no snapshot could be taken (offline, 404…), in words; null when one was
 */
public record EvidenceSnapshot(String text, String sha256, long bytes, String contentType, Instant takenAt,
                               String problem) {
    /** No snapshot, and why. */
    public static EvidenceSnapshot failed(String problem, Instant at) {
        return new EvidenceSnapshot(null, null, 0, null, at, problem);
    }

    public boolean taken() {
        return sha256 != null;
    }
}
