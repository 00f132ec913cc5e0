package org.claimdesk.pipeline;

import org.claimdesk.testing.MutableClock;

import org.claimdesk.store.Database;
import org.claimdesk.store.ItemWrite;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.RetryPolicy;
import org.claimdesk.store.StageLedger.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The runner on a real H2 database, with stages that record what they are given; what a stage
 * does to one item is up to each test. Language analysis on the runner: AnalysisStageTest; a kill
 * in the middle of it: KillDuringAnalysisTest.
 */
class StageRunnerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Short waits, so that background tests end quickly; the logic is the same. */
    private static final StageRunner.Timings FAST = new StageRunner.Timings(Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5));
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO);

    @TempDir
    Path dir;
    private Database database;
    private StoredItems items;
    private final MutableClock clock = new MutableClock(StoredItems.T0);
    private final RecordingListener listener = new RecordingListener();
    /** Items worked on at this moment, all stages together. */
    private final AtomicInteger workingNow = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<StageRunner> runners = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"));
        items = new StoredItems(database);
    }

    @AfterEach
    void close() {
        runners.forEach(StageRunner::close);
        database.close();
    }

    private StageRunner runner(int threads, Stage<?>... stages) {
        StageRunner runner = new StageRunner(new StageLedger(database), List.of(stages), threads, clock, listener, FAST);
        runners.add(runner);
        return runner;
    }

    private StageLedger ledger() {
        return new StageLedger(database);
    }

    private List<Long> store(int count) {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ids.add(items.store(n));
        }
        return ids;
    }

    @Test
    void takesTheNewestFirstInBatchesOfFourPerThreadAndNeverTwoBatchesAtOnce() throws Exception {
        List<Long> ids = store(10);
        TestStage stage = new TestStage("first", null);
        StageRunner runner = runner(1, stage);

        assertThat(runner.runUntilIdle("first", 100)).isEqualTo(10);

        assertThat(stage.batches).containsExactly(
                List.of(ids.get(9), ids.get(8), ids.get(7), ids.get(6)),
                List.of(ids.get(5), ids.get(4), ids.get(3), ids.get(2)),
                List.of(ids.get(1), ids.get(0)));
        assertThat(stage.batchWhileBusy).isFalse();
        assertThat(runner.runUntilIdle("first", 100)).isZero();

        // stored while the backlog waited: taken before it, and the limit is kept
        long late = items.store(11);
        long later = items.store(12);
        assertThat(runner.runUntilIdle("first", 1)).isEqualTo(1);
        assertThat(stage.processed).endsWith(later);
        assertThat(runner.runUntilIdle("first", 100)).isEqualTo(1);
        assertThat(stage.processed).endsWith(late);
    }

    @Test
    void aFailingItemIsTriedAgainLaterABoundedNumberOfTimesThenKeptWithItsReason() throws Exception {
        List<Long> ids = store(3);
        long bad = ids.get(1);
        TestStage stage = new TestStage("first", null).retrying(new RetryPolicy(3, Duration.ofMinutes(1)));
        stage.behaviour = id -> {
            if (id == bad) {
                throw new IllegalStateException("parser gave up on this text");
            }
        };
        StageRunner runner = runner(1, stage);

        assertThat(runner.runUntilIdle("first", 100)).isEqualTo(3);
        StageLedger.Task first = ledger().task("first", bad).orElseThrow();
        assertThat(first.state()).isEqualTo(TaskState.WAITING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("parser gave up on this text");
        assertThat(runner.runUntilIdle("first", 100)).as("not due before its delay").isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(runner.runUntilIdle("first", 100)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        assertThat(runner.runUntilIdle("first", 100)).as("the second delay is longer").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(runner.runUntilIdle("first", 100)).isEqualTo(1);

        StageLedger.Task failed = ledger().task("first", bad).orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("java.lang.IllegalStateException: parser gave up on this text");
        clock.advance(Duration.ofDays(30));
        assertThat(runner.runUntilIdle("first", 100)).as("given up on for good").isZero();
        assertThat(stage.runs(bad)).isEqualTo(3);
        assertThat(runner.status("first")).extracting(StageStatus::waiting, StageStatus::done, StageStatus::failed)
                .containsExactly(0L, 2L, 1L);
    }

    @Test
    void aNewRunnerGoesOnWhereTheLastOneStoppedAndDoesNothingTwice() throws Exception {
        List<Long> ids = store(10);
        TestStage stage = new TestStage("first", null);
        try (StageRunner before = runner(1, stage)) {
            assertThat(before.runUntilIdle("first", 4)).isEqualTo(4);
        }
        database.close();
        database = Database.open(dir.resolve("db"));

        StageRunner after = runner(1, stage);
        assertThat(after.status("first").waiting()).isEqualTo(6);
        assertThat(after.runUntilIdle("first", 100)).isEqualTo(6);
        for (long id : ids) {
            assertThat(stage.runs(id)).as("runs of item %d", id).isEqualTo(1);
        }
    }

    @Test
    void aPausedStageStaysPausedAfterARestartWhileTheOthersWorkAndGoesOnWhenResumed() throws Exception {
        try (StageRunner before = runner(1, new TestStage("a", null), new TestStage("b", null))) {
            before.pause("a");
            assertThat(before.paused("a")).isTrue();
        }
        database.close();
        database = Database.open(dir.resolve("db"));
        items = new StoredItems(database);

        TestStage a = new TestStage("a", null);
        TestStage b = new TestStage("b", null);
        StageRunner runner = runner(2, a, b);
        assertThat(runner.paused("a")).isTrue();
        assertThat(runner.paused("b")).isFalse();
        runner.start();
        store(5);
        awaitTrue(() -> runner.status("b").done() == 5);
        // b went through all of them in the meantime: a, paused, took none
        assertThat(a.processed).isEmpty();
        assertThat(runner.status("a")).extracting(StageStatus::state, StageStatus::waiting)
                .containsExactly(StageStatus.State.PAUSED, 5L);
        awaitTrue(() -> listener.last("a") != null && listener.last("a").state() == StageStatus.State.PAUSED);

        runner.resume("a");
        awaitTrue(() -> runner.status("a").done() == 5);
        assertThat(runner.paused("a")).isFalse();
        assertThat(ledger().pausedStages()).isEmpty();
        assertThatThrownBy(() -> runner.pause("nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemPastItsTimeLimitIsStoppedAndRecordedAndItsThreadGoesOnWithoutTheInterrupt() throws Exception {
        List<Long> ids = store(3);
        long hanging = ids.get(2); // the newest: the first of the batch, so the thread has items after it
        TestStage stage = new TestStage("first", null).limitedTo(Duration.ofMillis(300)).retrying(ONCE);
        AtomicBoolean leakedInterrupt = new AtomicBoolean();
        stage.behaviour = id -> {
            if (Thread.currentThread().isInterrupted()) {
                leakedInterrupt.set(true);
            }
            if (id == hanging) {
                Thread.sleep(Duration.ofMinutes(5)); // a model that hangs but listens to interrupts
            }
        };
        StageRunner runner = runner(1, stage);

        assertThat(runner.runUntilIdle("first", 100)).isEqualTo(3);

        assertThat(ledger().task("first", hanging).orElseThrow().lastError()).startsWith("did not finish within");
        assertThat(runner.status("first")).extracting(StageStatus::done, StageStatus::failed).containsExactly(2L, 1L);
        assertThat(leakedInterrupt).as("the stop reached a later item").isFalse();
    }

    @Test
    void anItemWhoseThreadIgnoresTheStopIsLeftBehindAndANewThreadTakesTheRest() throws Exception {
        List<Long> ids = store(3);
        long spinning = ids.get(2);
        CountDownLatch release = new CountDownLatch(1);
        TestStage stage = new TestStage("first", null).limitedTo(Duration.ofMillis(300)).retrying(ONCE);
        stage.behaviour = id -> {
            if (id == spinning) {
                while (release.getCount() > 0) {
                    Thread.onSpinWait(); // stuck in a loop that never looks at its interrupt flag
                }
            }
        };
        StageRunner runner = runner(1, stage);
        try {
            // one thread, busy for good with the first item: the other two are done all the same
            assertThat(runner.runUntilIdle("first", 100)).isEqualTo(3);
            assertThat(ledger().task("first", spinning).orElseThrow().lastError()).contains("did not stop");
            assertThat(ledger().task("first", ids.get(0)).orElseThrow().state()).isEqualTo(TaskState.DONE);
            assertThat(ledger().task("first", ids.get(1)).orElseThrow().state()).isEqualTo(TaskState.DONE);
            assertThat(stage.threads).hasSize(2);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aStageRunsOnlyOnWhatItsPrerequisiteFinishedAndARequeueRunsBothAgain() throws Exception {
        List<Long> ids = store(4);
        long failsFirst = ids.get(1);
        TestStage first = new TestStage("first", null).retrying(ONCE);
        first.behaviour = id -> {
            if (id == failsFirst) {
                throw new IllegalArgumentException("cannot read it");
            }
        };
        TestStage second = new TestStage("second", "first");
        List<String> order = new CopyOnWriteArrayList<>();
        first.onDone = id -> order.add("first " + id);
        second.onDone = id -> order.add("second " + id);
        StageRunner runner = runner(1, second, first); // declared in any order

        // the second stage pulls the first one's batches through
        assertThat(runner.runUntilIdle("second", 100)).isEqualTo(3);
        assertThat(second.processed).containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(3));
        for (long id : second.processed) {
            assertThat(order.indexOf("first " + id)).isLessThan(order.indexOf("second " + id));
        }
        assertThat(ledger().task("second", failsFirst)).isEmpty();
        assertThat(runner.statuses()).extracting(StageStatus::stage).containsExactly("second", "first");

        // e.g. the article arrived: the item goes through both again, in order
        assertThat(runner.requeue("first", ids.get(0))).isTrue();
        assertThat(runner.status("second").done()).isEqualTo(2);
        assertThat(runner.runUntilIdle("second", 100)).isEqualTo(1);
        assertThat(first.runs(ids.get(0))).isEqualTo(2);
        assertThat(second.runs(ids.get(0))).isEqualTo(2);
        assertThat(order.subList(order.size() - 2, order.size()))
                .containsExactly("first " + ids.get(0), "second " + ids.get(0));

        assertThatThrownBy(() -> runner(1, new TestStage("orphan", "missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> runner(1, new TestStage("x", "y"), new TestStage("y", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("circle");
    }

    @Test
    void progressSavedResultsAndItemsPerSecondAreReported() throws Exception {
        TestStage stage = new TestStage("first", null).retrying(ONCE);
        StageRunner runner = runner(1, stage);
        // stored once the stage is declared: queued for it as they are stored
        List<Long> ids = store(6);
        stage.behaviour = id -> {
            if (id == ids.get(0)) {
                throw new IllegalStateException("bad");
            }
        };
        assertThat(runner.status("first")).extracting(StageStatus::waiting, StageStatus::done, StageStatus::state)
                .containsExactly(6L, 0L, StageStatus.State.IDLE);

        runner.runUntilIdle("first", 100);

        assertThat(listener.progress).filteredOn(s -> s.stage().equals("first"))
                .anySatisfy(s -> {
                    assertThat(s.state()).isEqualTo(StageStatus.State.RUNNING);
                    assertThat(s.itemsPerSecond()).isPositive();
                });
        StageStatus last = listener.last("first");
        assertThat(last.state()).isEqualTo(StageStatus.State.IDLE);
        assertThat(last).extracting(StageStatus::waiting, StageStatus::done, StageStatus::failed)
                .containsExactly(0L, 5L, 1L);
        assertThat(listener.saved.get()).isEqualTo(5);
        assertThat(runner.statuses()).singleElement()
                .extracting(StageStatus::waiting, StageStatus::done, StageStatus::failed, StageStatus::stoppedReason)
                .containsExactly(0L, 5L, 1L, null);
    }

    @Test
    void inTheBackgroundAllStagesTogetherUseAtMostTheirThreadsBelowNormalPriority() throws Exception {
        TestStage first = new TestStage("first", null);
        TestStage second = new TestStage("second", "first");
        first.behaviour = id -> Thread.sleep(5);
        second.behaviour = id -> Thread.sleep(5);
        StageRunner runner = runner(2, first, second);
        runner.start();
        store(12);

        awaitTrue(() -> runner.status("second").done() == 12);
        assertThat(first.threads).isNotEmpty().allMatch(name -> name.startsWith("stage-first-"));
        assertThat(second.threads).isNotEmpty().allMatch(name -> name.startsWith("stage-second-"));
        assertThat(first.priorities).containsOnly(Thread.NORM_PRIORITY - 1);
        assertThat(mostAtOnce.get()).isBetween(1, 2);
        awaitTrue(() -> listener.saved.get() == 24);
    }

    @Test
    void aBatchThatFailsUnexpectedlyIsReportedOnceAndTriedAgainAfterAPause() throws Exception {
        store(3);
        TestStage stage = new TestStage("first", null);
        stage.loadFailures.set(1);
        StageRunner runner = runner(1, stage);
        runner.start();

        awaitTrue(() -> runner.status("first").done() == 3);
        assertThat(listener.failures).singleElement().satisfies(failure -> {
            assertThat(failure).contains("first", "index out of date", "trying again", "stopped=false");
        });
    }

    @Test
    void aStageThatCannotWorkStopsSaysWhyKeepsItsItemsAndStartsAgainWhenResumed() throws Exception {
        store(3);
        TestStage stage = new TestStage("first", null);
        AtomicBoolean modelsMissing = new AtomicBoolean(true);
        stage.behaviour = id -> {
            if (modelsMissing.get()) {
                throw new StageStoppedException("the language models are missing", null);
            }
        };
        StageRunner runner = runner(1, stage);
        runner.start();

        awaitTrue(() -> runner.status("first").state() == StageStatus.State.STOPPED);
        assertThat(runner.status("first")).extracting(StageStatus::stoppedReason, StageStatus::waiting, StageStatus::failed)
                .containsExactly("the language models are missing", 3L, 0L);
        assertThat(listener.failures).singleElement().asString().contains("the language models are missing", "stopped=true");
        awaitTrue(() -> listener.last("first") != null && listener.last("first").state() == StageStatus.State.STOPPED);

        modelsMissing.set(false);
        runner.resume("first");
        awaitTrue(() -> runner.status("first").done() == 3);
        assertThat(runner.status("first").stoppedReason()).isNull();
    }

    @Test
    void closeInterruptsTheItemsBeingWorkedOnPromptlyAndTheyStayWaiting() throws Exception {
        long id = items.store(1);
        CountDownLatch started = new CountDownLatch(1);
        TestStage stage = new TestStage("first", null);
        stage.behaviour = item -> {
            started.countDown();
            Thread.sleep(Duration.ofMinutes(5));
        };
        StageRunner runner = runner(1, stage);
        runner.start();
        assertThat(started.await(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(10), runner::close);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().startsWith("stage-first"));
        StageLedger.Task task = ledger().task("first", id).orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.WAITING);
        assertThat(task.attempts()).isZero();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** What one item does in a test stage. */
    @FunctionalInterface
    interface Behaviour {
        void on(long itemId) throws Exception;
    }

    /** A stage whose work on an item is the test's, and which records what it was given. */
    final class TestStage implements Stage<Long> {
        final String name;
        final String after;
        volatile Behaviour behaviour = id -> {
        };
        volatile java.util.function.LongConsumer onDone = id -> {
        };
        Duration timeLimit = Duration.ofMinutes(1);
        RetryPolicy retries = ONCE;
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final List<Long> processed = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final Set<Integer> priorities = ConcurrentHashMap.newKeySet();
        final Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        final AtomicInteger loadFailures = new AtomicInteger();
        private final AtomicInteger unfinished = new AtomicInteger();
        volatile boolean batchWhileBusy;

        TestStage(String name, String after) {
            this.name = name;
            this.after = after;
        }

        TestStage limitedTo(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        TestStage retrying(RetryPolicy policy) {
            this.retries = policy;
            return this;
        }

        int runs(long itemId) {
            AtomicInteger count = runs.get(itemId);
            return count == null ? 0 : count.get();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public java.util.Optional<String> after() {
            return java.util.Optional.ofNullable(after);
        }

        @Override
        public Map<Long, Long> load(List<Long> itemIds) {
            if (loadFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("index out of date");
            }
            if (unfinished.get() > 0) {
                batchWhileBusy = true;
            }
            unfinished.addAndGet(itemIds.size());
            batches.add(List.copyOf(itemIds));
            Map<Long, Long> work = new LinkedHashMap<>();
            itemIds.forEach(id -> work.put(id, id));
            return work;
        }

        @Override
        public ItemWrite process(Long itemId) throws Exception {
            threads.add(Thread.currentThread().getName());
            priorities.add(Thread.currentThread().getPriority());
            runs.computeIfAbsent(itemId, id -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(workingNow.incrementAndGet(), Math::max);
            try {
                behaviour.on(itemId);
                processed.add(itemId);
                onDone.accept(itemId);
                return ItemWrite.NOTHING;
            } finally {
                workingNow.decrementAndGet();
                unfinished.decrementAndGet();
            }
        }

        @Override
        public Duration timeLimit() {
            return timeLimit;
        }

        @Override
        public RetryPolicy retries() {
            return retries;
        }
    }

    /** What the runner told: progress, saved results and failures, as they came. */
    static final class RecordingListener implements StageListener {
        final List<StageStatus> progress = new CopyOnWriteArrayList<>();
        final AtomicInteger saved = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progressed(StageStatus status) {
            progress.add(status);
        }

        @Override
        public void itemsSaved(String stage, int count) {
            saved.addAndGet(count);
        }

        @Override
        public void failed(String stage, String message, Throwable cause, boolean stageStopped) {
            failures.add(stage + ": " + message + " stopped=" + stageStopped);
        }

        StageStatus last(String stage) {
            StageStatus last = null;
            for (StageStatus status : progress) {
                if (status.stage().equals(stage)) {
                    last = status;
                }
            }
            return last;
        }
    }
}
