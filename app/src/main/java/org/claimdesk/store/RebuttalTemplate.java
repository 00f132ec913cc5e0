package org.claimdesk.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A skeleton for a common shape of rebuttal (a fabricated quote, an image out of context, …): the
 * claim, the short answer and the full text in Markdown, with blanks in [brackets] for the analyst
 * to fill.
 *
 * @param id          null for a template not saved yet
 * @param builtInKey  the shipped template it is (e.g. "fabricated-quote"), or null for the team's own
 * @param edited      true when the team changed a built-in one (restoring puts the shipped words back)
 * @param updatedAt   when it was last saved, null before it is
 */
public record RebuttalTemplate(Long id, String builtInKey, String name, String language, String claim, String shortAnswer,
                               String fullText, boolean edited, Instant updatedAt) {
    public RebuttalTemplate {
        name = Objects.requireNonNullElse(name, "").strip();
        language = language == null || language.isBlank() ? "und" : language.strip();
        claim = Objects.requireNonNullElse(claim, "");
        shortAnswer = Objects.requireNonNullElse(shortAnswer, "");
        fullText = Objects.requireNonNullElse(fullText, "");
    }

    /** A new template of the team's own, to save. */
    public static RebuttalTemplate of(String name, String language, String claim, String shortAnswer, String fullText) {
        return new RebuttalTemplate(null, null, name, language, claim, shortAnswer, fullText, false, null);
    }

    /** Shipped with ClaimDesk (possibly edited since), as opposed to one the team wrote. */
    public boolean builtIn() {
        return builtInKey != null;
    }

    /** The same template with other words: what an analyst's edit saves. */
    public RebuttalTemplate withText(String newName, String newClaim, String newShortAnswer, String newFullText) {
        return new RebuttalTemplate(id, builtInKey, newName, language, newClaim, newShortAnswer, newFullText, edited, updatedAt);
    }
}
