package org.claimdesk.ui;

import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.ui.search.SearchViewModel;
import org.claimdesk.ui.sources.SourceStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @Test
    void everyKeyTheWindowUsesIsInTheBundle() throws IOException {
        Path sources = Path.of("src/main/java/org/claimdesk/ui");
        Pattern key = Pattern.compile("\"((?:app|menu|toolbar|chooser|sources|items|reader|errors|poll|import|export|status|search|saved|rebuild)\\.[A-Za-z.]*[A-Za-z])\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // Keys built at run time from an enum name.
        for (SourceStatus status : SourceStatus.values()) {
            used.add("sources.status." + status.name());
        }
        for (SearchViewModel.Since since : SearchViewModel.Since.values()) {
            used.add("search.since." + since.name());
        }
        assertThat(used).hasSizeGreaterThan(40);
        List<String> missing = new ArrayList<>();
        for (String k : used) {
            if (!messages.bundle().containsKey(k)) {
                missing.add(k);
            }
        }
        assertThat(missing).isEmpty();
    }

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

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertThat(messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
