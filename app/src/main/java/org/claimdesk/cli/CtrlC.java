package org.claimdesk.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C during a command. The JVM answers SIGINT (and SIGTERM) by running its shutdown hooks;
 * this one interrupts the command's thread and waits until the command has closed its workspace,
 * so an interrupted command ends like a cancelled one: what it stored stays, the search index is
 * committed, the exit status is 130. Interrupting is safe for the stores: transactions run on
 * threads nobody interrupts ({@code store.Database}) and the index writer has a thread of its own.
 */
final class CtrlC implements AutoCloseable {
    /** How long the command gets to wind down before the JVM halts anyway (H2 survives that too). */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Thread command = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interruptAndWait, "claimdesk-ctrl-c");
    private volatile boolean pressed;

    private CtrlC() {
    }

    /** Watches for Ctrl+C until closed; the calling thread is the one interrupted. */
    static CtrlC watch() {
        CtrlC ctrlC = new CtrlC();
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /** Whether the command is being stopped by Ctrl+C (or a termination signal). */
    boolean pressed() {
        return pressed;
    }

    private void interruptAndWait() {
        pressed = true;
        command.interrupt();
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is over: its workspace is closed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and waits for the count-down below
        }
        finished.countDown();
    }
}
