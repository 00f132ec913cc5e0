package org.claimdesk.flag;

import java.time.Duration;
import java.util.Objects;

/**
 * When a cluster counts as emerging.
 *
 * @param window       the recent span whose items are weighed against the cluster's past
 * @param baselineSpan how far back before the window the cluster's own pace is measured
 * @param raiseAt      the score from which a cluster is flagged
 * @param minItems     fewer items than this in the window never flag on speed alone
 * @param minSources   nor do fewer distinct sources: one site repeating itself is not spread
 */
public record FlagPolicy(Duration window, Duration baselineSpan, double raiseAt, int minItems, int minSources) {
    /**
     * Two hours against the day before, as rapid-response desks watch a story; the threshold is
     * where the labelled stories of docs/benchmarks.md ("Emerging-claim flags") flag early
     * without raising clusters that never grew.
     */
    public static final FlagPolicy DEFAULT = new FlagPolicy(Duration.ofHours(2), Duration.ofHours(24), 6.0, 3, 2);

    public FlagPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(baselineSpan, "baselineSpan");
        if (window.isNegative() || window.isZero() || baselineSpan.isNegative() || baselineSpan.isZero()) {
            throw new IllegalArgumentException("window and baseline must be positive");
        }
        if (minItems < 1 || minSources < 1) {
            throw new IllegalArgumentException("minItems and minSources are at least 1");
        }
    }
}
