package org.claimdesk.workspace;

import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.StageRunner;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.StoredEntity;
import org.claimdesk.store.StoredItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Analysis in a real workspace: the bundled sample (Arabic, English, German, Japanese) imported
 * into H2, indexed, analysed with the real models, searched by entity. One analyzer for the class:
 * loading the CoreNLP models is the cost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceAnalysisTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static TextAnalyzer analyzer;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadAnalyzer() {
        analyzer = new TextAnalyzer();
    }

    private WorkspaceSession openWithSample() throws InterruptedException {
        WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), null, new SessionSettings(java.time.Clock.systemUTC(), analyzer));
        assertThat(SampleBundle.importInto(session).newItems()).isGreaterThan(20);
        return session;
    }

    @Test
    @Order(1)
    void sampleItemsGetTheirLanguageAndEntitiesAndEntitySearchFindsThem() throws Exception {
        try (WorkspaceSession session = openWithSample()) {
            long started = System.nanoTime();
            session.startStages();
            awaitTrue(() -> analysis(session).waiting() == 0);
            double seconds = (System.nanoTime() - started) / 1e9;
            AnalysisStage.Totals totals = session.analysisStage().totals();
            System.out.printf("analysis of the sample: %d items in %.1f s (%.2f items/s, models loading included;"
                            + " %.1f s analysing), %d entity mentions%n", totals.analysed(), seconds,
                    totals.analysed() / seconds, totals.analysisTime().toMillis() / 1000.0, totals.entities());

            List<StoredItem> all = session.itemStore().itemsAfter(0, 1000);
            assertThat(analysis(session).failed()).isZero();
            assertThat(analysis(session).done()).isEqualTo(all.size());
            assertThat(totals.analysed()).isEqualTo(all.size());
            // every sample item is in the language its outlet writes in, and the text showed it
            for (StoredItem item : all) {
                assertThat(item.detectedLanguage()).as("language of %s", item.title()).isEqualTo(outletLanguage(item));
                assertThat(item.languageReliable()).as("reliable for %s", item.title()).isTrue();
            }
            assertThat(all.stream().map(StoredItem::detectedLanguage).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("ar", "de", "en", "ja", "fr", "es");

            StoredItem labResults = all.stream().filter(i -> i.title().startsWith("Lab results: no chemical contamination"))
                    .findFirst().orElseThrow();
            Map<EntityType, List<String>> found = labResults.entities().stream().collect(Collectors.groupingBy(
                    StoredEntity::type, Collectors.mapping(StoredEntity::text, Collectors.toList())));
            assertThat(found.get(EntityType.PERSON)).contains("Leila Wardan");
            assertThat(found.get(EntityType.LOCATION)).contains("Marsana");
            assertThat(session.analysisStore().entitiesOf(labResults.id())).isEqualTo(labResults.entities());

            session.index().refresh();
            assertThat(session.search().search(SearchRequest.of("entity:\"Leila Wardan\"")).hits())
                    .extracting(SearchHit::itemId).contains(labResults.id());
            assertThat(session.search().search(SearchRequest.of("entity:\"Leila Wardan\"")).hits())
                    .allSatisfy(hit -> assertThat(session.analysisStore().entitiesOf(hit.itemId()))
                            .extracting(StoredEntity::text).contains("Leila Wardan"));

            // a rebuild of the index keeps what analysis found: it comes from the database
            session.search().rebuildIndex((done, total) -> { });
            assertThat(session.search().search(SearchRequest.of("entity:\"Leila Wardan\"")).hits())
                    .extracting(SearchHit::itemId).contains(labResults.id());
        }
    }

    /** The sample's outlets: one language each, named in their source id or address. */
    private static String outletLanguage(StoredItem item) {
        String where = String.join(" ", item.sourceIds()) + " " + item.url();
        if (where.contains("ledger")) {
            return "en";
        }
        if (where.contains("rundschau")) {
            return "de";
        }
        if (where.contains("kensho")) {
            return "ja";
        }
        if (where.contains("rasif")) {
            return "ar";
        }
        if (where.contains("littoral")) {
            return "fr";
        }
        if (where.contains("costasur")) {
            return "es";
        }
        throw new AssertionError("unknown sample outlet: " + where);
    }

    @Test
    @Order(2)
    void itemsStoredWhileAnalysisRunsAreSearchableAtOnceAndGainEntitiesLater() throws Exception {
        try (WorkspaceSession session = openWithSample()) {
            long started = System.nanoTime(); // models are loaded by the first test
            session.startStages();
            String source = session.itemStore().itemsAfter(0, 1).getFirst().sourceIds().getFirst();
            NewItem late = new NewItem(source, URI.create("https://late.example.org/1"), URI.create("https://late.example.org/1"),
                    "late-1", "Quarantelli harbour statement", null,
                    "Mayor Tobias Quarantelli of Marsana told reporters in Lisbon that the harbour would reopen on Monday.",
                    "en", Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-22T08:00:01Z"), "late-hash-1");
            session.itemStore().save(late);
            long lateId = session.itemStore().lastId();

            // searchable by its words while analysis is still working through the sample
            awaitTrue(() -> !session.search().search(SearchRequest.of("Quarantelli")).hits().isEmpty());
            assertThat(session.search().search(SearchRequest.of("Quarantelli")).hits())
                    .extracting(SearchHit::itemId).containsExactly(lateId);

            awaitTrue(() -> session.analysisStore().analysisOf(lateId).isPresent());
            AnalysisStage.Totals totals = session.analysisStage().totals();
            System.out.printf("analysis with models loaded: %d items, %.2f items/s on %d thread(s)%n", totals.analysed(),
                    totals.analysed() / ((System.nanoTime() - started) / 1e9), StageRunner.defaultThreads());
            assertThat(session.analysisStore().entitiesOf(lateId)).extracting(StoredEntity::text).contains("Tobias Quarantelli");
            session.index().refresh();
            awaitTrue(() -> !session.search().search(SearchRequest.of("entity:\"Tobias Quarantelli\"")).hits().isEmpty());
        }
    }

    @Test
    @Order(3)
    void closeStopsAnalysisPromptlyAndTheRestIsAnalysedAtTheNextStart() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("desk"));
        WorkspaceSession session = openWithSample();
        session.startStages();
        awaitTrue(() -> session.analysisStage().totals().analysed() >= 1);
        // a hang guard, not a benchmark: close interrupts the analysis threads and waits for them
        assertTimeoutPreemptively(Duration.ofSeconds(15), session::close);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().startsWith("stage-"));
        long waitingAfterClose = countWaiting(workspace);
        assertThat(waitingAfterClose).isPositive();
        try (WorkspaceSession again = WorkspaceSession.open(workspace, null, new SessionSettings(java.time.Clock.systemUTC(), analyzer))) {
            again.startStages();
            awaitTrue(() -> analysis(again).waiting() == 0);
            assertThat(analysis(again).failed()).isZero();
            assertThat(again.analysisStage().totals().analysed()).isEqualTo(waitingAfterClose);
        }
    }

    private static long countWaiting(Workspace workspace) {
        try (WorkspaceSession session = WorkspaceSession.open(workspace, null, new SessionSettings(java.time.Clock.systemUTC(), analyzer))) {
            return analysis(session).waiting();
        }
    }

    private static StageStatus analysis(WorkspaceSession session) {
        return session.stageRunner().status(AnalysisStage.NAME);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
