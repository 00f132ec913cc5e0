package org.claimdesk.nlp;

/**
 * One sentence of an analysed text.
 *
 * @param start offset of the first char in the analysed text (UTF-16 index)
 * @param end   offset after the last char
 * @param text  the sentence as it appears in the text
 */
public record Sentence(int start, int end, String text) {
    public Sentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad sentence span " + start + ".." + end);
        }
    }
}
