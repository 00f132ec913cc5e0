package org.claimdesk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Marks the query's words in stored titles and texts, re-analysing them with the field's own
 * analyzer (no offsets are stored: a smaller index, and only a page of hits is highlighted).
 * Titles are marked whole; texts give passages of about a sentence in the item's language.
 */
final class SnippetHighlighter extends UnifiedHighlighter {
    /** Articles can be long; the default (10,000 chars) would miss matches further in. */
    private static final int MAX_ANALYSED_CHARS = 300_000;
    private static final int PASSAGE_GOAL = 160;
    /** A passage longer than this (a long sentence) is cut to a window around its first match. */
    static final int MAX_SNIPPET = 280;

    SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(MAX_ANALYSED_CHARS)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withFormatter(new SnippetFormatter()));
    }

    /** For each field, per doc: a {@code List<Snippet>}, or null where the doc has no such field. */
    Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
        return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
        if (IndexFields.isTitleField(field)) {
            return new WholeBreakIterator();
        }
        TextLanguage language = IndexFields.languageOfField(field);
        BreakIterator sentences = BreakIterator.getSentenceInstance(language == null
                ? Locale.ROOT : language.locale());
        return LengthGoalBreakIterator.createClosestToLength(sentences, PASSAGE_GOAL, 0.5f);
    }

    @Override
    protected int getMaxNoHighlightPassages(String field) {
        return 1;
    }

    /** Turns passages into snippets with mark offsets, whitespace collapsed. */
    static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<Snippet> snippets = new ArrayList<>(passages.length);
            for (Passage passage : passages) {
                snippets.add(snippet(content, passage));
            }
            return snippets;
        }

        private static Snippet snippet(String content, Passage passage) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            if (end - start > MAX_SNIPPET) {
                int firstMatch = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
                start = Math.max(start, firstMatch - MAX_SNIPPET / 3);
                end = Math.min(end, start + MAX_SNIPPET);
                start = Math.min(wordStart(content, start, firstMatch), firstMatch);
                end = Math.max(wordEnd(content, end, passage.getEndOffset()), Math.min(end, firstMatch));
            }
            StringBuilder text = new StringBuilder(end - start + 2);
            int[] position = new int[end - start + 1];
            if (start > passage.getStartOffset()) {
                text.append('…');
            }
            boolean lastSpace = true;
            for (int i = start; i < end; i++) {
                position[i - start] = text.length();
                char c = content.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (!lastSpace) {
                        text.append(' ');
                    }
                    lastSpace = true;
                } else {
                    text.append(c);
                    lastSpace = false;
                }
            }
            position[end - start] = text.length();
            while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
            if (end < passage.getEndOffset()) {
                text.append('…');
            }
            List<Snippet.Mark> marks = new ArrayList<>();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int s = passage.getMatchStarts()[i];
                int e = passage.getMatchEnds()[i];
                if (s < start || e > end) {
                    continue;
                }
                int from = Math.min(position[s - start], text.length());
                int to = Math.min(position[e - start], text.length());
                if (!marks.isEmpty() && from <= marks.getLast().end()) {
                    Snippet.Mark last = marks.removeLast();
                    marks.add(new Snippet.Mark(last.start(), Math.max(last.end(), to)));
                } else if (to > from) {
                    marks.add(new Snippet.Mark(from, to));
                }
            }
            return new Snippet(text.toString(), marks);
        }

        /** Moves a cut forward to the next word start, unless that passes the limit. */
        private static int wordStart(String content, int at, int limit) {
            for (int i = at; i < limit; i++) {
                if (i > 0 && Character.isWhitespace(content.charAt(i - 1))) {
                    return i;
                }
            }
            return at;
        }

        /** Moves a cut back to the end of the previous word, when there is one nearby. */
        private static int wordEnd(String content, int at, int passageEnd) {
            for (int i = at; i > at - 40 && i > 0; i--) {
                if (i < content.length() && Character.isWhitespace(content.charAt(i))) {
                    return i;
                }
            }
            return Math.min(at, passageEnd);
        }
    }
}
