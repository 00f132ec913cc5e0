package org.claimdesk.ingest;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemAnalysis;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker on a real H2 database with the real analyzer, in languages whose analysis loads in
 * a moment (Japanese: Kuromoji; Russian: ICU). The search index has its own end-to-end test
 * (WorkspaceAnalysisTest).
 */
class AnalysisWorkerTest {
    private static final String JAPANESE = "港湾局は土曜日、水道水に化学物質の汚染はないと発表した。東岸地区の煮沸勧告は解除された。"
            + "港湾地区では、二か所の採水地点の水がまだ基準より濁っているため、勧告は当面続くという。";
    private static final String RUSSIAN = "В субботу управление водоснабжения сообщило, что химического загрязнения водопроводной воды не обнаружено.";
    private static TextAnalyzer analyzer;

    @TempDir
    Path dir;
    private Database database;
    private ItemStore items;
    private AnalysisStore analyses;

    @BeforeAll
    static void loadAnalyzer() {
        analyzer = new TextAnalyzer();
    }


    @BeforeEach
    void open() {
        database = Database.open(dir);
        new SourceStore(database).sync(List.of(new Source("s", "Source", URI.create("https://s.example.org/feed.xml"),
                SourceKind.FEED, "en", List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE, false)));
        items = new ItemStore(database);
        analyses = new AnalysisStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long store(int n, String title, String text) {
        URI url = URI.create("https://s.example.org/" + n);
        // the feed declares English for everything, as many multilingual feeds do
        items.save(new NewItem("s", url, url, "e" + n, title, null, text, "en", Instant.EPOCH, Instant.EPOCH, "h" + n));
        return items.lastId();
    }

    private AnalysisWorker worker(AnalysisWorker.Analysis analysis, int threads) {
        return new AnalysisWorker(analysis, analyses, AnalysisPath.FULL, threads, Clock.systemUTC());
    }

    @Test
    void aBadItemIsRecordedAndSkippedAndTheOthersAreAnalysed() throws Exception {
        long first = store(1, "水道水", JAPANESE);
        long bad = store(2, "broken", "this item makes the analyzer fail");
        long third = store(3, "Водопровод", RUSSIAN);
        AnalysisWorker.Analysis failingOnOne = (text, hint, path) -> {
            if (text.contains("makes the analyzer fail")) {
                throw new IllegalStateException("tokenizer gave up on this text");
            }
            return analyzer.analyse(text, hint, path);
        };
        try (AnalysisWorker worker = worker(failingOnOne, 2)) {
            assertThat(worker.analysePending(100)).isEqualTo(3);
            assertThat(worker.totals().analysed()).isEqualTo(2);
            assertThat(worker.totals().failed()).isEqualTo(1);
            // not offered again, by this worker or a new one
            assertThat(worker.analysePending(100)).isZero();
        }
        assertThat(analyses.pendingCount()).isZero();
        ItemAnalysis failure = analyses.analysisOf(bad).orElseThrow();
        assertThat(failure.failed()).isTrue();
        assertThat(failure.error()).contains("tokenizer gave up on this text");

        assertThat(analyses.analysisOf(first).orElseThrow().language()).isEqualTo("ja");
        assertThat(analyses.analysisOf(first).orElseThrow().engine()).isEqualTo("KUROMOJI");
        assertThat(analyses.analysisOf(third).orElseThrow().language()).isEqualTo("ru");
        // the detected language now wins over the feed's "en" wherever the item is read
        assertThat(items.find(first).orElseThrow().effectiveLanguage()).isEqualTo("ja");
        assertThat(items.find(third).orElseThrow().effectiveLanguage()).isEqualTo("ru");
        assertThat(items.find(bad).orElseThrow().effectiveLanguage()).isEqualTo("en");
    }

    @Test
    void newArrivalsComeFirstThenTheBacklogFromTheNewestBackAndTheLimitIsKept() throws Exception {
        long first = store(1, "水道水", JAPANESE);
        long second = store(2, "Водопровод", RUSSIAN);
        long third = store(3, "水道水 2", JAPANESE + " 2");
        try (AnalysisWorker worker = worker(analyzer::analyse, 1)) {
            assertThat(worker.analysePending(1)).isEqualTo(1);
            assertThat(analyses.analysisOf(third)).isPresent();
            assertThat(analyses.analysisOf(first)).isEmpty();
            assertThat(analyses.analysisOf(second)).isEmpty();

            // stored while the backlog waits: analysed before it
            long fourth = store(4, "Водопровод 2", RUSSIAN + " 2");
            assertThat(worker.analysePending(1)).isEqualTo(1);
            assertThat(analyses.analysisOf(fourth)).isPresent();
            assertThat(analyses.analysisOf(second)).isEmpty();

            assertThat(worker.analysePending(1)).isEqualTo(1);
            assertThat(analyses.analysisOf(second)).isPresent();
            assertThat(analyses.analysisOf(first)).isEmpty();
            assertThat(worker.analysePending(100)).isEqualTo(1);
            assertThat(analyses.analysisOf(first)).isPresent();
        }
    }

    @Test
    void anAnalysisThatNeverEndsIsStoppedRecordedAndTheQueueGoesOn() throws Exception {
        long first = store(1, "水道水", JAPANESE);
        long hanging = store(2, "hangs", "this text makes the model spin forever");
        long third = store(3, "Водопровод", RUSSIAN);
        AnalysisWorker.Analysis hangsOnOne = (text, hint, path) -> {
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
        try (AnalysisWorker worker = new AnalysisWorker(hangsOnOne, analyses, AnalysisPath.FAST, 1, Clock.systemUTC(),
                () -> { }, Duration.ofSeconds(1))) {
            assertThat(worker.analysePending(100)).isEqualTo(3);
            assertThat(worker.totals().failed()).isEqualTo(1);
        }
        assertThat(analyses.analysisOf(hanging).orElseThrow().error()).contains("did not finish within");
        assertThat(analyses.analysisOf(first).orElseThrow().failed()).isFalse();
        assertThat(analyses.analysisOf(third).orElseThrow().failed()).isFalse();
    }

    @Test
    void anAnalysisThatIgnoresBeingStoppedIsLeftBehindAndANewThreadTakesTheRest() throws Exception {
        long spinning = store(1, "spins", "this text makes the model spin and ignore interrupts");
        long second = store(2, "水道水", JAPANESE);
        long third = store(3, "Водопровод", RUSSIAN);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AnalysisWorker.Analysis ignoresInterrupts = (text, hint, path) -> {
            if (text.contains("ignore interrupts")) {
                while (release.getCount() > 0) {
                    Thread.onSpinWait(); // a model stuck in a loop that never looks at its interrupt flag
                }
            }
            return analyzer.analyse(text, hint, path);
        };
        warmUp();
        try (AnalysisWorker worker = new AnalysisWorker(ignoresInterrupts, analyses, AnalysisPath.FAST, 1, Clock.systemUTC(),
                () -> { }, Duration.ofMillis(500))) {
            // one analysis thread, busy for good with the first item: the other two are analysed all the same
            assertThat(worker.analysePending(100)).isEqualTo(3);
            assertThat(analyses.analysisOf(spinning).orElseThrow().error()).contains("did not stop");
            assertThat(analyses.analysisOf(second).orElseThrow().failed()).isFalse();
            assertThat(analyses.analysisOf(third).orElseThrow().failed()).isFalse();
        } finally {
            release.countDown();
        }
    }

    private static void warmUp() {
        analyzer.analyse(JAPANESE, null, AnalysisPath.FAST);
        analyzer.analyse(RUSSIAN, null, AnalysisPath.FAST);
    }

    @Test
    void theBackgroundThreadAnalysesNewItemsAndUsesAtMostItsThreads() throws Exception {
        Set<String> threadsSeen = ConcurrentHashMap.newKeySet();
        AnalysisWorker.Analysis recordingThreads = (text, hint, path) -> {
            threadsSeen.add(Thread.currentThread().getName());
            return analyzer.analyse(text, hint, path);
        };
        try (AnalysisWorker worker = worker(recordingThreads, 2)) {
            worker.start();
            for (int i = 0; i < 12; i++) {
                store(i, "Водопровод " + i, RUSSIAN + " " + i);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (analyses.pendingCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(analyses.pendingCount()).isZero();
            assertThat(worker.totals().analysed()).isEqualTo(12);
        }
        assertThat(threadsSeen).isNotEmpty().allMatch(name -> name.startsWith("analysis-")).hasSizeLessThanOrEqualTo(2);
    }
}
