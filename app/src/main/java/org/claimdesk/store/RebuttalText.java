package org.claimdesk.store;

import java.util.Objects;

/**
 * What an analyst writes of a rebuttal: the claim as stated, the verdict (a key of the rating
 * scale, null until chosen), the short answer for social media, and the full text in Markdown.
 */
public record RebuttalText(String claim, String verdict, String shortAnswer, String fullText) {
    public RebuttalText {
        claim = Objects.requireNonNullElse(claim, "");
        verdict = verdict == null || verdict.isBlank() ? null : verdict.strip();
        shortAnswer = Objects.requireNonNullElse(shortAnswer, "");
        fullText = Objects.requireNonNullElse(fullText, "");
    }
}
