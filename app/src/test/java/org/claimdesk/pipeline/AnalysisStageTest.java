package org.claimdesk.pipeline;

import org.claimdesk.testing.MutableClock;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.PendingItem;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.RetryPolicy;
import org.claimdesk.store.StageLedger.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Language analysis on the runner, on a real H2 database with the real analyzer, in languages
 * whose analysis loads in a moment (Japanese: Kuromoji; Russian: ICU). The search index has its
 * own end-to-end test (WorkspaceAnalysisTest); the runner's mechanics, StageRunnerTest.
 */
class AnalysisStageTest {
    private static final String JAPANESE = "港湾局は土曜日、水道水に化学物質の汚染はないと発表した。東岸地区の煮沸勧告は解除された。"
            + "港湾地区では、二か所の採水地点の水がまだ基準より濁っているため、勧告は当面続くという。";
    private static final String RUSSIAN = "В субботу управление водоснабжения сообщило, что химического загрязнения водопроводной воды не обнаружено.";
    private static TextAnalyzer analyzer;

    @TempDir
    Path dir;
    private Database database;
    private StoredItems items;
    private AnalysisStore analyses;
    private StageLedger ledger;
    private final MutableClock clock = new MutableClock(StoredItems.T0);
    private final List<StageRunner> runners = new ArrayList<>();

    @BeforeAll
    static void loadAnalyzer() {
        analyzer = new TextAnalyzer();
    }

    @BeforeEach
    void open() {
        database = Database.open(dir);
        items = new StoredItems(database);
        analyses = new AnalysisStore(database);
        ledger = new StageLedger(database);
    }

    @AfterEach
    void close() {
        runners.forEach(StageRunner::close);
        database.close();
    }

    private StageRunner runner(AnalysisStage.Analysis analysis, int threads, Duration timeLimit, RetryPolicy retries) {
        AnalysisStage stage = new AnalysisStage(analysis, analyses, AnalysisPath.FULL, clock, timeLimit, retries);
        StageRunner runner = new StageRunner(ledger, List.of(stage), threads, clock, StageListener.NONE);
        runners.add(runner);
        return runner;
    }

    private TaskState state(long id) {
        return ledger.task(AnalysisStage.NAME, id).orElseThrow().state();
    }

    @Test
    void aBadItemIsRecordedWithItsReasonAndTriedAgainLaterWhileTheOthersAreAnalysedInTheirLanguage() throws Exception {
        long first = items.store(1, "水道水", JAPANESE);
        long bad = items.store(2, "broken", "this item makes the analyzer fail");
        long third = items.store(3, "Водопровод", RUSSIAN);
        AnalysisStage.Analysis failingOnOne = (text, hint, path) -> {
            if (text.contains("makes the analyzer fail")) {
                throw new IllegalStateException("tokenizer gave up on this text");
            }
            return analyzer.analyse(text, hint, path);
        };
        StageRunner runner = runner(failingOnOne, 2, Stage.DEFAULT_TIME_LIMIT, new RetryPolicy(2, Duration.ofMinutes(1)));

        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 100)).isEqualTo(3);
        assertThat(state(bad)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.task(AnalysisStage.NAME, bad).orElseThrow().lastError()).contains("tokenizer gave up on this text");
        assertThat(analyses.analysisOf(first).orElseThrow().language()).isEqualTo("ja");
        assertThat(analyses.analysisOf(first).orElseThrow().engine()).isEqualTo("KUROMOJI");
        assertThat(analyses.analysisOf(third).orElseThrow().language()).isEqualTo("ru");
        // the detected language now wins over the feed's "en" wherever the item is read
        assertThat(items.items().find(first).orElseThrow().effectiveLanguage()).isEqualTo("ja");
        assertThat(items.items().find(third).orElseThrow().effectiveLanguage()).isEqualTo("ru");

        // tried again when its time comes, by this runner or a new one; then given up on
        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 100)).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(runner(failingOnOne, 1, Stage.DEFAULT_TIME_LIMIT, new RetryPolicy(2, Duration.ofMinutes(1)))
                .runUntilIdle(AnalysisStage.NAME, 100)).isEqualTo(1);
        assertThat(state(bad)).isEqualTo(TaskState.FAILED);
        assertThat(analyses.analysisOf(bad)).isEmpty();
        assertThat(items.items().find(bad).orElseThrow().effectiveLanguage()).isEqualTo("en");
        assertThat(ledger.counts(AnalysisStage.NAME)).isEqualTo(new StageLedger.Counts(0, 2, 1));
    }

    @Test
    void theNewestItemsComeFirstAndAnItemStoredMeanwhileBeforeTheBacklog() throws Exception {
        long first = items.store(1, "水道水", JAPANESE);
        long second = items.store(2, "Водопровод", RUSSIAN);
        long third = items.store(3, "水道水 2", JAPANESE + " 2");
        StageRunner runner = runner(analyzer::analyse, 1, Stage.DEFAULT_TIME_LIMIT, RetryPolicy.DEFAULT);

        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 1)).isEqualTo(1);
        assertThat(analyses.analysisOf(third)).isPresent();
        assertThat(analyses.analysisOf(first)).isEmpty();
        assertThat(analyses.analysisOf(second)).isEmpty();

        long fourth = items.store(4, "Водопровод 2", RUSSIAN + " 2");
        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 1)).isEqualTo(1);
        assertThat(analyses.analysisOf(fourth)).isPresent();
        assertThat(analyses.analysisOf(second)).isEmpty();

        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 1)).isEqualTo(1);
        assertThat(analyses.analysisOf(second)).isPresent();
        assertThat(analyses.analysisOf(first)).isEmpty();
        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 100)).isEqualTo(1);
        assertThat(analyses.analysisOf(first)).isPresent();
    }

    @Test
    void anAnalysisThatNeverEndsIsStoppedRecordedAndTheQueueGoesOn() throws Exception {
        long first = items.store(1, "水道水", JAPANESE);
        long hanging = items.store(2, "hangs", "this text makes the model spin forever");
        long third = items.store(3, "Водопровод", RUSSIAN);
        AnalysisStage.Analysis hangsOnOne = (text, hint, path) -> {
            if (text.contains("spin forever")) {
                try {
                    Thread.sleep(Duration.ofMinutes(5));
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return analyzer.analyse(text, hint, path);
        };
        warmUp(); // the limit is for one item's run, not for loading models
        StageRunner runner = runner(hangsOnOne, 1, Duration.ofSeconds(1), new RetryPolicy(1, Duration.ZERO));

        assertThat(runner.runUntilIdle(AnalysisStage.NAME, 100)).isEqualTo(3);
        assertThat(state(hanging)).isEqualTo(TaskState.FAILED);
        assertThat(ledger.task(AnalysisStage.NAME, hanging).orElseThrow().lastError()).contains("did not finish within");
        assertThat(analyses.analysisOf(first).orElseThrow().language()).isEqualTo("ja");
        assertThat(analyses.analysisOf(third).orElseThrow().language()).isEqualTo("ru");
    }

    @Test
    void inTheBackgroundNewItemsAreAnalysedOnAtMostItsThreads() throws Exception {
        Set<String> threadsSeen = ConcurrentHashMap.newKeySet();
        AnalysisStage.Analysis recordingThreads = (text, hint, path) -> {
            threadsSeen.add(Thread.currentThread().getName());
            return analyzer.analyse(text, hint, path);
        };
        StageRunner runner = runner(recordingThreads, 2, Stage.DEFAULT_TIME_LIMIT, RetryPolicy.DEFAULT);
        runner.start();
        for (int i = 0; i < 12; i++) {
            items.store(i, "Водопровод " + i, RUSSIAN + " " + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.status(AnalysisStage.NAME).done() < 12 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runner.status(AnalysisStage.NAME)).extracting(StageStatus::done, StageStatus::waiting)
                .containsExactly(12L, 0L);
        assertThat(threadsSeen).isNotEmpty().allMatch(name -> name.startsWith("stage-analysis-")).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theTitleAndTheBodyAreAnalysedAsOneTextWithABreakBetween() {
        assertThat(AnalysisStage.textOf(new PendingItem(1, " Title ", "Body.", null))).isEqualTo("Title\n\nBody.");
        assertThat(AnalysisStage.textOf(new PendingItem(1, null, "Body.", null))).isEqualTo("Body.");
        assertThat(AnalysisStage.textOf(new PendingItem(1, "Title", " ", null))).isEqualTo("Title");
    }

    private static void warmUp() {
        analyzer.analyse(JAPANESE, null, AnalysisPath.FAST);
        analyzer.analyse(RUSSIAN, null, AnalysisPath.FAST);
        analyzer.analyse(JAPANESE, null, AnalysisPath.FULL);
        analyzer.analyse(RUSSIAN, null, AnalysisPath.FULL);
    }
}
