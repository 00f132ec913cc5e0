package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** An item as stored, with every source it arrived from (first source first). */
public record StoredItem(long id, URI url, URI canonicalUrl, String title, String byline, String text,
                         String language, Instant publishedAt, Instant fetchedAt, String contentHash,
                         List<String> sourceIds) {
    public StoredItem {
        sourceIds = List.copyOf(sourceIds);
    }
}
