package org.claimdesk.workspace;

import org.claimdesk.ingest.ImportReport;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SourceHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceSessionTest {
    @TempDir
    Path tmp;

    @Test
    void aNewWorkspaceGetsItsFoldersAndTheStarterFeedsFile() {
        Workspace workspace = new Workspace(tmp.resolve("desk"));
        try (WorkspaceSession session = WorkspaceSession.open(workspace, null)) {
            assertThat(workspace.databaseDir()).isDirectory();
            assertThat(workspace.logsDir()).isDirectory();
            assertThat(workspace.feedsFile()).isRegularFile();
            assertThat(session.sources().configProblems()).isEmpty();
            // The starter list is the repository's feeds.yml: many languages, all known to the store.
            assertThat(session.sources().config().sources()).extracting(Source::languageHint).contains("ar", "en", "de", "ja", "fr", "es");
            assertThat(session.sources().health()).hasSameSizeAs(session.sources().config().sources());
        }
    }

    @Test
    void editsToFeedsYmlApplyWithoutRestartAndABrokenEditKeepsTheLastGoodOne() throws Exception {
        Path feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, "sources:\n  - id: one\n    url: https://one.example.org/feed.xml\n");
        List<SourcesConfig> changes = new CopyOnWriteArrayList<>();
        List<List<String>> rejections = new CopyOnWriteArrayList<>();
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), feeds)) {
            session.events().subscribe(event -> {
                switch (event) {
                    case WorkspaceEvent.ConfigChanged e -> changes.add(e.config());
                    case WorkspaceEvent.ConfigRejected e -> rejections.add(e.problems());
                    default -> {
                    }
                }
            });
            assertThat(session.sources().config().sources()).extracting(Source::id).containsExactly("one");

            Files.writeString(feeds, Files.readString(feeds) + "  - id: two\n    url: https://two.example.org/feed.xml\n");
            awaitTrue(() -> !changes.isEmpty());
            assertThat(session.sources().config().sources()).extracting(Source::id).containsExactly("one", "two");
            assertThat(session.sources().health()).extracting(SourceHealth::sourceId).containsExactly("one", "two");

            Files.writeString(feeds, "sources:\n  - id: one\n    url: not a url\n");
            awaitTrue(() -> !rejections.isEmpty());
            assertThat(rejections.getFirst()).singleElement().asString().startsWith("feeds.yml:3:10:");
            assertThat(session.sources().configProblems()).isEqualTo(rejections.getFirst());
            assertThat(session.sources().config().sources()).extracting(Source::id).containsExactly("one", "two");
        }
    }

    @Test
    void aFeedsFileBrokenAtStartStillOpensTheWorkspaceAndSaysWhy() throws Exception {
        Path feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, "sources:\n  - id: a\n    url: https://a.example.org/\n  - id: a\n    url: https://b.example.org/\n");
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), feeds)) {
            assertThat(session.sources().config().sources()).isEmpty();
            assertThat(session.sources().configProblems()).anySatisfy(p -> assertThat(p).startsWith("feeds.yml:4:").contains("duplicate"));
        }
    }

    @Test
    void sourcesAreDueWhenTheirIntervalHasPassed() throws Exception {
        Path feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, """
                sources:
                  - id: fast
                    url: https://fast.example.org/feed.xml
                    poll: 5m
                  - id: slow
                    url: https://slow.example.org/feed.xml
                    poll: 1h
                  - id: off
                    url: https://off.example.org/feed.xml
                    enabled: false
                """);
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), feeds)) {
            Instant now = Instant.now();
            assertThat(session.dueSources(now)).extracting(Source::id).containsExactly("fast", "slow");
            for (String id : List.of("fast", "slow")) {
                session.sourceStore().record(new org.claimdesk.store.FetchAttempt(0, id,
                        java.net.URI.create("https://" + id + ".example.org/feed.xml"), now, 10, 200, 100, 0, null, null));
            }
            assertThat(session.dueSources(now.plus(Duration.ofMinutes(10)))).extracting(Source::id).containsExactly("fast");
            assertThat(session.dueSources(now.plus(Duration.ofMinutes(61)))).extracting(Source::id).containsExactly("fast", "slow");
        }
    }

    @Test
    void theBundledSampleGivesAnOfflineWorkbenchInSixLanguagesWithItsStoryRunningNow() throws Exception {
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), null)) {
            ImportReport report = SampleBundle.importInto(session);
            assertThat(report.problems()).isEmpty();
            assertThat(report.newItems()).isGreaterThanOrEqualTo(20);
            List<ItemSummary> items = session.items().newest(100);
            assertThat(items).extracting(i -> i.language() == null ? "" : i.language().substring(0, 2))
                    .contains("ar", "en", "de", "ja", "fr", "es");
            // Every item is attributed to its outlet by name, the saved pages included (not to their headlines).
            assertThat(items).extracting(ItemSummary::sourceName).allSatisfy(name ->
                    assertThat(name).isIn("The Harbour Ledger", "Nordkanal Rundschau – Welt & Faktencheck",
                            "Nordkanal Rundschau", "الرصيف نيوز", "みなと検証ネット",
                            "Le Courrier du Littoral – Vérifications", "Diario Costa Sur"));
            // its times are moved to the present: the newest item is minutes old, the oldest two days old
            Instant now = Instant.now();
            assertThat(items.getFirst().time()).isBetween(now.minus(Duration.ofHours(1)), now);
            assertThat(items.getLast().time()).isBetween(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
            // Importing it again adds nothing: the sample is de-duplicated like any other source.
            assertThat(SampleBundle.importInto(session).newItems()).isZero();
        }
    }

    @Test
    void importedItemsBecomeSearchableWithinASecondOrTwoInTheirOwnLanguage() throws Exception {
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), tmp.resolve("none.yml"))) {
            session.startIndexing();
            awaitTrue(() -> session.index().count() == 0);
            SampleBundle.importInto(session);
            long stored = session.items().count();
            // Arabic: a word finds its normalised, inflected forms; Japanese: a query without spaces.
            awaitTrue(() -> session.search().search(org.claimdesk.index.SearchRequest.of("المياه")).totalHits() > 0);
            awaitTrue(() -> session.search().search(org.claimdesk.index.SearchRequest.of("水道水")).totalHits() > 0);
            awaitTrue(() -> session.index().count() == stored);
        }
        // Reopened, the index is complete and needs no rebuild.
        try (WorkspaceSession again = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), tmp.resolve("none.yml"))) {
            assertThat(again.index().needsRebuild()).isFalse();
            assertThat(again.search().bringUpToDate(org.claimdesk.index.RebuildProgress.NONE).indexed()).isZero();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
