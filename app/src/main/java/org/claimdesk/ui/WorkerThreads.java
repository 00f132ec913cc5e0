package org.claimdesk.ui;

import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.ui.task.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The window's background threads, so the FX thread never waits on the database or the network.
 * <ul>
 *   <li>{@code claimdesk-ui-reads}: one thread for short reads (item list, sources, errors, the
 *       open item, saved searches); being one thread, reads run in request order and never overlap.</li>
 *   <li>{@code claimdesk-ui-search}: one thread for search-index queries, so a slow query never
 *       holds up the item list and searches answer in the order they were asked.</li>
 *   <li>{@code claimdesk-ui-task}: long work the analyst started (poll, import, export, opening a
 *       workspace), one thread each so a poll does not hold up the list.</li>
 * </ul>
 * Daemon threads, so a hung feed cannot keep the JVM alive; shut down with the window. A failure
 * on any of them is logged with its stack, never swallowed.
 */
public final class WorkerThreads implements Workers {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerThreads.class);

    private final ScheduledExecutorService reads =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("claimdesk-ui-reads"));
    private final ScheduledExecutorService searches =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("claimdesk-ui-search"));
    private final ExecutorService tasks = Executors.newCachedThreadPool(daemonThreads("claimdesk-ui-task"));
    private final Scheduler readsScheduler = scheduler(reads, "claimdesk-ui-reads");
    private final Scheduler searchesScheduler = scheduler(searches, "claimdesk-ui-search");

    @Override
    public Scheduler reads() {
        return readsScheduler;
    }

    @Override
    public Scheduler searches() {
        return searchesScheduler;
    }

    @Override
    public Executor tasks() {
        return tasks;
    }

    /** Stops all three; running tasks are interrupted (a poll treats that as cancel). */
    @Override
    public void close() {
        reads.shutdownNow();
        searches.shutdownNow();
        tasks.shutdownNow();
        try {
            if (!tasks.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background tasks still running after 5 s; leaving them to exit with the JVM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A scheduled executor keeps a failure inside its future, where nobody looks: log it instead. */
    private static Scheduler scheduler(ScheduledExecutorService executor, String name) {
        return new Scheduler() {
            @Override
            public Cancellable schedule(Runnable work, Duration delay) {
                ScheduledFuture<?> future = executor.schedule(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.error("Uncaught failure on {}", name, e);
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught failure on {}", t.getName(), e));
            return thread;
        };
    }
}
