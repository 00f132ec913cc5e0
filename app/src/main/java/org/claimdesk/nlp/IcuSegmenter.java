package org.claimdesk.nlp;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentences and words for every language without a CoreNLP or Kuromoji pipeline (Russian,
 * Persian, Turkish, Italian, Portuguese, Chinese without its models...) with ICU's break
 * iterators, which follow the Unicode rules and use dictionaries for scripts without spaces.
 * No lemmas, no entities.
 */
final class IcuSegmenter {

    Segmentation analyse(String text, String languageTag) {
        ULocale locale = DetectedLanguage.UNDETERMINED.equals(languageTag) ? ULocale.ROOT : ULocale.forLanguageTag(languageTag);
        // Break iterators keep position state: fresh ones per call (cloned from ICU's cache).
        BreakIterator sentenceBreaks = BreakIterator.getSentenceInstance(locale);
        BreakIterator wordBreaks = BreakIterator.getWordInstance(locale);
        List<Sentence> sentences = new ArrayList<>();
        int words = 0;
        for (TextSpan paragraph : TextSpan.paragraphs(text)) {
            String paragraphText = text.substring(paragraph.start(), paragraph.end());
            sentenceBreaks.setText(paragraphText);
            int start = sentenceBreaks.first();
            for (int end = sentenceBreaks.next(); end != BreakIterator.DONE; start = end, end = sentenceBreaks.next()) {
                int s = start;
                int e = end;
                while (s < e && Character.isWhitespace(paragraphText.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(paragraphText.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    int base = paragraph.start();
                    sentences.add(new Sentence(base + s, base + e, text.substring(base + s, base + e)));
                }
            }
            wordBreaks.setText(paragraphText);
            wordBreaks.first();
            while (wordBreaks.next() != BreakIterator.DONE) {
                if (wordBreaks.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT) {
                    words++; // letters, numbers, kana, ideographs; not spaces or punctuation
                }
            }
        }
        return new Segmentation(AnalysisEngine.ICU, sentences, words, List.of(), List.of());
    }
}
