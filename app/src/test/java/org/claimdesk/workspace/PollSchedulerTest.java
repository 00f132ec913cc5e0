package org.claimdesk.workspace;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.Source;
import org.claimdesk.store.SourceHealth;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PollSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static List<Source> sources() throws Exception {
        return new FeedsFileParser(CssSelectors.CHECK).parse(java.nio.file.Path.of("feeds.yml"), """
                sources:
                  - id: fast
                    url: https://fast.example.org/feed.xml
                    poll: 5m
                  - id: slow
                    url: https://slow.example.org/feed.xml
                    poll: 1h
                  - id: off
                    url: https://off.example.org/feed.xml
                    enabled: false
                """).enabledSources();
    }

    private static SourceHealth attempted(String id, Instant at) {
        return new SourceHealth(id, id, "https://" + id + ".example.org/feed.xml", "feed", true, true, at, at, null, null, 0);
    }

    @Test
    void aRoundPollsOnlyEnabledSourcesWhoseIntervalHasPassed() throws Exception {
        List<Source> enabled = sources();
        List<SourceHealth> health = new ArrayList<>(List.of(attempted("fast", NOW.minus(Duration.ofMinutes(6))),
                attempted("slow", NOW.minus(Duration.ofMinutes(10)))));
        List<List<String>> polled = new CopyOnWriteArrayList<>();
        PollScheduler scheduler = new PollScheduler(() -> enabled, () -> health, (due, progress) -> {
            polled.add(due.stream().map(Source::id).toList());
            return new PollReport(List.of(), false);
        }, Clock.fixed(NOW, ZoneOffset.UTC), e -> { });

        scheduler.pollDueSources();

        assertThat(polled).containsExactly(List.of("fast"));
    }

    @Test
    void aFailedRoundIsReportedAndTheNextRoundStillRuns() throws Exception {
        List<Source> enabled = sources();
        List<RuntimeException> reported = new CopyOnWriteArrayList<>();
        int[] rounds = {0};
        PollScheduler scheduler = new PollScheduler(() -> enabled, List::of, (due, progress) -> {
            if (rounds[0]++ == 0) {
                throw new IllegalStateException("the database is read-only");
            }
            return new PollReport(List.of(), false);
        }, Clock.fixed(NOW, ZoneOffset.UTC), reported::add);

        scheduler.pollDueSources();
        scheduler.pollDueSources();

        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("the database is read-only");
        assertThat(rounds[0]).isEqualTo(2);
    }
}
