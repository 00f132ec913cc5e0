package org.claimdesk.ui.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * A scheduler whose clock only moves when the test says so; due work runs on the test's thread,
 * in time order. "Nothing happened" is then a fact about the queue, not the outcome of a sleep.
 * Work may be scheduled from any thread.
 */
public final class ManualScheduler implements Scheduler {
    private final List<Entry> queue = new ArrayList<>();
    private long now;
    private long sequence;
    private boolean shutDown;

    private record Entry(long at, long sequence, Runnable work) {
    }

    @Override
    public synchronized Cancellable schedule(Runnable work, Duration delay) {
        if (shutDown) {
            throw new RejectedExecutionException("shut down");
        }
        Entry entry = new Entry(now + delay.toNanos(), sequence++, work);
        queue.add(entry);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Moves the clock forward, running whatever falls due on the way (also work those runs schedule). */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.stream()
                        .filter(e -> e.at() <= target)
                        .min((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.sequence(), b.sequence()))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                queue.remove(next);
                now = Math.max(now, next.at());
            }
            next.work().run();
        }
    }

    /** Runs what is due now, without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many runs wait, due or not. */
    public synchronized int waiting() {
        return queue.size();
    }

    /** From now on refuses work, as a shut-down executor does. */
    public synchronized void shutDown() {
        shutDown = true;
        queue.clear();
    }
}
