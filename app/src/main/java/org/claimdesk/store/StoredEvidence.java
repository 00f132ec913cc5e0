package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence of a rebuttal: a web address or an item of the workspace, the analyst's
 * note on what it shows, and its snapshot.
 *
 * @param position its place in the rebuttal's list, from 1
 * @param url      where it is on the web (an item's address for an item), or null
 * @param itemId   the workspace item it is, or null
 */
public record StoredEvidence(long id, long rebuttalId, int position, URI url, Long itemId, String note, String title,
                             EvidenceSnapshot snapshot, Instant addedAt, String addedBy) {
    public StoredEvidence {
        Objects.requireNonNull(snapshot, "snapshot");
        note = note == null ? "" : note;
    }
}
