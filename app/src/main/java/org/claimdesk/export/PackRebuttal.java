package org.claimdesk.export;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One approved rebuttal as a pack carries it, read from the workspace once: what its page, its
 * ClaimReview record and its evidence table are made of. Nothing here reads the workspace again.
 *
 * @param id            the rebuttal's id in the workspace that exported it
 * @param language      its language tag ("ar", "ja"…)
 * @param verdictKey    the rating scale's key ("false"), or null
 * @param verdictName   the verdict in words ("False"), or null
 * @param ratingValue   its place on the scale, with the scale's worst and best
 * @param fullText      Markdown
 * @param author        who wrote it, or null
 * @param reviewer      who approved it, or null
 * @param publishedAt   when it was first published, or null (approved, not yet out)
 * @param updatedAt     its latest version's time
 * @param appearances   where the claim was seen (the cluster's items), earliest first
 * @param evidence      its evidence, in the rebuttal's order
 * @param translationOf the rebuttal it translates, or null
 */
public record PackRebuttal(long id, String language, String claim, String verdictKey, String verdictName, int ratingValue,
                           int worstRating, int bestRating, String shortAnswer, String fullText, String author,
                           String reviewer, Instant publishedAt, Instant updatedAt, List<Appearance> appearances,
                           List<Evidence> evidence, Long translationOf) {
    public PackRebuttal {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(claim, "claim");
        shortAnswer = shortAnswer == null ? "" : shortAnswer;
        fullText = fullText == null ? "" : fullText;
        appearances = List.copyOf(appearances);
        evidence = List.copyOf(evidence);
    }

    /** A page where the claim appeared: an item of its cluster. */
    public record Appearance(URI url, String title, String source, Instant seenAt) {
    }

    /**
     * A piece of evidence.
     *
     * @param sha256   of the kept snapshot, or null when none was kept (then {@code problem} says why)
     * @param fileName the snapshot's name inside the pack ("evidence/&lt;sha256&gt;"), or null
     */
    public record Evidence(int position, URI url, Long itemId, String title, String note, Instant takenAt, String sha256,
                           String contentType, String problem, String fileName) {
    }
}
