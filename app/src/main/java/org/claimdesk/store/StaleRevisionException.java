package org.claimdesk.store;

import java.time.Instant;

/**
 * A rebuttal was changed elsewhere (another window, another analyst) since the version an edit
 * started from: the edit is refused rather than silently overwriting that change.
 */
public final class StaleRevisionException extends RuntimeException {
    private final long rebuttalId;
    private final int expected;
    private final int current;

    public StaleRevisionException(long rebuttalId, int expected, int current, Instant changedAt, String changedBy) {
        super("Rebuttal " + rebuttalId + " was changed " + (changedBy == null ? "" : "by " + changedBy + " ")
                + "at " + changedAt + " (version " + current + ") after this edit began from version " + expected
                + "; reload it and apply the edit again.");
        this.rebuttalId = rebuttalId;
        this.expected = expected;
        this.current = current;
    }

    public long rebuttalId() {
        return rebuttalId;
    }

    public int expectedRevision() {
        return expected;
    }

    public int currentRevision() {
        return current;
    }
}
