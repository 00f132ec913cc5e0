package org.claimdesk.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the issue names: a plain TF-IDF single pass. Lower-cased runs of letters and digits,
 * document frequencies counted exactly from the stream, each item compared by cosine with the
 * centroid of every cluster so far, joined to the best over the threshold or made a new cluster.
 * No stemming, no time, no links, no candidate index: the yardstick, not a contender.
 */
public final class PlainTfIdfSinglePass {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private final double threshold;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final List<Map<String, Double>> centroids = new ArrayList<>();
    private final List<Double> norms = new ArrayList<>();
    private int documents;

    public PlainTfIdfSinglePass(double threshold) {
        this.threshold = threshold;
    }

    /** The cluster (0, 1, 2, …) of the next item. */
    public int add(String text) {
        Map<String, Integer> tf = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tf.merge(m.group(), 1, Integer::sum);
        }
        documents++;
        tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double w = e.getValue() * Math.log((documents + 1.0) / documentFrequency.get(e.getKey()));
            v.put(e.getKey(), w);
            norm += w * w;
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            v.replaceAll((k, w) -> w / n);
        }
        int best = -1;
        double bestScore = 0;
        for (int c = 0; c < centroids.size(); c++) {
            Map<String, Double> centroid = centroids.get(c);
            double dot = 0;
            for (Map.Entry<String, Double> e : v.entrySet()) {
                dot += e.getValue() * centroid.getOrDefault(e.getKey(), 0.0);
            }
            double score = norms.get(c) == 0 ? 0 : dot / norms.get(c);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (best < 0 || bestScore < threshold) {
            centroids.add(new HashMap<>());
            norms.add(0.0);
            best = centroids.size() - 1;
        }
        Map<String, Double> centroid = centroids.get(best);
        v.forEach((k, w) -> centroid.merge(k, w, Double::sum));
        double sq = 0;
        for (double w : centroid.values()) {
            sq += w * w;
        }
        norms.set(best, Math.sqrt(sq));
        return best;
    }
}
