package org.claimdesk.pipeline;

import org.claimdesk.store.StageLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one stage tells its {@link StageListener}: progress about once a second while it works and
 * when its state changes, saved results at most every few seconds, failures. Counts come from the
 * database at most every {@code recountEvery}; in between the stage's own results are added.
 */
final class StageProgress {
    private static final Logger LOG = LoggerFactory.getLogger(StageProgress.class);

    private final String stage;
    private final StageLedger ledger;
    private final StageListener listener;
    private final StageRunner.Timings timings;
    /** Finished items of recent batches, for items per second: {end nanos, start nanos, count}. */
    private final Deque<long[]> recent = new ArrayDeque<>();
    private StageStatus.State reportedState;
    private long lastProgressNanos;
    private int unsignalledSaves;
    private long lastSavedSignalNanos;
    /** The last count from the database, when it was made, and what the stage did since. */
    private StageLedger.Counts counted;
    private long countedAtNanos;
    private long doneSince;
    private long failedSince;
    private volatile boolean closing;

    StageProgress(String stage, StageLedger ledger, StageListener listener, StageRunner.Timings timings) {
        this.stage = stage;
        this.ledger = ledger;
        this.listener = listener;
        this.timings = timings;
    }

    /** A batch ended: {@code finished} items done or failed, of which {@code saved} stored and {@code gaveUp} given up on. */
    void batchEnded(long startedNanos, int finished, int saved, int gaveUp) {
        synchronized (this) {
            if (finished > 0) {
                recent.addLast(new long[]{System.nanoTime(), startedNanos, finished});
            }
            doneSince += saved;
            failedSince += gaveUp;
            unsignalledSaves += saved;
        }
        signalSaves(false);
    }

    /** Items finished per second over the recent window; falls towards 0 while idle. */
    synchronized double itemsPerSecond() {
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

    /** After a batch: tells the listener at most every second (and at once when the stage just got busy). */
    void working() {
        synchronized (this) {
            boolean due = reportedState != StageStatus.State.RUNNING
                    || System.nanoTime() - lastProgressNanos >= timings.progressEvery().toNanos();
            if (!due) {
                return;
            }
            reportedState = StageStatus.State.RUNNING;
            lastProgressNanos = System.nanoTime();
        }
        tell(StageStatus.State.RUNNING, null);
    }

    /** The stage is now idle, paused or stopped: said once per change, with the saved results not yet told. */
    void now(StageStatus.State state, String stoppedReason) {
        signalSaves(true);
        synchronized (this) {
            if (reportedState == state) {
                return;
            }
            reportedState = state;
            lastProgressNanos = System.nanoTime();
        }
        tell(state, stoppedReason);
    }

    /** Something beyond one item went wrong (logged already). */
    void failed(String message, Throwable cause, boolean stopped) {
        call(() -> listener.failed(stage, message, cause, stopped));
    }

    /** No more reports: the runner closes. */
    void close() {
        closing = true;
    }

    private void tell(StageStatus.State state, String stoppedReason) {
        StageLedger.Counts counts;
        try {
            counts = counts();
        } catch (RuntimeException e) {
            if (!closing) {
                LOG.debug("Stage {}: could not count its items for the progress report", stage, e);
            }
            return;
        }
        StageStatus status = new StageStatus(stage, counts.waiting(), counts.done(), counts.failed(), itemsPerSecond(),
                state, state == StageStatus.State.STOPPED ? stoppedReason : null);
        call(() -> listener.progressed(status));
    }

    private StageLedger.Counts counts() {
        synchronized (this) {
            if (counted != null && System.nanoTime() - countedAtNanos < timings.recountEvery().toNanos()) {
                return new StageLedger.Counts(Math.max(0, counted.waiting() - doneSince - failedSince),
                        counted.done() + doneSince, counted.failed() + failedSince);
            }
        }
        StageLedger.Counts fresh = ledger.counts(stage);
        synchronized (this) {
            counted = fresh;
            countedAtNanos = System.nanoTime();
            doneSince = 0;
            failedSince = 0;
        }
        return fresh;
    }

    /** Tells the views about saved results; at most every few seconds while a backlog runs, so open results do not flicker. */
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
        call(() -> listener.itemsSaved(stage, count));
    }

    /** A listener's failure is the view's bug: logged, never the end of the stage. */
    private void call(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A listener of stage {} failed", stage, e);
        }
    }
}
