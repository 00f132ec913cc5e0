package org.claimdesk.claims;

import org.claimdesk.nlp.ArabicSpelling;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a sentence as the cues and the model see them: NFKC, lower case, Arabic spelling
 * variants folded and Arabic's leading conjunction and article taken off (و، ف، ال...), so that
 * "والحكومة" and "الحكومة" are one word — a light stem in plain Java, cheap enough for every
 * sentence of every item.
 */
final class SentenceWords {
    private static final String[] ARABIC_PREFIXES = {"وال", "بال", "فال", "كال", "لل", "ال", "و", "ف"};

    private SentenceWords() {
    }

    /** The words of {@code text}: runs of letters, digits and marks, an inner apostrophe kept (don't, aujourd'hui). */
    static List<String> of(String text) {
        String normalised = normaliseText(text);
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = normalised.length();
        while (i < n) {
            int cp = normalised.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = normalised.codePointAt(i);
                if (isWordChar(c)) {
                    i += Character.charCount(c);
                } else if (c == '\'' && i + 1 < n && isWordChar(normalised.codePointAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            words.add(stripArabicPrefix(normalised.substring(start, i)));
        }
        return words;
    }

    /** One cue phrase normalised the way sentence words are, words joined by single spaces. */
    static String normaliseWord(String phrase) {
        boolean prefix = phrase.endsWith("*");
        String body = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
        String joined = String.join(" ", of(body));
        if (body.endsWith("'")) {
            joined += "'"; // "j'" stays a prefix form
        }
        return prefix ? joined + "*" : joined;
    }

    static String normaliseText(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u02BC', '\'');
        return ArabicSpelling.normalise(nfkc);
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    private static String stripArabicPrefix(String word) {
        if (word.isEmpty() || Character.UnicodeScript.of(word.codePointAt(0)) != Character.UnicodeScript.ARABIC) {
            return word;
        }
        for (String prefix : ARABIC_PREFIXES) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= 3) {
                return word.substring(prefix.length());
            }
        }
        return word;
    }
}
