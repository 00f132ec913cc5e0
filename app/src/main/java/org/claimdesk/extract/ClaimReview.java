package org.claimdesk.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One fact-check as a ClaimReview record (schema.org) says it, read by {@link ClaimReviewReader}.
 *
 * @param url             the review's address, the key that tells two imports of it apart
 * @param claimReviewed   the claim it answers, as the fact-checker worded it
 * @param title           headline or name, or null
 * @param reviewText      reviewBody or description, or null
 * @param rating          the verdict as given, or null when the record gives none
 * @param authorName      who reviewed it (names joined by ", "), or null
 * @param publisherName   the publisher when named apart from the author, or null
 * @param language        inLanguage as a BCP 47 tag, or null when the record does not say
 * @param claimant        who made the claim (itemReviewed's author), or null
 * @param appearances     where the claim appeared (addresses), maybe empty
 * @param firstAppearance where it first appeared, or null
 * @param rawJson         the record as it was in the file, compact JSON
 */
public record ClaimReview(String url, String claimReviewed, String title, String reviewText, Rating rating,
                          String authorName, String publisherName, Instant datePublished, Instant dateModified,
                          String language, String claimant, List<String> appearances, String firstAppearance,
                          String rawJson) {
    public ClaimReview {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(claimReviewed, "claimReviewed");
        Objects.requireNonNull(rawJson, "rawJson");
        appearances = List.copyOf(appearances);
    }

    /** The same record with its language decided (inLanguage was missing or not a tag). */
    public ClaimReview withLanguage(String tag) {
        return new ClaimReview(url, claimReviewed, title, reviewText, rating, authorName, publisherName, datePublished,
                dateModified, tag, claimant, appearances, firstAppearance, rawJson);
    }

    /**
     * A reviewRating as written: the numbers are kept as text since fact-checkers write what they
     * like there ("-1", "2/5", "Falso"); {@code scaleKnown} says whether value, best and worst made
     * sense as numbers on one scale (best 5, worst 1 when missing, as schema.org says).
     *
     * @param alternateName the verdict in words, or null
     */
    public record Rating(String value, String best, String worst, String alternateName, boolean scaleKnown) {
    }
}
