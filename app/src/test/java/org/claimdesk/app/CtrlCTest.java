package org.claimdesk.app;

import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl+C in the middle of a long command, as a user presses it: SIGINT to the launcher in a child
 * JVM while it fetches article pages. The command ends with 130 and says so; everything stored
 * stays, the rest of the article queue waits for the next run, and the search index holds what
 * was stored.
 */
class CtrlCTest {
    private static final int ENTRIES = 24;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path temp;
    LoopbackServer server;
    Path home;
    Path feeds;

    @BeforeEach
    void world() throws IOException {
        server = LoopbackServer.start();
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= ENTRIES; n++) {
            items.append("""
                    <item><title>Reservoir report %d from the valley</title><link>%s</link>
                    <description>Short summary %d.</description><guid>%s</guid></item>
                    """.formatted(n, server.uri("/a/" + n), n, server.uri("/a/" + n)));
            // slow article pages: the command is still fetching them when Ctrl+C comes
            server.serveAfterDelay("/a/" + n, Duration.ofSeconds(3), "text/html; charset=utf-8",
                    ("<html><body><article><h1>Reservoir report " + n + "</h1><p>"
                            + "The water authority said the reservoir held enough for the summer. ".repeat(20)
                            + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
        }
        server.serveText("/feed.xml", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Valley desk</title><link>%s</link>
                %s</channel></rss>
                """.formatted(server.uri("/"), items));
        home = temp.resolve("home");
        feeds = Files.writeString(temp.resolve("feeds.yml"), """
                settings:
                  politeness_delay: 0s
                  read_timeout: 20s
                sources:
                  - id: valley
                    url: %s
                    language: en
                """.formatted(server.uri("/feed.xml")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ctrlCDuringIngestEndsWith130AndKeepsEverythingStored() throws Exception {
        Path output = temp.resolve("ingest.out");
        Process ingest = launcher(output, "--feeds", feeds.toString(), "ingest", "--once");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.readString(output).contains("new items from 1 sources")) {
            assertThat(ingest.isAlive()).as("ingest ended early: " + Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("the poll did not finish: " + Files.readString(output)).isLessThan(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(500); // into the article pages, which take 3 s each

        new ProcessBuilder("kill", "-INT", Long.toString(ingest.pid())).start().waitFor();

        assertThat(ingest.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ingest stopped after Ctrl+C").isTrue();
        String said = Files.readString(output);
        assertThat(ingest.exitValue()).as(said).isEqualTo(130);
        assertThat(said).contains(ENTRIES + " new items from 1 sources")
                .contains("claimdesk ingest: interrupted; everything stored until then is kept")
                .doesNotContain("Exception");

        Path sources = temp.resolve("sources.out");
        Process list = launcher(sources, "--feeds", feeds.toString(), "sources", "--json");
        assertThat(list.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(sources)).as("stored items kept, unfetched pages still queued")
                .contains("\"items\":" + ENTRIES).containsPattern("\"articlesWaiting\":[1-9]");

        Path search = temp.resolve("search.out");
        Process find = launcher(search, "--feeds", feeds.toString(), "search", "valley");
        assertThat(find.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(find.exitValue()).as(Files.readString(search)).isZero();
        assertThat(Files.readString(search)).contains("Reservoir report " + ENTRIES + " from the [valley]");
    }

    /** The launcher in a child JVM with the test's class path; standard output and error go to a file. */
    private Process launcher(Path output, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("CLAIMDESK_HOME", home.toString());
        builder.environment().remove("DISPLAY");
        return builder.start();
    }
}
