package org.claimdesk.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What an analyst sees of the clusterer: stories grouped, ids that stay, decisions that hold. */
class StreamingClustererTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static ClusterItem item(String id, int minutes, String title) {
        return ClusterItem.of(id, T0.plus(Duration.ofMinutes(minutes)), title, "");
    }

    private final StreamingClusterer clusterer = new StreamingClusterer(ClusterSettings.defaults());

    @Test
    void itemsOfOneStoryShareAClusterAndAnotherStoryGetsItsOwn() {
        long a1 = clusterer.add(item("a1", 0, "Chrysler recalls 25,000 Jeep SUVs over faulty brakes")).clusterId();
        long b1 = clusterer.add(item("b1", 1, "Bitcoin exchange Mt. Gox files for bankruptcy in Tokyo")).clusterId();
        long a2 = clusterer.add(item("a2", 2, "Jeep recall: Chrysler calls back 25000 SUVs for brake problem")).clusterId();
        long b2 = clusterer.add(item("b2", 3, "Mt. Gox bankruptcy: bitcoin exchange seeks protection in Tokyo court")).clusterId();

        assertThat(a2).isEqualTo(a1);
        assertThat(b2).isEqualTo(b1);
        assertThat(a1).isNotEqualTo(b1);
    }

    @Test
    void anItemBridgingTwoClustersMergesThemAndTheOlderIdSurvives() {
        ClusterSettings settings = ClusterSettings.defaults().withJoinThreshold(0.3).withMergeThreshold(0.3);
        StreamingClusterer c = new StreamingClusterer(settings);
        c.add(item("x0", 0, "Unrelated opener about weather in Oslo"));
        long first = c.add(item("p1", 1, "Volcano erupts near Reykjavik airport")).clusterId();
        long second = c.add(item("q1", 2, "Flights grounded across Iceland, Keflavik closed")).clusterId();
        assertThat(second).isNotEqualTo(first);

        Assignment bridge = c.add(item("r1", 3, "Volcano erupts near Reykjavik: flights grounded across Iceland, Keflavik closed"));

        assertThat(bridge.absorbed()).containsExactly(second);
        assertThat(bridge.clusterId()).isEqualTo(first);
        assertThat(c.resolve(second)).isEqualTo(first);
        assertThat(c.mergedIds(first)).containsExactly(second);
    }

    @Test
    void anItemMovedOutStaysOutAndItsNewClusterIsNeverMergedBack() {
        ClusterSettings settings = ClusterSettings.defaults().withJoinThreshold(0.2).withMergeThreshold(0.2);
        StreamingClusterer c = new StreamingClusterer(settings);
        c.add(item("x0", 0, "Unrelated opener about weather in Oslo"));
        long story = c.add(item("s1", 1, "Minister resigns after expenses scandal")).clusterId();
        c.add(item("s2", 2, "Expenses scandal: minister resigns"));
        assertThat(c.add(item("s3", 3, "Minister resigns; satire site jokes about expenses scandal")).clusterId()).isEqualTo(story);

        long elsewhere = c.apply(new AnalystDecision.MoveOut("s3", story, null));
        assertThat(elsewhere).isNotEqualTo(story);

        // an item close to both would merge them, but the analyst said they are apart
        Assignment next = c.add(item("s4", 4, "Minister resigns after expenses scandal, satire site jokes"));
        assertThat(next.absorbed()).isEmpty();
        assertThat(c.resolve(story)).isNotEqualTo(c.resolve(elsewhere));
        // the moved item, seen again (a re-run), goes where the analyst put it
        assertThat(c.add(item("s3", 5, "Minister resigns; satire site jokes about expenses scandal")).clusterId())
                .isEqualTo(c.resolve(elsewhere));
    }

    @Test
    void aPinnedItemJoinsItsClusterWhateverItSays() {
        long story = clusterer.add(item("a1", 0, "Dam breaks in Libya, thousands missing")).clusterId();
        clusterer.add(item("b1", 1, "Football: late goal wins the cup final"));

        clusterer.apply(new AnalystDecision.Pin("c1", story));

        assertThat(clusterer.add(item("c1", 2, "Football: the cup final replay")).clusterId()).isEqualTo(story);
    }

    @Test
    void analystMergeKeepsTheLargerClustersIdAndHolds() {
        long big = clusterer.add(item("a1", 0, "Earthquake of magnitude 6.8 hits Morocco")).clusterId();
        clusterer.add(item("a2", 1, "Morocco earthquake magnitude 6.8: hundreds dead"));
        long small = clusterer.add(item("b1", 2, "Marrakesh old town damaged, rescuers search rubble")).clusterId();

        long kept = clusterer.apply(new AnalystDecision.Merge(small, big));

        assertThat(kept).isEqualTo(big);
        assertThat(clusterer.resolve(small)).isEqualTo(big);
        assertThat(clusterer.add(item("b2", 3, "Rescuers search rubble in Marrakesh old town")).clusterId()).isEqualTo(big);
    }

    @Test
    void aRestoredClustererGoesOnWithTheStoredIds() {
        StreamingClusterer resumed = new StreamingClusterer(ClusterSettings.defaults());
        resumed.restore(item("a1", 0, "Chrysler recalls 25,000 Jeep SUVs over faulty brakes"), 41);
        resumed.restore(item("b1", 1, "Bitcoin exchange Mt. Gox files for bankruptcy"), 42);
        resumed.restore(item("b2", 2, "Mt. Gox bitcoin exchange bankruptcy filing"), 43);
        resumed.restoreMerge(43, 42);

        assertThat(resumed.add(item("a2", 3, "Jeep recall: Chrysler calls back 25000 SUVs for brakes")).clusterId()).isEqualTo(41);
        assertThat(resumed.add(item("b3", 4, "Mt. Gox bankruptcy: bitcoin exchange in court")).clusterId()).isEqualTo(42);
        Assignment fresh = resumed.add(item("c1", 5, "Solar eclipse visible over Svalbard"));
        assertThat(fresh.newCluster()).isTrue();
        assertThat(fresh.clusterId()).isGreaterThan(43);
    }

    @Test
    void quietClustersLeaveMemoryButTheirIdsStillResolve() {
        long old = clusterer.add(item("a1", 0, "Chrysler recalls 25,000 Jeep SUVs over faulty brakes")).clusterId();
        for (int i = 0; i < 5_000; i++) {
            // a week later, a stream of distinct stories
            clusterer.add(item("n" + i, 7 * 24 * 60 + i, "story" + i + " word" + (i * 7) + " thing" + (i * 13)));
        }
        assertThat(clusterer.liveClusters()).isLessThan(5_001);
        assertThat(clusterer.resolve(old)).isEqualTo(old);
        // the old story cannot be joined after the window: a return makes a new cluster
        assertThat(clusterer.add(item("a2", 7 * 24 * 60 + 5_001, "Chrysler recalls 25,000 Jeep SUVs over faulty brakes"))
                .clusterId()).isNotEqualTo(old);
    }

    @Test
    void anEmptyItemAndAHugeOneAreHandled() {
        assertThat(clusterer.add(item("empty", 0, "")).newCluster()).isTrue();
        String huge = "word ".repeat(20_000) + "tail";
        long started = System.nanoTime();
        clusterer.add(ClusterItem.of("huge", T0, "", huge));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void numbersAreTheSameWhateverTheirDigitsOrSeparators() {
        ClusterTokenizer t = new ClusterTokenizer();
        assertThat(t.tokens("1,250 people; 47.5 percent", "en").numbers()).containsExactly("1250", "47.5");
        assertThat(t.tokens("1.250 Menschen; 47,5 Prozent", "de").numbers()).containsExactly("1250", "47.5");
        assertThat(t.tokens("١٢٥٠ شخصا", "ar").numbers()).containsExactly("1250");
        assertThat(t.tokens("１２５０世帯", "ja").numbers()).containsExactly("1250");
        assertThat(t.tokens("الرئيس والحكومة", "ar").words()).containsExactly("رييس", "حكوم");
        assertThat(t.tokens("政策金利", "ja").words()).containsExactly("政策", "策金", "金利");
        assertThat(t.tokens("Recalls recalled recalling", "en").words()).containsOnly("recall");
    }
}
