package org.claimdesk.ingest;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.TextAnalysis;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.source.HumanUnits;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.PendingItem;
import org.claimdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analyses stored items: language, entities. Items become searchable as soon as they are stored
 * (the index feeder) and gain their entities and detected language here, when analysis catches
 * up; ingestion never waits for it. The analysis is saved in H2, which logs the change for the
 * index feeder: the search document follows within a second.
 *
 * <p>Order: items stored while it runs first, then the backlog from the newest item back.
 *
 * <p>Bounded: one coordinating thread takes a batch of waiting items from the database, hands
 * them to at most {@code threads} analysis threads and takes the next batch only when this one
 * is done, so no more than one batch is ever in memory. The database is the queue: nothing is
 * lost when the worker stops, the rest is analysed at the next start.
 *
 * <p>Interrupts: {@link #close()} interrupts the analysis threads so that a long text stops
 * promptly. That is safe for the database and the index, which run their I/O on threads of
 * their own that are never interrupted; an analysis cut short this way is not recorded.
 */
public final class AnalysisWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorker.class);

    /** How long the worker waits after a batch failed for an unexpected reason (a bug), so the log is not flooded. */
    static final Duration AFTER_FAILURE = Duration.ofSeconds(30);
    /** How often an idle worker looks for new items. */
    static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** Items per batch and analysis thread: enough to keep threads busy, small enough to stop soon. */
    private static final int ITEMS_PER_THREAD = 4;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /**
     * How often an idle worker looks through the backlog again from the top. Concurrent saves can
     * commit a lower id after a higher one the worker already passed; this finds such items
     * without a full scan every second.
     */
    static final Duration REWIND_EVERY = Duration.ofMinutes(1);
    /**
     * The longest one item's language detection and NLP may take: far beyond the few seconds a
     * long article needs (docs/benchmarks.md), so only a text that makes a model misbehave hits it.
     */
    static final Duration ITEM_TIME_LIMIT = Duration.ofMinutes(2);
    private final Duration itemTimeLimit;
    /** While a backlog runs, views hear of analysed items at most this often (and when it ends). */
    static final Duration SIGNAL_EVERY = Duration.ofSeconds(5);
    /** Between title and body, so a sentence never runs from one into the other. */
    static final String TITLE_BREAK = "\n\n";

    /**
     * What analyses one text: {@link TextAnalyzer#analyse} in the application. A seam so that a
     * test can make one item fail with the real analyzer doing the rest.
     */
    @FunctionalInterface
    public interface Analysis {
        TextAnalysis analyse(String text, String languageHint, AnalysisPath path);
    }

    private final Analysis analyzer;
    private final AnalysisStore analyses;
    private final Runnable afterAnalysed;
    /** An item being analysed: by which thread, since when. */
    private record Running(Thread thread, long startedNanos) {
    }

    /** Items being analysed now (not saved yet): what the time limit stops. */
    private final Map<Long, Running> analysing = new ConcurrentHashMap<>();
    /** Items stopped by the time limit, so their analysis thread records them as failed. */
    private final Set<Long> timedOut = ConcurrentHashMap.newKeySet();
    /** Items whose thread ignored the stop: recorded as failed by the worker, their thread left behind. */
    private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
    private final AnalysisPath path;
    private final Clock clock;
    private final int threads;
    private final ThreadPoolExecutor pool;
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong entities = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    /** One batch at a time; guards the positions below. Not the worker's own monitor, so close never waits for a batch. */
    private final Object batchLock = new Object();
    /** Items above this id arrived while the worker ran and are taken in id order; -1 until the first batch. */
    private long arrivalsAfter = -1;
    /** The backlog (up to arrivalsAfter) is taken downwards from here; the database says which still wait. */
    private long backlogBelow = Long.MAX_VALUE;
    /** Analyses stored since the views were last told; guarded by batchLock. */
    private boolean unsignalled;
    private long lastSignal = System.nanoTime() - SIGNAL_EVERY.toNanos();
    private volatile boolean closing;
    private Thread coordinator;

    /** @param threads analysis threads; see {@link #defaultThreads()} */
    public AnalysisWorker(Analysis analyzer, AnalysisStore analyses, AnalysisPath path, int threads, Clock clock) {
        this(analyzer, analyses, path, threads, clock, () -> {
        });
    }

    /**
     * @param threads       analysis threads; see {@link #defaultThreads()}
     * @param afterAnalysed runs on the worker's thread after each batch that stored at least one
     *                      analysis (views show the detected languages and entities)
     */
    public AnalysisWorker(Analysis analyzer, AnalysisStore analyses, AnalysisPath path, int threads, Clock clock,
                          Runnable afterAnalysed) {
        this(analyzer, analyses, path, threads, clock, afterAnalysed, ITEM_TIME_LIMIT);
    }

    AnalysisWorker(Analysis analyzer, AnalysisStore analyses, AnalysisPath path, int threads, Clock clock,
                   Runnable afterAnalysed, Duration itemTimeLimit) {
        this.itemTimeLimit = Objects.requireNonNull(itemTimeLimit, "itemTimeLimit");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.analyses = Objects.requireNonNull(analyses, "analyses");
        this.afterAnalysed = Objects.requireNonNull(afterAnalysed, "afterAnalysed");
        this.path = Objects.requireNonNull(path, "path");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        this.pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "analysis-" + number.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the window and ingestion come first
            return t;
        });
    }

    /** One core is left for the window and ingestion: cores - 1, at least 1. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** What the worker has done since it was created. */
    public record Totals(long analysed, long failed, long entities, Duration analysisTime) {
    }

    public Totals totals() {
        return new Totals(analysed.get(), failed.get(), entities.get(), Duration.ofNanos(busyNanos.get()));
    }

    /** Analyses waiting items on its own daemon thread until closed. Idempotent. */
    public synchronized void start() {
        if (coordinator != null || closing) {
            return;
        }
        coordinator = Thread.ofPlatform().name("analysis-batches").daemon(true).start(this::runUntilClosed);
    }

    private void runUntilClosed() {
        long lastRewind = System.nanoTime();
        try {
            while (!closing) {
                int done;
                try {
                    done = analyseBatch(threads * ITEMS_PER_THREAD);
                } catch (StoreException e) {
                    if (closing) {
                        return;
                    }
                    // the database is the queue: the same items are offered again next round
                    LOG.warn("Analysis could not read waiting items: {}", e.getMessage(), e);
                    done = 0;
                } catch (RuntimeException e) {
                    if (closing) {
                        return;
                    }
                    // a bug must not end background analysis for the whole session unnoticed
                    LOG.error("Analysis batch failed; trying again in {} s", AFTER_FAILURE.toSeconds(), e);
                    Thread.sleep(AFTER_FAILURE);
                    done = 0;
                }
                if (done == 0) {
                    synchronized (batchLock) {
                        signalAnalysed(); // the backlog ended: the last results too
                    }
                    if (System.nanoTime() - lastRewind > REWIND_EVERY.toNanos()) {
                        lastRewind = System.nanoTime();
                        synchronized (batchLock) {
                            backlogBelow = Long.MAX_VALUE;
                        }
                    }
                    Thread.sleep(IDLE_WAIT);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /**
     * Analyses waiting items on the calling thread's behalf (for the command line) until none is
     * left or {@code limit} were taken; returns how many were taken. Interrupting stops it.
     */
    public long analysePending(long limit) throws InterruptedException {
        long taken = 0;
        while (taken < limit && !closing) {
            int done = analyseBatch((int) Math.min(threads * ITEMS_PER_THREAD, limit - taken));
            if (done == 0) {
                break;
            }
            taken += done;
        }
        synchronized (batchLock) {
            signalAnalysed();
        }
        return taken;
    }

    /** Takes one batch, analyses it in parallel and waits for all of it; returns the batch size. */
    private int analyseBatch(int size) throws InterruptedException {
        synchronized (batchLock) {
            List<PendingItem> batch = nextBatch(size);
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<?>> running = new ArrayList<>(batch.size());
            try {
                for (PendingItem item : batch) {
                    running.add(pool.submit(() -> analyseOne(item)));
                }
            } catch (RejectedExecutionException e) {
                return 0; // closed meanwhile; the items stay waiting in the database
            }
            long storedBefore = analysed.get() + failed.get();
            awaitAll(running, batch);
            if (analysed.get() + failed.get() > storedBefore) {
                unsignalled = true;
                if (System.nanoTime() - lastSignal >= SIGNAL_EVERY.toNanos()) {
                    signalAnalysed();
                }
            }
            return batch.size();
        }
    }

    /**
     * Waits for the batch. An item whose own analysis runs past the time limit
     * ({@link #ITEM_TIME_LIMIT}) is interrupted and recorded as failed, so one pathological text
     * cannot stall the queue. If its thread ignores the interrupt for another time limit, the
     * worker stops waiting for it and a new thread takes its place.
     */
    private void awaitAll(List<Future<?>> running, List<PendingItem> batch) throws InterruptedException {
        long checkMillis = Math.max(10, Math.min(itemTimeLimit.toMillis() / 4, 5_000));
        try {
            for (int i = 0; i < running.size(); i++) {
                Future<?> future = running.get(i);
                PendingItem item = batch.get(i);
                while (true) {
                    try {
                        future.get(checkMillis, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (stopIfOverdue(item)) {
                            break; // given up on: its thread is left behind, a new one works on
                        }
                    } catch (ExecutionException | CancellationException e) {
                        // analyseOne records its own failures; this is a bug or a shutdown
                        if (!closing) {
                            LOG.error("Analysis thread failed", e);
                        }
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
    }

    /**
     * Stops the item's analysis once it has run for the time limit; gives up on it when its
     * thread has ignored that for another time limit. True when given up on. Marking and
     * interrupting happen inside the map's lock, so an interrupt never reaches the thread after
     * it has moved on to another item.
     */
    private boolean stopIfOverdue(PendingItem item) {
        long now = System.nanoTime();
        long limit = itemTimeLimit.toNanos();
        Running[] stopped = {null};
        Running[] givenUp = {null};
        analysing.computeIfPresent(item.id(), (id, running) -> {
            long ran = now - running.startedNanos();
            if (ran >= limit && timedOut.add(id)) {
                running.thread().interrupt();
                stopped[0] = running;
            } else if (ran >= 2 * limit && abandoned.add(id)) {
                givenUp[0] = running;
            }
            return running;
        });
        if (stopped[0] != null) {
            LOG.warn("Analysis of item {} took over {}; stopping it. It was at:{}", item.id(),
                    HumanUnits.formatDuration(itemTimeLimit), stackOf(stopped[0].thread()));
        }
        if (givenUp[0] == null) {
            return false;
        }
        LOG.error("Analysis of item {} does not stop; it is recorded as failed and its thread {} is left behind at:{}",
                item.id(), givenUp[0].thread().getName(), stackOf(givenUp[0].thread()));
        recordFailure(item, new IllegalStateException("analysis did not finish within "
                + HumanUnits.formatDuration(itemTimeLimit) + " and did not stop"));
        resizePool(+1);
        return true;
    }

    /** One more (or one fewer) analysis thread, while a thread that ignored a stop is left behind. */
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

    private void analyseOne(PendingItem item) {
        if (closing) {
            return;
        }
        long started = System.nanoTime();
        analysing.put(item.id(), new Running(Thread.currentThread(), started));
        TextAnalysis analysis = null;
        Throwable failure = null;
        try {
            analysis = analyzer.analyse(textOf(item), item.language(), path);
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
        } finally {
            analysing.remove(item.id()); // from here on no stop reaches this thread for this item
            busyNanos.addAndGet(System.nanoTime() - started);
        }
        boolean stopped = timedOut.remove(item.id());
        if (stopped) {
            Thread.interrupted(); // the interrupt was ours; recording and the next item must not see it
        }
        if (abandoned.remove(item.id())) {
            resizePool(-1); // the worker recorded it as failed and went on without this thread
            return;
        }
        if (failure != null) {
            if (stopped) {
                recordFailure(item, new IllegalStateException("analysis did not finish within "
                        + HumanUnits.formatDuration(itemTimeLimit), failure));
            } else if (closing || Thread.currentThread().isInterrupted()) {
                LOG.debug("Analysis of item {} cut short by close; it stays waiting", item.id());
            } else {
                recordFailure(item, failure);
            }
            return;
        }
        try {
            analyses.save(item.id(), analysis, clock.instant());
        } catch (StoreException e) {
            if (!closing) {
                // usually the item was deleted meanwhile; otherwise it is offered again at the next start
                LOG.warn("Could not save the analysis of item {}: {}", item.id(), e.getMessage());
            }
            return;
        }
        analysed.incrementAndGet();
        entities.addAndGet(analysis.entities().size());
    }

    private void recordFailure(PendingItem item, Throwable e) {
        LOG.warn("Analysis of item {} failed; it is marked and skipped: {}", item.id(), e.toString(), e);
        failed.incrementAndGet();
        try {
            analyses.saveFailure(item.id(), path, e.toString(), clock.instant());
        } catch (StoreException storeFailure) {
            LOG.warn("Could not record the failed analysis of item {}: {}", item.id(), storeFailure.getMessage());
        }
    }

    /**
     * Items stored since the worker started come first, oldest of them first; then the backlog,
     * newest first: in rapid response today's items matter before last month's. Guarded by batchLock.
     */
    private List<PendingItem> nextBatch(int size) {
        if (arrivalsAfter < 0) {
            // the newest item waiting now: whatever waits above it later arrived while the worker ran
            List<PendingItem> newest = analyses.pendingBefore(Long.MAX_VALUE, 1);
            if (newest.isEmpty()) {
                return newest;
            }
            arrivalsAfter = newest.getFirst().id();
        }
        List<PendingItem> arrivals = analyses.pending(arrivalsAfter, size);
        if (!arrivals.isEmpty()) {
            arrivalsAfter = arrivals.getLast().id();
            return arrivals;
        }
        List<PendingItem> backlog = analyses.pendingBefore(Math.min(backlogBelow, arrivalsAfter + 1), size);
        if (!backlog.isEmpty()) {
            backlogBelow = backlog.getLast().id();
        }
        return backlog;
    }

    /** Tells the views; at most every few seconds while a backlog runs, so open results do not flicker. */
    private void signalAnalysed() {
        if (!unsignalled || closing) {
            return;
        }
        unsignalled = false;
        lastSignal = System.nanoTime();
        try {
            afterAnalysed.run();
        } catch (RuntimeException e) {
            LOG.warn("Telling the views about analysed items failed", e);
        }
    }

    /** Title and body, as one text: the title often holds the names the body repeats. */
    static String textOf(PendingItem item) {
        String title = item.title() == null ? "" : item.title().strip();
        String body = item.text() == null ? "" : item.text();
        if (title.isEmpty()) {
            return body;
        }
        return body.isBlank() ? title : title + TITLE_BREAK + body;
    }

    /**
     * Stops taking items and interrupts running analyses; waits a few seconds for them. Items not
     * finished stay waiting in the database.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closing = true;
            t = coordinator;
        }
        // queued tasks never run now: cancel them so that nobody waits for them
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Future<?> future) {
                future.cancel(false);
            }
        }
        if (t != null) {
            t.interrupt();
        }
        try {
            if (t != null) {
                t.join(CLOSE_WAIT);
            }
            if (!pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Analysis threads still running {} s after close; they stop at their next item", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
