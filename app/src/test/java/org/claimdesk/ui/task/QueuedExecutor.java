package org.claimdesk.ui.task;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An executor that only queues: the test runs the queue on its own thread when it chooses. Stands
 * in for the FX thread (runLater) and for the task pool. Accepts work from any thread.
 */
public final class QueuedExecutor implements Executor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean shutDown;

    @Override
    public void execute(Runnable work) {
        if (shutDown) {
            throw new RejectedExecutionException("shut down");
        }
        queue.add(work);
    }

    /** Runs everything queued, including what that work queues. Returns how many ran. */
    public int runAll() {
        int ran = 0;
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
            ran++;
        }
        return ran;
    }

    /** Runs only the oldest queued work; false when there was none. */
    public boolean runOne() {
        Runnable next = queue.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    public int waiting() {
        return queue.size();
    }

    public void shutDown() {
        shutDown = true;
        queue.clear();
    }
}
