package org.claimdesk.export;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The fixed words of a pack's page (labels, headings, table headers) in one language, from
 * {@code org/claimdesk/export/pack-words*.properties}; English for a language that has no file of
 * its own. A rebuttal's section speaks its rebuttal's language, so an Arabic reader never meets
 * English labels in a right-to-left page.
 */
final class PackWords {
    static final String BUNDLE = "org.claimdesk.export.pack-words";
    /** The languages with their own words; any other gets English. */
    static final List<String> LANGUAGES = List.of("en", "ar", "ja", "de", "fr", "es");
    // without this, a language with no file would get the words of the machine's default locale, not English
    private static final ResourceBundle.Control ENGLISH_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private PackWords(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The words for a language tag ("ar", "pt-BR"); English when there are none for it. */
    static PackWords of(String languageTag) {
        Locale locale = languageTag == null ? Locale.ROOT : Locale.forLanguageTag(languageTag);
        return new PackWords(ResourceBundle.getBundle(BUNDLE, locale, ENGLISH_FALLBACK));
    }

    /** The page's own language when every rebuttal in it has the same one, else English. */
    static String commonLanguage(List<PackRebuttal> rebuttals) {
        List<String> languages = rebuttals.stream().map(r -> r.language().toLowerCase(Locale.ROOT)).distinct().toList();
        return languages.size() == 1 ? languages.getFirst() : "en";
    }

    String word(String key) {
        return bundle.getString(key);
    }
}
