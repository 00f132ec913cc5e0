package org.claimdesk.ui.task;

import java.time.Duration;

/**
 * Where the window's delayed and background reads run, and what time it is there. The window
 * uses real threads ({@code WorkerThreads}); a test uses one whose clock it moves by hand, so it
 * proves that nothing happened without sleeping.
 */
public interface Scheduler {

    /**
     * Runs {@code work} once {@code delay} has passed (at once for zero), on this scheduler's
     * thread. Throws {@link java.util.concurrent.RejectedExecutionException} once shut down.
     */
    Cancellable schedule(Runnable work, Duration delay);

    /** This scheduler's clock in nanoseconds, from an arbitrary start ({@link System#nanoTime()} for real threads). */
    long nanoTime();

    /** Runs {@code work} as soon as this scheduler's thread is free. */
    default void execute(Runnable work) {
        schedule(work, Duration.ZERO);
    }

    /** A scheduled piece of work that has not run yet. */
    @FunctionalInterface
    interface Cancellable {
        /** Drops the work if it has not started; a running one finishes. */
        void cancel();
    }
}
