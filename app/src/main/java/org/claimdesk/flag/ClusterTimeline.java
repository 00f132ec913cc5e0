package org.claimdesk.flag;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A cluster's items counted per hour, from the hour of {@code start} to the hour of {@code end}:
 * the board's sparkline and the cluster view's chart.
 *
 * @param start the first hour (whole hour, UTC)
 * @param total items per hour, oldest first
 */
public record ClusterTimeline(Instant start, int[] total) {
    /** Longest span drawn: beyond it the bars are too thin to read, and the oldest hours are dropped. */
    public static final Duration LONGEST = Duration.ofDays(7);

    public ClusterTimeline {
        Objects.requireNonNull(start, "start");
        total = total.clone();
    }

    /** Counts the item times that fall in [start, end]; earlier or later ones are left out. */
    public static ClusterTimeline hourly(Collection<Instant> times, Instant start, Instant end) {
        Instant from = start.truncatedTo(ChronoUnit.HOURS);
        if (Duration.between(from, end).compareTo(LONGEST) > 0) {
            from = end.minus(LONGEST).truncatedTo(ChronoUnit.HOURS);
        }
        int hours = (int) Math.max(1, Duration.between(from, end.truncatedTo(ChronoUnit.HOURS)).toHours() + 1);
        int[] total = new int[hours];
        for (Instant time : times) {
            long hour = Duration.between(from, time).toHours();
            if (!time.isBefore(from) && hour < hours) {
                total[(int) hour]++;
            }
        }
        return new ClusterTimeline(from, total);
    }

    /** The most items in one hour (at least 1, so a chart can divide by it). */
    public int peak() {
        return Math.max(1, Arrays.stream(total).max().orElse(0));
    }

    @Override
    public int[] total() {
        return total.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterTimeline that && start.equals(that.start) && Arrays.equals(total, that.total);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + Arrays.hashCode(total);
    }

    @Override
    public String toString() {
        return "ClusterTimeline[" + start + " " + Arrays.toString(total) + "]";
    }
}
