package org.claimdesk.cluster;

import java.util.Arrays;

/**
 * An item's weighted terms, L2-normalised: term keys (hashed words, numbers, names, links) sorted,
 * with their weights. Small and flat, so an item costs a few hundred bytes while its cluster lives.
 */
record TermVector(int[] terms, float[] weights) {
    static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

    int size() {
        return terms.length;
    }

    /** The indices of the {@code n} heaviest terms, heaviest first. */
    int[] heaviest(int n) {
        Integer[] order = new Integer[terms.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(weights[b], weights[a]));
        int k = Math.min(n, order.length);
        int[] top = new int[k];
        for (int i = 0; i < k; i++) {
            top[i] = order[i];
        }
        return top;
    }
}
