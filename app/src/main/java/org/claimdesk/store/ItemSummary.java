package org.claimdesk.store;

import java.time.Instant;

/** A row of the item list: enough to show it, without its text. */
public record ItemSummary(long id, String title, String language, Instant publishedAt, Instant fetchedAt,
                          String sourceId, String sourceName) {
    /** Published time when known, else when it was fetched: what the list sorts by. */
    public Instant time() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }
}
