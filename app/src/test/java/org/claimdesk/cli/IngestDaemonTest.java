package org.claimdesk.cli;

import org.claimdesk.pipeline.StageStoppedException;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.workspace.SessionSettings;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code claimdesk ingest} without --once runs until stopped, and says why when background work stops. */
class IngestDaemonTest {
    @TempDir
    Path tmp;
    LoopbackServer server;
    Path feeds;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
        server.serveResourceFolder("/", "web");
        feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, """
                settings:
                  politeness_delay: 0s
                sources:
                  - id: en-checks
                    url: %s
                    language: en
                """.formatted(server.uri("/feeds/en-atom.xml")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStageThatStopsEndsTheCommandWithItsReasonAndExitCodeOne() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SessionSettings broken = new SessionSettings(Clock.systemUTC(), SessionSettings.standalone().analyzer(),
                (text, hint, path) -> {
                    throw new StageStoppedException("the language models are missing from this installation", null);
                });
        CommandLine cl = ClaimDeskCommand.commandLine(new WorkspaceDirectory(tmp.resolve("data")),
                (workspace, feedsFile) -> WorkspaceSession.open(workspace, feedsFile, broken),
                (workspace, feedsFile, directory) -> {
                    throw new AssertionError("the window must not open for a command");
                });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        // the scheduler polls at once, the items are stored, analysis takes them and stops
        int code;
        try {
            // its own thread: the loopback server answers on the common pool, which may have one thread
            code = CompletableFuture.supplyAsync(() -> cl.execute("-w", tmp.resolve("desk").toString(),
                    "-f", feeds.toString(), "ingest"), r -> Thread.ofPlatform().daemon(true).start(r))
                    .get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still running after 60 s; out: " + out + "; err: " + err, e);
        }

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("Polling 1 sources");
        assertThat(err.toString()).contains("claimdesk: analysis stopped: the language models are missing from this installation");
    }
}
