package org.claimdesk.ui.task;

/**
 * Long work the analyst started (a poll, an import, opening a workspace), run by a
 * {@link TaskRunner} off the FX thread. Cancel interrupts the thread it runs on.
 */
@FunctionalInterface
public interface LongTask<T> {

    /** Does the work; says how far it got through {@code progress}. Stops early when interrupted. */
    T call(TaskProgress progress) throws Exception;

    /**
     * A result that came back although the task was cancelled (the work did not notice in time):
     * release what it holds, e.g. close a workspace nobody will show. Runs off the FX thread.
     */
    default void discard(T late) {
    }
}
