package org.claimdesk.cluster;

/**
 * What an analyst decided about clusters. The clusterer applies it at once and respects it from
 * then on: merged clusters stay one, an item moved out never goes back by itself (and its new
 * cluster is never merged with the old one automatically), a pinned item stays where it was pinned.
 * The caller stores decisions and replays them after a restore.
 */
public sealed interface AnalystDecision {
    /** These two clusters are one story ("must link"). */
    record Merge(long clusterA, long clusterB) implements AnalystDecision {
    }

    /**
     * This item is not part of that cluster ("cannot link"); it goes to {@code toCluster}, or to a
     * cluster of its own when that is null.
     */
    record MoveOut(String itemId, long fromCluster, Long toCluster) implements AnalystDecision {
    }

    /** This item belongs to this cluster, whatever the similarity says. */
    record Pin(String itemId, long clusterId) implements AnalystDecision {
    }
}
