package org.claimdesk.nlp;

import java.util.List;

/**
 * Brings Arabic spellings of the same word to one form before matching: writers and keyboards
 * differ in hamza seats, final yeh/alef maqsura and teh marbuta/heh, and in whether they write
 * short vowels or stretch words with tatweel. Non-Arabic characters pass through unchanged.
 */
public final class ArabicNormalizer {

    /** Definite article and the clitics that commonly precede it, longest first. */
    private static final List<String> ARTICLE_PREFIXES = List.of("وال", "بال", "كال", "فال", "لل", "ال");
    /** A prefix is only removed when at least this many letters remain (so "الم" stays a word). */
    private static final int MIN_STEM_LETTERS = 2;

    /** Character-level normalisation of a whole text; the result may be shorter (diacritics removed). */
    public String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDiacriticOrTatweel(c)) {
                continue;
            }
            out.append(switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> '\u0627'; // أ إ آ ٱ → ا
                case '\u0649' -> '\u064A'; // ى → ي
                case '\u0629' -> '\u0647'; // ة → ه
                default -> c;
            });
        }
        return out.toString();
    }

    /**
     * The form two words are compared in: {@link #normalize} plus the definite article (and a
     * leading wa/bi/ka/fa/li before it) removed, so that إرهاب and الارهاب meet.
     */
    public String matchKey(String word) {
        String normalized = normalize(word.strip());
        for (String prefix : ARTICLE_PREFIXES) {
            if (normalized.startsWith(prefix) && normalized.length() - prefix.length() >= MIN_STEM_LETTERS) {
                return normalized.substring(prefix.length());
            }
        }
        return normalized;
    }

    /** {@link #matchKey} applied to every whitespace-separated word; words are joined by one space. */
    public String matchKeys(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(matchKey(word));
        }
        return out.toString();
    }

    private static boolean isDiacriticOrTatweel(char c) {
        return (c >= '\u064B' && c <= '\u065F') // tanwin, harakat, shadda, sukun and extended marks
                || c == '\u0670'                 // superscript (dagger) alef
                || (c >= '\u0610' && c <= '\u061A') // honorific and Quranic signs above letters
                || (c >= '\u06D6' && c <= '\u06ED') // Quranic annotation marks
                || c == '\u0640';                // tatweel
    }
}
