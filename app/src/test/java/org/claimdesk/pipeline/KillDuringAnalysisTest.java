package org.claimdesk.pipeline;

import org.claimdesk.nlp.EntityType;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemAnalysis;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.TaskState;
import org.claimdesk.store.StoredEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real child JVM runs the analysis stage over stored items and is killed with SIGKILL in the
 * middle of a batch, twice at different points; then a runner in this process finishes. After
 * each kill, every result is there with its DONE mark and no mark without its result; in the end
 * every item is analysed exactly once (nothing done before a kill is done again, nothing in
 * flight is lost) and the items that fail every time are given up on with their reasons.
 */
class KillDuringAnalysisTest {
    private static final int ITEMS = 90;
    /** Every ninth item fails every time. */
    private static final int BAD_EVERY = 9;
    /** Per child: it holds (and is killed during) the item it starts as its n-th. */
    private static final int[] HOLD_AT = {17, 30};

    @TempDir
    Path dir;

    /** What the database said after a kill. */
    private record Snapshot(Map<Long, Instant> analysedAt, Map<Long, Integer> attempts) {
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyItemIsAnalysedExactlyOnceAcrossKillsAndFailuresKeepTheirReasons() throws Exception {
        Path db = dir.resolve("db");
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        try (Database database = Database.open(db)) {
            StoredItems items = new StoredItems(database);
            for (int n = 1; n <= ITEMS; n++) {
                String title = (bad(n) ? AnalyseUntilKilled.BAD + " item " : "item ") + n;
                numbers.put(items.store(n, title, "Report about item " + n + "."), n);
            }
        }

        Snapshot before = new Snapshot(Map.of(), Map.of());
        for (int run = 0; run < HOLD_AT.length; run++) {
            int held = runAndKill(db, HOLD_AT[run], dir.resolve("child-" + run + ".err"));
            Snapshot after = verify(db, numbers);
            // nothing finished before is done again; the item in flight at the kill is not lost, just not done
            for (Map.Entry<Long, Instant> done : before.analysedAt().entrySet()) {
                assertThat(after.analysedAt()).containsEntry(done.getKey(), done.getValue());
            }
            long heldId = idOf(numbers, held);
            assertThat(after.analysedAt()).as("the item held at the kill").doesNotContainKey(heldId);
            assertThat(after.analysedAt().size()).as("progress in run %d", run).isGreaterThan(before.analysedAt().size());
            before = after;
        }

        Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        try (Database database = Database.open(db)) {
            AnalysisStore analyses = new AnalysisStore(database);
            StageLedger ledger = new StageLedger(database);
            AnalysisStage stage = new AnalysisStage(
                    AnalyseUntilKilled.analysis(n -> calls.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet()),
                    analyses, org.claimdesk.nlp.AnalysisPath.FAST, Clock.systemUTC(), Stage.DEFAULT_TIME_LIMIT,
                    AnalyseUntilKilled.RETRIES);
            try (StageRunner runner = new StageRunner(ledger, List.of(stage), AnalyseUntilKilled.THREADS,
                    Clock.systemUTC(), StageListener.NONE)) {
                runner.runUntilIdle(AnalysisStage.NAME, Long.MAX_VALUE);
                int badCount = ITEMS / BAD_EVERY;
                assertThat(runner.status(AnalysisStage.NAME))
                        .extracting(StageStatus::waiting, StageStatus::done, StageStatus::failed)
                        .containsExactly(0L, (long) (ITEMS - badCount), (long) badCount);
            }
            for (Map.Entry<Long, Integer> item : numbers.entrySet()) {
                long id = item.getKey();
                int n = item.getValue();
                int callsNow = calls.getOrDefault(n, new AtomicInteger()).get();
                StageLedger.Task task = ledger.task(AnalysisStage.NAME, id).orElseThrow();
                if (bad(n)) {
                    assertThat(task.state()).as("bad item %d", n).isEqualTo(TaskState.FAILED);
                    assertThat(task.attempts()).isEqualTo(AnalyseUntilKilled.RETRIES.maxAttempts());
                    assertThat(task.lastError()).contains("cannot analyse item " + n);
                    assertThat(analyses.analysisOf(id)).isEmpty();
                    assertThat(callsNow).as("tries of bad item %d here", n)
                            .isEqualTo(AnalyseUntilKilled.RETRIES.maxAttempts() - before.attempts().getOrDefault(id, 0));
                } else {
                    assertThat(task.state()).as("item %d", n).isEqualTo(TaskState.DONE);
                    ItemAnalysis analysis = analyses.analysisOf(id).orElseThrow();
                    assertThat(analyses.entitiesOf(id)).containsExactly(new StoredEntity("Person " + n, EntityType.PERSON, 1));
                    if (before.analysedAt().containsKey(id)) {
                        assertThat(callsNow).as("analysed again: item %d", n).isZero();
                        assertThat(analysis.analysedAt()).isEqualTo(before.analysedAt().get(id));
                    } else {
                        assertThat(callsNow).as("analyses of item %d here", n).isEqualTo(1);
                    }
                }
            }
        }
    }

    private static boolean bad(int n) {
        return n % BAD_EVERY == 0;
    }

    private static long idOf(Map<Long, Integer> numbers, int n) {
        return numbers.entrySet().stream().filter(e -> e.getValue() == n).findFirst().orElseThrow().getKey();
    }

    /** Starts the child, waits until it holds an item mid-batch, kills it; returns the held item's number. */
    private static int runAndKill(Path db, int holdAt, Path stderr) throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                AnalyseUntilKilled.class.getName(), db.toString(), Integer.toString(holdAt))
                .redirectError(stderr.toFile())
                .start();
        int held = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (held < 0 && (line = out.readLine()) != null) {
                if (line.startsWith("holding ")) {
                    held = Integer.parseInt(line.substring("holding ".length()));
                }
            }
            if (held < 0) {
                fail("child stopped early (exit " + child.waitFor() + "):\n" + Files.readString(stderr));
            }
            // SIGKILL. Not Process.destroyForcibly(): that also closes our end of the pipe.
            child.toHandle().destroyForcibly();
            while (out.readLine() != null) {
                // drain until the child is gone
            }
        } finally {
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return held;
    }

    /**
     * Nothing half-written: every item has its record; DONE exactly when its analysis and entity
     * are stored; only bad items fail, and a failure given up on keeps its reason.
     */
    private static Snapshot verify(Path db, Map<Long, Integer> numbers) {
        Map<Long, Instant> analysedAt = new HashMap<>();
        Map<Long, Integer> attempts = new HashMap<>();
        try (Database database = Database.open(db)) {
            AnalysisStore analyses = new AnalysisStore(database);
            StageLedger ledger = new StageLedger(database);
            for (Map.Entry<Long, Integer> item : numbers.entrySet()) {
                long id = item.getKey();
                int n = item.getValue();
                StageLedger.Task task = ledger.task(AnalysisStage.NAME, id).orElseThrow();
                var analysis = analyses.analysisOf(id);
                assertThat(analysis.isPresent()).as("item %d analysed exactly when done", n)
                        .isEqualTo(task.state() == TaskState.DONE);
                if (task.state() == TaskState.DONE) {
                    assertThat(bad(n)).as("bad item %d done", n).isFalse();
                    assertThat(analyses.entitiesOf(id)).hasSize(1);
                    analysedAt.put(id, analysis.orElseThrow().analysedAt());
                } else {
                    assertThat(analyses.entitiesOf(id)).isEmpty();
                    attempts.put(id, task.attempts());
                    if (!bad(n)) {
                        assertThat(task.attempts()).as("failed attempts of good item %d", n).isZero();
                    } else if (task.state() == TaskState.FAILED) {
                        assertThat(task.attempts()).isEqualTo(AnalyseUntilKilled.RETRIES.maxAttempts());
                        assertThat(task.lastError()).contains("cannot analyse item " + n);
                    }
                }
            }
        }
        return new Snapshot(analysedAt, attempts);
    }
}
