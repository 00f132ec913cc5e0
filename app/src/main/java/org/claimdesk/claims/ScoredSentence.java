package org.claimdesk.claims;

/**
 * One sentence of an item's text with its check-worthiness.
 *
 * @param start offset of the sentence in the scored text (UTF-16 index)
 * @param end   offset after it
 * @param text  the sentence as it appears in the text
 * @param score its score and the reasons
 */
public record ScoredSentence(int start, int end, String text, ClaimScore score) {
}
