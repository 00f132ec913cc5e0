package org.claimdesk.flag;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cluster's items counted per hour (and per source), from the hour of {@code start} to the hour
 * of {@code end}: the board's sparkline and the cluster view's chart.
 *
 * @param start     the first hour (whole hour, UTC)
 * @param total     items per hour, oldest first
 * @param bySource  items per hour of each source, sources in order of their first item
 */
public record ClusterTimeline(Instant start, int[] total, Map<String, int[]> bySource) {
    /** One item on the timeline. */
    public record Point(Instant time, String source) {
    }

    /** Longest span drawn: beyond it the bars are too thin to read, and the oldest hours are dropped. */
    public static final Duration LONGEST = Duration.ofDays(7);

    public ClusterTimeline {
        Objects.requireNonNull(start, "start");
        bySource = Map.copyOf(bySource);
    }

    /** Counts the points that fall in [start, end]; earlier or later ones are left out. */
    public static ClusterTimeline hourly(Collection<Point> points, Instant start, Instant end) {
        Instant from = start.truncatedTo(ChronoUnit.HOURS);
        if (Duration.between(from, end).compareTo(LONGEST) > 0) {
            from = end.minus(LONGEST).truncatedTo(ChronoUnit.HOURS);
        }
        int hours = (int) Math.max(1, Duration.between(from, end.truncatedTo(ChronoUnit.HOURS)).toHours() + 1);
        int[] total = new int[hours];
        Map<String, int[]> bySource = new LinkedHashMap<>();
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        for (Point point : sorted) {
            long hour = Duration.between(from, point.time()).toHours();
            if (point.time().isBefore(from) || hour >= hours) {
                continue;
            }
            total[(int) hour]++;
            bySource.computeIfAbsent(point.source() == null ? "" : point.source(), source -> new int[hours])[(int) hour]++;
        }
        return new ClusterTimeline(from, total, bySource);
    }

    /** The most items in one hour (at least 1, so a chart can divide by it). */
    public int peak() {
        int peak = 1;
        for (int count : total) {
            peak = Math.max(peak, count);
        }
        return peak;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterTimeline that && start.equals(that.start) && java.util.Arrays.equals(total, that.total);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + java.util.Arrays.hashCode(total);
    }

    @Override
    public String toString() {
        return "ClusterTimeline[" + start + " " + java.util.Arrays.toString(total) + "]";
    }
}
