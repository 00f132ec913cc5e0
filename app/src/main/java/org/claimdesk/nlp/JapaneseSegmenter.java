package org.claimdesk.nlp;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Japanese with Lucene's Kuromoji: morphological tokens (Japanese has no spaces), sentences ending
 * at 。！？ (a closing bracket after the mark stays in the sentence), and entities from the
 * dictionary's proper-noun classes (人名 person, 組織 organisation, 地域 place), which costs
 * nothing beyond tokenising. Lemmas are the dictionary base forms.
 */
final class JapaneseSegmenter {

    Segmentation analyse(String text, AnalysisPath path) {
        List<Sentence> sentences = new ArrayList<>();
        for (TextSpan paragraph : TextSpan.paragraphs(text)) {
            splitSentences(text, paragraph, sentences);
        }
        List<String> lemmas = new ArrayList<>();
        List<NamedEntity> entities = new ArrayList<>();
        int tokens = 0;
        // A tokenizer keeps state between tokens: one per call (the dictionary itself is shared by Lucene).
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            BaseFormAttribute baseForm = tokenizer.addAttribute(BaseFormAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            EntityType openType = null;
            int openStart = -1;
            int openEnd = -1;
            while (tokenizer.incrementToken()) {
                tokens++;
                if (path == AnalysisPath.FULL) {
                    String base = baseForm.getBaseForm();
                    lemmas.add(base != null ? base : term.toString());
                }
                EntityType type = isLatinOnly(term) ? null : entityType(pos.getPartOfSpeech());
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (type != null && type == openType && start == openEnd) {
                    openEnd = end; // 山田 + 太郎 → one person
                    continue;
                }
                if (openType != null) {
                    entities.add(new NamedEntity(text.substring(openStart, openEnd), openType, openStart, openEnd));
                }
                openType = type;
                openStart = start;
                openEnd = end;
            }
            if (openType != null) {
                entities.add(new NamedEntity(text.substring(openStart, openEnd), openType, openStart, openEnd));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
        return new Segmentation(AnalysisEngine.KUROMOJI, sentences, tokens, lemmas, entities);
    }

    /** Kuromoji files every unknown Latin word (menu text, "Reply") as an organisation name: not evidence. */
    private static boolean isLatinOnly(CharSequence term) {
        return term.codePoints().allMatch(cp -> cp < 0x250 || Character.isWhitespace(cp));
    }

    private static EntityType entityType(String partOfSpeech) {
        if (partOfSpeech == null || !partOfSpeech.startsWith("名詞-固有名詞-")) {
            return null;
        }
        if (partOfSpeech.startsWith("名詞-固有名詞-人名")) {
            return EntityType.PERSON;
        }
        if (partOfSpeech.startsWith("名詞-固有名詞-組織")) {
            return EntityType.ORGANIZATION;
        }
        if (partOfSpeech.startsWith("名詞-固有名詞-地域")) {
            return EntityType.LOCATION;
        }
        return null;
    }

    private static void splitSentences(String text, TextSpan paragraph, List<Sentence> out) {
        int start = paragraph.start();
        int i = start;
        while (i < paragraph.end()) {
            char c = text.charAt(i);
            i++;
            if (isSentenceEnd(c)) {
                while (i < paragraph.end() && (isSentenceEnd(text.charAt(i)) || isClosingBracket(text.charAt(i)))) {
                    i++;
                }
                addTrimmed(text, start, i, out);
                start = i;
            }
        }
        addTrimmed(text, start, paragraph.end(), out);
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '．';
    }

    private static boolean isClosingBracket(char c) {
        return c == '」' || c == '』' || c == '）' || c == ')' || c == '】' || c == '〉' || c == '》' || c == '”';
    }

    private static void addTrimmed(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(start, end, text.substring(start, end)));
        }
    }
}
