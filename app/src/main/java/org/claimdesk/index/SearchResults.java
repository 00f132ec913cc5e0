package org.claimdesk.index;

import java.util.List;

/**
 * A page of hits and the facet counts over all hits.
 *
 * @param totalHits      every matching item (exact when {@code totalIsExact}, else a lower bound)
 * @param languages      hits per language, most first (empty when facets were not asked for)
 */
public record SearchResults(long totalHits, boolean totalIsExact, List<SearchHit> hits,
                            List<FacetCount> languages, List<FacetCount> sources, List<FacetCount> tags,
                            List<FacetCount> entities) {
    public SearchResults {
        hits = List.copyOf(hits);
        languages = List.copyOf(languages);
        sources = List.copyOf(sources);
        tags = List.copyOf(tags);
        entities = List.copyOf(entities);
    }
}
