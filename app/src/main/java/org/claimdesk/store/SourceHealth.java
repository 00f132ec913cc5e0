package org.claimdesk.store;

import java.time.Instant;

/**
 * How a source is doing. Times are null when it never happened.
 *
 * @param configured false when the source is not in feeds.yml: imported from a file, or removed (its items stay)
 * @param imported        true when the source came from an imported file, not from feeds.yml
 * @param articlesWaiting its items whose article page is still to be fetched (decision 0011)
 */
public record SourceHealth(String sourceId, String name, String url, String kind, boolean enabled,
                           boolean configured, Instant lastAttempt, Instant lastSuccess,
                           Instant lastErrorAt, String lastError, long itemCount, boolean imported,
                           long articlesWaiting) {

    public SourceHealth(String sourceId, String name, String url, String kind, boolean enabled, boolean configured,
                        Instant lastAttempt, Instant lastSuccess, Instant lastErrorAt, String lastError, long itemCount,
                        boolean imported) {
        this(sourceId, name, url, kind, enabled, configured, lastAttempt, lastSuccess, lastErrorAt, lastError, itemCount,
                imported, 0);
    }

    /** A source from feeds.yml (or removed from it). */
    public SourceHealth(String sourceId, String name, String url, String kind, boolean enabled, boolean configured,
                        Instant lastAttempt, Instant lastSuccess, Instant lastErrorAt, String lastError, long itemCount) {
        this(sourceId, name, url, kind, enabled, configured, lastAttempt, lastSuccess, lastErrorAt, lastError, itemCount,
                false);
    }

    /** This health with the number of its items whose article page is still to be fetched. */
    public SourceHealth withArticlesWaiting(long waiting) {
        return new SourceHealth(sourceId, name, url, kind, enabled, configured, lastAttempt, lastSuccess, lastErrorAt,
                lastError, itemCount, imported, waiting);
    }

    /** True when the last attempt failed. */
    public boolean failing() {
        return lastErrorAt != null && (lastSuccess == null || lastErrorAt.isAfter(lastSuccess));
    }
}
