package org.claimdesk.workspace;

import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.Source;
import org.claimdesk.store.SourceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Polls each enabled source on its own interval: wakes every {@link #TICK}, polls the sources
 * whose interval has passed since their last attempt. Only the sources the user enabled in
 * feeds.yml are ever contacted.
 */
final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    /** How often the scheduler looks for sources that are due. */
    static final Duration TICK = Duration.ofSeconds(30);

    /** Polls the given sources, as the session does for "Poll now". */
    @FunctionalInterface
    interface Poller {
        PollReport poll(List<Source> sources, PollProgress progress) throws InterruptedException;
    }

    private final Supplier<List<Source>> enabledSources;
    private final Supplier<List<SourceHealth>> health;
    private final Poller poller;
    private final Clock clock;
    private final Consumer<RuntimeException> onFailure;
    private Thread thread;
    private volatile boolean closing;

    /**
     * @param onFailure told of a round that failed unexpectedly (already logged); the scheduler
     *                  goes on with the next round
     */
    PollScheduler(Supplier<List<Source>> enabledSources, Supplier<List<SourceHealth>> health, Poller poller, Clock clock,
                  Consumer<RuntimeException> onFailure) {
        this.enabledSources = enabledSources;
        this.health = health;
        this.poller = poller;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    /** Starts polling in the background, a first round at once. Idempotent. */
    synchronized void start() {
        if (thread != null || closing) {
            return;
        }
        thread = Thread.ofPlatform().name("poll-scheduler").daemon(true).start(this::run);
    }

    private void run() {
        try {
            while (!closing) {
                pollDueSources();
                Thread.sleep(TICK);
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** One round: polls what is due now. Public to the package so a test drives it with its clock. */
    void pollDueSources() throws InterruptedException {
        try {
            List<Source> due = dueSources(clock.instant());
            if (!due.isEmpty()) {
                PollReport report = poller.poll(due, PollProgress.NONE);
                LOG.info("scheduled poll of {} sources: {} new items, {} failing", due.size(),
                        report.newItems(), report.failedSources());
            }
        } catch (RuntimeException e) {
            if (closing) {
                return;
            }
            LOG.error("Scheduled poll failed; trying again in {} s", TICK.toSeconds(), e);
            onFailure.accept(e);
        }
    }

    /** Sources whose poll interval has passed since their last attempt (or never polled). */
    List<Source> dueSources(Instant now) {
        Map<String, Instant> lastAttempt = health.get().stream()
                .filter(h -> h.lastAttempt() != null)
                .collect(Collectors.toMap(SourceHealth::sourceId, SourceHealth::lastAttempt, (a, b) -> a));
        return enabledSources.get().stream()
                .filter(s -> {
                    Instant last = lastAttempt.get(s.id());
                    return last == null || !last.plus(s.pollInterval()).isAfter(now);
                })
                .toList();
    }

    /** Stops the scheduler and waits for a round in flight to end (an interrupt cancels its poll). */
    @Override
    public void close() throws InterruptedException {
        Thread running;
        synchronized (this) {
            closing = true;
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            running.join(Duration.ofSeconds(10));
        }
    }
}
