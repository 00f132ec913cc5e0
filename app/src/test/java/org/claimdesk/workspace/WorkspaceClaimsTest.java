package org.claimdesk.workspace;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.pipeline.ClusterStage;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.StoredItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims and clusters in a real workspace: the bundled sample (six outlets in Arabic, English,
 * German, Japanese, French and Spanish on the same floods) imported, analysed with the real models,
 * scored with the shipped check-worthiness model, clustered, flagged; then an analyst's decisions,
 * across a restart.
 */
class WorkspaceClaimsTest {
    private static TextAnalyzer analyzer;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadAnalyzer() {
        analyzer = new TextAnalyzer();
    }

    @AfterAll
    static void dropAnalyzer() {
        analyzer = null; // its models stay in the one test JVM otherwise
    }

    private WorkspaceSession open() {
        return WorkspaceSession.open(new Workspace(tmp.resolve("desk")), null, new SessionSettings(Clock.systemUTC(), analyzer));
    }

    @Test
    void sampleItemsGetClaimsAndClustersAndAnAnalystsDecisionOutlivesARestart() throws Exception {
        long movedOut;
        long from;
        try (WorkspaceSession session = open()) {
            int imported = SampleBundle.importInto(session).newItems();
            session.stages().runUntilIdle(ClusterStage.NAME, 10_000);

            List<StoredItem> all = session.itemStore().itemsAfter(0, 1000);
            assertThat(all).hasSize(imported);
            ClaimClusters claims = session.claims();
            Set<Long> clustered = new HashSet<>();
            for (StoredItem item : all) {
                Optional<Long> cluster = claims.clusterOfItem(item.id());
                assertThat(cluster).as("cluster of %s", item.title()).isPresent();
                clustered.add(cluster.get());
            }
            assertThat(clustered.size()).as("some sample items carry the same story").isLessThan(all.size());

            // the English lab-results report: its best claim carries its numbers, with the cues that made it
            StoredItem lab = all.stream().filter(i -> i.title().startsWith("Lab results: no chemical contamination"))
                    .findFirst().orElseThrow();
            List<ClaimSentence> labClaims = claims.claimsOf(lab.id());
            assertThat(labClaims).isNotEmpty();
            ClaimSentence best = labClaims.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
            assertThat(best.reasons()).isNotEmpty();
            String text = lab.title() + "\n\n" + lab.text();
            assertThat(text.substring(best.start(), best.end()).strip()).isEqualTo(best.sentence());

            List<ClusterSummary> board = claims.ranked(ClaimClusters.Filter.ALL, 100);
            assertThat(board).isNotEmpty().allSatisfy(cluster -> assertThat(cluster.label()).isNotBlank());
            ClusterSummary biggest = board.stream().max((a, b) -> Integer.compare(a.itemCount(), b.itemCount())).orElseThrow();
            assertThat(biggest.itemCount()).isGreaterThan(1);
            var detail = claims.detail(biggest.id()).orElseThrow();
            assertThat(detail.itemCount()).isEqualTo(biggest.itemCount());
            assertThat(detail.timeline().total()).isNotEmpty();
            // the sample's times are moved to the present at import: its last rumour is taking off now
            session.rescoreFlags();
            ClusterSummary top = claims.ranked(ClaimClusters.Filter.ALL, 100).getFirst();
            assertThat(top.flaggedAt()).as("a first start shows a claim flagged").isNotNull();
            assertThat(top.flagReasons().getFirst()).matches("\\d+ items from \\d+ sources in \\d+ languages in the last 2 h");

            from = biggest.id();
            movedOut = claims.detail(from).orElseThrow().itemsBySource().values().iterator().next().getFirst().id();
            long alone = claims.moveOut(movedOut);
            assertThat(claims.clusterOfItem(movedOut)).contains(alone);
            claims.setState(from, ClusterState.WATCHING, null);
            claims.noteOnCluster(from, "Same voice note as last year");

            // notes are searchable: an item by the words of a note on it (the snippet shows the note),
            // a cluster on the board by the words of a note on it
            session.search().bringUpToDate(RebuildProgress.NONE);
            assertThat(session.search().search(SearchRequest.of("hydrologist")).hits()).isEmpty();
            claims.noteOnItem(lab.id(), "Confirmed by the hydrologist we called on Tuesday");
            session.search().bringUpToDate(RebuildProgress.NONE);
            var hits = session.search().search(SearchRequest.of("hydrologist")).hits();
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.itemId()).isEqualTo(lab.id());
                assertThat(hit.snippets()).anySatisfy(snippet -> assertThat(snippet.text()).contains("✎ Confirmed by the"));
            });
            assertThat(session.itemStore().find(lab.id()).orElseThrow().notes())
                    .containsExactly("Confirmed by the hydrologist we called on Tuesday");
            assertThat(claims.ranked(new ClaimClusters.Filter(null, null, null, 1, "VOICE note"), 100))
                    .extracting(ClusterSummary::id).containsExactly(from);
            assertThat(claims.ranked(new ClaimClusters.Filter(null, null, null, 1, "voice rumour"), 100)).isEmpty();
        }
        try (WorkspaceSession session = open()) {
            // the item is analysed and clustered again (as when its article arrives): it stays out
            session.requeueForTest(movedOut, ClusterStage.NAME);
            session.stages().runUntilIdle(ClusterStage.NAME, 10_000);
            ClaimClusters claims = session.claims();
            assertThat(claims.clusterOfItem(movedOut).map(claims::detail).flatMap(d -> d.map(x -> x.summary().id())))
                    .isNotEqualTo(Optional.of(claims.detail(from).orElseThrow().summary().id()));
            assertThat(claims.detail(from).orElseThrow().summary().state()).isEqualTo(ClusterState.WATCHING);
            assertThat(claims.detail(from).orElseThrow().notes()).extracting(n -> n.text())
                    .containsExactly("Same voice note as last year");
        }
    }
}
