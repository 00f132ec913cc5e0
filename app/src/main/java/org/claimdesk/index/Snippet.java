package org.claimdesk.index;

import java.util.List;

/**
 * A piece of an item's text with the matched words marked by offsets (UTF-16 indexes into
 * {@link #text}), so a view can style them itself, in the text's own direction.
 */
public record Snippet(String text, List<Mark> marks) {

    /** One highlighted range: [start, end). */
    public record Mark(int start, int end) {
    }

    public Snippet {
        marks = List.copyOf(marks);
    }

    /** The text with each mark wrapped, e.g. {@code marked("[", "]")} or HTML tags for a web view. */
    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * (open.length() + close.length()));
        int at = 0;
        for (Mark mark : marks) {
            out.append(text, at, mark.start()).append(open).append(text, mark.start(), mark.end()).append(close);
            at = mark.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
