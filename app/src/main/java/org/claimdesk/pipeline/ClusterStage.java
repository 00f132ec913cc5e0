package org.claimdesk.pipeline;

import org.claimdesk.cluster.AnalystDecision;
import org.claimdesk.cluster.Assignment;
import org.claimdesk.cluster.ClusterItem;
import org.claimdesk.cluster.ClusterSettings;
import org.claimdesk.cluster.StreamingClusterer;
import org.claimdesk.store.ClusterPlacement;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ItemWrite;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts each item into the cluster of items that carry the same claim or story, as items stream
 * in (decision 0014's clusterer), and stores where it went (decision 0015). The clusterer holds
 * the recent clusters in memory: it is rebuilt from H2 at the first item after a start, and
 * analysts' decisions reach it through {@link #merge}, {@link #moveOut} and {@link #pin}, which
 * store them first. One item at a time: the clusterer is one stream.
 */
public final class ClusterStage implements Stage<ClusterStore.Work> {
    /** Stored in the database: never rename. */
    public static final String NAME = "clusters";

    private final ClusterStore clusters;
    private final ClusterSettings settings;
    private final String after;
    private final Clock clock;
    private StreamingClusterer clusterer;

    /** @param after the stage whose results it reads (claim detection: a cluster's label is its best claim) */
    public ClusterStage(ClusterStore clusters, ClusterSettings settings, String after, Clock clock) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.after = Objects.requireNonNull(after, "after");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after() {
        return Optional.of(after);
    }

    /**
     * One item at a time, its write included: a split moves items other items' writes also place,
     * so the clusterer's order must be the database's.
     */
    @Override
    public int ownThreads() {
        return 1;
    }

    @Override
    public Map<Long, ClusterStore.Work> load(List<Long> itemIds) {
        return clusters.toPlace(itemIds);
    }

    @Override
    public ItemWrite process(ClusterStore.Work work) {
        Assignment assignment;
        synchronized (this) {
            assignment = clusterer().add(itemOf(work));
        }
        Map<Long, Long> moved = new HashMap<>();
        assignment.moved().forEach((item, cluster) -> moved.put(Long.parseLong(item), cluster));
        return clusters.placed(new ClusterPlacement(work.itemId(), assignment.clusterId(), assignment.similarity(),
                assignment.absorbed(), moved, clock.instant()));
    }

    /** An analyst merges one cluster into another: stored, and the clusterer keeps them one from now on. */
    public synchronized void merge(long clusterId, long intoId, String by) {
        clusters.merge(clusterId, intoId, by, clock.instant());
        if (clusterer != null) {
            clusterer.apply(new AnalystDecision.Merge(clusters.survivor(intoId), clusterId));
        }
    }

    /** An analyst takes an item out of its cluster; returns the cluster it now stands alone in. */
    public synchronized long moveOut(long itemId, String by) {
        long from = clusters.clusterOfItem(itemId).orElseThrow(
                () -> new IllegalArgumentException("item " + itemId + " is in no cluster"));
        long alone = clusters.moveOut(itemId, by, clock.instant());
        if (clusterer != null) {
            clusterer.apply(new AnalystDecision.MoveOut(Long.toString(itemId), from, alone));
        }
        return alone;
    }

    /** An analyst puts an item in a cluster to stay. */
    public synchronized void pin(long itemId, long clusterId, String by) {
        clusters.pin(itemId, clusterId, by, clock.instant());
        if (clusterer != null) {
            clusterer.apply(new AnalystDecision.Pin(Long.toString(itemId), clusters.survivor(clusterId)));
        }
    }

    /**
     * The clusterer, rebuilt on first use from the clustered items of its window (as stored, no
     * scoring) and then the analysts' decisions about them, so a restart changes nothing.
     */
    private StreamingClusterer clusterer() {
        if (clusterer == null) {
            StreamingClusterer restored = new StreamingClusterer(settings, () -> clusters.newCluster(clock.instant()));
            Instant since = clock.instant().minus(settings.window());
            for (ClusterStore.Member member : clusters.membersSince(since)) {
                restored.restore(new ClusterItem(Long.toString(member.itemId()), member.time(), member.title(),
                        member.text(), member.language(), member.sourceId(), member.url(), List.of()), member.clusterId());
            }
            for (ClusterStore.Decision decision : clusters.decisions()) {
                if (decision.kind() == ClusterStore.DecisionKind.MERGE) {
                    // the membership is stored merged; the clusterer only needs to know not to split it again
                    long merged = clusters.survivor(decision.clusterId());
                    restored.apply(new AnalystDecision.Merge(merged, merged));
                    continue;
                }
                if (decision.itemId() == null) {
                    continue;
                }
                Optional<Long> now = clusters.clusterOfItem(decision.itemId());
                if (now.isEmpty()) {
                    continue;
                }
                String item = Long.toString(decision.itemId());
                switch (decision.kind()) {
                    case MOVE_OUT -> restored.apply(new AnalystDecision.MoveOut(item, decision.clusterId(), now.get()));
                    case PIN -> restored.apply(new AnalystDecision.Pin(item, now.get()));
                    case MERGE -> {
                    }
                }
            }
            clusterer = restored;
        }
        return clusterer;
    }

    private static ClusterItem itemOf(ClusterStore.Work work) {
        return new ClusterItem(Long.toString(work.itemId()), work.time(), work.title(), work.text(), work.language(),
                work.sourceId(), work.url(), work.entityNames());
    }
}
