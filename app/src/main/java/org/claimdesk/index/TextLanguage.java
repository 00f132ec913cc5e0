package org.claimdesk.index;

import java.util.Locale;

/**
 * The analysis group of an item's text: which analyzer reads it and which pair of fields holds
 * it. Each item's text lives only in its own group's fields, so a query is parsed once per group
 * and each part is restricted to that group's items.
 */
public enum TextLanguage {
    ARABIC("ar", true),
    GERMAN("de", false),
    ENGLISH("en", false),
    JAPANESE("ja", false),
    FRENCH("fr", false),
    SPANISH("es", false),
    ITALIAN("it", false),
    PORTUGUESE("pt", false),
    RUSSIAN("ru", false),
    PERSIAN("fa", true),
    TURKISH("tr", false),
    /** Chinese and Korean: CJK bigrams. */
    CJK("cjk", false),
    /** Every other language, and items whose language is unknown. */
    OTHER("std", false);

    private final String key;
    private final boolean rightToLeft;

    TextLanguage(String key, boolean rightToLeft) {
        this.key = key;
        this.rightToLeft = rightToLeft;
    }

    /** Short name used in field names ({@code title_ar}) and in the index. */
    public String key() {
        return key;
    }

    public static TextLanguage ofKey(String key) {
        for (TextLanguage language : values()) {
            if (language.key.equals(key)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown analysis group '" + key + "'");
    }

    /** The group for a BCP 47 language tag as stored with an item ("ar", "en-GB", "zh-Hant"), or OTHER. */
    public static TextLanguage of(String languageTag) {
        return switch (primarySubtag(languageTag)) {
            case "ar" -> ARABIC;
            case "de" -> GERMAN;
            case "en" -> ENGLISH;
            case "ja" -> JAPANESE;
            case "fr" -> FRENCH;
            case "es" -> SPANISH;
            case "it" -> ITALIAN;
            case "pt" -> PORTUGUESE;
            case "ru" -> RUSSIAN;
            case "fa" -> PERSIAN;
            case "tr" -> TURKISH;
            case "zh", "ko" -> CJK;
            default -> OTHER;
        };
    }

    /** "ar" for "ar-EG"; "und" (undetermined) when there is no tag. */
    public static String primarySubtag(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return "und";
        }
        String tag = languageTag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** Languages written right to left, so that a view can lay out their snippets accordingly. */
    public static boolean isRightToLeft(String languageTag) {
        return switch (primarySubtag(languageTag)) {
            case "ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug" -> true;
            default -> false;
        };
    }

    /** A locale for sentence breaking in snippets. */
    Locale locale() {
        return switch (this) {
            case CJK -> Locale.CHINESE;
            case OTHER -> Locale.ROOT;
            default -> Locale.forLanguageTag(key);
        };
    }
}
