package org.claimdesk.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An imported fact-check as stored: what matching indexes and what an analyst reads beside a new
 * claim ("answered by AUTHOR on DATE: VERDICT"). The whole record stays in {@code raw_json}.
 *
 * @param ratingName the verdict in words (alternateName), or null
 * @param updatedAt  when the row last changed here: the search index compares it with what it holds
 */
public record StoredFactCheck(long id, String url, String claimReviewed, String title, String reviewText,
                              String ratingName, String ratingValue, boolean ratingScaleKnown, String authorName,
                              Instant datePublished, String language, String importedFrom, Instant updatedAt) {
    public StoredFactCheck {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(claimReviewed, "claimReviewed");
    }
}
