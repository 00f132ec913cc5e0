package org.claimdesk.app;

import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person at a terminal sees of a command, run as the launcher runs it (with the workspace's
 * log file): the command's own words, and nothing the log or the libraries write on the console.
 */
class CommandConsoleTest {
    @TempDir
    Path tmp;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    PrintStream realOut;
    PrintStream realErr;
    Path workspace;
    Path feeds;

    @BeforeEach
    void captureTheConsole() throws Exception {
        realOut = System.out;
        realErr = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        workspace = tmp.resolve("desk");
        feeds = tmp.resolve("feeds.yml");
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
        LogFiles.consoleAsConfigured();
    }

    private int run(String... args) {
        CommandLine cl = new ClaimDesk(new WorkspaceDirectory(tmp.resolve("data"))).consoleShowsErrorsOnly().commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String everythingShown() {
        return out + "\n" + err + "\n" + console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBrokenFeedsFileIsSaidOnceNotAgainByTheLog() throws Exception {
        Files.writeString(feeds, "sources:\n  - id: x\n    urll: https://example.org/feed\n");

        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "ingest", "--once")).isEqualTo(1);

        assertThat(everythingShown()).containsOnlyOnce("feeds.yml:3:5: unknown key 'urll'");
        assertThat(Files.readString(workspace.resolve("logs/claimdesk.log"))).contains("unknown key 'urll'");
    }

    @Test
    void analyseKeepsTheNlpLibrariesMessagesInTheLogFile() throws Exception {
        Files.writeString(feeds, "sources:\n  - id: en-news\n    url: https://en.example.org/feed\n    language: en\n");
        WorkspaceSession.open(new Workspace(workspace).ensureLayout(), feeds).close();
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            ItemStore items = new ItemStore(database);
            for (int n = 1; n <= 3; n++) {
                URI url = URI.create("https://en.example.org/" + n);
                Instant at = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(n);
                // control and private-use characters, as badly converted pages carry them
                items.save(new NewItem("en-news", url, url, null, "Water \u0007 board says \uE000 tap water is safe " + n, null,
                        "The \u0015 water board in Millbrook said on Saturday \u0080 that tap water \uFFFE is safe \u0001 to drink.",
                        null, at, at, "h" + n));
            }
        }

        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "analyse")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Analysed 3 items");
        assertThat(everythingShown()).doesNotContain("Untokenizable").doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d WARN ");
        assertThat(Files.readString(workspace.resolve("logs/claimdesk.log"))).contains("Untokenizable");
    }

    @Test
    void aWorkspaceOpenedOtherwiseThanByTheLauncherLeavesTheConsoleAsItWas() throws Exception {
        ClaimDesk notTheLauncher = new ClaimDesk(new WorkspaceDirectory(tmp.resolve("data")));
        notTheLauncher.openForCommand(new Workspace(workspace), feeds).close();

        org.slf4j.LoggerFactory.getLogger("org.claimdesk.test").warn("a warning later tests must still show");
        org.slf4j.LoggerFactory.getLogger("org.claimdesk.test").info("an info line for the log file only");

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("a warning later tests must still show")
                .doesNotContain("an info line for the log file only");
    }

    @Test
    void aCommandRunAsTheLauncherDoesLeavesOnlyErrorsOnTheConsole() throws Exception {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "sources")).isNotNegative();

        org.slf4j.LoggerFactory.getLogger("org.claimdesk.test").warn("a warning for the log file only");
        org.slf4j.LoggerFactory.getLogger("org.claimdesk.test").error("an error the console shows");

        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("a warning for the log file only")
                .contains("an error the console shows");
    }
}
