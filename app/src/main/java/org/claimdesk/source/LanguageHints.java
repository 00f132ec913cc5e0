package org.claimdesk.source;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Language hints are BCP 47 tags in their canonical case ({@code AR} becomes {@code ar}, {@code pt_br} becomes {@code pt-BR}). */
public final class LanguageHints {
    private LanguageHints() {
    }

    /**
     * The canonical form of a BCP 47 tag.
     *
     * @throws IllegalArgumentException with a message fit for the user when the tag is not well-formed
     */
    public static String normalise(String tag) {
        String t = tag.strip().replace('_', '-');
        try {
            String canonical = new Locale.Builder().setLanguageTag(t).build().toLanguageTag();
            if (t.isEmpty() || canonical.equals("und")) {
                throw new IllegalArgumentException("'" + tag + "' is not a language tag; write e.g. ar, en, de, ja, fr, es or pt-BR");
            }
            return canonical;
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("'" + tag
                    + "' is not a BCP 47 language tag; write e.g. ar, en, de, ja, fr, es or pt-BR", e);
        }
    }
}
