package org.claimdesk.nlp;

import java.util.Objects;

/**
 * The language of a text.
 *
 * @param tag      BCP 47 language tag ("ar", "en", "ja"...), or {@link #UNDETERMINED}
 * @param reliable true when the text itself clearly showed the language
 * @param basis    what the decision rests on
 */
public record DetectedLanguage(String tag, boolean reliable, Basis basis) {
    /** BCP 47 tag for "undetermined". */
    public static final String UNDETERMINED = "und";

    public enum Basis {
        /** Detected from the text. */
        TEXT,
        /** The text was too short to tell; the feed's or source's language hint was used. */
        HINT,
        /** Too short to tell and no hint. */
        NONE
    }

    public DetectedLanguage {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(basis, "basis");
    }

    static DetectedLanguage undetermined() {
        return new DetectedLanguage(UNDETERMINED, false, Basis.NONE);
    }
}
