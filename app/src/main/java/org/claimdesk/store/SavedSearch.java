package org.claimdesk.store;

import java.time.Instant;
import java.util.Set;

/**
 * A saved search (watch query): a query with its filters, and how far the analyst has looked.
 *
 * @param seenUpToItemId matches among items with larger ids count as new
 */
public record SavedSearch(long id, String name, String query, Set<String> languages, Set<String> sourceIds,
                          Set<String> tags, Set<String> entities, Instant createdAt, long seenUpToItemId) {
    public SavedSearch {
        languages = Set.copyOf(languages);
        sourceIds = Set.copyOf(sourceIds);
        tags = Set.copyOf(tags);
        entities = Set.copyOf(entities);
    }
}
