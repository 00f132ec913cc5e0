package org.claimdesk.store;

import java.time.Instant;

/**
 * How a source is doing. Times are null when it never happened.
 *
 * @param configured false when the source is no longer in feeds.yml (its items stay)
 */
public record SourceHealth(String sourceId, String name, String url, String kind, boolean enabled,
                           boolean configured, Instant lastAttempt, Instant lastSuccess,
                           Instant lastErrorAt, String lastError, long itemCount) {
    /** True when the last attempt failed. */
    public boolean failing() {
        return lastErrorAt != null && (lastSuccess == null || lastErrorAt.isAfter(lastSuccess));
    }
}
