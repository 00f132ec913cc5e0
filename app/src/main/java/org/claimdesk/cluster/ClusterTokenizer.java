package org.claimdesk.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Words for clustering, fast and without CoreNLP: lower-cased runs of Unicode letters and digits,
 * a light stemmer for Latin scripts, Arabic spelling folded, and character bigrams for Chinese and
 * Japanese (no word boundaries there; bigrams are what search engines fall back on too). Numbers
 * come out separately, with their digits made ASCII and their separators dropped, because they
 * are the same in every language.
 */
final class ClusterTokenizer {
    /** Words that say nothing about a story; the streaming IDF would learn them, but only after a while. */
    private static final Set<String> STOPWORDS = Set.copyOf(java.util.Arrays.asList(
            "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were", "be", "been",
            "by", "with", "as", "at", "from", "it", "its", "this", "that", "these", "those", "has", "have", "had",
            "will", "would", "can", "could", "not", "but", "after", "over", "into", "about", "up", "out", "new",
            "says", "said", "say", "he", "she", "they", "we", "you", "his", "her", "their", "our", "than", "more",
            "der", "die", "das", "und", "ist", "ein", "eine", "einen", "dem", "den", "des", "mit", "von", "zu",
            "im", "auf", "für", "nach", "bei", "sich", "nicht", "auch", "wird", "hat", "aus", "als",
            "le", "la", "les", "de", "du", "des", "un", "une", "et", "est", "en", "au", "aux", "pour", "dans",
            "el", "los", "las", "del", "y", "que", "por", "con", "se", "una",
            "في", "من", "على", "الى", "عن", "ان", "مع", "هذا", "هذه", "التي", "الذي", "ما", "لا", "او", "قد", "كان"));

    /** Between digits: thousands or a decimal point (Latin, Arabic and full-width forms). */
    private static final String SEPARATORS = ",.٬٫，．";
    private static final String SPACES = " \u00A0\u202F";
    private static final String CJK_SCALES = "千万億";
    private static final BigDecimal[] CJK_SCALE_VALUES = {BigDecimal.valueOf(1_000), BigDecimal.valueOf(10_000),
        BigDecimal.valueOf(100_000_000)};
    /** The words for thousand, million and billion after a number, in the languages the desk analyses. */
    private static final Map<String, BigDecimal> SCALE_WORDS = scaleWords(Map.of(
            1_000L, "thousand tausend mille mil тыс тысяча тысячи тысяч ألف آلاف",
            1_000_000L, "million millions millionen mio millón millones миллион миллиона миллионов млн مليون ملايين",
            1_000_000_000L, "billion billions milliard milliards milliarde milliarden mrd миллиард миллиарда миллиардов "
                    + "млрд مليار مليارات"));

    private static Map<String, BigDecimal> scaleWords(Map<Long, String> words) {
        Map<String, BigDecimal> map = new HashMap<>();
        words.forEach((scale, list) -> {
            for (String w : list.split(" ")) {
                map.put(w, BigDecimal.valueOf(scale));
            }
        });
        return Map.copyOf(map);
    }

    /** One piece of text made into words and numbers. */
    record Tokens(List<String> words, List<String> numbers) {
    }

    Tokens tokens(String text, String language) {
        List<String> words = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return new Tokens(words, numbers);
        }
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        int n = text.length();
        int i = 0;
        StringBuilder run = new StringBuilder(32);
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isCjk(cp)) {
                int start = i;
                while (i < n && isCjk(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                cjkBigrams(text.substring(start, i), words);
            } else if (Character.isDigit(cp)) {
                run.setLength(0);
                boolean spaceGrouped = false;
                // 25,000 and 25.000 and ٢٥٠٠٠ are one number; a trailing separator is punctuation
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (Character.isDigit(c)) {
                        run.append((char) ('0' + Character.digit(c, 10)));
                    } else if (SEPARATORS.indexOf(c) >= 0 && i + 1 < n && Character.isDigit(text.codePointAt(i + 1))) {
                        // three digits after a separator group thousands (1,250 and 1.250); fewer make a
                        // decimal point (47.5 and the German 47,5)
                        if (digitsFrom(text, i + 1) != 3) {
                            run.append('.');
                        }
                    } else if (SPACES.indexOf(c) >= 0 && i + 1 < n && digitsFrom(text, i + 1) == 3
                            && (spaceGrouped || run.length() <= 3 && run.indexOf(".") < 0)) {
                        // French and Russian group thousands with a space: 1 250, 41 000 (not "2024 100")
                        spaceGrouped = true;
                    } else {
                        break;
                    }
                    i += Character.charCount(c);
                }
                String number = stripDecimalZeros(run.toString());
                numbers.add(number);
                i = scaled(text, i, number, numbers);
            } else if (Character.isLetter(cp) || isArabicMark(cp)) {
                run.setLength(0);
                boolean arabic = false;
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (isCjk(c) || !(Character.isLetterOrDigit(c) || isArabicMark(c))) {
                        break;
                    }
                    arabic |= Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
                    run.appendCodePoint(Character.toLowerCase(c));
                    i += Character.charCount(c);
                }
                String word = arabic ? ArabicFolding.fold(run) : latinStem(run.toString(), lang);
                if (word.length() > 1 && !STOPWORDS.contains(word)) {
                    words.add(word);
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return new Tokens(words, numbers);
    }

    /**
     * "1.2 million", "1,2 Millionen", "3,2 млн", "1.2 مليون" and "120万" are one number, 1200000,
     * said the way each language says it; the number as written stays too. Returns where reading
     * goes on: after a Japanese or Chinese unit and the digits written onto it (4万1000), else at once.
     */
    private static int scaled(String text, int i, String number, List<String> numbers) {
        int n = text.length();
        if (i < n && CJK_SCALES.indexOf(text.charAt(i)) >= 0) {
            BigDecimal value = new BigDecimal(number).multiply(CJK_SCALE_VALUES[CJK_SCALES.indexOf(text.charAt(i))]);
            int k = i + 1;
            int digits = 0;
            while (k + digits < n && Character.isDigit(text.charAt(k + digits)) && digits < 9) {
                digits++;
            }
            if (digits > 0) {
                long rest = 0;
                for (int d = 0; d < digits; d++) {
                    rest = rest * 10 + Character.digit(text.charAt(k + d), 10);
                }
                value = value.add(BigDecimal.valueOf(rest));
            }
            numbers.add(value.stripTrailingZeros().toPlainString());
            // the digits after the unit are part of this number, not one of their own
            return digits > 0 ? k + digits : i;
        }
        int k = i;
        while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\u00A0' || text.charAt(k) == '\u202F')) {
            k++;
        }
        int start = k;
        while (k < n && Character.isLetter(text.charAt(k)) && k - start < 12) {
            k++;
        }
        if (k > start) {
            BigDecimal scale = SCALE_WORDS.get(text.substring(start, k).toLowerCase(Locale.ROOT));
            if (scale != null) {
                numbers.add(new BigDecimal(number).multiply(scale).stripTrailingZeros().toPlainString());
            }
        }
        return i;
    }

    private static int digitsFrom(String text, int start) {
        int k = start;
        while (k < text.length() && Character.isDigit(text.charAt(k))) {
            k++;
        }
        return k - start;
    }

    private static String stripDecimalZeros(String number) {
        int dot = number.indexOf('.');
        if (dot < 0) {
            return number;
        }
        int end = number.length();
        while (end > dot + 1 && number.charAt(end - 1) == '0') {
            end--;
        }
        return end == dot + 1 ? number.substring(0, dot) : number.substring(0, end);
    }

    private static void cjkBigrams(String run, List<String> words) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            words.add(new String(cps, 0, 1));
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            words.add(new String(cps, k, 2));
        }
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || cp == 'ー';
    }

    private static boolean isArabicMark(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640;
    }

    /**
     * Plural and a few inflections off, by language where it is known and English-like otherwise:
     * "recalls", "recalled" and "recalling" meet; nothing a stemmer library would do better for
     * the cost of a headline.
     */
    static String latinStem(String w, String lang) {
        int len = w.length();
        if (len <= 3) {
            return w;
        }
        if (w.endsWith("'s") || w.endsWith("’s")) {
            w = w.substring(0, len - 2);
            len -= 2;
        }
        switch (lang) {
            case "de" -> {
                for (String end : new String[] {"ern", "en", "er", "es", "e", "n", "s"}) {
                    if (len - end.length() >= 4 && w.endsWith(end)) {
                        return w.substring(0, len - end.length());
                    }
                }
                return w;
            }
            case "fr", "es", "it", "pt" -> {
                if (len > 4 && w.endsWith("es")) {
                    return w.substring(0, len - 2);
                }
                if (len > 4 && (w.endsWith("s") || w.endsWith("e"))) {
                    return w.substring(0, len - 1);
                }
                return w;
            }
            default -> {
                if (len > 4 && w.endsWith("ies")) {
                    return w.substring(0, len - 3) + "y";
                }
                if (len > 5 && w.endsWith("ing")) {
                    return undouble(w.substring(0, len - 3));
                }
                if (len > 4 && w.endsWith("ed")) {
                    return undouble(w.substring(0, len - 2));
                }
                if (len > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
                    return w.substring(0, len - 2);
                }
                if (len > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
                    return w.substring(0, len - 1);
                }
                return w;
            }
        }
    }

    private static String undouble(String stem) {
        int l = stem.length();
        if (l > 2 && stem.charAt(l - 1) == stem.charAt(l - 2) && "lsz".indexOf(stem.charAt(l - 1)) < 0) {
            return stem.substring(0, l - 1);
        }
        return stem;
    }
}
