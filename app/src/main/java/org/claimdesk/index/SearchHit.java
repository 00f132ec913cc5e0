package org.claimdesk.index;

import java.time.Instant;
import java.util.List;

/**
 * One item found.
 *
 * @param title       the title with the query's words marked (whole title)
 * @param snippets    passages of the text around the matches (the opening when only the title matched)
 * @param language    primary language subtag of the item ("und" when unknown)
 * @param rightToLeft whether the item's script runs right to left (Arabic, Persian…), for laying out snippets
 * @param time        published time, else fetched time
 */
public record SearchHit(long itemId, Snippet title, List<Snippet> snippets, String language, boolean rightToLeft,
                        List<String> sourceIds, List<String> tags, List<String> entities, Instant time,
                        String url, float score) {
    public SearchHit {
        snippets = List.copyOf(snippets);
        sourceIds = List.copyOf(sourceIds);
        tags = List.copyOf(tags);
        entities = List.copyOf(entities);
    }
}
