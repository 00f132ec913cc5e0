package org.claimdesk.ui;

import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.ui.shared.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the status line says when a poll or an import ends. */
class TaskOutcomesTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @Test
    void pollAndImportOutcomesReadAsSentences() {
        PollReport report = new PollReport(List.of(
                new SourcePollResult("a", 20, 12, null, null),
                new SourcePollResult("b", 0, 0, "TIMEOUT", "no answer in 20 s"),
                new SourcePollResult("c", 0, 0, "HTTP_STATUS", "HTTP 404")), false);
        assertThat(PollTask.outcome(messages, report)).isEqualTo("12 new items, 2 sources failing");
        assertThat(PollTask.outcome(messages, new PollReport(List.of(new SourcePollResult("a", 3, 1, null, null)), false)))
                .isEqualTo("1 new item, all sources working");
        assertThat(PollTask.outcome(messages, new PollReport(List.of(), true))).isEqualTo("Poll cancelled after no new items");
        assertThat(ImportTask.outcome(messages, new ImportReport(3, 40, List.of(), List.of("a.xml: not a feed"), false)))
                .isEqualTo("Imported 3 files: 40 new items, no new sources, 1 problem (see Errors)");
    }
}
