package org.claimdesk.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimdesk.cluster.TwoStoriesOneName.EARNINGS;
import static org.claimdesk.cluster.TwoStoriesOneName.RECALL;
import static org.claimdesk.cluster.TwoStoriesOneName.oneClusterThenSplit;

/**
 * Two stories that one shared name pulled into one cluster come apart once each has enough items
 * to show its own words; analysts' pins and merges hold through it.
 */
class ClusterSplitTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static ClusterItem item(String id, int minute, String title) {
        return ClusterItem.of(id, T0.plus(Duration.ofMinutes(minute)), title, "");
    }

    /** Feeds both stories interleaved into one cluster (a low join bar lets the shared name do it). */
    private static Map<String, Long> feed(StreamingClusterer clusterer, Map<String, Assignment> seen) {
        return feed(clusterer, seen, "");
    }

    private static Map<String, Long> feed(StreamingClusterer clusterer, Map<String, Assignment> seen, String prefix) {
        Map<String, Long> where = new HashMap<>();
        for (int i = 0; i < RECALL.size(); i++) {
            for (String[] next : new String[][] {{prefix + "r" + i, RECALL.get(i)}, {prefix + "e" + i, EARNINGS.get(i)}}) {
                Assignment a = clusterer.add(item(next[0], 2 * i, next[1]));
                seen.put(next[0], a);
                where.put(next[0], a.clusterId());
                where.putAll(a.moved());
            }
        }
        where.replaceAll((item, cluster) -> clusterer.resolve(cluster));
        return where;
    }

    @Test
    void twoStoriesInOneClusterSplitWhenItDoublesAndTheLargerHalfKeepsTheId() {
        StreamingClusterer without = new StreamingClusterer(oneClusterThenSplit().withSplit(0, 4));
        Map<String, Long> together = feed(without, new HashMap<>());
        assertThat(together.values()).as("without splits the shared name holds both stories").containsOnly(together.get("r0"));

        StreamingClusterer clusterer = new StreamingClusterer(oneClusterThenSplit());
        Map<String, Assignment> seen = new HashMap<>();
        Map<String, Long> where = feed(clusterer, seen);

        long recall = where.get("r0");
        long earnings = where.get("e0");
        assertThat(recall).isNotEqualTo(earnings);
        for (int i = 0; i < RECALL.size(); i++) {
            assertThat(where.get("r" + i)).as("r" + i).isEqualTo(recall);
            assertThat(where.get("e" + i)).as("e" + i).isEqualTo(earnings);
        }
        // the cluster that the first item started keeps its id with one of the halves; the other is new
        assertThat(List.of(recall, earnings)).contains(seen.get("r0").clusterId());
        // the items that moved were told, with where they went
        assertThat(seen.values().stream().flatMap(a -> a.moved().entrySet().stream())
                .filter(e -> e.getKey().equals("e0") || e.getKey().equals("r0"))).isNotEmpty();
    }

    @Test
    void aPinnedItemStaysWithItsClusterThroughASplit() {
        StreamingClusterer clusterer = new StreamingClusterer(oneClusterThenSplit());
        // two more recall items first, so that at sixteen items the recall half is the larger one
        clusterer.add(item("r8", 0, "Chrysler widens Jeep brakes recall again"));
        clusterer.add(item("r9", 0, "Jeep brake recall: Chrysler dealers swamped"));
        Map<String, Long> where = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            where.put("r" + i, clusterer.add(item("r" + i, 2 * i + 1, RECALL.get(i))).clusterId());
            Assignment earnings = clusterer.add(item("e" + i, 2 * i + 2, EARNINGS.get(i)));
            where.put("e" + i, earnings.clusterId());
            where.putAll(earnings.moved());
            if (i == 0) {
                assertThat(earnings.clusterId()).as("the shared name pulls the first earnings item in").isEqualTo(where.get("r0"));
                clusterer.apply(new AnalystDecision.Pin("e0", earnings.clusterId()));
            }
        }
        where.replaceAll((item, cluster) -> clusterer.resolve(cluster));

        long recall = where.get("r0");
        assertThat(where.get("e1")).as("the earnings story split off").isNotEqualTo(recall);
        for (int i = 2; i < 7; i++) {
            assertThat(where.get("e" + i)).isEqualTo(where.get("e1"));
        }
        assertThat(where.get("e0")).as("pinned by an analyst, it stays").isEqualTo(recall);
    }

    @Test
    void aClusterAnAnalystMergedIsNeverSplitAgain() {
        StreamingClusterer clusterer = new StreamingClusterer(oneClusterThenSplit());
        Map<String, Long> first = feed(clusterer, new HashMap<>(), "");
        assertThat(first.get("r0")).isNotEqualTo(first.get("e0"));

        // the analyst says it is one story after all; the same again would split it at 32 items
        long merged = clusterer.apply(new AnalystDecision.Merge(first.get("r0"), first.get("e0")));
        Map<String, Long> second = feed(clusterer, new HashMap<>(), "again-");

        assertThat(second.values()).containsOnly(merged);
        assertThat(clusterer.resolve(first.get("r0"))).isEqualTo(merged);
        assertThat(clusterer.resolve(first.get("e0"))).isEqualTo(merged);
    }
}
