package org.claimdesk.ui.task;

import java.util.concurrent.Executor;

/**
 * The window's background threads as its view models see them. The window gives real threads
 * ({@code WorkerThreads}); tests give schedulers and executors they step by hand.
 */
public interface Workers extends AutoCloseable {

    /** Short reads (lists, the open item, saved searches), one at a time, in request order. */
    Scheduler reads();

    /** Search-index queries, one at a time, so a slow one never holds up the lists. */
    Scheduler searches();

    /** Long tasks the analyst started, one thread each (see {@link TaskRunner}). */
    Executor tasks();

    /** Stops the threads; running tasks are interrupted. */
    @Override
    void close();
}
