package org.claimdesk.ui.task;

/** The window's threads for a test: two schedulers and a task queue that run only when the test says. */
public final class ManualWorkers implements Workers {
    private final ManualScheduler reads = new ManualScheduler();
    private final ManualScheduler searches = new ManualScheduler();
    private final QueuedExecutor tasks = new QueuedExecutor();

    @Override
    public ManualScheduler reads() {
        return reads;
    }

    @Override
    public ManualScheduler searches() {
        return searches;
    }

    @Override
    public QueuedExecutor tasks() {
        return tasks;
    }

    @Override
    public void close() {
        reads.shutDown();
        searches.shutDown();
        tasks.shutDown();
    }
}
