package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.testing.LoopbackServer;
import picocli.CommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the command line in-process, as a script would, on a real workspace and a loopback server. */
class CommandLineTest {
    @TempDir
    Path tmp;
    LoopbackServer server;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
        server.serveResourceFolder("/", "web");
        server.status("/gone.xml", 404);
        workspace = tmp.resolve("desk");
        feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, """
                settings:
                  politeness_delay: 0s
                  read_timeout: 5s
                sources:
                  - id: en-checks
                    url: %s
                    language: en
                  - id: de-news
                    url: %s
                """.formatted(server.uri("/feeds/en-atom.xml"), server.uri("/feeds/de-rss-utf8.xml")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return cli.run(tmp.resolve("data"), args);
    }

    @Test
    void ingestOncePollsEverySourceAndSourcesShowsTheirHealth() {
        int code = run("--workspace", workspace.toString(), "--feeds", feeds.toString(), "ingest", "--once");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("ok   en-checks", "ok   de-news", "4 new items from 2 sources, 0 failing");

        // ingest leaves the search index current: a search right after has nothing to catch up
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertThat(run("--workspace", workspace.toString(), "--feeds", feeds.toString(), "search", "--json", "bridge")).isZero();
        assertThat(err.toString()).doesNotContain("Search index");
        assertThat(out.toString().lines()).isNotEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("--workspace", workspace.toString(), "--feeds", feeds.toString(), "sources")).isZero();
        assertThat(out.toString()).containsPattern("en-checks\\s+ok\\s+2\\s");
    }

    @Test
    void aFailingSourceGivesExitCodeThreeAndTheOthersAreStillStored() throws Exception {
        Files.writeString(feeds, Files.readString(feeds) + "  - id: gone\n    url: " + server.uri("/gone.xml") + "\n");
        int code = run("-w", workspace.toString(), "-f", feeds.toString(), "ingest", "--once");

        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        assertThat(out.toString()).contains("FAIL gone", "HTTP_STATUS", "404", "4 new items from 3 sources, 1 failing");

        out.getBuffer().setLength(0);
        run("-w", workspace.toString(), "-f", feeds.toString(), "sources", "--json");
        ObjectMapper json = new ObjectMapper();
        JsonNode gone = out.toString().lines().map(l -> read(json, l)).filter(n -> n.get("id").asText().equals("gone"))
                .findFirst().orElseThrow();
        assertThat(gone.get("status").asText()).isEqualTo("FAILING");
        // the shape docs/cli.md documents, and only JSON on standard output
        List<String> fields = new java.util.ArrayList<>();
        gone.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "url", "kind", "status", "items", "articlesWaiting", "lastAttempt", "lastSuccess",
                "lastErrorAt", "lastError");
        assertThat(gone.get("kind").asText()).isIn("FEED", "PAGE");
        assertThat(gone.get("lastError").asText()).contains("404");
    }

    @Test
    void aBrokenFeedsFileFailsTheCommandsOnSourcesWithLineAndColumnSaidOnce() throws Exception {
        Files.writeString(feeds, "sources:\n  - id: x\n    urll: https://example.org/feed\n");

        for (String command : List.of("sources", "ingest", "export-opml")) {
            StringWriter before = new StringWriter();
            before.write(err.toString());
            err.getBuffer().setLength(0);
            String[] args = command.equals("ingest") ? new String[] {"-w", workspace.toString(), "-f", feeds.toString(), command, "--once"}
                    : command.equals("export-opml") ? new String[] {"-w", workspace.toString(), "-f", feeds.toString(), command,
                    tmp.resolve("out.opml").toString()} : new String[] {"-w", workspace.toString(), "-f", feeds.toString(), command};

            assertThat(run(args)).as(command).isEqualTo(ExitCodes.FAILED);
            assertThat(err.toString()).as(command).containsOnlyOnce("feeds.yml:3:5: unknown key 'urll'")
                    .contains("cannot be used; nothing was done");
        }
        assertThat(out.toString()).doesNotContain("new items");
        assertThat(tmp.resolve("out.opml")).doesNotExist();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aMissingFeedsFileFailsIngestToo() {
        Path missing = tmp.resolve("missing.yml");
        assertThat(run("-w", workspace.toString(), "-f", missing.toString(), "ingest", "--once")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).containsOnlyOnce("the file does not exist");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBrokenFeedsFileDoesNotStopASearchOfWhatIsStored() throws Exception {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "ingest", "--once")).isZero();
        Files.writeString(feeds, "sources: [\n");
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);

        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "bridge", "--limit", "1")).isZero();
        assertThat(err.toString()).contains("feeds.yml:");
        assertThat(out.toString()).contains("Bridge").contains("1 hit");
    }

    @Test
    void extractPrintsOneJsonObjectPerInputCarryingTheInput() throws Exception {
        Path page = tmp.resolve("page.html");
        Files.write(page, LoopbackServer.resourceBytes("web/articles/en-1.html"));
        Path missing = tmp.resolve("missing.html");

        int code = run("extract", "--json", page.toString(), missing.toString(), server.uri("/articles/de-1.html").toString());

        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        ObjectMapper json = new ObjectMapper();
        var lines = out.toString().lines().map(l -> read(json, l)).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("input").asText()).isEqualTo(page.toString());
        assertThat(lines.get(0).get("language").asText()).isEqualTo("en");
        assertThat(lines.get(0).get("title").asText()).isNotBlank();
        assertThat(lines.get(0).get("text").asText().length()).isGreaterThan(300);
        assertThat(lines.get(1).get("error").asText()).contains("no such file");
        assertThat(lines.get(2).get("language").asText()).startsWith("de");
    }

    @Test
    void extractFetchesThroughTheProxyOfFeedsYmlAndNeverDirect() throws Exception {
        int down = LoopbackServer.unusedPort();
        Path proxied = tmp.resolve("proxied.yml");
        Files.writeString(proxied, "settings:\n  proxy: socks5://127.0.0.1:" + down + "\nsources: []\n");

        int code = run("--feeds", proxied.toString(), "extract", server.uri("/articles/de-1.html").toString());

        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("proxy 127.0.0.1:" + down + " refused the connection");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void exportOpmlWritesTheConfiguredFeeds() throws Exception {
        Path opml = tmp.resolve("out.opml");
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "export-opml", opml.toString())).isZero();
        assertThat(Files.readString(opml)).contains("xmlUrl=\"" + server.uri("/feeds/en-atom.xml") + "\"");
    }

    @Test
    void importReadsASavedFolder() throws Exception {
        Path saved = Files.createDirectories(tmp.resolve("saved"));
        Files.write(saved.resolve("ja.xml"), LoopbackServer.resourceBytes("web/feeds/ja-atom-shift_jis.xml"));
        Files.writeString(saved.resolve("junk.bin"), "nothing to see");
        int code = run("-w", workspace.toString(), "-f", feeds.toString(), "import", saved.toString());
        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        assertThat(out.toString()).contains("2 files, 2 new items");
        assertThat(err.toString()).contains("junk.bin");
    }

    @Test
    void feedsFromAnOpmlListCanBeAddedToFeedsYml() throws Exception {
        Path opml = tmp.resolve("desk.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Desk</title></head><body>
                <outline type="rss" text="Japan checks" xmlUrl="%s" language="ja"/>
                <outline type="rss" text="Same as en-checks" xmlUrl="%s"/>
                </body></opml>
                """.formatted(server.uri("/feeds/ja-atom-shift_jis.xml"), server.uri("/feeds/en-atom.xml")));

        int code = run("-w", workspace.toString(), "-f", feeds.toString(), "import", "--add-sources", opml.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 feeds added", "1 were already there");
        assertThat(Files.readString(feeds)).contains("url: " + server.uri("/feeds/ja-atom-shift_jis.xml"))
                .contains("politeness_delay: 0s");
        out.getBuffer().setLength(0);
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "ingest", "--once")).isZero();
        assertThat(out.toString()).contains("6 new items from 3 sources");
    }

    @Test
    void wrongUsageGivesExitCodeTwo() {
        assertThat(run("frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("frobnicate");
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithItsOwnUsage() {
        Map<String, CommandLine> commands = ClaimDeskCommand.commandLine(new WorkspaceDirectory(tmp.resolve("data")),
                WorkspaceSession::open, (w, f, d) -> 0).getSubcommands();
        Set<String> names = commands.keySet(); // aliases too
        assertThat(names).contains("ingest", "import", "sources", "search", "analyse", "rebuild-index", "watch", "extract",
                "cluster", "cluster-eval");
        return names.stream().flatMap(name -> Stream.of("--help", "-h").map(flag -> DynamicTest.dynamicTest(name + " " + flag, () -> {
            CommandRunner runner = new CommandRunner();
            assertThat(runner.run(tmp.resolve("data"), name, flag)).as(runner.err.toString()).isZero();
            assertThat(runner.out.toString()).contains("Usage: claimdesk " + commands.get(name).getCommandName());
            assertThat(runner.err.toString()).isEmpty();
            assertThat(tmp.resolve("data")).doesNotExist(); // help opens no workspace
        })));
    }

    @Test
    void theTopLevelHelpDocumentsTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:", "130", "wrong usage");
    }

    @Test
    void anUnknownOptionOfACommandPrintsThatCommandsUsageAndExitsTwo() {
        assertThat(run("ingest", "--twice")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--twice'", "Usage: claimdesk ingest");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aValueACommandRejectsAfterParsingIsAlsoAUsageError() {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "water", "--sort", "sideways"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--sort takes relevance or time", "Usage: claimdesk search");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
