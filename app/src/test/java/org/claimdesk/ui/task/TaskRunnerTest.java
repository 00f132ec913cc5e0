package org.claimdesk.ui.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The task runner without a toolkit: queued executors stand in for the task thread and the FX thread. */
class TaskRunnerTest {
    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final TaskRunner runner = new TaskRunner(background, fx);
    private final List<String> outcome = new ArrayList<>();

    @Test
    void progressAndMessageShowWhileItRunsAndTheResultComesOnTheFxThread() {
        runner.start("count", progress -> {
            progress.message("counting");
            progress.progress(1, 4);
            progress.progress(2, 4); // only the latest waits for the FX thread
            return "four";
        }, value -> outcome.add("succeeded " + value), failure -> outcome.add("failed"), () -> outcome.add("cancelled"));
        assertThat(runner.busyProperty().get()).isTrue();
        assertThat(runner.progressProperty().get()).isEqualTo(-1); // not known until the task says

        background.runAll();
        assertThat(outcome).isEmpty(); // nothing reaches the screen off the FX thread
        assertThat(fx.runOne()).isTrue();
        assertThat(runner.messageProperty().get()).isEqualTo("counting");
        assertThat(runner.progressProperty().get()).isEqualTo(0.5);
        fx.runAll();

        assertThat(outcome).containsExactly("succeeded four");
        assertThat(runner.busyProperty().get()).isFalse();
        assertThat(runner.messageProperty().get()).isEmpty();
        assertThat(runner.progressProperty().get()).isZero();
    }

    @Test
    void aFailureIsHandedOverOnce() {
        runner.start("poll", progress -> {
            throw new java.io.IOException("disk full");
        }, value -> outcome.add("succeeded"), failure -> outcome.add("failed " + failure.getMessage()), () -> outcome.add("cancelled"));
        background.runAll();
        fx.runAll();
        assertThat(outcome).containsExactly("failed disk full");
        assertThat(runner.busyProperty().get()).isFalse();
    }

    @Test
    void cancelBeforeItStartsMeansItNeverRuns() {
        List<String> ran = new ArrayList<>();
        runner.start("poll", progress -> {
            ran.add("ran");
            return "x";
        }, value -> outcome.add("succeeded"), failure -> outcome.add("failed"), () -> outcome.add("cancelled"));
        runner.cancel();
        assertThat(outcome).containsExactly("cancelled");
        assertThat(runner.busyProperty().get()).isFalse();

        background.runAll();
        fx.runAll();
        assertThat(ran).isEmpty();
        assertThat(outcome).containsExactly("cancelled");
    }

    @Test
    void cancelInterruptsTheWorkAndAResultThatComesAnywayIsDiscarded() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            TaskRunner real = new TaskRunner(thread, fx);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CountDownLatch discarded = new CountDownLatch(1);
            List<String> released = new java.util.concurrent.CopyOnWriteArrayList<>();
            real.start("open", new LongTask<String>() {
                @Override
                public String call(TaskProgress progress) {
                    started.countDown();
                    try {
                        Thread.sleep(10_000); // stands in for a workspace that takes long to open
                    } catch (InterruptedException e) {
                        interrupted.countDown(); // and, like H2, finishes anyway
                    }
                    return "session";
                }

                @Override
                public void discard(String late) {
                    released.add(late);
                    discarded.countDown();
                }
            }, value -> outcome.add("succeeded"), failure -> outcome.add("failed"), () -> outcome.add("cancelled"));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            real.cancel();

            assertThat(outcome).containsExactly("cancelled");
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(discarded.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(released).containsExactly("session");
            thread.submit(() -> null).get(5, TimeUnit.SECONDS); // the worker has returned
            fx.runAll();
            assertThat(outcome).containsExactly("cancelled");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void startingAnotherTaskCancelsTheRunningOneAndItsProgressNoLongerShows() {
        runner.start("first", progress -> {
            progress.message("first at work");
            return 1;
        }, value -> outcome.add("first " + value), failure -> outcome.add("first failed"), () -> outcome.add("first cancelled"));
        runner.start("second", progress -> {
            progress.message("second at work");
            return 2;
        }, value -> outcome.add("second " + value), failure -> outcome.add("second failed"), () -> outcome.add("second cancelled"));
        background.runAll();
        fx.runAll();
        assertThat(outcome).containsExactly("first cancelled", "second 2");
    }

    @Test
    void aTaskThatFinishedBeforeCancelReachedItStillReportsItsResult() {
        runner.start("poll", progress -> "done", value -> outcome.add("succeeded " + value),
                failure -> outcome.add("failed"), () -> outcome.add("cancelled"));
        background.runAll(); // the work ended; its result waits for the FX thread
        runner.cancel();     // too late
        fx.runAll();
        assertThat(outcome).containsExactly("succeeded done");
        assertThat(runner.busyProperty().get()).isFalse();
    }

    @Test
    void aTaskTheClosingWindowRefusesNeverStarts() {
        background.shutDown();
        runner.start("poll", progress -> "x", value -> outcome.add("succeeded"), failure -> outcome.add("failed"),
                () -> outcome.add("cancelled"));
        assertThat(runner.busyProperty().get()).isFalse();
        assertThat(outcome).isEmpty();
    }
}
