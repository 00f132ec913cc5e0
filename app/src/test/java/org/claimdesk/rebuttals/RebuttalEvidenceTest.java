package org.claimdesk.rebuttals;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.EvidenceStore;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence attached to a rebuttal is kept as it was: a real page served on loopback and fetched by
 * the real fetcher, its bytes in the snapshot folder under their hash, its text in H2.
 */
class RebuttalEvidenceTest {
    static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", AnalystIdentity.Role.ANALYST);
    static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Water board: tap water is safe</title></head>
            <body><nav>Home | News</nav><article><h1>Water board: tap water is safe</h1>
            <p>The Millbrook water board tested tap water at twelve sites on Friday and found it safe to drink.</p>
            <p>The board said chlorine levels were within the legal limit at every site and that no sample showed bacteria.</p>
            <p>Residents who saw a message saying the water was poisoned should ignore it, the board said in a statement.</p>
            </article><footer>© Water board</footer></body></html>
            """;

    @TempDir
    Path dir;

    private Database database;
    private HttpFetcher fetcher;
    private SnapshotFolder folder;
    private RebuttalEvidence evidence;
    private long rebuttal;
    private ItemStore items;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"));
        fetcher = new HttpFetcher(FetchSettings.defaults());
        folder = new SnapshotFolder(dir.resolve("snapshots"));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        RebuttalStore rebuttals = new RebuttalStore(database);
        ClusterStore clusters = new ClusterStore(database);
        items = new ItemStore(database);
        evidence = new RebuttalEvidence(rebuttals, new EvidenceStore(database), items,
                new EvidenceSnapshots(folder, fetcher::fetch, new ArticleExtractor(), clock), clock);
        rebuttal = new RebuttalWorkflow(rebuttals, clusters, RatingScale.DEFAULT, clock)
                .start(clusters.newCluster(T0), "en", null, AMAL).id();
    }

    @AfterEach
    void close() {
        fetcher.close();
        database.close();
    }

    @Test
    void aPageIsKeptAsItWasWhenAttachedEvenAfterItChanges() throws Exception {
        try (LoopbackServer site = LoopbackServer.start()) {
            site.serveText("/statement", "text/html; charset=utf-8", PAGE);
            StoredEvidence attached = evidence.attachPage(rebuttal, site.uri("/statement"), "The board's own test results", AMAL);

            assertThat(attached.snapshot().taken()).isTrue();
            assertThat(attached.snapshot().problem()).isNull();
            assertThat(attached.title()).isEqualTo("Water board: tap water is safe");
            assertThat(attached.snapshot().text()).contains("twelve sites on Friday").doesNotContain("Home | News");
            assertThat(attached.addedBy()).isEqualTo("Amal");
            assertThat(new String(folder.read(attached.snapshot().sha256()), StandardCharsets.UTF_8)).isEqualTo(PAGE);

            site.serveText("/statement", "text/html; charset=utf-8", "<html><body>Page removed</body></html>");
            assertThat(evidence.of(rebuttal)).singleElement().satisfies(kept ->
                    assertThat(new String(folder.read(kept.snapshot().sha256()), StandardCharsets.UTF_8)).contains("twelve sites"));
        }
    }

    @Test
    void aPageThatCannotBeFetchedIsAttachedWithTheReasonAndTakenAgainLater() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        URI offline = URI.create("http://127.0.0.1:" + port + "/statement");
        StoredEvidence attached = evidence.attachPage(rebuttal, offline, "The board's statement", AMAL);
        assertThat(attached.snapshot().taken()).isFalse();
        assertThat(attached.snapshot().problem()).startsWith("could not fetch it:");
        assertThat(attached.note()).isEqualTo("The board's statement");

        try (LoopbackServer site = LoopbackServer.start()) {
            site.serveText("/statement", "text/html; charset=utf-8", PAGE);
            StoredEvidence moved = evidence.of(rebuttal).getFirst();
            StoredEvidence retaken = evidence.retake(new StoredEvidence(moved.id(), moved.rebuttalId(), moved.position(),
                    site.uri("/statement"), null, moved.note(), moved.title(), moved.snapshot(), moved.addedAt(), moved.addedBy()));
            assertThat(retaken.snapshot().taken()).isTrue();
            assertThat(retaken.snapshot().text()).contains("twelve sites");
        }
        assertThatThrownBy(() -> evidence.attachPage(rebuttal, URI.create("file:///etc/passwd"), "", AMAL))
                .hasMessageContaining("http or https");
    }

    @Test
    void anItemOfTheWorkspaceIsKeptAsStoredAndATamperedSnapshotIsRefused() throws Exception {
        new SourceStore(database).sync(java.util.List.of(new org.claimdesk.source.Source("wire", "Wire",
                URI.create("https://wire.example.org/feed"), org.claimdesk.source.SourceKind.FEED, "en", java.util.List.of(),
                java.time.Duration.ofMinutes(30), true, org.claimdesk.source.PageSelectors.NONE, false)));
        URI url = URI.create("https://wire.example.org/water");
        items.save(new NewItem("wire", url, url, null, "Tap water is safe, board says", null,
                "The board tested twelve sites.", "en", T0, T0, "h1"));
        StoredEvidence attached = evidence.attachItem(rebuttal, items.lastId(), "Wire report of the tests", AMAL);
        assertThat(attached.itemId()).isEqualTo(items.lastId());
        assertThat(attached.url()).isEqualTo(url);
        assertThat(attached.snapshot().text()).isEqualTo("The board tested twelve sites.");

        Path file = folder.fileOf(attached.snapshot().sha256());
        Files.writeString(file, "The board tested no sites.");
        assertThatThrownBy(() -> folder.read(attached.snapshot().sha256())).isInstanceOf(IOException.class)
                .hasMessageContaining("changed after it was kept");
    }
}
