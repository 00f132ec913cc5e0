package org.claimdesk.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for two stories inside one cluster: a two-means over its items' vectors, started from the
 * item least like the cluster and the item least like that one. A cluster that grew by a run of
 * items that each fitted it well enough can hold two stories that share a few words (three market
 * wraps of one day, a product launch and a product's update); their halves then have centroids
 * far apart even though every item was close to the whole.
 *
 * <p>Costs a few passes over the members, so the clusterer calls it only when a cluster doubles:
 * constant time per item on average.
 */
final class ClusterSplitter {
    private static final int ROUNDS = 6;

    /** Two halves and how alike their centroids are (cosine). */
    record Halves(List<String> larger, List<String> smaller, double cosine) {
    }

    private ClusterSplitter() {
    }

    /**
     * The best two-way split of {@code members}, items in {@code held} kept in the larger half; null
     * when there are fewer than two items or the halves come out empty.
     */
    static Halves split(Map<String, TermVector> members, Set<String> held) {
        if (members.size() < 2) {
            return null;
        }
        List<String> ids = new ArrayList<>(members.keySet());
        String first = leastLike(members, ids, sum(members, ids), null);
        String second = leastLike(members, ids, sum(members, List.of(first)), first);
        if (second == null) {
            return null;
        }
        CentroidSum a = sum(members, List.of(first));
        CentroidSum b = sum(members, List.of(second));
        List<String> inA = new ArrayList<>();
        List<String> inB = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> nextA = new ArrayList<>();
            List<String> nextB = new ArrayList<>();
            for (String id : ids) {
                TermVector v = members.get(id);
                (a.cosine(v) >= b.cosine(v) ? nextA : nextB).add(id);
            }
            if (nextA.isEmpty() || nextB.isEmpty()) {
                return null;
            }
            boolean settled = nextA.equals(inA);
            inA = nextA;
            inB = nextB;
            if (settled) {
                break;
            }
            a = sum(members, inA);
            b = sum(members, inB);
        }
        List<String> larger = inA.size() >= inB.size() ? inA : inB;
        List<String> smaller = larger == inA ? inB : inA;
        // what an analyst put here stays with the cluster's id, which the larger half keeps
        if (!held.isEmpty()) {
            List<String> staying = smaller.stream().filter(held::contains).toList();
            smaller = new ArrayList<>(smaller);
            smaller.removeAll(staying);
            larger = new ArrayList<>(larger);
            larger.addAll(staying);
            if (smaller.isEmpty()) {
                return null;
            }
        }
        return new Halves(larger, smaller, sum(members, larger).cosine(sum(members, smaller)));
    }

    private static String leastLike(Map<String, TermVector> members, List<String> ids, CentroidSum to, String except) {
        String least = null;
        double lowest = Double.MAX_VALUE;
        for (String id : ids) {
            if (id.equals(except)) {
                continue;
            }
            double similarity = to.cosine(members.get(id));
            if (similarity < lowest) {
                lowest = similarity;
                least = id;
            }
        }
        return least;
    }

    /** The items' vectors summed, every term kept: a half's centroid before any pruning. */
    private static CentroidSum sum(Map<String, TermVector> members, List<String> ids) {
        CentroidSum sum = new CentroidSum(Integer.MAX_VALUE / 4);
        for (String id : ids) {
            sum.add(members.get(id), 1);
        }
        return sum;
    }
}
