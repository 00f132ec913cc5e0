package org.claimdesk.rebuttals;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdicts a rebuttal can give and how each maps onto a ClaimReview {@code reviewRating}
 * (schema.org: ratingValue between worstRating and bestRating, and the verdict in words as
 * alternateName, which is what search engines show). The default scale follows the common
 * fact-checkers' words; a team can use its own.
 */
public record RatingScale(List<Verdict> verdicts, int worstRating, int bestRating) {
    /**
     * One verdict.
     *
     * @param key           stored with the rebuttal: never renamed once used
     * @param alternateName the verdict in words, as published
     * @param ratingValue   its place between worst and best
     */
    public record Verdict(String key, String alternateName, int ratingValue) {
        public Verdict {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(alternateName, "alternateName");
            if (!key.matches("[a-z][a-z_]{0,39}")) {
                throw new IllegalArgumentException("a verdict key is lower-case letters and _: " + key);
            }
        }
    }

    /** False to true in five steps, with "missing context" and "unproven" beside "misleading" and "mixed". */
    public static final RatingScale DEFAULT = new RatingScale(List.of(
            new Verdict("false", "False", 1),
            new Verdict("misleading", "Misleading", 2),
            new Verdict("missing_context", "Missing context", 2),
            new Verdict("unproven", "Unproven", 3),
            new Verdict("mixed", "Half true", 3),
            new Verdict("mostly_true", "Mostly true", 4),
            new Verdict("true", "True", 5)), 1, 5);

    public RatingScale {
        verdicts = List.copyOf(verdicts);
        if (worstRating >= bestRating) {
            throw new IllegalArgumentException("the worst rating must be below the best");
        }
        for (Verdict verdict : verdicts) {
            if (verdict.ratingValue() < worstRating || verdict.ratingValue() > bestRating) {
                throw new IllegalArgumentException("verdict " + verdict.key() + " rates " + verdict.ratingValue()
                        + ", outside " + worstRating + " to " + bestRating);
            }
        }
        if (verdicts.stream().map(Verdict::key).distinct().count() != verdicts.size()) {
            throw new IllegalArgumentException("two verdicts share a key");
        }
    }

    public Optional<Verdict> find(String key) {
        return verdicts.stream().filter(verdict -> verdict.key().equals(key)).findFirst();
    }
}
