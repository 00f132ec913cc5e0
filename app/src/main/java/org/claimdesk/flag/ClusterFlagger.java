package org.claimdesk.flag;

import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.store.WatchlistStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores every live cluster that had items in the last day (and every one still carrying a
 * score, so that a story that went quiet drops), saves the round's scores with their reasons in
 * one transaction, and says which clusters were flagged for the first time or came back after a dismissal, for the window
 * to tell the analyst. Run after each clustering batch and once a minute, since speed decays with
 * time alone.
 */
public final class ClusterFlagger {
    /** One round's outcome: how many clusters were scored, and those the analyst should hear about. */
    public record Round(int scored, List<ClusterSummary> newlyFlagged, List<ClusterSummary> cameBack) {
    }

    private final ClusterStore clusters;
    private final WatchlistStore watchlist;
    private final FlagPolicy policy;
    private final FlagScorer scorer;
    private final Clock clock;

    public ClusterFlagger(ClusterStore clusters, WatchlistStore watchlist, FlagPolicy policy, Clock clock) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scorer = new FlagScorer(policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Round rescore() {
        Instant now = clock.instant();
        Instant since = now.minus(policy.window()).minus(policy.baselineSpan());
        Map<Long, List<ClusterStore.Arrival>> byCluster = clusters.arrivalsSince(since).stream()
                .collect(Collectors.groupingBy(ClusterStore.Arrival::clusterId));
        Set<Long> toScore = new LinkedHashSet<>(byCluster.keySet());
        toScore.addAll(clusters.scoredClusters());
        Map<Long, ClusterSummary> summaries = clusters.summaries(List.copyOf(toScore));

        List<WatchEntry> entries = watchlist.entries();
        Map<Long, WatchEntry> watched = entries.stream().collect(Collectors.toMap(WatchEntry::id, Function.identity()));
        Map<Long, Set<Long>> hitsByItem = new HashMap<>();
        for (WatchEntry entry : entries) {
            for (long item : clusters.watchHits(entry.kind(), entry.entry(), since)) {
                hitsByItem.computeIfAbsent(item, id -> new HashSet<>()).add(entry.id());
            }
        }
        double corpusPerWindow = corpusItemsPerWindow(byCluster);

        List<ClusterStore.FlagScore> scores = new ArrayList<>();
        for (long clusterId : toScore) {
            ClusterSummary summary = summaries.get(clusterId);
            if (summary == null) {
                continue;
            }
            List<ClusterActivity.Arrival> arrivals = byCluster.getOrDefault(clusterId, List.of()).stream()
                    .map(arrival -> new ClusterActivity.Arrival(arrival.itemId(), arrival.time(), arrival.sourceId(),
                            arrival.language(), hitsByItem.getOrDefault(arrival.itemId(), Set.of())))
                    .toList();
            Instant firstSeen = summary.firstItemAt() == null ? since : summary.firstItemAt();
            Flag flag = scorer.score(new ClusterActivity(clusterId, firstSeen, arrivals,
                    Math.clamp(summary.bestClaimScore(), 0.0, 1.0)), now, corpusPerWindow, watched);
            scores.add(new ClusterStore.FlagScore(clusterId, flag.score(), flag.raised(), flag.reasons()));
        }
        // the whole round in one transaction: one commit instead of one per cluster, and a kill
        // in the middle of a round leaves the round before it
        Map<Long, ClusterStore.FlagOutcome> outcomes = clusters.saveFlags(scores, now);
        List<Long> toTell = outcomes.entrySet().stream()
                .filter(outcome -> outcome.getValue() != ClusterStore.FlagOutcome.UNCHANGED).map(Map.Entry::getKey).toList();
        Map<Long, ClusterSummary> told = clusters.summaries(toTell);
        List<ClusterSummary> newlyFlagged = new ArrayList<>();
        List<ClusterSummary> cameBack = new ArrayList<>();
        for (long clusterId : toTell) {
            ClusterSummary summary = told.get(clusterId);
            if (summary != null) {
                (outcomes.get(clusterId) == ClusterStore.FlagOutcome.CAME_BACK ? cameBack : newlyFlagged).add(summary);
            }
        }
        return new Round(scores.size(), newlyFlagged, cameBack);
    }

    /**
     * What a cluster of this corpus gathers in one window on average, over the span read: a story's
     * "usual pace", so that a cluster with no past of its own is weighed against the others.
     */
    private double corpusItemsPerWindow(Map<Long, List<ClusterStore.Arrival>> byCluster) {
        if (byCluster.isEmpty()) {
            return 0;
        }
        long items = byCluster.values().stream().mapToLong(List::size).sum();
        double windows = (double) (policy.window().toMinutes() + policy.baselineSpan().toMinutes()) / policy.window().toMinutes();
        return items / (double) byCluster.size() / windows;
    }
}
