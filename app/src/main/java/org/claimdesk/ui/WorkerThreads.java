package org.claimdesk.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The window's background threads, so the FX thread never waits on the database or the network.
 * <ul>
 *   <li>{@code reads}: one thread for short reads (item list, source health, the open item);
 *       being one thread, reloads run in request order and never overlap.</li>
 *   <li>{@code searches}: one thread for search-index queries, so a slow query never holds up
 *       the item list and searches answer in the order they were asked.</li>
 *   <li>{@code tasks}: long work the user started (poll, import, export, opening a workspace),
 *       one thread each so a poll does not hold up the list.</li>
 * </ul>
 * Daemon threads, so a hung feed cannot keep the JVM alive; shut down with the window.
 */
public final class WorkerThreads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerThreads.class);

    private final ScheduledExecutorService reads =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("claimdesk-ui-reads"));
    private final ScheduledExecutorService searches =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("claimdesk-ui-search"));
    private final ExecutorService tasks = Executors.newCachedThreadPool(daemonThreads("claimdesk-ui-task"));

    public ScheduledExecutorService reads() {
        return reads;
    }

    public ScheduledExecutorService searches() {
        return searches;
    }

    public ExecutorService tasks() {
        return tasks;
    }

    /** Stops both; running tasks are interrupted (a poll treats that as cancel). */
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
