package org.claimdesk.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * How close a clustering is to reference labels, by the two measures the literature reports:
 * B-cubed (per item: how much of its cluster shares its label, and how much of its label is in its
 * cluster, averaged over items) and pairwise (over all pairs of items: pairs put together that
 * belong together). Only items that have both a cluster and a label count.
 */
public record ClusteringScores(int items, Score bCubed, Score pairwise) {

    public record Score(double precision, double recall) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    public static ClusteringScores of(Map<String, String> clusterOfItem, Map<String, String> labelOfItem) {
        Map<String, Map<String, Integer>> overlap = new HashMap<>();
        Map<String, Integer> clusterSize = new HashMap<>();
        Map<String, Integer> labelSize = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> e : clusterOfItem.entrySet()) {
            String label = labelOfItem.get(e.getKey());
            if (label == null) {
                continue;
            }
            n++;
            overlap.computeIfAbsent(e.getValue(), k -> new HashMap<>()).merge(label, 1, Integer::sum);
            clusterSize.merge(e.getValue(), 1, Integer::sum);
            labelSize.merge(label, 1, Integer::sum);
        }
        if (n == 0) {
            return new ClusteringScores(0, new Score(0, 0), new Score(0, 0));
        }
        double bPrecision = 0;
        double bRecall = 0;
        double togetherRight = 0;
        for (Map.Entry<String, Map<String, Integer>> cluster : overlap.entrySet()) {
            int size = clusterSize.get(cluster.getKey());
            for (Map.Entry<String, Integer> cell : cluster.getValue().entrySet()) {
                double k = cell.getValue();
                bPrecision += k * k / size;
                bRecall += k * k / labelSize.get(cell.getKey());
                togetherRight += pairs(k);
            }
        }
        double together = clusterSize.values().stream().mapToDouble(ClusteringScores::pairs).sum();
        double belong = labelSize.values().stream().mapToDouble(ClusteringScores::pairs).sum();
        Score pairwise = new Score(together == 0 ? 1 : togetherRight / together, belong == 0 ? 1 : togetherRight / belong);
        return new ClusteringScores(n, new Score(bPrecision / n, bRecall / n), pairwise);
    }

    private static double pairs(double k) {
        return k * (k - 1) / 2;
    }
}
