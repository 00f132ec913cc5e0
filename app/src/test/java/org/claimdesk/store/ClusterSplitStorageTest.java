package org.claimdesk.store;

import org.claimdesk.cluster.TwoStoriesOneName;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.pipeline.ClusterStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clustering stage against a real H2 on disk: a split it finds is stored (the items that left
 * are in their new cluster), and a merge an analyst made holds against the clusterer's splits
 * after a restart, when the clusterer is rebuilt from the database.
 */
class ClusterSplitStorageTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSplitIsStoredAndAnAnalystsMergeHoldsAfterARestart() {
        Clock clock = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        try (Database database = Database.open(dir)) {
            new SourceStore(database).sync(List.of(Samples.feed("wire")));
            ItemStore items = new ItemStore(database);
            ClusterStore clusters = new ClusterStore(database);

            ClusterStage stage = new ClusterStage(clusters, TwoStoriesOneName.oneClusterThenSplit(), "claims", clock);
            List<Long> recall = new ArrayList<>();
            List<Long> earnings = new ArrayList<>();
            feed(database, items, stage, "a", recall, earnings);
            long recallCluster = clusters.clusterOfItem(recall.getFirst()).orElseThrow();
            long earningsCluster = clusters.clusterOfItem(earnings.getFirst()).orElseThrow();
            assertThat(recallCluster).as("the two stories are stored apart").isNotEqualTo(earningsCluster);
            assertThat(clusters.itemsOf(recallCluster)).containsExactlyInAnyOrderElementsOf(recall);
            assertThat(clusters.itemsOf(earningsCluster)).containsExactlyInAnyOrderElementsOf(earnings);

            stage.merge(earningsCluster, recallCluster, "amal");
            long merged = clusters.survivor(recallCluster);

            // a restart: the clusterer is rebuilt from what H2 holds, the analyst's merge included
            ClusterStage restarted = new ClusterStage(clusters, TwoStoriesOneName.oneClusterThenSplit(), "claims", clock);
            List<Long> more = new ArrayList<>();
            feed(database, items, restarted, "b", more, more);
            for (long item : more) {
                assertThat(clusters.clusterOfItem(item)).as("item %d", item).contains(merged);
            }
            assertThat(clusters.itemsOf(merged)).hasSize(32);
        }
    }

    /** Both stories, interleaved; {@code round} tells one run's items from another's (same headlines). */
    private static void feed(Database database, ItemStore items, ClusterStage stage, String round, List<Long> recall,
                             List<Long> earnings) {
        for (int i = 0; i < TwoStoriesOneName.RECALL.size(); i++) {
            recall.add(place(database, items, stage, TwoStoriesOneName.RECALL.get(i), round + "r" + i, 2 * i));
            earnings.add(place(database, items, stage, TwoStoriesOneName.EARNINGS.get(i), round + "e" + i, 2 * i + 1));
        }
    }

    private static long place(Database database, ItemStore items, ClusterStage stage, String title, String key,
                              int minute) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        String url = "https://wire.example.org/" + key;
        // a body word of its own, so that the same headline twice is two items, not a copy
        String text = "Wire report " + key.replaceAll("\\d", "x").replace('x', (char) ('a' + minute % 26)) + ".";
        items.save(new NewItem("wire", URI.create(url), URI.create(url), url, title, null, text, "en", at, at,
                ContentHash.of(text)));
        long id = items.lastId();
        ItemWrite write = stage.process(stage.load(List.of(id)).get(id));
        database.inTransaction("place " + id, connection -> {
            write.writeTo(connection);
            return null;
        });
        return id;
    }
}
