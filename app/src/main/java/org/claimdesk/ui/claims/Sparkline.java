package org.claimdesk.ui.claims;

import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.claimdesk.flag.ClusterTimeline;

import java.util.Set;

/** Items per hour as thin bars: how a cluster grew, at a glance. */
final class Sparkline {
    private Sparkline() {
    }

    /**
     * @param height the tallest bar, for the busiest hour
     * @param barWidth each hour's width
     */
    static HBox of(ClusterTimeline timeline, double height, double barWidth) {
        return of(timeline, height, barWidth, timeline == null ? 1 : timeline.peak());
    }

    /** As above, scaled so that {@code peak} items fill the height: rows drawn to compare share one. */
    static HBox of(ClusterTimeline timeline, double height, double barWidth, int peak) {
        return of(timeline, height, barWidth, peak, Set.of());
    }

    /**
     * As above, with a full-height line in front of each hour in {@code marked} (positions on the
     * timeline): where an answer was published.
     */
    static HBox of(ClusterTimeline timeline, double height, double barWidth, int peak, Set<Integer> marked) {
        HBox bars = new HBox(1);
        bars.setAlignment(Pos.BOTTOM_LEFT);
        bars.setMinHeight(height);
        bars.setPrefHeight(height);
        bars.setMaxHeight(height);
        bars.getStyleClass().add("sparkline");
        if (timeline == null) {
            return bars;
        }
        int[] total = timeline.total();
        for (int hour = 0; hour < total.length; hour++) {
            int count = total[hour];
            if (marked.contains(hour)) {
                Region line = new Region();
                line.setMinSize(2, height);
                line.setPrefSize(2, height);
                line.setMaxSize(2, height);
                line.getStyleClass().add("sparkline-answer");
                bars.getChildren().add(line);
            }
            Region bar = new Region();
            double barHeight = count == 0 ? 1 : Math.max(2, height * Math.min(count, peak) / Math.max(1, peak));
            bar.setMinSize(barWidth, barHeight);
            bar.setPrefSize(barWidth, barHeight);
            bar.setMaxSize(barWidth, barHeight);
            bar.getStyleClass().add(count == 0 ? "sparkline-empty" : "sparkline-bar");
            bars.getChildren().add(bar);
        }
        return bars;
    }
}
