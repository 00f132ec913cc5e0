package org.claimdesk.workspace;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's figure for bundles: a workspace of 5,000 items (a few paragraphs each, in English,
 * Arabic and Japanese) in 500 clusters with 50 rebuttals (two versions, review steps, a page kept as
 * evidence each), exported whole, imported on a fresh workspace, then imported again (nothing changes).
 * {@code mvn -B -q -pl app -am test -Pbench -Dtest=WorkspaceBundleBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class WorkspaceBundleBench {
    static final int ITEMS = 5_000;
    static final int REBUTTALS = 50;
    static final int ITEMS_A_CLUSTER = 10;

    @TempDir
    Path tmp;

    @Test
    void fiveThousandItemsAndFiftyRebuttalsThereAndBack() throws Exception {
        Path feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources:\n  - id: wire\n    url: https://wire.example.org/feed\n");
        AnalystIdentity amal = new AnalystIdentity("Amal", Role.ANALYST);
        AnalystIdentity noor = new AnalystIdentity("Noor", Role.EDITOR);
        Path bundle = tmp.resolve("bundle.zip");
        try (WorkspaceSession a = WorkspaceSession.open(new Workspace(tmp.resolve("a")), feeds)) {
            a.sources().health(); // feeds.yml's source is in the database from here on
        }
        List<Long> ids;
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        try (Database database = Database.open(new Workspace(tmp.resolve("a")).databaseDir())) {
            ItemStore items = new ItemStore(database);
            ClusterStore clusters = new ClusterStore(database);
            List<String> bodies = List.of(
                    "The water authority said on Monday that samples from %d sites met every legal limit. ",
                    "قالت هيئة المياه يوم الاثنين إن العينات من %d موقعا استوفت جميع الحدود القانونية. ",
                    "水道局は月曜日、%d か所の試料がすべての基準を満たしたと発表した。");
            for (int n = 0; n < ITEMS; n++) {
                URI url = URI.create("https://wire.example.org/story/" + n);
                String text = bodies.get(n % 3).formatted(n).repeat(12);
                items.save(new NewItem("wire", url, url, "guid-" + n, "Report " + n, null, text,
                        List.of("en", "ar", "ja").get(n % 3), t.plusSeconds(n * 60L), t.plusSeconds(n * 60L), "hash-" + n));
            }
            ids = java.util.Arrays.stream(items.idsAfter(0, ITEMS)).boxed().toList();
            long cluster = 0;
            for (int n = 0; n < ids.size(); n++) {
                if (n % ITEMS_A_CLUSTER == 0) {
                    cluster = clusters.newCluster(t);
                }
                clusters.pin(ids.get(n), cluster, "Amal", t);
            }
        }
        long exported;
        WorkspaceBundles.BundleWritten written;
        try (WorkspaceSession a = WorkspaceSession.open(new Workspace(tmp.resolve("a")), feeds);
             LoopbackServer site = LoopbackServer.start()) {
            ClaimClusters claims = a.claims();
            var workflow = a.rebuttals().workflow();
            for (int n = 0; n < REBUTTALS; n++) {
                site.serveText("/report/" + n, "text/html; charset=utf-8", "<html><head><title>Report " + n
                        + "</title></head><body><article><p>" + "Every sample met the legal limits. ".repeat(40)
                        + "</p></article></body></html>");
                long answered = claims.clusterOfItem(ids.get(n * ITEMS_A_CLUSTER)).orElseThrow();
                StoredRebuttal r = workflow.start(answered, "en", null, amal);
                workflow.save(r.id(), 1, new RebuttalText("Report " + n + " shows poisoned water", "false",
                        "Every sample met the legal limits.", "# The water is safe\n\nSamples " + n + "."), null, amal);
                a.rebuttals().evidence().attachPage(r.id(), site.uri("/report/" + n), "measurements " + n, amal);
                workflow.submit(r.id(), 2, amal);
                workflow.approve(r.id(), 2, noor, null);
            }
            long start = System.nanoTime();
            written = a.bundles().export(null, bundle);
            exported = System.nanoTime() - start;
        }
        assertThat(written.items()).isEqualTo(ITEMS);
        assertThat(written.rebuttals()).isEqualTo(REBUTTALS);
        try (WorkspaceSession b = WorkspaceSession.open(new Workspace(tmp.resolve("b")), feeds)) {
            long start = System.nanoTime();
            WorkspaceBundles.BundleImportReport report = b.bundles().importBundle(bundle);
            long imported = System.nanoTime() - start;
            assertThat(report.items().added()).isEqualTo(ITEMS);
            assertThat(report.rebuttals().added()).isEqualTo(REBUTTALS);
            start = System.nanoTime();
            WorkspaceBundles.BundleImportReport again = b.bundles().importBundle(bundle);
            long importedAgain = System.nanoTime() - start;
            assertThat(again.items().unchanged()).isEqualTo(ITEMS);
            start = System.nanoTime();
            b.search().bringUpToDate(RebuildProgress.NONE);
            long indexed = System.nanoTime() - start;
            assertThat(b.search().search(SearchRequest.of("authority")).totalHits()).isPositive();
            System.out.printf("WorkspaceBundleBench: %d items, %d clusters, %d rebuttals, %d snapshots, bundle %.1f MB; "
                            + "export %.2f s, import on a fresh workspace %.2f s, same bundle again %.2f s, index catch-up %.2f s%n",
                    written.items(), written.clusters(), written.rebuttals(), written.snapshots(), written.bytes() / 1e6,
                    exported / 1e9, imported / 1e9, importedAgain / 1e9, indexed / 1e9);
        }
    }
}
