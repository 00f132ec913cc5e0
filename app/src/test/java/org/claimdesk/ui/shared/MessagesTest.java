package org.claimdesk.ui.shared;

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
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertThat(messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
