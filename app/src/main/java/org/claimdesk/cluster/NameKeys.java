package org.claimdesk.cluster;

import java.text.Normalizer;
import java.util.function.Consumer;

/**
 * A name written in any of the scripts a desk reads (Latin, Arabic, Cyrillic, Greek, Hebrew,
 * katakana) reduced to a key of consonant classes, so that the same name in different scripts
 * meets: الموصل, モスル, Мосул, Mosul and Mossoul all give {@code msr}; أنقرة, アンカラ, Анкара and
 * Ankara give {@code nkr}. Vowels, h, w and y are dropped (scripts and transliterations disagree most
 * on them, and Russian and Arabic endings are mostly vowels); b/p/f/v, t/d, k/g/q, s/z/j and l/r
 * each fold into one class (Arabic has no p or v, Japanese no l); n before b is m (トランプ, Trump).
 *
 * <p>Our own tables, not ICU's transliterators: those take 50–100 µs a word here (a whole Arabic
 * item would cost milliseconds, the first use of a script 0.1–0.8 s) and give pinyin for kanji,
 * which meets nothing. Kanji and hangul names get no key.
 */
final class NameKeys {
    private static final char NONE = 0;
    /** Latin letters a–z to their class, '.' for none (c, j and x are decided in context). */
    private static final String LATIN = ".bkt.bk..skrmn.bkrst.b.s.s";
    private static final char[] ARABIC = new char[0x700 - 0x600];
    private static final char[] CYRILLIC = new char[0x500 - 0x400];
    private static final char[] GREEK = new char[0x3D0 - 0x370];
    private static final char[] HEBREW = new char[0x5F0 - 0x5D0];
    private static final char[] KATAKANA = new char[0x3100 - 0x30A0];

    static {
        classes(ARABIC, 0x600, "بپفڤ", 'b');
        classes(ARABIC, 0x600, "تثدذضطظ", 't');
        classes(ARABIC, 0x600, "كقغخگکڭ", 'k');
        classes(ARABIC, 0x600, "سصزشجژچ", 's');
        classes(ARABIC, 0x600, "لر", 'r');
        classes(ARABIC, 0x600, "م", 'm');
        classes(ARABIC, 0x600, "ن", 'n');
        classes(CYRILLIC, 0x400, "бвпф", 'b');
        classes(CYRILLIC, 0x400, "тд", 't');
        classes(CYRILLIC, 0x400, "кгхчґ", 'k');
        classes(CYRILLIC, 0x400, "сзжшщц", 's');
        classes(CYRILLIC, 0x400, "лр", 'r');
        classes(CYRILLIC, 0x400, "м", 'm');
        classes(CYRILLIC, 0x400, "н", 'n');
        classes(GREEK, 0x370, "βπφψ", 'b');
        classes(GREEK, 0x370, "τδθ", 't');
        classes(GREEK, 0x370, "κγχξ", 'k');
        classes(GREEK, 0x370, "σςζ", 's');
        classes(GREEK, 0x370, "λρ", 'r');
        classes(GREEK, 0x370, "μ", 'm');
        classes(GREEK, 0x370, "ν", 'n');
        classes(HEBREW, 0x5D0, "בפף", 'b');
        classes(HEBREW, 0x5D0, "דטת", 't');
        classes(HEBREW, 0x5D0, "גכךקח", 'k');
        classes(HEBREW, 0x5D0, "זסצץש", 's');
        classes(HEBREW, 0x5D0, "לר", 'r');
        classes(HEBREW, 0x5D0, "מם", 'm');
        classes(HEBREW, 0x5D0, "נן", 'n');
        // by the consonant of each kana's syllable; チ and ツ stand for ti and tu in foreign names
        classes(KATAKANA, 0x30A0, "カガキギクグケゲコゴヵヶ", 'k');
        classes(KATAKANA, 0x30A0, "サザシジスズセゼソゾヂヅ", 's');
        classes(KATAKANA, 0x30A0, "タダチツテデトド", 't');
        classes(KATAKANA, 0x30A0, "ナニヌネノン", 'n');
        classes(KATAKANA, 0x30A0, "フバパビピブプベペボポヴヷヸヹヺ", 'b');
        classes(KATAKANA, 0x30A0, "マミムメモ", 'm');
        classes(KATAKANA, 0x30A0, "ラリルレロ", 'r');
    }

    private static void classes(char[] table, int base, String letters, char key) {
        for (int i = 0; i < letters.length(); i++) {
            table[letters.charAt(i) - base] = key;
        }
    }

    private NameKeys() {
    }

    /** The keys of each word of a name the analysis found ("Wolodymyr Selenskyj": two keys). */
    static void ofName(String name, int minConsonants, Consumer<String> keys) {
        words(name, minConsonants, false, keys);
    }

    /**
     * The keys of the words in a text that may be names where the analysis finds none: every word
     * of an uncased script (Arabic, Hebrew; katakana runs) and the capitalised words of Cyrillic
     * and Greek. Latin words get none: the analysis finds names there, and a key for every word of
     * an English stream would be a fuzzier copy of the word.
     */
    static void ofText(String text, int minConsonants, Consumer<String> keys) {
        words(text, minConsonants, true, keys);
    }

    private static void words(String text, int minConsonants, boolean onlyLikelyNames, Consumer<String> keys) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            Script script = Script.of(text.charAt(i));
            if (script == Script.OTHER) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Script.of(text.charAt(i)) == script || isJoiner(text.charAt(i), script))) {
                i++;
            }
            if (!onlyLikelyNames || script.uncased()
                    || script != Script.LATIN && Character.isUpperCase(text.charAt(start))) {
                String key = key(text.substring(start, i), script);
                if (key.length() >= minConsonants) {
                    keys.accept(key);
                }
            }
        }
    }

    /** Marks inside a word (Arabic vowel signs, the katakana long vowel) do not end it. */
    private static boolean isJoiner(char c, Script script) {
        return script == Script.KATAKANA && c == 'ー'
                || script == Script.ARABIC && ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640);
    }

    static String key(String word, Script script) {
        String w = switch (script) {
            case LATIN -> latinLetters(word);
            case ARABIC -> withoutArabicArticle(word);
            case CYRILLIC, GREEK -> word.toLowerCase(java.util.Locale.ROOT);
            default -> word;
        };
        StringBuilder key = new StringBuilder(8);
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            char k = switch (script) {
                case LATIN -> latin(w, i);
                case ARABIC -> ARABIC[c - 0x600];
                case CYRILLIC -> CYRILLIC[c - 0x400];
                case GREEK -> GREEK[c - 0x370];
                case HEBREW -> HEBREW[c - 0x5D0];
                case KATAKANA -> c >= 0x30A0 && c < 0x3100 ? KATAKANA[c - 0x30A0] : NONE;
                case OTHER -> NONE;
            };
            if (script == Script.LATIN && c == 'x') {
                append(key, 'k');
                k = 's';
            }
            append(key, k);
        }
        return key.toString();
    }

    private static void append(StringBuilder key, char k) {
        if (k == NONE) {
            return;
        }
        int last = key.length() - 1;
        if (last >= 0 && key.charAt(last) == k) {
            return;
        }
        if (k == 'b' && last >= 0 && key.charAt(last) == 'n') {
            key.setCharAt(last, 'm');
            if (last > 0 && key.charAt(last - 1) == 'm') {
                key.setLength(last);
            }
        }
        key.append(k);
    }

    private static char latin(String w, int i) {
        char c = w.charAt(i);
        if (c < 'a' || c > 'z') {
            return NONE;
        }
        char next = i + 1 < w.length() ? w.charAt(i + 1) : ' ';
        return switch (c) {
            // c is s before e, i, y and k elsewhere; "sch" is one sound, as is "ch" in most spellings
            case 'c' -> "eiy".indexOf(next) >= 0 ? 's' : (i > 0 && w.charAt(i - 1) == 's' ? NONE : 'k');
            // j after a vowel or at the end is a y (Selenskyj, Sarajevo as spelt in German)
            case 'j' -> "aeiou".indexOf(next) >= 0 && (i == 0 || "aeiouy".indexOf(w.charAt(i - 1)) < 0) ? 's' : NONE;
            default -> LATIN.charAt(c - 'a') == '.' ? NONE : LATIN.charAt(c - 'a');
        };
    }

    /** Lower case, accents off (Erdoğan, Mossoul, Kušnir), a few letters accents do not reach. */
    private static String latinLetters(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 0x80;
        }
        if (ascii) {
            return lower;
        }
        StringBuilder b = new StringBuilder(lower.length());
        for (char c : Normalizer.normalize(lower, Normalizer.Form.NFD).toCharArray()) {
            switch (c) {
                case 'ß' -> b.append("ss");
                case 'ł' -> b.append('l');
                case 'ø' -> b.append('o');
                case 'đ' -> b.append('d');
                case 'ı' -> b.append('i');
                default -> {
                    if (c < 0x300 || c > 0x36F) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The article and the prepositions written onto it (الموصل, بالموصل: موصل). */
    private static String withoutArabicArticle(String word) {
        for (String prefix : new String[] {"وال", "بال", "فال", "كال", "لل", "ال"}) {
            if (word.length() - prefix.length() >= 3 && word.startsWith(prefix)) {
                return word.substring(prefix.length());
            }
        }
        return word;
    }

    /** The scripts with a table; a word is a run of letters of one of them. */
    enum Script {
        LATIN, ARABIC, CYRILLIC, GREEK, HEBREW, KATAKANA, OTHER;

        boolean uncased() {
            return this == ARABIC || this == HEBREW || this == KATAKANA;
        }

        static Script of(char c) {
            if (c < 0x80) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? LATIN : OTHER;
            }
            if (c < 0x250) {
                return Character.isLetter(c) ? LATIN : OTHER;
            }
            if (c >= 0x370 && c < 0x3D0) {
                return Character.isLetter(c) ? GREEK : OTHER;
            }
            if (c >= 0x400 && c < 0x500 && Character.isLetter(c)) {
                return CYRILLIC;
            }
            if (c >= 0x5D0 && c < 0x5F0) {
                return HEBREW;
            }
            if (c >= 0x620 && c < 0x6D4 && c != 0x640 && (c < 0x64B || c > 0x65F) && (c < 0x660 || c > 0x66D)) {
                return ARABIC;
            }
            if (c >= 0x30A1 && c <= 0x30FA) {
                return KATAKANA;
            }
            return OTHER;
        }
    }
}
