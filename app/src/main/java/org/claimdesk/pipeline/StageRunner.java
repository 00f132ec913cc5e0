package org.claimdesk.pipeline;

import org.claimdesk.store.StageLedger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Runs pipeline stages over stored items in the background (decision 0007). The database is the
 * queue ({@link StageLedger}): what a stage has done, what failed and why, and what waits survive
 * a restart and a kill, and the rest is done at the next start.
 *
 * <p>Each stage has a coordinating thread ({@code stage-<name>}) that takes a batch of its waiting
 * items, newest first, has them worked on by its threads ({@code stage-<name>-N}) and takes the
 * next batch only when this one is finished: never more than one batch per stage in memory. All
 * stages together work on at most {@code threads} items at once (cores − 1 by default, below
 * normal priority), so one core stays with the window and ingestion.
 *
 * <p>One item's result is written in the transaction that marks it done. A failure is recorded
 * with its reason and tried again later, a bounded number of times ({@link Stage#retries()}). An
 * item running past the stage's time limit is interrupted and counted as failed; if its thread
 * ignores that, the runner stops waiting for it and a new thread takes its place.
 *
 * <p>Interrupts: {@link #close()} interrupts the stages' threads so that a long item stops
 * promptly. That is safe for the database and the index, which run their I/O on threads of their
 * own that are never interrupted; an item cut short this way stays waiting.
 */
public final class StageRunner implements AutoCloseable {
    /** Items per batch and thread: enough to keep threads busy, small enough to stop and pause soon. */
    static final int ITEMS_PER_THREAD = 4;

    /** Waits and intervals; tests shorten them. */
    record Timings(Duration idleWait, Duration afterFailure, Duration progressEvery, Duration savedEvery,
                   Duration recountEvery, Duration rateWindow, Duration closeWait) {
        /**
         * Idle stages look for new items every second; after a batch failed for an unexpected
         * reason (a bug, the disk) a stage waits 30 s so the log is not flooded; views hear of
         * saved results at most every 5 s while a backlog runs, so open results do not flicker;
         * progress reports count the database's rows at most every 10 s (half a second for a
         * million rows) and add what the runner did in between.
         */
        static final Timings DEFAULT = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private final StageLedger ledger;
    private final Map<String, StageWorker<?>> workers = new LinkedHashMap<>();
    private final Clock clock;
    private final Timings timings;
    private volatile boolean closing;
    private boolean started;

    /**
     * Declares the stages in the database (prerequisites first) and reads which are paused.
     *
     * @param stages  each stage's prerequisite must be one of them
     * @param threads items worked on at once, all stages together; see {@link #defaultThreads()}
     */
    public StageRunner(StageLedger ledger, List<Stage<?>> stages, int threads, Clock clock, StageListener listener) {
        this(ledger, stages, threads, clock, listener, Timings.DEFAULT);
    }

    StageRunner(StageLedger ledger, List<Stage<?>> stages, int threads, Clock clock, StageListener listener,
                Timings timings) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timings = Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(listener, "listener");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Map<String, Stage<?>> byName = new LinkedHashMap<>();
        for (Stage<?> stage : stages) {
            String name = StageLedger.requireStageName(stage.name());
            if (byName.putIfAbsent(name, stage) != null) {
                throw new IllegalArgumentException("two stages are named '" + name + "'");
            }
        }
        for (Stage<?> stage : byName.values()) {
            checkPrerequisites(stage, byName);
        }
        Set<String> registered = new HashSet<>();
        for (Stage<?> stage : byName.values()) {
            register(stage, byName, registered);
        }
        Set<String> paused = ledger.pausedStages();
        // one set of permits for all stages: together they never take more than the threads given
        Semaphore slots = new Semaphore(threads, true);
        for (Stage<?> stage : byName.values()) {
            // a stage that waits on the network has threads and permits of its own (Stage.ownThreads)
            int own = stage.ownThreads();
            workers.put(stage.name(), own > 0
                    ? newWorker(stage, own, new Semaphore(own, true), listener, paused.contains(stage.name()))
                    : newWorker(stage, threads, slots, listener, paused.contains(stage.name())));
        }
        for (StageWorker<?> worker : workers.values()) {
            worker.wakesAfterSaving(workers.values().stream()
                    .filter(w -> w.stage.after().filter(worker.name::equals).isPresent()).toList());
        }
    }

    private static void checkPrerequisites(Stage<?> stage, Map<String, Stage<?>> byName) {
        Set<String> seen = new HashSet<>(List.of(stage.name()));
        Stage<?> current = stage;
        while (current.after().isPresent()) {
            String after = current.after().get();
            Stage<?> next = byName.get(after);
            if (next == null) {
                throw new IllegalArgumentException("stage '" + current.name() + "' runs after '" + after
                        + "', which is not among the stages: " + byName.keySet());
            }
            if (!seen.add(after)) {
                throw new IllegalArgumentException("stages run after each other in a circle: " + seen);
            }
            current = next;
        }
    }

    private void register(Stage<?> stage, Map<String, Stage<?>> byName, Set<String> registered) {
        if (registered.contains(stage.name())) {
            return;
        }
        Optional<String> after = stage.after();
        if (after.isPresent()) {
            register(byName.get(after.get()), byName, registered);
        }
        ledger.register(stage.name(), after.orElse(null));
        registered.add(stage.name());
    }

    private <W> StageWorker<W> newWorker(Stage<W> stage, int threads, Semaphore slots, StageListener listener,
                                         boolean paused) {
        return new StageWorker<>(stage, ledger, clock, timings, threads, slots, listener, paused);
    }

    /** One core is left for the window and ingestion: cores − 1, at least 1. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Runs every stage in the background until closed. Idempotent. */
    public synchronized void start() {
        if (started || closing) {
            return;
        }
        started = true;
        workers.values().forEach(StageWorker::startCoordinator);
    }

    /**
     * Pauses a stage for good (it stays paused after a restart): it takes no new batch; the one it
     * is working on ends first. Writes the database: call it off the window's thread.
     */
    public void pause(String stage) {
        StageWorker<?> worker = worker(stage);
        ledger.setPaused(stage, true);
        worker.paused = true;
        worker.wake();
    }

    /** Resumes a paused stage, or starts a stopped one again. Writes the database. */
    public void resume(String stage) {
        StageWorker<?> worker = worker(stage);
        ledger.setPaused(stage, false);
        worker.paused = false;
        if (worker.stoppedReason != null) {
            worker.stoppedReason = null;
            synchronized (this) {
                if (started && !closing) {
                    worker.startCoordinator();
                }
            }
        }
        worker.wake();
    }

    public boolean paused(String stage) {
        return worker(stage).paused;
    }

    /**
     * Queues an item for a stage again, and so for the stages after it (e.g. to analyse it anew);
     * false when the item does not exist. Writes the database.
     */
    public boolean requeue(String stage, long itemId) {
        StageWorker<?> worker = worker(stage);
        boolean queued = ledger.requeue(stage, itemId, clock.instant());
        worker.wake();
        return queued;
    }

    /** Where each stage stands, in the order they were given. Reads the database. */
    public List<StageStatus> statuses() {
        Map<String, StageLedger.Counts> counts = ledger.counts();
        List<StageStatus> statuses = new ArrayList<>(workers.size());
        for (StageWorker<?> worker : workers.values()) {
            statuses.add(worker.status(counts.getOrDefault(worker.name, StageLedger.Counts.NONE)));
        }
        return statuses;
    }

    /** Where one stage stands. Reads the database. */
    public StageStatus status(String stage) {
        StageWorker<?> worker = worker(stage);
        return worker.status(ledger.counts(stage));
    }

    /**
     * Works on {@code stage}'s waiting items on the caller's behalf (for the command line), newest
     * first, until none is due or {@code limit} were taken; when none is due, the stages it runs
     * after take a batch first, so their results reach it. Runs even when the stage is paused:
     * the caller asked for it. Returns how many of {@code stage}'s items were taken (done or
     * failed). Interrupting stops it; a stage that stops returns early (see {@link #status}).
     */
    public long runUntilIdle(String stage, long limit) throws InterruptedException {
        StageWorker<?> target = worker(stage);
        long taken = 0;
        try {
            while (taken < limit && !closing) {
                int done = target.runBatch((int) Math.min(target.batchSize, limit - taken));
                if (done > 0) {
                    taken += done;
                    target.progress.working();
                } else if (target.stoppedReason != null || !advancePrerequisites(target)) {
                    break;
                }
            }
        } finally {
            target.wentIdle();
        }
        return taken;
    }

    /** One batch of the nearest stage before {@code worker} that has one; false when none has. */
    private boolean advancePrerequisites(StageWorker<?> worker) throws InterruptedException {
        Optional<String> after = worker.stage.after();
        if (after.isEmpty()) {
            return false;
        }
        StageWorker<?> prerequisite = workers.get(after.get());
        if (prerequisite.stage.usesNetwork()) {
            return false; // the caller asked for local work: items waiting for the network wait on
        }
        if (prerequisite.runBatch(prerequisite.batchSize) > 0) {
            prerequisite.progress.working();
            return true;
        }
        prerequisite.wentIdle();
        return prerequisite.stoppedReason == null && advancePrerequisites(prerequisite);
    }

    private StageWorker<?> worker(String stage) {
        StageWorker<?> worker = workers.get(stage);
        if (worker == null) {
            throw new IllegalArgumentException("no stage named '" + stage + "'; stages: " + workers.keySet());
        }
        return worker;
    }

    /**
     * Stops taking items and interrupts the items being worked on; waits a few seconds for them.
     * Items not finished stay waiting in the database.
     */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        workers.values().forEach(StageWorker::close);
        long deadline = System.nanoTime() + timings.closeWait().toNanos();
        try {
            for (StageWorker<?> worker : workers.values()) {
                worker.awaitEnd(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
