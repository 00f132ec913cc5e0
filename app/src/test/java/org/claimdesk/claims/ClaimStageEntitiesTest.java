package org.claimdesk.claims;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.Stage;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClaimStore;
import org.claimdesk.store.ClaimWork;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StageLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims stage on a workspace database on disk, after the real language analysis (CoreNLP,
 * Kuromoji): a sentence that names someone says so among its reasons, as the window shows them;
 * a language without a CoreNLP entity model scores with the other cues (decision 0019).
 */
class ClaimStageEntitiesTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static TextAnalyzer analyzer;

    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private AnalysisStore analyses;
    private ClaimStore claims;

    @BeforeAll
    static void loadAnalyzer() {
        analyzer = new TextAnalyzer();
    }

    @AfterAll
    static void dropAnalyzer() {
        analyzer = null; // its models stay in the one test JVM otherwise
    }

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"));
        new SourceStore(database).sync(List.of(new Source("wire", "Wire", URI.create("https://wire.example.org/feed.xml"),
                SourceKind.FEED, "en", List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE, false)));
        items = new ItemStore(database);
        analyses = new AnalysisStore(database);
        claims = new ClaimStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Stores an item and runs the analysis stage, then the claims stage on it, as the pipeline does. */
    private long storeAnalyseAndScore(int n, String title, String body) throws Exception {
        StageLedger ledger = new StageLedger(database);
        AnalysisStage analysis = new AnalysisStage(analyzer::analyse, analyses, AnalysisPath.FAST, Clock.systemUTC());
        ClaimStage claimStage = new ClaimStage(ClaimStage.bundled(), claims);
        ledger.register(analysis.name(), null);
        ledger.register(claimStage.name(), claimStage.after().orElseThrow());
        URI url = URI.create("https://wire.example.org/" + n);
        items.save(new NewItem("wire", url, url, "e" + n, title, null, body, "en", T0, T0, "h" + n));
        long id = items.lastId();
        runOnce(ledger, analysis, id);
        runOnce(ledger, claimStage, id);
        return id;
    }

    private static <W> void runOnce(StageLedger ledger, Stage<W> stage, long itemId) throws Exception {
        ledger.sweep(stage.name(), T0);
        StageLedger.Due due = ledger.due(stage.name(), 10, T0).stream().filter(d -> d.itemId() == itemId)
                .findFirst().orElseThrow(() -> new AssertionError(stage.name() + " has not queued item " + itemId));
        assertThat(ledger.markDone(stage.name(), due, stage.process(stage.load(List.of(itemId)).get(itemId)), T0)).isTrue();
    }

    @Test
    void aSentenceNamingAPersonAndAnOrganisationShowsThemAmongItsReasons() throws Exception {
        long id = storeAnalyseAndScore(1, "Hearing on interest rates",
                "Senator Elizabeth Warren told the hearing on Tuesday that the Federal Reserve had raised rates "
                        + "eleven times since the pandemic. Thanks to everyone who joined us today.");

        ClaimSentence warren = claims.claimsOf(id).stream().filter(s -> s.sentence().contains("Warren")).findFirst()
                .orElseThrow(() -> new AssertionError("no claim kept with Warren: " + claims.claimsOf(id)));
        assertThat(warren.reasons()).as("reasons of %s", warren).extracting(ClaimSentence.Reason::cue)
                .anySatisfy(cue -> assertThat(cue).matches(
                        "(person named|organisation named) \u201c(Elizabeth Warren|Warren|Federal Reserve)\u201d"));
    }

    @Test
    void japaneseHasNoCoreNlpEntitiesSoItsNamesAreNoEntityCuesButItStillScores() throws Exception {
        long id = storeAnalyseAndScore(2, "東京都の発表",
                "東京都によると、昨日の新規感染者は1200人に増えた。皆さん、ありがとうございます！");

        assertThat(analyses.analysisOf(id).orElseThrow().language()).isEqualTo("ja");
        ClaimWork work = claims.toScore(List.of(id)).get(id);
        assertThat(work.entitiesByCoreNlp()).isFalse();
        List<ClaimSentence> kept = claims.claimsOf(id);
        assertThat(kept).isNotEmpty().allSatisfy(sentence -> {
            assertThat(sentence.score()).isBetween(0.0, 1.0);
            assertThat(sentence.reasons()).extracting(ClaimSentence.Reason::cue)
                    .noneMatch(cue -> cue.matches("(person|organisation|place) named.*|other name.*"));
        });
        assertThat(kept).anySatisfy(sentence -> assertThat(sentence.sentence()).contains("1200"));
    }
}
