package org.claimdesk.source;

import org.claimdesk.extract.CssSelectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedsFileWatcherTest {
    /** Generous upper bound for an event to arrive; tests normally see it after the debounce time. */
    private static final long DEADLINE_SECONDS = 10;
    private static final Duration SHORT_DEBOUNCE = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private final FeedsFileParser parser = new FeedsFileParser(CssSelectors.CHECK);
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final FeedsFileWatcher.Listener recorder = new FeedsFileWatcher.Listener() {
        @Override
        public void configChanged(SourcesConfig config) {
            events.add(config);
        }

        @Override
        public void configRejected(FeedsFileException problems) {
            events.add(problems);
        }
    };

    private static String feeds(String... ids) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (String id : ids) {
            yaml.append("  - id: ").append(id).append("\n    url: https://").append(id).append(".example/feed\n");
        }
        return yaml.toString();
    }

    private FeedsFileWatcher watcher(Path file, Duration debounce) throws IOException {
        FeedsFileWatcher watcher = new FeedsFileWatcher(file, parser, debounce);
        watcher.addListener(recorder);
        return watcher.start();
    }

    private SourcesConfig nextConfig() throws InterruptedException {
        Object event = events.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("a configChanged within " + DEADLINE_SECONDS + "s").isInstanceOf(SourcesConfig.class);
        return (SourcesConfig) event;
    }

    private FeedsFileException nextRejection() throws InterruptedException {
        Object event = events.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("a configRejected within " + DEADLINE_SECONDS + "s").isInstanceOf(FeedsFileException.class);
        return (FeedsFileException) event;
    }

    @Test
    void anEditIsDeliveredAndBecomesCurrent() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("one");
            assertThat(watcher.rejection()).isEmpty();

            Files.writeString(file, feeds("one", "two"));

            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("one", "two");
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("one", "two");
        }
    }

    @Test
    void aBrokenEditIsRejectedAndTheLastGoodConfigKeptUntilFixed() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            Files.writeString(file, feeds("one") + "  - id: two\n    urll: https://two.example/\n");

            FeedsFileException rejected = nextRejection();
            assertThat(rejected.lines()).containsExactly(
                    "feeds.yml:4:5: source 'two' has no 'url'",
                    "feeds.yml:5:5: unknown key 'urll' in source 'two' (did you mean 'url'?)");
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("one");
            assertThat(watcher.rejection()).containsSame(rejected);

            Files.writeString(file, feeds("one", "two"));

            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("one", "two");
            assertThat(watcher.rejection()).isEmpty();
        }
    }

    @Test
    void repairingBackToTheSameContentIsStillAnnounced() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            Files.writeString(file, "sources: [\n");
            assertThat(nextRejection().lines()).singleElement().asString().startsWith("feeds.yml:2:1: YAML syntax error");

            Files.writeString(file, feeds("one"));
            assertThat(nextConfig()).isEqualTo(watcher.current());
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("one");
        }
    }

    @Test
    void anAtomicReplaceByRenameIsSeen() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            // What editors and config tools do: write a temporary file beside it, rename it over.
            Path temporary = dir.resolve(".feeds.yml.swp");
            Files.writeString(temporary, feeds("three"));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("three");
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("three");
        }
    }

    @Test
    void aDeletedFileIsRejectedAndARecreatedOneAccepted() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            Files.delete(file);
            assertThat(nextRejection().lines()).singleElement().asString()
                    .startsWith("feeds.yml: the file does not exist");
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("one");

            Files.writeString(file, feeds("four"));
            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("four");
        }
    }

    @Test
    void aBurstOfWritesGivesOneReloadWithTheFinalContent() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, FeedsFileWatcher.DEFAULT_DEBOUNCE)) {
            // Half-written states in between would be rejected if the watcher did not wait.
            Files.writeString(file, "sources:\n  - id: five\n");
            Files.writeString(file, "sources:\n  - id: five\n    url: htt");
            Files.writeString(file, feeds("five"));

            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("five");
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("five");
        }
    }

    @Test
    void otherFilesInTheDirectoryAreIgnored() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            Files.writeString(dir.resolve("other.yml"), "not: [valid");
            Files.writeString(dir.resolve("feeds.yml.bak"), "not: [valid");
            // Proving that nothing happens needs a wait: a few debounce periods.
            assertThat(events.poll(SHORT_DEBOUNCE.toMillis() * 4, TimeUnit.MILLISECONDS)).isNull();
            Files.writeString(file, feeds("one", "six"));
            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("one", "six");
            assertThat(watcher.current().sources()).hasSize(2);
        }
    }

    @Test
    void aFileThatIsBrokenAtStartGivesAnEmptyConfigAndItsProblems() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, "sources:\n  - id: Bad Id\n    url: https://a.example/\n");
        try (FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE)) {
            assertThat(watcher.current().sources()).isEmpty();
            assertThat(watcher.current().settings()).isEqualTo(FetchSettings.defaults());
            assertThat(watcher.rejection().orElseThrow().lines())
                    .singleElement().asString().startsWith("feeds.yml:2:9: 'Bad Id' is not a valid id");

            Files.writeString(file, feeds("good"));
            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("good");
        }
    }

    @Test
    void reloadOnDemandReturnsAndPublishesTheOutcome() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        // Not started: only explicit reloads happen.
        try (FeedsFileWatcher watcher = new FeedsFileWatcher(file, parser)) {
            watcher.addListener(recorder);
            Files.writeString(file, feeds("one", "seven"));
            assertThat(watcher.reload().sources()).extracting(Source::id).containsExactly("one", "seven");
            assertThat(events.poll()).isEqualTo(watcher.current());

            // Saved again without a change (or only touched): nothing to tell.
            Files.writeString(file, feeds("one", "seven"));
            watcher.reload();
            assertThat(events.poll()).isNull();

            Files.writeString(file, "settings: [\n");
            assertThatThrownBy(watcher::reload).isInstanceOf(FeedsFileException.class);
            assertThat(events.poll()).isInstanceOf(FeedsFileException.class);
            assertThatThrownBy(watcher::reload).isInstanceOf(FeedsFileException.class);
            assertThat(events.poll()).as("the same problems again are not news").isNull();
            assertThat(watcher.current().sources()).extracting(Source::id).containsExactly("one", "seven");
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        try (FeedsFileWatcher watcher = new FeedsFileWatcher(file, parser, SHORT_DEBOUNCE)) {
            watcher.addListener(new FeedsFileWatcher.Listener() {
                @Override
                public void configChanged(SourcesConfig config) {
                    throw new IllegalStateException("listener bug");
                }

                @Override
                public void configRejected(FeedsFileException problems) {
                    throw new IllegalStateException("listener bug");
                }
            });
            watcher.addListener(recorder);
            watcher.start();
            Files.writeString(file, feeds("eight"));
            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("eight");
            Files.writeString(file, feeds("nine"));
            assertThat(nextConfig().sources()).extracting(Source::id).containsExactly("nine");
        }
    }

    @Test
    void closeStopsTheWatcherThread() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, feeds("one"));
        FeedsFileWatcher watcher = watcher(file, SHORT_DEBOUNCE);
        assertThat(watcherThreadAlive()).isTrue();
        watcher.close();
        assertThat(watcherThreadAlive()).isFalse();
    }

    private static boolean watcherThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("feeds.yml watcher") && t.isAlive() && t.isDaemon());
    }
}
