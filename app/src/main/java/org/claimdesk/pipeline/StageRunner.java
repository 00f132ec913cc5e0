package org.claimdesk.pipeline;

import org.claimdesk.source.HumanUnits;
import org.claimdesk.store.ItemWrite;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

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
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    /** Items per batch and thread: enough to keep threads busy, small enough to stop and pause soon. */
    private static final int ITEMS_PER_THREAD = 4;

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
    private final Map<String, Worker<?>> workers = new LinkedHashMap<>();
    private final Clock clock;
    private final StageListener listener;
    private final Timings timings;
    private final int batchSize;
    /** Items being worked on, all stages together: at most {@code threads}. */
    private final Semaphore slots;
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
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timings = Objects.requireNonNull(timings, "timings");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.batchSize = threads * ITEMS_PER_THREAD;
        this.slots = new Semaphore(threads, true);
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
        for (Stage<?> stage : byName.values()) {
            workers.put(stage.name(), newWorker(stage, threads, paused.contains(stage.name())));
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

    private <W> Worker<W> newWorker(Stage<W> stage, int threads, boolean paused) {
        return new Worker<>(stage, threads, paused);
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
        workers.values().forEach(Worker::startCoordinator);
    }

    /**
     * Pauses a stage for good (it stays paused after a restart): it takes no new batch; the one it
     * is working on ends first. Writes the database: call it off the window's thread.
     */
    public void pause(String stage) {
        Worker<?> worker = worker(stage);
        ledger.setPaused(stage, true);
        worker.paused = true;
        worker.wake();
    }

    /** Resumes a paused stage, or starts a stopped one again. Writes the database. */
    public void resume(String stage) {
        Worker<?> worker = worker(stage);
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
        Worker<?> worker = worker(stage);
        boolean queued = ledger.requeue(stage, itemId, clock.instant());
        worker.wake();
        return queued;
    }

    /** Where each stage stands, in the order they were given. Reads the database. */
    public List<StageStatus> statuses() {
        Map<String, StageLedger.Counts> counts = ledger.counts();
        List<StageStatus> statuses = new ArrayList<>(workers.size());
        for (Worker<?> worker : workers.values()) {
            statuses.add(worker.status(counts.getOrDefault(worker.name, StageLedger.Counts.NONE)));
        }
        return statuses;
    }

    /** Where one stage stands. Reads the database. */
    public StageStatus status(String stage) {
        Worker<?> worker = worker(stage);
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
        Worker<?> target = worker(stage);
        long taken = 0;
        try {
            while (taken < limit && !closing) {
                int done = target.runBatch((int) Math.min(batchSize, limit - taken));
                if (done > 0) {
                    taken += done;
                    target.reportProgress(false);
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
    private boolean advancePrerequisites(Worker<?> worker) throws InterruptedException {
        Optional<String> after = worker.stage.after();
        if (after.isEmpty()) {
            return false;
        }
        Worker<?> prerequisite = workers.get(after.get());
        if (prerequisite.runBatch(batchSize) > 0) {
            prerequisite.reportProgress(false);
            return true;
        }
        prerequisite.wentIdle();
        return prerequisite.stoppedReason == null && advancePrerequisites(prerequisite);
    }

    private Worker<?> worker(String stage) {
        Worker<?> worker = workers.get(stage);
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
        workers.values().forEach(Worker::interruptAll);
        long deadline = System.nanoTime() + timings.closeWait().toNanos();
        try {
            for (Worker<?> worker : workers.values()) {
                worker.awaitEnd(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stackOf(Thread thread) {
        StringBuilder text = new StringBuilder();
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            text.append("\n    at ").append(frames[i]);
        }
        return text.toString();
    }

    /** One stage: its coordinating thread, its item threads and what they are doing. */
    private final class Worker<W> {
        /** An item being worked on: by which thread, since when. */
        private record Running(Thread thread, long startedNanos) {
        }

        /** What one batch came to; counted by the item threads. */
        private static final class Tally {
            final AtomicInteger finished = new AtomicInteger();
            final AtomicInteger saved = new AtomicInteger();
            final AtomicInteger gaveUp = new AtomicInteger();
            final AtomicInteger unsaved = new AtomicInteger();
            final AtomicReference<RuntimeException> saveFailure = new AtomicReference<>();
        }

        final Stage<W> stage;
        final String name;
        private final ThreadPoolExecutor pool;
        /** One batch at a time, from the coordinator or a {@link #runUntilIdle} caller. */
        private final ReentrantLock batchLock = new ReentrantLock();
        /** Released to wake the coordinator early (new work, resumed, closing). */
        private final Semaphore wakeUps = new Semaphore(0);
        /** Items being worked on now (not saved yet): what the time limit stops. */
        private final Map<Long, Running> running = new ConcurrentHashMap<>();
        /** Items stopped by the time limit, so their thread records them as failed. */
        private final Set<Long> timedOut = ConcurrentHashMap.newKeySet();
        /** Items whose thread ignored the stop: recorded as failed by the coordinator, their thread left behind. */
        private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
        /** A stop an item thread asked for; the coordinator acts on it after the batch. */
        private final AtomicReference<StageStoppedException> stopRequest = new AtomicReference<>();
        /** Finished items of recent batches, for items per second: {end nanos, start nanos, count}. */
        private final Deque<long[]> recent = new ArrayDeque<>();
        volatile boolean paused;
        volatile String stoppedReason;
        private volatile boolean busy;
        /** The stored items are swept for this stage below this id, down to 0 (done); -1: not begun. Guarded by batchLock. */
        private long sweepBelow = -1;
        private long sweptInAll;
        private Thread coordinator;
        /** Guarded by this worker's monitor. */
        private StageStatus.State reportedState;
        private long lastProgressNanos;
        private int unsignalledSaves;
        private long lastSavedSignalNanos;
        /** The last count from the database, when it was made, and what the runner did since. */
        private StageLedger.Counts counted;
        private long countedAtNanos;
        private long doneSince;
        private long failedSince;

        Worker(Stage<W> stage, int threads, boolean paused) {
            this.stage = stage;
            this.name = stage.name();
            this.paused = paused;
            AtomicInteger number = new AtomicInteger();
            this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "stage-" + name + "-" + number.incrementAndGet());
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1); // the window and ingestion come first
                return t;
            });
            this.pool.allowCoreThreadTimeOut(true); // an idle stage holds no threads
        }

        void startCoordinator() {
            if (coordinator != null && coordinator.isAlive()) {
                return;
            }
            coordinator = Thread.ofPlatform().name("stage-" + name).daemon(true)
                    .priority(Thread.NORM_PRIORITY - 1).start(this::runUntilClosed);
        }

        void wake() {
            if (wakeUps.availablePermits() == 0) {
                wakeUps.release();
            }
        }

        private void runUntilClosed() {
            try {
                while (!closing && stoppedReason == null) {
                    if (paused) {
                        reportState(StageStatus.State.PAUSED);
                        wakeUps.acquire();
                        wakeUps.drainPermits();
                        continue;
                    }
                    int taken;
                    try {
                        taken = runBatch(batchSize);
                    } catch (RuntimeException e) {
                        if (closing) {
                            return;
                        }
                        // the database is the queue: the same items are offered again after the pause
                        String message = "Stage " + name + " could not work on its items ("
                                + (e.getMessage() == null ? e.toString() : e.getMessage()) + "); trying again in "
                                + HumanUnits.formatDuration(timings.afterFailure());
                        LOG.error(message, e);
                        tell(() -> listener.failed(name, message, e, false));
                        Thread.sleep(timings.afterFailure());
                        continue;
                    }
                    if (taken == 0) {
                        wentIdle();
                        if (wakeUps.tryAcquire(timings.idleWait().toMillis(), TimeUnit.MILLISECONDS)) {
                            wakeUps.drainPermits();
                        }
                    } else {
                        reportProgress(false);
                    }
                }
            } catch (InterruptedException e) {
                // closing
            } catch (Error e) {
                if (!closing) {
                    stop("Stage " + name + " stopped: " + e, e);
                }
            }
        }

        /** Takes one batch, has it worked on and waits for all of it; returns the batch size. */
        int runBatch(int size) throws InterruptedException {
            batchLock.lockInterruptibly();
            try {
                if (stoppedReason != null || closing) {
                    return 0;
                }
                List<Due> due;
                do {
                    sweepSlice();
                    due = ledger.due(name, size, clock.instant());
                } while (due.isEmpty() && sweepBelow != 0);
                if (due.isEmpty()) {
                    return 0;
                }
                busy = true;
                try {
                    work(due);
                } catch (StageStoppedException e) {
                    stop(e.getMessage(), e);
                    return 0;
                } finally {
                    busy = false;
                }
                return due.size();
            } finally {
                batchLock.unlock();
            }
        }

        /**
         * Queues one slice of the stored items the stage has no record of (all of them when it is
         * new), newest first: a new stage starts on today's items at once, and the sweep at each
         * start (see {@link StageLedger#sweep}) costs a short transaction per batch, not a long pause.
         */
        private void sweepSlice() {
            if (sweepBelow == 0) {
                return;
            }
            if (sweepBelow < 0) {
                sweepBelow = ledger.newestItemId() + 1;
            }
            long from = Math.max(0, sweepBelow - StageLedger.SWEEP_SLICE);
            sweptInAll += ledger.sweep(name, from, sweepBelow, clock.instant());
            sweepBelow = from;
            if (sweepBelow == 0 && sweptInAll > 0) {
                LOG.info("Stage {}: {} stored items it had no record of are queued", name, sweptInAll);
            }
        }

        private void work(List<Due> due) throws InterruptedException {
            long started = System.nanoTime();
            Map<Long, W> work = stage.load(due.stream().map(Due::itemId).toList());
            Tally tally = new Tally();
            List<Future<?>> futures = new ArrayList<>(due.size());
            List<Due> submitted = new ArrayList<>(due.size());
            try {
                for (Due item : due) {
                    W input = work.get(item.itemId());
                    if (input == null) {
                        // deleted meanwhile (then its record went with it), or the stage could not read it
                        recordFailure(item, new ItemFailure("the item could not be read", null), tally);
                        continue;
                    }
                    futures.add(pool.submit(() -> runOne(item, input, tally)));
                    submitted.add(item);
                }
            } catch (RejectedExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                return; // closing; the items stay waiting in the database
            }
            awaitAll(futures, submitted, tally);
            StageStoppedException stop = stopRequest.getAndSet(null);
            if (stop != null) {
                throw stop;
            }
            finished(started, tally.finished.get());
            int saved = tally.saved.get();
            synchronized (this) {
                doneSince += saved;
                failedSince += tally.gaveUp.get();
            }
            if (saved > 0) {
                synchronized (this) {
                    unsignalledSaves += saved;
                }
                signalSaves(false);
                // the stages after this one have items now: no need to wait for their next look
                workers.values().stream().filter(w -> w.stage.after().filter(name::equals).isPresent())
                        .forEach(Worker::wake);
            }
            if (!submitted.isEmpty() && tally.unsaved.get() == submitted.size()) {
                // not one result could be stored: the database is failing, not the items
                throw tally.saveFailure.get();
            }
        }

        /**
         * Waits for the batch. An item running past the time limit is interrupted and recorded as
         * failed; if its thread ignores that for another time limit, the runner stops waiting for
         * it and a new thread takes its place.
         */
        private void awaitAll(List<Future<?>> futures, List<Due> items, Tally tally) throws InterruptedException {
            long checkMillis = Math.max(10, Math.min(stage.timeLimit().toMillis() / 4, 5_000));
            try {
                for (int i = 0; i < futures.size(); i++) {
                    Future<?> future = futures.get(i);
                    while (true) {
                        try {
                            future.get(checkMillis, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException e) {
                            if (stopIfOverdue(items.get(i), tally)) {
                                break; // given up on: its thread is left behind, a new one works on
                            }
                        } catch (ExecutionException | CancellationException e) {
                            // runOne records the item's own failures; this is a bug or closing
                            if (!closing) {
                                LOG.error("Stage {}: an item thread failed", name, e);
                            }
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                throw e;
            }
        }

        /**
         * Stops the item once it has run for the time limit; gives up on it when its thread has
         * ignored that for another time limit. True when given up on. Marking and interrupting
         * happen inside the map's lock, so an interrupt never reaches the thread after it has
         * moved on to another item.
         */
        private boolean stopIfOverdue(Due item, Tally tally) {
            long now = System.nanoTime();
            long limit = stage.timeLimit().toNanos();
            Running[] stopped = {null};
            Running[] givenUp = {null};
            running.computeIfPresent(item.itemId(), (id, run) -> {
                long ran = now - run.startedNanos();
                if (ran >= limit && timedOut.add(id)) {
                    run.thread().interrupt();
                    stopped[0] = run;
                } else if (ran >= 2 * limit && abandoned.add(id)) {
                    givenUp[0] = run;
                }
                return run;
            });
            if (stopped[0] != null) {
                LOG.warn("Stage {}: item {} took over {}; stopping it. It was at:{}", name, item.itemId(),
                        HumanUnits.formatDuration(stage.timeLimit()), stackOf(stopped[0].thread()));
            }
            if (givenUp[0] == null) {
                return false;
            }
            LOG.error("Stage {}: item {} does not stop; its thread {} is left behind at:{}", name, item.itemId(),
                    givenUp[0].thread().getName(), stackOf(givenUp[0].thread()));
            slots.release(); // its thread no longer counts: it ends when it ends
            resizePool(+1);
            recordFailure(item, new ItemFailure("did not finish within "
                    + HumanUnits.formatDuration(stage.timeLimit()) + " and did not stop", null), tally);
            return true;
        }

        /** One more (or one fewer) thread, while a thread that ignored a stop is left behind. */
        private void resizePool(int change) {
            synchronized (pool) {
                if (change > 0) {
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + change);
                    pool.setCorePoolSize(pool.getCorePoolSize() + change);
                } else {
                    pool.setCorePoolSize(pool.getCorePoolSize() + change);
                    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + change);
                }
            }
        }

        private void runOne(Due item, W input, Tally tally) {
            if (closing) {
                return;
            }
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return; // closing; the item stays waiting
            }
            boolean holdsSlot = true;
            try {
                long id = item.itemId();
                running.put(id, new Running(Thread.currentThread(), System.nanoTime()));
                ItemWrite result = null;
                Throwable failure = null;
                try {
                    result = stage.process(input);
                    if (result == null) {
                        failure = new ItemFailure("the stage returned no result", null);
                    }
                } catch (StageStoppedException e) {
                    stopRequest.compareAndSet(null, e);
                } catch (LinkageError e) {
                    // a class or model library missing: every item would fail the same way
                    stopRequest.compareAndSet(null, new StageStoppedException("Stage " + name + " cannot run: " + e, e));
                } catch (Exception | Error e) {
                    // out of memory or stack on a huge text too: the item fails, retries are bounded
                    failure = e;
                } finally {
                    running.remove(id); // from here on no stop reaches this thread for this item
                }
                boolean stopped = timedOut.remove(id);
                if (stopped) {
                    Thread.interrupted(); // the interrupt was ours; recording and the next item must not see it
                }
                if (abandoned.remove(id)) {
                    holdsSlot = false; // released when it was given up on
                    resizePool(-1);
                    return;
                }
                if (result == null && failure == null) {
                    return; // the stage stops; the item stays waiting
                }
                if (failure != null) {
                    if (stopped) {
                        recordFailure(item, new ItemFailure("did not finish within "
                                + HumanUnits.formatDuration(stage.timeLimit()), failure), tally);
                    } else if (closing || Thread.currentThread().isInterrupted()) {
                        LOG.debug("Stage {}: item {} cut short by close; it stays waiting", name, id);
                    } else {
                        recordFailure(item, failure, tally);
                    }
                    return;
                }
                save(item, result, tally);
            } finally {
                if (holdsSlot) {
                    slots.release();
                }
            }
        }

        private void save(Due item, ItemWrite result, Tally tally) {
            try {
                if (ledger.markDone(name, item, result, clock.instant())) {
                    tally.saved.incrementAndGet();
                } else {
                    LOG.debug("Stage {}: item {} was queued again or deleted meanwhile; result not saved", name, item.itemId());
                }
                tally.finished.incrementAndGet();
            } catch (RuntimeException e) {
                if (closing) {
                    return;
                }
                tally.unsaved.incrementAndGet();
                tally.saveFailure.compareAndSet(null, e);
                recordFailure(item, new ItemFailure("could not save the result", e), tally);
            }
        }

        /** Records the failure (to be tried again, or given up on) and logs it once, with its stack. */
        private void recordFailure(Due item, Throwable failure, Tally tally) {
            String reason = failure instanceof ItemFailure
                    ? failure.getMessage() + (failure.getCause() == null ? "" : ": " + failure.getCause()) : failure.toString();
            // the runner's own reasons (the time limit) have no stack worth logging; the stuck thread's was logged
            Throwable stack = failure instanceof ItemFailure ? failure.getCause() : failure;
            StageLedger.FailureOutcome outcome;
            try {
                outcome = ledger.markFailed(name, item, reason, stage.retries(), clock.instant());
            } catch (RuntimeException e) {
                if (!closing) {
                    LOG.warn("Stage {} failed on item {} and could not record it ({}): {}", name, item.itemId(),
                            e.getMessage(), reason, stack);
                }
                return;
            }
            tally.finished.incrementAndGet();
            switch (outcome) {
                case RETRY_LATER -> LOG.warn("Stage {} failed on item {}; it is tried again later: {}", name,
                        item.itemId(), reason, stack);
                case GAVE_UP -> tally.gaveUp.incrementAndGet();
                default -> {
                }
            }
            switch (outcome) {
                case GAVE_UP -> LOG.warn("Stage {} failed on item {} for the last time; it is marked failed and skipped: {}",
                        name, item.itemId(), reason, stack);
                case SUPERSEDED -> LOG.debug("Stage {} failed on item {}, which was queued again meanwhile: {}",
                        name, item.itemId(), reason);
            }
        }

        private void stop(String reason, Throwable cause) {
            stoppedReason = reason;
            LOG.error("Stage {} stopped: {}", name, reason, cause);
            tell(() -> listener.failed(name, reason, cause, true));
            reportState(StageStatus.State.STOPPED);
        }

        private synchronized void finished(long startedNanos, int count) {
            if (count == 0) {
                return;
            }
            recent.addLast(new long[]{System.nanoTime(), startedNanos, count});
        }

        /** Items finished per second over the recent window; falls towards 0 while idle. */
        private synchronized double itemsPerSecond() {
            long now = System.nanoTime();
            long window = timings.rateWindow().toNanos();
            while (!recent.isEmpty() && now - recent.peekFirst()[0] > window) {
                recent.removeFirst();
            }
            if (recent.isEmpty()) {
                return 0;
            }
            long items = 0;
            long from = now;
            for (long[] batch : recent) {
                items += batch[2];
                from = Math.min(from, batch[1]);
            }
            return items / Math.max((now - from) / 1e9, 1e-3);
        }

        StageStatus.State state() {
            if (stoppedReason != null) {
                return StageStatus.State.STOPPED;
            }
            if (busy) {
                return StageStatus.State.RUNNING;
            }
            return paused ? StageStatus.State.PAUSED : StageStatus.State.IDLE;
        }

        StageStatus status(StageLedger.Counts counts) {
            StageStatus.State state = state();
            return new StageStatus(name, counts.waiting(), counts.done(), counts.failed(), itemsPerSecond(), state,
                    state == StageStatus.State.STOPPED ? stoppedReason : null);
        }

        /** After a batch: tells the listener at most every second (and when the stage just got busy). */
        void reportProgress(boolean force) {
            synchronized (this) {
                boolean due = force || reportedState != StageStatus.State.RUNNING
                        || System.nanoTime() - lastProgressNanos >= timings.progressEvery().toNanos();
                if (!due) {
                    return;
                }
                reportedState = StageStatus.State.RUNNING;
                lastProgressNanos = System.nanoTime();
            }
            tellStatus(StageStatus.State.RUNNING);
        }

        /** Nothing due: the last saved results and the idle state, once. */
        void wentIdle() {
            signalSaves(true);
            reportState(state());
        }

        private void reportState(StageStatus.State state) {
            synchronized (this) {
                if (reportedState == state) {
                    return;
                }
                reportedState = state;
                lastProgressNanos = System.nanoTime();
            }
            tellStatus(state);
        }

        private void tellStatus(StageStatus.State state) {
            StageLedger.Counts counts;
            try {
                counts = countsForReport();
            } catch (RuntimeException e) {
                if (!closing) {
                    LOG.debug("Stage {}: could not count its items for the progress report", name, e);
                }
                return;
            }
            StageStatus status = new StageStatus(name, counts.waiting(), counts.done(), counts.failed(), itemsPerSecond(),
                    state, state == StageStatus.State.STOPPED ? stoppedReason : null);
            tell(() -> listener.progressed(status));
        }

        /** Counts for a progress report: from the database at most every few seconds, in between adjusted by what was done. */
        private StageLedger.Counts countsForReport() {
            synchronized (this) {
                if (counted != null && System.nanoTime() - countedAtNanos < timings.recountEvery().toNanos()) {
                    return new StageLedger.Counts(Math.max(0, counted.waiting() - doneSince - failedSince),
                            counted.done() + doneSince, counted.failed() + failedSince);
                }
            }
            StageLedger.Counts fresh = ledger.counts(name);
            synchronized (this) {
                counted = fresh;
                countedAtNanos = System.nanoTime();
                doneSince = 0;
                failedSince = 0;
            }
            return fresh;
        }

        /** Tells the views about saved results; at most every few seconds while a backlog runs. */
        private void signalSaves(boolean now) {
            int count;
            synchronized (this) {
                if (unsignalledSaves == 0 || closing
                        || !now && System.nanoTime() - lastSavedSignalNanos < timings.savedEvery().toNanos()) {
                    return;
                }
                count = unsignalledSaves;
                unsignalledSaves = 0;
                lastSavedSignalNanos = System.nanoTime();
            }
            tell(() -> listener.itemsSaved(name, count));
        }

        /** A listener's failure is the view's bug: logged, never the end of the stage. */
        private void tell(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener of stage {} failed", name, e);
            }
        }

        void interruptAll() {
            // queued items never run now: cancel them so that nobody waits for them
            for (Runnable queued : pool.shutdownNow()) {
                if (queued instanceof Future<?> future) {
                    future.cancel(false);
                }
            }
            Thread t = coordinator;
            if (t != null) {
                t.interrupt();
            }
            wake();
        }

        void awaitEnd(long deadlineNanos) throws InterruptedException {
            Thread t = coordinator;
            if (t != null) {
                t.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
            }
            if (!pool.awaitTermination(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("Stage {}: threads still running {} after close; they stop at their next item", name,
                        HumanUnits.formatDuration(timings.closeWait()));
            }
        }
    }

    /** Why an item failed, in the runner's words (the time limit, a failed save); its cause, if any, follows. */
    private static final class ItemFailure extends Exception {
        ItemFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
