package org.claimdesk.workspace;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample's times move together, each in its own form and offset; addresses stay as written. */
class SampleTimesTest {
    private static final String FEED = """
            <pubDate>Sat, 21 Nov 2026 16:45:00 +0200</pubDate>
            <published>2026-11-21T18:40:00+02:00</published>
            <time datetime="2026-11-21T19:30+01:00">
            "datePublished": "2026-11-21T19:15:00Z"
            <link>https://news.example.org/ar/2026/11/21/story</link>
            <id>tag:ledger.example.org,2026-11-21:/marsana/lab-results</id>
            <p>Updated 2026-11-21: the lab results are in.</p>
            """;

    @Test
    void theNewestTimeIsFoundInEveryForm() {
        assertThat(SampleTimes.newest(FEED)).isEqualTo(Instant.parse("2026-11-21T19:15:00Z"));
        assertThat(SampleTimes.newest("no times here")).isNull();
    }

    @Test
    void everyTimeMovesByTheSameSpanAndKeepsItsFormAndOffset() {
        Duration span = Duration.ofDays(14).plusHours(3).plusMinutes(7);

        String moved = SampleTimes.moved(FEED, span);

        assertThat(moved)
                .contains("<pubDate>Sat, 5 Dec 2026 19:52:00 +0200</pubDate>")
                .contains("<published>2026-12-05T21:47:00+02:00</published>")
                .contains("<time datetime=\"2026-12-05T22:37+01:00\">")
                .contains("\"datePublished\": \"2026-12-05T22:22:00Z\"")
                .contains("https://news.example.org/ar/2026/11/21/story")
                .contains("tag:ledger.example.org,2026-11-21:/marsana/lab-results")
                .contains("Updated 2026-11-21: the lab results are in.");
        assertThat(SampleTimes.newest(moved)).isEqualTo(Instant.parse("2026-11-21T19:15:00Z").plus(span));
    }

    @Test
    void theSpanPutsTheNewestTimeTheGivenAgeBeforeNowInWholeMinutes() {
        Instant newest = Instant.parse("2026-11-21T19:15:00Z");
        Instant now = Instant.parse("2026-12-06T00:04:43.9Z");

        Duration span = SampleTimes.span(newest, now, Duration.ofMinutes(20));

        assertThat(newest.plus(span)).isEqualTo(Instant.parse("2026-12-05T23:44:00Z"));
    }
}
