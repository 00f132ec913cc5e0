package org.claimdesk.ui.task;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DebounceTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aBurstOfRequestsWithinTheWindowBecomesOneRun() {
        Debounce reload = Debounce.every("reload", scheduler, Duration.ofMillis(150), runs::incrementAndGet);
        for (int i = 0; i < 100; i++) {
            reload.request();
            scheduler.advance(Duration.ofMillis(1));
        }
        assertThat(runs).hasValue(0);
        scheduler.advance(Duration.ofMillis(50));
        assertThat(runs).hasValue(1); // 150 ms after the first request, not 150 ms after the last
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(runs).hasValue(1); // nothing else is still coming
    }

    @Test
    void noRunBeforeTheQuietPeriodHasPassed() {
        Debounce reload = Debounce.every("reload", scheduler, Duration.ofMillis(150), runs::incrementAndGet);
        reload.request();
        scheduler.advance(Duration.ofMillis(149));
        assertThat(runs).hasValue(0);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(runs).hasValue(1);
    }

    @Test
    void typingPushesTheRunBackUntilThePause() {
        Debounce search = new Debounce("search", scheduler, Duration.ofMillis(250), null, runs::incrementAndGet);
        for (int key = 0; key < 10; key++) {
            search.request();
            scheduler.advance(Duration.ofMillis(200)); // a slow typist, still under the quiet period
        }
        assertThat(runs).hasValue(0);
        scheduler.advance(Duration.ofMillis(50));
        assertThat(runs).hasValue(1);
        assertThat(scheduler.waiting()).isZero();
    }

    @Test
    void requestsKeepComingThenMaxWaitStillRunsIt() {
        Debounce debounce = new Debounce("bounded", scheduler, Duration.ofMillis(100), Duration.ofMillis(300),
                runs::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            debounce.request();
            scheduler.advance(Duration.ofMillis(50));
        }
        // 500 ms of requests every 50 ms: the quiet period never passed, the maximum wait did.
        assertThat(runs).hasValue(1);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRequestDuringARunGetsExactlyOneMoreRun() {
        Debounce[] self = new Debounce[1];
        self[0] = Debounce.every("reload", scheduler, Duration.ZERO, () -> {
            if (runs.incrementAndGet() == 1) {
                for (int i = 0; i < 20; i++) {
                    self[0].request(); // data changed while the first run was reading: must be seen
                }
            }
        });
        self[0].request();
        scheduler.runDue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void requestNowServesTheWaitingRequestsAtOnce() {
        Debounce search = new Debounce("search", scheduler, Duration.ofMillis(250), null, runs::incrementAndGet);
        search.request();
        search.requestNow();
        scheduler.runDue();
        assertThat(runs).hasValue(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(runs).hasValue(1);
    }

    @Test
    void cancelDropsWhatWaits() {
        Debounce search = new Debounce("search", scheduler, Duration.ofMillis(250), null, runs::incrementAndGet);
        search.request();
        search.cancel();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(runs).hasValue(0);
    }

    @Test
    void aFailingRunDoesNotStopLaterOnes() {
        Debounce reload = Debounce.every("reload", scheduler, Duration.ZERO, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database closed");
            }
        });
        reload.request();
        scheduler.runDue();
        reload.request();
        scheduler.runDue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void requestsAfterShutdownAreDropped() {
        scheduler.shutDown();
        Debounce reload = Debounce.every("reload", scheduler, Duration.ZERO, runs::incrementAndGet);
        reload.request();
        reload.requestNow();
        assertThat(runs).hasValue(0);
    }
}
