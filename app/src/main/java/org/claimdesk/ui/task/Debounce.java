package org.claimdesk.ui.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs an action once requests have paused, however many there were: the window's one way to
 * turn a burst of events or keystrokes into one piece of work.
 * <ul>
 *   <li>The action runs {@code quiet} after the latest request, but no later than {@code maxWait}
 *       after the earliest one it has not served: typing debounces with no maximum (one search per
 *       word), a reload uses quiet = maxWait (a poll storing items for a minute still refreshes
 *       the list every 150 ms instead of waiting for the poll to end).</li>
 *   <li>A request that comes while the action runs gets one more run, so the last request always
 *       sees fresh data (latest wins); the requests in between are dropped.</li>
 *   <li>With a single-thread scheduler, runs never overlap and finish in request order.</li>
 * </ul>
 * Safe to call from any thread. A failing action is logged and does not stop later runs.
 */
public final class Debounce {
    private static final Logger LOG = LoggerFactory.getLogger(Debounce.class);

    private final String name;
    private final Scheduler scheduler;
    private final long quietNanos;
    private final long maxWaitNanos;
    private final Runnable action;

    // Guarded by this.
    private boolean waiting;
    private boolean now;
    private long firstWaiting;
    private long lastRequest;
    private Scheduler.Cancellable wakeUp;
    private long wakeUpAt;

    /**
     * @param maxWait the longest a request waits while requests keep coming; null for no limit
     */
    public Debounce(String name, Scheduler scheduler, Duration quiet, Duration maxWait, Runnable action) {
        this.name = name;
        this.scheduler = scheduler;
        this.quietNanos = quiet.toNanos();
        this.maxWaitNanos = maxWait == null ? Long.MAX_VALUE : maxWait.toNanos();
        this.action = action;
    }

    /** A reload: runs {@code period} after the first of a burst of requests. */
    public static Debounce every(String name, Scheduler scheduler, Duration period, Runnable action) {
        return new Debounce(name, scheduler, period, period, action);
    }

    /** Asks for a run after the quiet period. */
    public synchronized void request() {
        long at = scheduler.nanoTime();
        note(at);
        wakeAt(due(), at);
    }

    /** Asks for a run as soon as the scheduler is free, serving every request waiting so far. */
    public synchronized void requestNow() {
        long at = scheduler.nanoTime();
        note(at);
        now = true;
        wakeAt(at, at);
    }

    /** Drops the requests waiting; a run in progress finishes. */
    public synchronized void cancel() {
        waiting = false;
        now = false;
        if (wakeUp != null) {
            wakeUp.cancel();
            wakeUp = null;
        }
    }

    private void note(long at) {
        if (!waiting) {
            waiting = true;
            firstWaiting = at;
        }
        lastRequest = at;
    }

    private long due() {
        long byQuiet = lastRequest + quietNanos;
        long byMaxWait = maxWaitNanos == Long.MAX_VALUE ? Long.MAX_VALUE : firstWaiting + maxWaitNanos;
        return Math.min(byQuiet, byMaxWait);
    }

    /** Keeps one wake-up, the earliest needed: a later request only moves the due time when it wakes. */
    private void wakeAt(long due, long at) {
        if (wakeUp != null && wakeUpAt <= due) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        try {
            wakeUpAt = due;
            wakeUp = scheduler.schedule(this::wake, Duration.ofNanos(Math.max(0, due - at)));
        } catch (RejectedExecutionException e) {
            // The window is closing; nothing left to run.
            wakeUp = null;
            waiting = false;
            now = false;
        }
    }

    private void wake() {
        synchronized (this) {
            wakeUp = null;
            if (!waiting) {
                return;
            }
            long at = scheduler.nanoTime();
            long due = now ? at : due();
            if (due > at) {
                wakeAt(due, at);
                return;
            }
            // Cleared before running: a request that arrives during the run gets a run of its own.
            waiting = false;
            now = false;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", name, e.toString(), e);
        }
    }
}
