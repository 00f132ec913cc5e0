package org.claimdesk.cluster;

import java.util.ArrayList;
import java.util.HashMap;
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
        Map<Integer, Double> whole = sum(members, ids);
        String first = leastLike(members, ids, whole, null);
        String second = leastLike(members, ids, sumOf(members.get(first)), first);
        if (second == null) {
            return null;
        }
        Map<Integer, Double> a = sumOf(members.get(first));
        Map<Integer, Double> b = sumOf(members.get(second));
        List<String> inA = new ArrayList<>();
        List<String> inB = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> nextA = new ArrayList<>();
            List<String> nextB = new ArrayList<>();
            double normA = norm(a);
            double normB = norm(b);
            for (String id : ids) {
                TermVector v = members.get(id);
                double toA = normA == 0 ? 0 : dot(a, v) / normA;
                double toB = normB == 0 ? 0 : dot(b, v) / normB;
                (toA >= toB ? nextA : nextB).add(id);
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
        Map<Integer, Double> l = sum(members, larger);
        Map<Integer, Double> s = sum(members, smaller);
        double n = norm(l) * norm(s);
        double cosine = n == 0 ? 0 : dotMaps(l, s) / n;
        return new Halves(larger, smaller, cosine);
    }

    private static String leastLike(Map<String, TermVector> members, List<String> ids, Map<Integer, Double> to,
                                    String except) {
        double norm = norm(to);
        String least = null;
        double lowest = Double.MAX_VALUE;
        for (String id : ids) {
            if (id.equals(except)) {
                continue;
            }
            double similarity = norm == 0 ? 0 : dot(to, members.get(id)) / norm;
            if (similarity < lowest) {
                lowest = similarity;
                least = id;
            }
        }
        return least;
    }

    private static Map<Integer, Double> sum(Map<String, TermVector> members, List<String> ids) {
        Map<Integer, Double> sum = new HashMap<>();
        for (String id : ids) {
            TermVector v = members.get(id);
            for (int i = 0; i < v.terms().length; i++) {
                sum.merge(v.terms()[i], (double) v.weights()[i], Double::sum);
            }
        }
        return sum;
    }

    private static Map<Integer, Double> sumOf(TermVector v) {
        Map<Integer, Double> sum = new HashMap<>();
        for (int i = 0; i < v.terms().length; i++) {
            sum.merge(v.terms()[i], (double) v.weights()[i], Double::sum);
        }
        return sum;
    }

    private static double dot(Map<Integer, Double> sum, TermVector v) {
        double d = 0;
        for (int i = 0; i < v.terms().length; i++) {
            Double w = sum.get(v.terms()[i]);
            if (w != null) {
                d += w * v.weights()[i];
            }
        }
        return d;
    }

    private static double dotMaps(Map<Integer, Double> x, Map<Integer, Double> y) {
        Map<Integer, Double> small = x.size() <= y.size() ? x : y;
        Map<Integer, Double> large = small == x ? y : x;
        double d = 0;
        for (Map.Entry<Integer, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                d += w * e.getValue();
            }
        }
        return d;
    }

    private static double norm(Map<Integer, Double> sum) {
        double s = 0;
        for (double w : sum.values()) {
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
