package org.claimdesk.script;

import java.util.Locale;

/**
 * The script family an item is written in, as far as anything that shows it cares (the window,
 * an export): which way it runs and which fonts draw it correctly. Decided by the item's language tag, else by its first strong
 * character (many feeds do not declare a language).
 */
public enum WritingSystem {
    /** Latin, Cyrillic, Greek and everything the default font handles. */
    DEFAULT(false),
    ARABIC(true),
    HEBREW(true),
    JAPANESE(false),
    CHINESE_SIMPLIFIED(false),
    CHINESE_TRADITIONAL(false),
    KOREAN(false);

    private final boolean rightToLeft;

    WritingSystem(boolean rightToLeft) {
        this.rightToLeft = rightToLeft;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /**
     * @param languageTag BCP 47 tag of the item, or null/blank/"und" when unknown
     * @param sample      text to look at when the tag is unknown (title, then body), may be null
     */
    public static WritingSystem of(String languageTag, String sample) {
        WritingSystem byTag = byLanguageTag(languageTag);
        return byTag != null ? byTag : byFirstStrongCharacter(sample);
    }

    /** Null when the tag says nothing (missing, "und", or a language we do not know). */
    static WritingSystem byLanguageTag(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(languageTag.trim().replace('_', '-'));
        String language = locale.getLanguage();
        if (language.isEmpty() || language.equals("und")) {
            return null;
        }
        return switch (language) {
            // Languages written in Arabic script by default; Kurdish (ku) varies, so its text decides.
            case "ar", "fa", "ur", "ps", "ckb", "sd", "ug", "prs" -> ARABIC;
            // Java maps "he" to the old code "iw" on some versions; accept both, and Yiddish.
            case "he", "iw", "yi", "ji" -> HEBREW;
            case "ja" -> JAPANESE;
            case "ko" -> KOREAN;
            case "zh" -> chineseVariant(locale);
            default -> DEFAULT;
        };
    }

    private static WritingSystem chineseVariant(Locale locale) {
        String script = locale.getScript();
        if (script.equals("Hant")) {
            return CHINESE_TRADITIONAL;
        }
        if (script.equals("Hans")) {
            return CHINESE_SIMPLIFIED;
        }
        return switch (locale.getCountry()) {
            case "TW", "HK", "MO" -> CHINESE_TRADITIONAL;
            default -> CHINESE_SIMPLIFIED;
        };
    }

    /** The script of the first letter that has a direction of its own; digits and punctuation are skipped. */
    public static WritingSystem byFirstStrongCharacter(String sample) {
        if (sample == null) {
            return DEFAULT;
        }
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            byte direction = Character.getDirectionality(cp);
            boolean strong = direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            if (!strong) {
                continue;
            }
            return switch (Character.UnicodeScript.of(cp)) {
                case ARABIC, SYRIAC, THAANA -> ARABIC;
                case HEBREW -> HEBREW;
                case HIRAGANA, KATAKANA -> JAPANESE;
                // Kanji and Hanzi look alike: kana anywhere in the sample means Japanese.
                case HAN -> containsKana(sample) ? JAPANESE : CHINESE_SIMPLIFIED;
                case HANGUL -> KOREAN;
                default -> DEFAULT;
            };
        }
        return DEFAULT;
    }

    private static boolean containsKana(String sample) {
        return sample.codePoints().limit(2000).anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
        });
    }
}
