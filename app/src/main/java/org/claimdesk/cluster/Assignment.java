package org.claimdesk.cluster;

import java.util.List;
import java.util.Map;

/**
 * Where an item went.
 *
 * @param clusterId  the cluster it joined (its surviving id at that moment)
 * @param newCluster whether the item started this cluster
 * @param absorbed   clusters merged into {@code clusterId} because this item bridged them; their ids
 *                   now resolve to {@code clusterId}
 * @param similarity the similarity that decided it (0 for a new cluster with no candidate, 1 for a pin)
 * @param moved      earlier items that this item's arrival moved to another cluster (a cluster split in
 *                   two), each with the cluster it is in now
 */
public record Assignment(String itemId, long clusterId, boolean newCluster, List<Long> absorbed, double similarity,
                         Map<String, Long> moved) {
    public Assignment {
        absorbed = List.copyOf(absorbed);
        moved = Map.copyOf(moved);
    }
}
