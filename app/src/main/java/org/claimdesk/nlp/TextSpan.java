package org.claimdesk.nlp;

import java.util.ArrayList;
import java.util.List;

/** A [start, end) range of a text. */
record TextSpan(int start, int end) {

    /**
     * The non-blank lines of a text, trimmed. Extracted articles keep one paragraph per line, so
     * every engine analyses line by line and no sentence can run across a paragraph boundary.
     */
    static List<TextSpan> paragraphs(String text) {
        List<TextSpan> spans = new ArrayList<>();
        int lineStart = 0;
        int length = text.length();
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int s = lineStart;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                spans.add(new TextSpan(s, e));
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }
}
