package org.claimdesk.store;

import java.time.Instant;

/**
 * A rebuttal that was changed here and in another workspace since their last common version
 * (decision 0024): the incoming version waits beside ours until an analyst resolves it.
 *
 * @param mine           the rebuttal's text here now (what "keep mine" keeps)
 * @param mineChanged    whether it was saved again here since the conflict was found
 * @param theirs         the incoming version's text
 * @param theirWorkspace the id of the workspace the bundle came from
 * @param resolution     null while pending
 */
public record RebuttalConflict(long id, long rebuttalId, String language, RebuttalStatus status, int localRevision,
                               RebuttalText mine, boolean mineChanged, RebuttalText theirs, Instant theirSavedAt,
                               String theirSavedBy, String theirWorkspace, String bundleName, Instant foundAt,
                               Resolution resolution, Instant resolvedAt, String resolvedBy) {
    /** How a conflict was settled; each is a new version, by whoever resolved it. */
    public enum Resolution {
        /** Our text stays. */
        MINE,
        /** The incoming text replaces ours. */
        THEIRS,
        /** A text the analyst wrote from both. */
        MERGED
    }

    public boolean pending() {
        return resolution == null;
    }
}
