package org.claimdesk.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingRefreshTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aBurstOfRequestsBecomesOneReload() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        CoalescingRefresh refresh = new CoalescingRefresh("test", executor, Duration.ZERO, () -> {
            reloads.incrementAndGet();
        });
        // The executor's only thread is held until every request was made, so none can run in between.
        executor.execute(() -> awaitQuietly(released));
        for (int i = 0; i < 100; i++) {
            refresh.request();
        }
        released.countDown();
        drain();

        assertThat(reloads).hasValue(1);
    }

    @Test
    void aRequestDuringAReloadGetsExactlyOneMoreReload() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        CoalescingRefresh refresh = new CoalescingRefresh("test", executor, Duration.ZERO, () -> {
            if (reloads.incrementAndGet() == 1) {
                firstStarted.countDown();
                awaitQuietly(finishFirst);
            }
        });
        refresh.request();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20; i++) {
            refresh.request(); // data changed while the first reload was reading: must be seen
        }
        finishFirst.countDown();
        drain();

        assertThat(reloads).hasValue(2);
    }

    @Test
    void aFailingReloadDoesNotStopLaterOnes() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        CoalescingRefresh refresh = new CoalescingRefresh("test", executor, Duration.ZERO, () -> {
            if (reloads.incrementAndGet() == 1) {
                throw new IllegalStateException("database closed");
            }
        });
        refresh.request();
        drain();
        refresh.request();
        drain();

        assertThat(reloads).hasValue(2);
    }

    @Test
    void requestsAfterShutdownAreDropped() {
        executor.shutdown();
        CoalescingRefresh refresh = new CoalescingRefresh("test", executor, Duration.ZERO, () -> {
        });
        refresh.request();
        refresh.request();
    }

    /** Waits until everything queued on the single thread so far has run, twice over. */
    private void drain() throws Exception {
        for (int i = 0; i < 2; i++) {
            executor.schedule(() -> null, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
