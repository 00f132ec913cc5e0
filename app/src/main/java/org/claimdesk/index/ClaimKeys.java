package org.claimdesk.index;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a claim says the same way in every language: its numbers (digits of any script made ASCII,
 * thousands separators dropped, "2,5" and "2.5" alike), names written in Latin letters (capitalised
 * words and acronyms, accents folded) and codes that mix letters and digits (5G, COVID-19). A claim
 * in English and its fact-check in Spanish or Arabic often share nothing else; these keys are how
 * matching crosses languages without a translation model. Also the clean-up of a claim's text
 * before matching: addresses, handles and the hash of hashtags go.
 */
final class ClaimKeys {
    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,'\u066B\u066C]\\p{Nd}+)*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}\\p{M}-]*");
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{Nd}])@[\\p{L}\\p{Nd}_]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Capitalised words that start sentences or are common enough to say nothing. */
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "there", "they", "and", "but",
            "for", "with", "from", "breaking", "video", "photo", "watch", "new", "now", "news", "el", "la", "los", "las",
            "un", "una", "en", "es", "le", "les", "des", "une", "der", "die", "das", "und", "ein", "eine", "il", "lo",
            "não", "nao", "o", "a", "um", "uma");

    private ClaimKeys() {
    }

    /** The claim without what says nothing about it: web addresses, @handles, the # of hashtags. */
    static String normalise(String claim) {
        String text = ADDRESS.matcher(claim).replaceAll(" ");
        text = HANDLE.matcher(text).replaceAll(" ");
        text = text.replace('#', ' ');
        return text.replaceAll("\\s+", " ").strip();
    }

    /** "n:1500" for numbers, "w:gates" for names and codes, in the order they come. */
    static Set<String> of(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        Matcher numbers = NUMBER.matcher(text);
        while (numbers.find()) {
            keys.add("n:" + number(numbers.group()));
        }
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (isName(word)) {
                String folded = fold(word);
                if (folded.length() >= 2 && !NOT_NAMES.contains(folded)) {
                    keys.add("w:" + folded);
                    addSkeleton(keys, latinSkeleton(folded));
                }
            } else if (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.ARABIC) {
                addSkeleton(keys, arabicSkeleton(word));
            }
        }
        return keys;
    }

    private static void addSkeleton(Set<String> keys, String skeleton) {
        if (skeleton.length() >= 2) {
            keys.add("s:" + skeleton);
        }
    }

    /**
     * A name's consonants as Arabic writes them (short vowels unwritten, no p or v), doubled ones
     * once: "Gates" and "غيتس" both give "gts", "Obama" and "أوباما" "bm", "Zuckerberg" and
     * "زوكربيرغ" "zkrbrg". A cheap transliteration: it finds names across the two scripts, and
     * the rarity weighting keeps short, common skeletons from counting for much.
     */
    static String latinSkeleton(String folded) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String mapped = switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> "";
                case 'p' -> "b";
                case 'v' -> "f";
                case 'c', 'q' -> "k";
                case 'x' -> "ks";
                default -> Character.isLetter(c) ? String.valueOf(c) : "";
            };
            appendUndoubled(out, mapped);
        }
        return out.toString();
    }

    static String arabicSkeleton(String word) {
        String w = word.length() > 4 && word.startsWith("ال") ? word.substring(2) : word;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            String mapped = switch (w.charAt(i)) {
                case 'ب' -> "b";
                case 'ت', 'ط' -> "t";
                case 'ث' -> "th";
                case 'ج' -> "j";
                case 'ح', 'ه' -> "h";
                case 'خ' -> "kh";
                case 'د', 'ض' -> "d";
                case 'ذ' -> "dh";
                case 'ر' -> "r";
                case 'ز', 'ظ' -> "z";
                case 'س', 'ص' -> "s";
                case 'ش' -> "sh";
                case 'غ' -> "g";
                case 'ف' -> "f";
                case 'ق', 'ك' -> "k";
                case 'ل' -> "l";
                case 'م' -> "m";
                case 'ن' -> "n";
                // alef, hamza forms, waw, yeh, teh marbuta, ain, marks: vowels or nothing in a Latin spelling
                default -> "";
            };
            appendUndoubled(out, mapped);
        }
        return out.toString();
    }

    private static void appendUndoubled(StringBuilder out, String mapped) {
        if (!mapped.isEmpty() && !(out.length() > 0 && out.charAt(out.length() - 1) == mapped.charAt(0) && mapped.length() == 1)) {
            out.append(mapped);
        }
    }

    /** A Latin word that starts with a capital (Gates, OMS), or one that mixes letters and digits (5G, COVID-19). */
    private static boolean isName(String word) {
        boolean letters = false;
        boolean digits = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            letters |= Character.isLetter(c);
            digits |= Character.isDigit(c);
        }
        if (letters && digits) {
            return true;
        }
        int first = word.codePointAt(0);
        return Character.isUpperCase(first) && Character.UnicodeScript.of(first) == Character.UnicodeScript.LATIN;
    }

    private static String fold(String word) {
        String plain = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        return plain.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** ASCII digits; a separator before exactly three digits groups thousands, another is the decimal point. */
    private static String number(String written) {
        StringBuilder out = new StringBuilder(written.length());
        String[] groups = written.split("[.,'\u066B\u066C]");
        out.append(digits(groups[0]));
        for (int i = 1; i < groups.length; i++) {
            boolean thousands = groups[i].length() == 3 && (i < groups.length - 1 || groups.length > 2 || groups[0].length() <= 3);
            out.append(thousands ? "" : ".").append(digits(groups[i]));
        }
        String number = out.toString();
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number.isEmpty() ? "0" : number;
    }

    private static String digits(String group) {
        StringBuilder ascii = new StringBuilder(group.length());
        group.codePoints().forEach(c -> ascii.append((char) ('0' + Character.digit(c, 10))));
        return ascii.toString();
    }
}
