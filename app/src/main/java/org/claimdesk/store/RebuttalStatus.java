package org.claimdesk.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a rebuttal stands in review (draft → in review → approved → published → updated or
 * withdrawn). The moves allowed are checked in the transaction that makes them, so that two
 * windows cannot take a rebuttal two ways. Stored by name: never rename.
 */
public enum RebuttalStatus {
    /** Being written. */
    DRAFT,
    /** Waiting for a reviewer. */
    IN_REVIEW,
    /** A reviewer approved this version; ready to publish. */
    APPROVED,
    /** Out, as approved. */
    PUBLISHED,
    /** Out, and republished after an approved correction. */
    UPDATED,
    /** Taken back: no longer stands. */
    WITHDRAWN;

    /** The statuses a rebuttal may move to from this one by an analyst's step. */
    public Set<RebuttalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW);
            // a reviewer sends it back for more work, or approves it
            case IN_REVIEW -> EnumSet.of(DRAFT, APPROVED);
            case APPROVED -> EnumSet.of(PUBLISHED, UPDATED, DRAFT);
            // out: corrected (edited, reviewed again, republished as UPDATED) or taken back
            case PUBLISHED, UPDATED -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(RebuttalStatus.class);
        };
    }

    public boolean canMoveTo(RebuttalStatus to) {
        return next().contains(to);
    }

    /** Whether it is out in the world (counted as published for the claim's timeline). */
    public boolean isOut() {
        return this == PUBLISHED || this == UPDATED;
    }

    /** Whether an edit of its text must go back to review: approved or published text is reviewed again. */
    public boolean editSendsBackToReview() {
        return this == APPROVED || this == PUBLISHED || this == UPDATED;
    }
}
