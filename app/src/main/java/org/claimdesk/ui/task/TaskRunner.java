package org.claimdesk.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the window's long tasks, one at a time: the work on a background executor, its progress,
 * message and outcome on the FX executor, Cancel as an interrupt. Not JavaFX's {@code Task}:
 * that one needs a running toolkit, and the view models that use this are tested without one.
 * Call everything but the tasks themselves on the FX thread.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private Run<?> current;

    /**
     * @param background where tasks run; each needs a thread of its own for as long as it runs
     * @param fx         the FX thread ({@code Platform::runLater} in the window)
     */
    public TaskRunner(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /**
     * Starts a task, cancelling the one running. Exactly one of the handlers runs, on the FX
     * thread: {@code cancelled} at once when {@link #cancel()} is called, else {@code succeeded}
     * or {@code failed} when the work ends. A failure is logged here, with its stack, once.
     *
     * @param name what the log calls it
     */
    public <T> void start(String name, LongTask<T> task, Consumer<? super T> succeeded,
                          Consumer<? super Throwable> failed, Runnable cancelled) {
        cancel();
        Run<T> run = new Run<>(name, task, succeeded, failed, cancelled);
        current = run;
        message.set("");
        progress.set(-1);
        busy.set(true);
        try {
            background.execute(run);
        } catch (RejectedExecutionException e) {
            // The window is closing: the task never starts and nobody waits for it.
            finished(run);
        }
    }

    /** Cancels the running task: its thread is interrupted and its result, if any, discarded. */
    public void cancel() {
        Run<?> run = current;
        if (run != null && run.cancel()) {
            finished(run);
            run.cancelled.run();
        }
    }

    /** True while a task runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the running task says it does, "" when none runs. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The running task's progress from 0 to 1, -1 when not known, 0 when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private void finished(Run<?> run) {
        if (current == run) {
            current = null;
            busy.set(false);
            message.set("");
            progress.set(0);
        }
    }

    private enum State {WAITING, RUNNING, DONE, CANCELLED}

    private final class Run<T> implements Runnable, TaskProgress {
        private final String name;
        private final LongTask<T> task;
        private final Consumer<? super T> succeeded;
        private final Consumer<? super Throwable> failed;
        private final Runnable cancelled;
        // Guarded by this: who may interrupt whom. The pool reuses the thread once the task returns.
        private State state = State.WAITING;
        private Thread thread;

        private final AtomicReference<String> newMessage = new AtomicReference<>();
        private final AtomicReference<Double> newProgress = new AtomicReference<>();
        private final AtomicBoolean updatePosted = new AtomicBoolean();

        Run(String name, LongTask<T> task, Consumer<? super T> succeeded, Consumer<? super Throwable> failed,
            Runnable cancelled) {
            this.name = name;
            this.task = task;
            this.succeeded = succeeded;
            this.failed = failed;
            this.cancelled = cancelled;
        }

        @Override
        public void run() {
            if (!begin()) {
                return;
            }
            T value = null;
            Throwable failure = null;
            try {
                value = task.call(this);
            } catch (Throwable t) {
                failure = t;
            }
            boolean wanted = end();
            Thread.interrupted(); // a Cancel's interrupt must not reach the pool's next task
            if (!wanted) {
                if (value != null) {
                    discard(value);
                } else if (failure != null && !(failure instanceof InterruptedException)) {
                    LOG.debug("{} failed after it was cancelled: {}", name, failure.toString());
                }
                return;
            }
            if (failure != null) {
                LOG.warn("{} failed: {}", name, failure.toString(), failure);
                Throwable reported = failure;
                fx.execute(() -> {
                    finished(this);
                    failed.accept(reported);
                });
            } else {
                T result = value;
                fx.execute(() -> {
                    finished(this);
                    succeeded.accept(result);
                });
            }
        }

        private void discard(T value) {
            try {
                task.discard(value);
            } catch (RuntimeException e) {
                LOG.warn("Releasing what the cancelled {} left failed", name, e);
            }
        }

        private synchronized boolean begin() {
            if (state != State.WAITING) {
                return false;
            }
            state = State.RUNNING;
            thread = Thread.currentThread();
            return true;
        }

        /** True when the result is still wanted; false when Cancel came first. */
        private synchronized boolean end() {
            thread = null;
            if (state == State.CANCELLED) {
                return false;
            }
            state = State.DONE;
            return true;
        }

        /** False when it is too late: the work ended and its outcome is on the way to the FX thread. */
        synchronized boolean cancel() {
            if (state == State.DONE || state == State.CANCELLED) {
                return false;
            }
            state = State.CANCELLED;
            if (thread != null) {
                thread.interrupt();
            }
            return true;
        }

        @Override
        public void message(String text) {
            newMessage.set(text == null ? "" : text);
            post();
        }

        @Override
        public void progress(long done, long total) {
            newProgress.set(done < 0 || total <= 0 ? -1.0 : Math.min(1.0, (double) done / total));
            post();
        }

        /** At most one update waits for the FX thread: a fast task cannot flood it. */
        private void post() {
            if (updatePosted.compareAndSet(false, true)) {
                fx.execute(this::show);
            }
        }

        private void show() {
            updatePosted.set(false);
            String m = newMessage.getAndSet(null);
            Double p = newProgress.getAndSet(null);
            if (current != this) {
                return;
            }
            if (m != null) {
                message.set(m);
            }
            if (p != null) {
                progress.set(p);
            }
        }
    }
}
