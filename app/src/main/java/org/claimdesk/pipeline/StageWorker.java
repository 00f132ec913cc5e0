package org.claimdesk.pipeline;

import org.claimdesk.source.HumanUnits;
import org.claimdesk.store.ItemWrite;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * One stage on a {@link StageRunner}: its coordinating thread, its item threads, the time limit,
 * and what it records in the ledger.
 */
final class StageWorker<W> {
    private static final Logger LOG = LoggerFactory.getLogger(StageWorker.class);

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

    /** Why an item failed, in the runner's words (the time limit, a failed save); its cause, if any, follows. */
    private static final class ItemFailure extends Exception {
        ItemFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    final Stage<W> stage;
    final String name;
    private final StageLedger ledger;
    private final Clock clock;
    private final StageRunner.Timings timings;
    final int batchSize;
    /** Items being worked on, all stages together: shared by the runner's stages. */
    private final Semaphore slots;
    final StageProgress progress;
    private final ThreadPoolExecutor pool;
    /** One batch at a time, from the coordinator or a {@link StageRunner#runUntilIdle} caller. */
    private final ReentrantLock batchLock = new ReentrantLock();
    /** Released to wake the coordinator early (new work, resumed, closing). */
    private final Semaphore wakeUps = new Semaphore(0);
    /** Items being worked on now (not saved yet): what the time limit stops. */
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    /** Items stopped by the time limit, so their thread records them as failed. */
    private final Set<Long> timedOut = ConcurrentHashMap.newKeySet();
    /** Items whose thread ignored the stop: recorded as failed by the coordinator, their thread left behind. */
    private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
    /** A stop an item thread asked for; acted on after the batch. */
    private final AtomicReference<StageStoppedException> stopRequest = new AtomicReference<>();
    /** The stages that run after this one: woken when it saved results. */
    private volatile List<StageWorker<?>> dependents = List.of();
    volatile boolean paused;
    volatile String stoppedReason;
    private volatile boolean busy;
    private volatile boolean closing;
    /** The stored items are swept for this stage below this id, down to 0 (done); -1: not begun. Guarded by batchLock. */
    private long sweepBelow = -1;
    private long sweptInAll;
    /** Started under the runner's monitor. */
    private volatile Thread coordinator;

    StageWorker(Stage<W> stage, StageLedger ledger, Clock clock, StageRunner.Timings timings, int threads,
                Semaphore slots, StageListener listener, boolean paused) {
        this.stage = stage;
        this.name = stage.name();
        this.ledger = ledger;
        this.clock = clock;
        this.timings = timings;
        this.batchSize = threads * StageRunner.ITEMS_PER_THREAD;
        this.slots = slots;
        this.paused = paused;
        this.progress = new StageProgress(name, ledger, listener, timings);
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "stage-" + name + "-" + number.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the window and ingestion come first
            return t;
        });
        this.pool.allowCoreThreadTimeOut(true); // an idle stage holds no threads
    }

    void wakesAfterSaving(List<StageWorker<?>> after) {
        this.dependents = List.copyOf(after);
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
        return new StageStatus(name, counts.waiting(), counts.done(), counts.failed(), progress.itemsPerSecond(), state,
                state == StageStatus.State.STOPPED ? stoppedReason : null);
    }

    /** Nothing due now (or paused, or stopped): said once, with the results not told yet. */
    void wentIdle() {
        progress.now(state(), stoppedReason);
    }

    private void runUntilClosed() {
        try {
            while (!closing && stoppedReason == null) {
                if (paused) {
                    progress.now(StageStatus.State.PAUSED, null);
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
                    progress.failed(message, e, false);
                    Thread.sleep(timings.afterFailure());
                    continue;
                }
                if (taken == 0) {
                    wentIdle();
                    if (wakeUps.tryAcquire(timings.idleWait().toMillis(), TimeUnit.MILLISECONDS)) {
                        wakeUps.drainPermits();
                    }
                } else {
                    progress.working();
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

    /** Takes one batch of at most {@code size}, has it worked on and waits for all of it; returns the batch size. */
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
        progress.batchEnded(started, tally.finished.get(), tally.saved.get(), tally.gaveUp.get());
        if (tally.saved.get() > 0) {
            // the stages after this one have items now: no need to wait for their next look
            dependents.forEach(StageWorker::wake);
        }
        if (!submitted.isEmpty() && tally.unsaved.get() == submitted.size()) {
            // not one result could be stored: the database is failing, not the items
            throw tally.saveFailure.get();
        }
    }

    /**
     * Waits for the batch. An item running past the time limit is interrupted and recorded as
     * failed; if its thread ignores that for another time limit, the worker stops waiting for it
     * and a new thread takes its place.
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
     * happen inside the map's lock, so an interrupt never reaches the thread after it has moved
     * on to another item.
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

    private static String stackOf(Thread thread) {
        StringBuilder text = new StringBuilder();
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            text.append("\n    at ").append(frames[i]);
        }
        return text.toString();
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
            case GAVE_UP -> {
                tally.gaveUp.incrementAndGet();
                LOG.warn("Stage {} failed on item {} for the last time; it is marked failed and skipped: {}",
                        name, item.itemId(), reason, stack);
            }
            case SUPERSEDED -> LOG.debug("Stage {} failed on item {}, which was queued again meanwhile: {}",
                    name, item.itemId(), reason);
        }
    }

    void stop(String reason, Throwable cause) {
        stoppedReason = reason;
        LOG.error("Stage {} stopped: {}", name, reason, cause);
        progress.failed(reason, cause, true);
        progress.now(StageStatus.State.STOPPED, reason);
    }

    /** Stops taking items, interrupts those being worked on and the coordinator. */
    void close() {
        closing = true;
        progress.close();
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
