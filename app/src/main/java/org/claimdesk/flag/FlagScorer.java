package org.claimdesk.flag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.store.WatchEntry;
import java.util.Objects;
import java.util.Set;

/**
 * Scores how a cluster is taking off: its pace in the recent window against its own earlier pace
 * and the corpus's (a ratio of counts, the simple form of a burst detector: it needs no history
 * beyond a day and explains itself in one line), how many sources and languages carry it, how new
 * it is, how check-worthy its claim is, and watchlist hits. Every part of the score comes with its
 * reason in words.
 */
public final class FlagScorer {
    /** Points per doubling of the pace over the expected one; capped so one burst cannot drown spread. */
    static final double POINTS_PER_DOUBLING = 2.0;
    static final double MOST_SPEED_POINTS = 10.0;
    static final double POINTS_PER_SOURCE_DOUBLING = 2.0;
    static final double POINTS_PER_EXTRA_LANGUAGE = 1.5;
    static final double POINTS_FOR_NEW = 1.5;
    static final Duration NEW_FOR = Duration.ofHours(6);
    static final double POINTS_FOR_CHECK_WORTHY = 3.0;
    static final double POINTS_PER_WATCH_HIT = 5.0;
    /** The pace a story is expected to keep at least: below it, two items in a window would look like a burst. */
    static final double LEAST_EXPECTED_PER_WINDOW = 0.5;

    private final FlagPolicy policy;

    public FlagScorer(FlagPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param corpusItemsPerWindow what a cluster of the corpus gathers in one window on average
     *                             (its items of the last day over its active clusters); 0 when unknown
     * @param watched              the analysts' watchlist, by entry id
     */
    public Flag score(ClusterActivity cluster, Instant now, double corpusItemsPerWindow, Map<Long, WatchEntry> watched) {
        Instant windowStart = now.minus(policy.window());
        Instant baselineStart = windowStart.minus(policy.baselineSpan());
        int recent = 0;
        int before = 0;
        Set<String> sources = new HashSet<>();
        Set<String> languages = new HashSet<>();
        Map<Long, Integer> hits = new HashMap<>();
        for (ClusterActivity.Arrival arrival : cluster.arrivals()) {
            if (arrival.time().isAfter(now)) {
                continue; // a publication time in the future is a feed's mistake, not a burst
            }
            for (Long entry : arrival.watched()) {
                hits.merge(entry, 1, Integer::sum);
            }
            if (!arrival.time().isBefore(windowStart)) {
                recent++;
                sources.add(arrival.sourceId());
                if (arrival.language() != null && !arrival.language().isBlank() && !"und".equals(arrival.language())) {
                    languages.add(arrival.language());
                }
            } else if (!arrival.time().isBefore(baselineStart)) {
                before++;
            }
        }

        List<Part> parts = new ArrayList<>();
        double windowsInBaseline = (double) policy.baselineSpan().toMinutes() / policy.window().toMinutes();
        double ownPace = before / windowsInBaseline;
        double expected = Math.max(LEAST_EXPECTED_PER_WINDOW, Math.max(ownPace, corpusItemsPerWindow));
        double ratio = recent / expected;
        if (recent > 0) {
            parts.add(new Part(0, "%d %s from %d %s%s in the last %s".formatted(recent, plural(recent, "item", "items"),
                    sources.size(), plural(sources.size(), "source", "sources"),
                    languages.size() > 1 ? " in " + languages.size() + " languages" : "", hours(policy.window()))));
        }
        if (recent >= policy.minItems() && ratio > 1) {
            double points = Math.min(MOST_SPEED_POINTS, POINTS_PER_DOUBLING * log2(ratio));
            String against = ownPace >= corpusItemsPerWindow && ownPace >= LEAST_EXPECTED_PER_WINDOW
                    ? "its own pace of the day before" : "the usual pace of a story";
            parts.add(new Part(points, "%s× %s".formatted(times(ratio), against)));
        }
        if (sources.size() > 1) {
            parts.add(new Part(POINTS_PER_SOURCE_DOUBLING * log2(sources.size()), null));
        }
        if (languages.size() > 1) {
            parts.add(new Part(POINTS_PER_EXTRA_LANGUAGE * (languages.size() - 1), null));
        }
        Duration age = Duration.between(cluster.firstSeen(), now);
        if (recent > 0 && !age.isNegative() && age.compareTo(NEW_FOR) <= 0) {
            parts.add(new Part(POINTS_FOR_NEW, "new: first seen %s ago".formatted(hours(age))));
        }
        // only while the story moves (an item in the window or the day before): a quiet cluster
        // scores 0, leaves the board's top and the flag rounds, so a round costs what the live
        // clusters cost, not every cluster the workspace ever made
        if (cluster.bestClaimScore() > 0 && recent + before > 0) {
            double points = POINTS_FOR_CHECK_WORTHY * cluster.bestClaimScore();
            parts.add(new Part(points, cluster.bestClaimScore() >= 0.5
                    ? "check-worthy claim (%.2f)".formatted(cluster.bestClaimScore()) : null));
        }
        boolean watchRaised = false;
        for (Map.Entry<Long, Integer> hit : hits.entrySet()) {
            WatchEntry entry = watched.get(hit.getKey());
            if (entry == null || hit.getValue() < entry.threshold()) {
                continue;
            }
            watchRaised = true;
            parts.add(new Part(POINTS_PER_WATCH_HIT, "%s %s (%d %s)".formatted(watchVerb(entry.kind()), entry.entry(),
                    hit.getValue(), plural(hit.getValue(), "item", "items"))));
        }

        double score = parts.stream().mapToDouble(Part::points).sum();
        boolean fastAndSpread = recent >= policy.minItems() && sources.size() >= policy.minSources()
                && score >= policy.raiseAt();
        List<String> reasons = parts.stream().filter(part -> part.words() != null).map(Part::words).toList();
        return new Flag(round(score), fastAndSpread || watchRaised, reasons, recent);
    }

    private record Part(double points, String words) {
    }

    private static String watchVerb(WatchEntry.Kind kind) {
        return switch (kind) {
            case TERM -> "mentions watched term";
            case ENTITY -> "names watched entity";
            case SOURCE -> "carried by watched source";
        };
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String times(double ratio) {
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio) : String.format(Locale.ROOT, "%.1f", ratio);
    }

    /** "2 h", "45 min", "3 d": how an analyst says a span. */
    static String hours(Duration span) {
        if (span.toMinutes() < 60) {
            return Math.max(1, span.toMinutes()) + " min";
        }
        if (span.toHours() < 48) {
            return span.toHours() + " h";
        }
        return span.toDays() + " d";
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}
