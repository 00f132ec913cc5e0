package org.claimdesk.store;

import java.time.Instant;

/** One saved version of a rebuttal's text, kept for good. */
public record RebuttalVersion(long rebuttalId, int revision, RebuttalText text, Instant savedAt, String savedBy) {
}
