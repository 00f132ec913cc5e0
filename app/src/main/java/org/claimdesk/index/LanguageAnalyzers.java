package org.claimdesk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One analyzer per {@link TextLanguage}, and the per-field analyzer the writer, the query parser
 * and the highlighter share, so that text is read the same way when indexed, queried and marked.
 */
final class LanguageAnalyzers implements AutoCloseable {
    private final Map<TextLanguage, Analyzer> byLanguage = new EnumMap<>(TextLanguage.class);
    private final Analyzer perField;

    LanguageAnalyzers() {
        for (TextLanguage language : TextLanguage.values()) {
            byLanguage.put(language, create(language));
        }
        Map<String, Analyzer> fields = new HashMap<>();
        for (TextLanguage language : TextLanguage.values()) {
            fields.put(IndexFields.title(language), byLanguage.get(language));
            fields.put(IndexFields.body(language), byLanguage.get(language));
            fields.put(IndexFields.claim(language), byLanguage.get(language));
        }
        // keyword fields are not analysed (StringField / KeywordField); the default only serves stray fields
        perField = new PerFieldAnalyzerWrapper(byLanguage.get(TextLanguage.OTHER), fields);
    }

    private static Analyzer create(TextLanguage language) {
        return switch (language) {
            // normalises alef/hamza forms, yeh, teh marbuta, removes diacritics and tatweel, light stemming
            case ARABIC -> new ArabicAnalyzer();
            case GERMAN -> new GermanCompoundAnalyzer();
            case ENGLISH -> new EnglishAnalyzer();
            // Kuromoji morphological analysis: Japanese written without spaces is split into words
            case JAPANESE -> new JapaneseAnalyzer();
            case FRENCH -> new FrenchAnalyzer();
            case SPANISH -> new SpanishAnalyzer();
            case ITALIAN -> new ItalianAnalyzer();
            case PORTUGUESE -> new PortugueseAnalyzer();
            case RUSSIAN -> new RussianAnalyzer();
            case PERSIAN -> new PersianAnalyzer();
            case TURKISH -> new TurkishAnalyzer();
            case CJK -> new CJKAnalyzer();
            case OTHER -> new StandardAnalyzer();
        };
    }

    Analyzer perField() {
        return perField;
    }

    Analyzer of(TextLanguage language) {
        return byLanguage.get(language);
    }

    @Override
    public void close() {
        perField.close();
        byLanguage.values().forEach(Analyzer::close);
    }
}
