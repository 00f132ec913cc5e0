package org.claimdesk.store;

import java.time.Instant;

/**
 * How a source is doing. Times are null when it never happened.
 *
 * @param configured false when the source is not in feeds.yml: imported from a file, or removed (its items stay)
 * @param imported   true when the source came from an imported file, not from feeds.yml
 */
public record SourceHealth(String sourceId, String name, String url, String kind, boolean enabled,
                           boolean configured, Instant lastAttempt, Instant lastSuccess,
                           Instant lastErrorAt, String lastError, long itemCount, boolean imported) {

    /** A source from feeds.yml (or removed from it). */
    public SourceHealth(String sourceId, String name, String url, String kind, boolean enabled, boolean configured,
                        Instant lastAttempt, Instant lastSuccess, Instant lastErrorAt, String lastError, long itemCount) {
        this(sourceId, name, url, kind, enabled, configured, lastAttempt, lastSuccess, lastErrorAt, lastError, itemCount,
                false);
    }

    /** True when the last attempt failed. */
    public boolean failing() {
        return lastErrorAt != null && (lastSuccess == null || lastErrorAt.isAfter(lastSuccess));
    }
}
