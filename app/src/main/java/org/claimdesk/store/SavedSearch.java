package org.claimdesk.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A saved search (watch query): a query with its filters, and how far the analyst has looked.
 *
 * @param since          only items from this far back count, whenever it runs (by published, else
 *                       fetched time); null when the range is fixed or there is none
 * @param from           fixed range: earliest time, inclusive, or null
 * @param until          fixed range: latest time, exclusive, or null
 * @param seenUpToItemId matches among items with larger ids count as new
 */
public record SavedSearch(long id, String name, String query, Set<String> languages, Set<String> sourceIds,
                          Set<String> tags, Set<String> entities, Duration since, Instant from, Instant until,
                          Instant createdAt, long seenUpToItemId) {
    public SavedSearch {
        languages = Set.copyOf(languages);
        sourceIds = Set.copyOf(sourceIds);
        tags = Set.copyOf(tags);
        entities = Set.copyOf(entities);
    }
}
