package org.claimdesk.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits requests so that at most {@code maxInFlight} run at once across all hosts and two
 * requests to the same host start at least {@code spacing} apart. Requests to other hosts are
 * never held up by a host's spacing. Every wait answers to interruption.
 */
final class PolitenessGate {

    /** Turn-taking for one host: the fair lock queues its requests in arrival order. */
    private static final class HostTurn {
        final ReentrantLock lock = new ReentrantLock(true);
        boolean started;
        long lastStart;
    }

    private final long spacingNanos;
    private final Semaphore inFlight;
    private final ConcurrentHashMap<String, HostTurn> hosts = new ConcurrentHashMap<>();

    PolitenessGate(Duration spacing, int maxInFlight) {
        if (spacing.isNegative()) {
            throw new IllegalArgumentException("politeness delay must not be negative: " + spacing);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxParallelFetches must be at least 1: " + maxInFlight);
        }
        this.spacingNanos = spacing.toNanos();
        this.inFlight = new Semaphore(maxInFlight, true);
    }

    /** A started request; closing it frees its place among those in flight. */
    final class Pass implements AutoCloseable {
        private boolean released;

        @Override
        public void close() {
            if (!released) {
                released = true;
                inFlight.release();
            }
        }
    }

    /**
     * Waits until a request to {@code host} may start and takes a place in flight.
     * The host's lock is held while waiting for a place so that the spacing is measured from
     * the moment requests really start; only requests to the same host wait on that lock.
     */
    Pass enter(String host) throws InterruptedException {
        HostTurn turn = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostTurn());
        turn.lock.lockInterruptibly();
        try {
            if (turn.started) {
                long wait;
                while ((wait = turn.lastStart + spacingNanos - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            inFlight.acquire();
            turn.started = true;
            turn.lastStart = System.nanoTime();
            return new Pass();
        } finally {
            turn.lock.unlock();
        }
    }
}
