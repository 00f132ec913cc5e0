package org.claimdesk.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a reload after a short quiet period, however many times it was requested: a burst of
 * "items stored" events (a poll stores one item after another) becomes one database read.
 * A request that arrives while a reload runs schedules exactly one more, so the last request
 * always sees fresh data (latest wins) and intermediate ones are dropped. Reloads run on the
 * given executor; with a single-thread executor they never overlap and finish in order.
 */
public final class CoalescingRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescingRefresh.class);

    private final String name;
    private final ScheduledExecutorService executor;
    private final Duration quietPeriod;
    private final Runnable reload;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public CoalescingRefresh(String name, ScheduledExecutorService executor, Duration quietPeriod, Runnable reload) {
        this.name = name;
        this.executor = executor;
        this.quietPeriod = quietPeriod;
        this.reload = reload;
    }

    /** Asks for a reload; safe from any thread. */
    public void request() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(this::run, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window is closing; nothing left to refresh.
            scheduled.set(false);
        }
    }

    private void run() {
        // Cleared before reloading: a request that arrives during the reload schedules another.
        scheduled.set(false);
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.warn("Reloading {} failed: {}", name, e.toString(), e);
        }
    }
}
