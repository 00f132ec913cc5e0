package org.claimdesk.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProgressTest {
    private long now;
    private final StringWriter err = new StringWriter();

    private CommandProgress.PlainLines plain(long total) {
        return new CommandProgress.PlainLines(new PrintWriter(err, true), "analysis", "items", total, () -> now);
    }

    private void after(Duration d) {
        now += d.toNanos();
    }

    @Test
    void pipedProgressIsAPlainLineEveryFewSecondsWithCountRateAndTimeLeft() {
        CommandProgress.PlainLines progress = plain(1000);

        after(Duration.ofSeconds(1));
        progress.stepTo(10, 1000);
        assertThat(err.toString()).as("not within the first seconds").isEmpty();

        after(Duration.ofSeconds(9));
        progress.stepTo(100, 1000);
        assertThat(err.toString()).isEqualTo("analysis: 100 of 1000 items, 10.0 items/s, about 1 min 30 s left\n");

        after(Duration.ofSeconds(1));
        progress.stepTo(110, 1000);
        assertThat(err.toString().lines()).as("at most one line in five seconds").hasSize(1);

        after(Duration.ofSeconds(5));
        progress.stepTo(1000, 1000);
        assertThat(err.toString().lines()).as("the end is the command's own summary").hasSize(1);
    }

    @Test
    void workFoundOnTheWayRaisesTheTotal() {
        CommandProgress.PlainLines progress = plain(0);

        after(Duration.ofSeconds(6));
        progress.stepTo(30, 120);

        assertThat(err.toString()).isEqualTo("analysis: 30 of 120 items, 5.0 items/s, about 18 s left\n");
    }

    @Test
    void resultsPrintedDuringProgressGoToStandardOutput() {
        StringWriter out = new StringWriter();
        plain(3).println(new PrintWriter(out, true), "ok   desk-en                      3 new of 3");

        assertThat(out.toString()).isEqualTo("ok   desk-en                      3 new of 3\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void spansReadAsAPersonSaysThem() {
        assertThat(CliText.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(CliText.duration(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(CliText.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(CliText.duration(Duration.ofHours(2))).isEqualTo("2 h");
    }
}
