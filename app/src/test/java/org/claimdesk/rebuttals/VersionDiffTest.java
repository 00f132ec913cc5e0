package org.claimdesk.rebuttals;

import org.claimdesk.rebuttals.VersionDiff.Change;
import org.claimdesk.rebuttals.VersionDiff.Row;
import org.claimdesk.rebuttals.VersionDiff.Span;
import org.claimdesk.store.RebuttalText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions side by side, as a reviewer compares them: which lines and which words changed. */
class VersionDiffTest {
    @Test
    void aChangedWordIsMarkedOnBothSidesAndAnAddedLineOnlyOnTheNewOne() {
        RebuttalText older = new RebuttalText("The dam burst", "false", "It is intact.", "# Intact\n\nInspected at 07:00.");
        RebuttalText newer = new RebuttalText("The dam burst", "misleading", "It is intact.",
                "# Intact\n\nInspected at 09:00.\n\nSource: the water authority.");
        List<Row> rows = VersionDiff.between(older, newer);

        assertThat(rows).filteredOn(row -> row.part().equals("claim")).extracting(Row::change).containsExactly(Change.SAME);
        Row verdict = rows.stream().filter(row -> row.part().equals("verdict")).findFirst().orElseThrow();
        assertThat(verdict.change()).isEqualTo(Change.CHANGED);
        assertThat(verdict.olderText()).isEqualTo("false");
        assertThat(verdict.newerText()).isEqualTo("misleading");

        Row time = rows.stream().filter(row -> row.olderText().contains("07:00")).findFirst().orElseThrow();
        assertThat(time.newerText()).isEqualTo("Inspected at 09:00.");
        assertThat(time.older()).filteredOn(Span::changed).extracting(Span::text).containsExactly("07");
        assertThat(time.newer()).filteredOn(Span::changed).extracting(Span::text).containsExactly("09");
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.change()).isEqualTo(Change.ADDED);
            assertThat(row.newerText()).isEqualTo("Source: the water authority.");
            assertThat(row.olderText()).isEmpty();
        });
        assertThat(VersionDiff.same(rows)).isFalse();
    }

    @Test
    void japaneseIsComparedCharacterByCharacterAndMarkupIsKeptAsWritten() {
        RebuttalText older = new RebuttalText("", null, "ダムは決壊していない", "<b>tab\there</b>");
        RebuttalText newer = new RebuttalText("", null, "ダムは崩壊していない", "<b>tab\there</b>");
        List<Row> rows = VersionDiff.between(older, newer);
        Row answer = rows.stream().filter(row -> row.part().equals("short answer")).findFirst().orElseThrow();
        assertThat(answer.older()).filteredOn(Span::changed).extracting(Span::text).containsExactly("決");
        assertThat(answer.newer()).filteredOn(Span::changed).extracting(Span::text).containsExactly("崩");
        Row full = rows.stream().filter(row -> row.part().equals("full text")).findFirst().orElseThrow();
        assertThat(full.change()).isEqualTo(Change.SAME);
        assertThat(full.newerText()).isEqualTo("<b>tab\there</b>");
    }

    @Test
    void identicalVersionsAreTheSame() {
        RebuttalText text = new RebuttalText("Claim", "false", "Short.", "Long.");
        assertThat(VersionDiff.same(VersionDiff.between(text, text))).isTrue();
    }
}
