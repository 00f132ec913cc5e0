package org.claimdesk.index;

import java.time.Instant;
import java.util.Set;

/**
 * A search: the query box text and the filters beside it.
 *
 * @param query       words, "phrases", OR, -exclude, field:value (title, body, source, lang, tag, entity);
 *                    blank matches every item (filters still apply)
 * @param languages   primary language subtags to keep ("ar", "en"); empty keeps all
 * @param sourceIds   source ids to keep; empty keeps all
 * @param tags        source tags to keep (any of them); empty keeps all
 * @param entities    entities to keep (exact, as facets show them); empty keeps all
 * @param from        earliest time, inclusive, or null
 * @param until       latest time, exclusive, or null
 * @param afterItemId only items with a larger id (a watch query's "new since I last looked"); 0 for all
 * @param withFacets  whether to count hits per language, source, tag and entity
 */
public record SearchRequest(String query, Set<String> languages, Set<String> sourceIds, Set<String> tags,
                            Set<String> entities, Instant from, Instant until, SearchOrder order,
                            int offset, int limit, long afterItemId, boolean withFacets) {

    public SearchRequest {
        query = query == null ? "" : query;
        languages = Set.copyOf(languages);
        sourceIds = Set.copyOf(sourceIds);
        tags = Set.copyOf(tags);
        entities = Set.copyOf(entities);
        order = order == null ? SearchOrder.RELEVANCE : order;
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** The first 20 hits by relevance with facets, no filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Set.of(), Set.of(), Set.of(), Set.of(), null, null, SearchOrder.RELEVANCE,
                0, 20, 0, true);
    }

    public SearchRequest withLanguages(Set<String> value) {
        return new SearchRequest(query, value, sourceIds, tags, entities, from, until, order, offset, limit, afterItemId, withFacets);
    }

    public SearchRequest withSources(Set<String> value) {
        return new SearchRequest(query, languages, value, tags, entities, from, until, order, offset, limit, afterItemId, withFacets);
    }

    public SearchRequest withTags(Set<String> value) {
        return new SearchRequest(query, languages, sourceIds, value, entities, from, until, order, offset, limit, afterItemId, withFacets);
    }

    public SearchRequest withEntities(Set<String> value) {
        return new SearchRequest(query, languages, sourceIds, tags, value, from, until, order, offset, limit, afterItemId, withFacets);
    }

    public SearchRequest between(Instant fromInclusive, Instant untilExclusive) {
        return new SearchRequest(query, languages, sourceIds, tags, entities, fromInclusive, untilExclusive, order, offset, limit, afterItemId, withFacets);
    }

    public SearchRequest orderedBy(SearchOrder value) {
        return new SearchRequest(query, languages, sourceIds, tags, entities, from, until, value, offset, limit, afterItemId, withFacets);
    }

    public SearchRequest page(int newOffset, int newLimit) {
        return new SearchRequest(query, languages, sourceIds, tags, entities, from, until, order, newOffset, newLimit, afterItemId, withFacets);
    }

    public SearchRequest storedAfter(long itemId) {
        return new SearchRequest(query, languages, sourceIds, tags, entities, from, until, order, offset, limit, itemId, withFacets);
    }

    public SearchRequest facets(boolean value) {
        return new SearchRequest(query, languages, sourceIds, tags, entities, from, until, order, offset, limit, afterItemId, value);
    }
}
