package org.claimdesk.store;

import java.util.List;
import java.util.Objects;

/**
 * A check-worthy sentence of an item as stored: where it is, how check-worthy the model found it,
 * and why.
 *
 * @param ordinal  its position among the item's sentences, title first
 * @param start    where it starts in title + "\n\n" + body (UTF-16 units)
 * @param end      where it ends there, exclusive
 * @param score    0 to 1
 * @param reasons  what raised or lowered the score, largest effect first
 */
public record ClaimSentence(long itemId, int ordinal, int start, int end, String sentence, double score,
                            List<Reason> reasons) {

    /** One cue of the model and how much it moved the score (in the model's log-odds). */
    public record Reason(String cue, double contribution) {
        public Reason {
            Objects.requireNonNull(cue, "cue");
            if (cue.isBlank() || cue.contains("\t") || cue.contains("\n")) {
                throw new IllegalArgumentException("a cue is one line without tabs: " + cue);
            }
        }
    }

    public ClaimSentence {
        Objects.requireNonNull(sentence, "sentence");
        reasons = List.copyOf(reasons);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be 0 to 1: " + score);
        }
    }
}
