package org.claimdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the clusterer put one item: into {@code clusterId} (new or existing), having found it
 * close enough ({@code similarity}), possibly bridging other clusters that merge into this one.
 *
 * @param absorbed clusters that merge into {@code clusterId} with this item (their items move, their
 *                 rows stay and point to it)
 * @param moved    earlier items that move to another cluster with this item (a cluster split in two:
 *                 item → the cluster it is in now)
 */
public record ClusterPlacement(long itemId, long clusterId, double similarity, List<Long> absorbed,
                               Map<Long, Long> moved, Instant at) {
    public ClusterPlacement {
        Objects.requireNonNull(at, "at");
        absorbed = List.copyOf(absorbed);
        moved = Map.copyOf(moved);
        if (absorbed.contains(clusterId)) {
            throw new IllegalArgumentException("cluster " + clusterId + " cannot absorb itself");
        }
    }

    /** A placement that moves no other item. */
    public ClusterPlacement(long itemId, long clusterId, double similarity, List<Long> absorbed, Instant at) {
        this(itemId, clusterId, similarity, absorbed, Map.of(), at);
    }
}
