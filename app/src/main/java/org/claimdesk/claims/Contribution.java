package org.claimdesk.claims;

import java.util.Locale;
import java.util.Objects;

/**
 * One feature's share of a score, in log-odds: positive pushes the sentence towards
 * check-worthy. The window lists them ("numbers +0.8 (“42%”), question −1.2").
 *
 * @param feature  the feature's key: a {@link Cue#key()} or {@code word:<word>}
 * @param label    what it means, in words ("numbers", "word “million”")
 * @param evidence the piece of the sentence that showed it (may be empty)
 * @param weight   its contribution to the log-odds
 */
public record Contribution(String feature, String label, String evidence, double weight) {
    public Contribution {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(label, "label");
        evidence = evidence == null ? "" : evidence;
    }

    /** "numbers +0.80" — the way the window and the command line say it. */
    @Override
    public String toString() {
        return label + " " + String.format(Locale.ROOT, "%+.2f", weight).replace('-', '\u2212');
    }
}
