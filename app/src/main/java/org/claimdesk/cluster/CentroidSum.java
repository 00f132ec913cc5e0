package org.claimdesk.cluster;

import java.util.Arrays;

/**
 * The sum of a cluster's item vectors, as an open-addressing map from term to weight, with its
 * squared norm kept up to date so a cosine costs one look-up per term of the item. Pruned to its
 * heaviest terms when it grows, so a cluster of 50,000 items is as cheap to compare as one of 50.
 */
final class CentroidSum {
    private static final int EMPTY = 0; // term 0 is stored apart: it is the empty-slot marker
    private int[] keys = new int[16];
    private float[] values = new float[16];
    private int size;
    private boolean hasZero;
    private float zeroValue;
    private double squaredNorm;
    private final int keep;

    CentroidSum(int keep) {
        this.keep = keep;
    }

    double norm() {
        return Math.sqrt(Math.max(0, squaredNorm));
    }

    float get(int term) {
        if (term == EMPTY) {
            return hasZero ? zeroValue : 0f;
        }
        int mask = keys.length - 1;
        for (int i = term & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == term) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0f;
            }
        }
    }

    /** The dot product with an item's vector. */
    double dot(TermVector v) {
        double sum = 0;
        int[] terms = v.terms();
        float[] weights = v.weights();
        for (int i = 0; i < terms.length; i++) {
            sum += weights[i] * get(terms[i]);
        }
        return sum;
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) a vector. */
    void add(TermVector v, int sign) {
        double dot = dot(v);
        double vv = 0;
        for (float w : v.weights()) {
            vv += w * w;
        }
        squaredNorm += 2 * sign * dot + vv;
        int[] terms = v.terms();
        float[] weights = v.weights();
        for (int i = 0; i < terms.length; i++) {
            put(terms[i], sign * weights[i]);
        }
        if (size > 2 * keep) {
            prune();
        }
    }

    void addAll(CentroidSum other) {
        other.forEach((t, w) -> put(t, w));
        recomputeNorm();
        if (size > 2 * keep) {
            prune();
        }
    }

    private void put(int term, float delta) {
        if (term == EMPTY) {
            hasZero = true;
            zeroValue += delta;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = term & mask; ; i = (i + 1) & mask) {
            if (keys[i] == term) {
                values[i] += delta;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = term;
                values[i] = delta;
                size++;
                return;
            }
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        float[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new float[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Keeps the heaviest {@code keep} terms; the light tail is what single items said in passing. */
    private void prune() {
        float[] all = new float[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                all[n++] = values[i];
            }
        }
        Arrays.sort(all);
        float cut = all[Math.max(0, n - keep)];
        int[] oldKeys = keys;
        float[] oldValues = values;
        keys = new int[Integer.highestOneBit(Math.max(16, keep * 4))];
        values = new float[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldValues[i] >= cut && size < keep) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        recomputeNorm();
    }

    private void recomputeNorm() {
        double[] sum = {0};
        forEach((t, w) -> sum[0] += (double) w * w);
        squaredNorm = sum[0];
    }

    interface TermWeight {
        void accept(int term, float weight);
    }

    void forEach(TermWeight action) {
        if (hasZero) {
            action.accept(EMPTY, zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** Cosine with an item's vector (which is of unit length). */
    double cosine(TermVector item) {
        double n = norm();
        return n == 0 ? 0 : dot(item) / n;
    }

    /** Cosine between two centroids. */
    double cosine(CentroidSum other) {
        double[] dot = {0};
        CentroidSum small = size <= other.size ? this : other;
        CentroidSum large = small == this ? other : this;
        small.forEach((t, w) -> dot[0] += w * large.get(t));
        double n = norm() * other.norm();
        return n == 0 ? 0 : dot[0] / n;
    }
}
