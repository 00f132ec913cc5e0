package org.claimdesk.store;

import java.time.Instant;

/** One step of a rebuttal's review: from what (null when it was created), to what, at which version, who, when, why. */
public record RebuttalStatusChange(RebuttalStatus from, RebuttalStatus to, int revision, Instant changedAt,
                                   String changedBy, String note) {
}
