package org.claimdesk.app;

import org.claimdesk.index.SearchRequest;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.workspace.SampleBundle;
import org.claimdesk.workspace.SessionSettings;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceEvent;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's wiring, as the launcher and the window use it. */
class ClaimDeskTest {
    @TempDir
    Path tmp;

    private Path noSources() throws Exception {
        Path feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, "sources: []\n");
        return feeds;
    }

    @Test
    void aBrandNewDefaultWorkspaceGetsTheSampleAndOthersStartEmpty() throws Exception {
        ClaimDesk claimDesk = new ClaimDesk(new WorkspaceDirectory(tmp.resolve("data")));
        Workspace defaultWorkspace = claimDesk.directory().defaultWorkspace();
        try (WorkspaceSession session = claimDesk.openForCommand(defaultWorkspace, noSources())) {
            assertThat(session.items().count()).isGreaterThanOrEqualTo(20);
        }
        try (WorkspaceSession session = claimDesk.openForCommand(new Workspace(tmp.resolve("other")), noSources())) {
            assertThat(session.items().count()).isZero();
        }
        assertThat(claimDesk.directory().recent()).extracting(Workspace::root)
                .containsExactly(tmp.resolve("other"), defaultWorkspace.root());
    }

    @Test
    void aScratchWorkspaceRunsOnTheCommandsClockAndIsNeitherRememberedNorGivenTheSample() throws Exception {
        TextAnalyzer analyzer = new TextAnalyzer();
        ClaimDesk claimDesk = new ClaimDesk(new WorkspaceDirectory(tmp.resolve("data")),
                new SessionSettings(Clock.systemUTC(), analyzer));
        Clock streamTime = Clock.fixed(java.time.Instant.parse("2014-03-10T16:52:00Z"), java.time.ZoneOffset.UTC);
        Workspace scratch = new Workspace(tmp.resolve("scratch"));
        try (WorkspaceSession session = claimDesk.openScratch(scratch, streamTime)) {
            assertThat(session.settings().clock()).isSameAs(streamTime);
            assertThat(session.settings().analyzer()).isSameAs(analyzer);
            assertThat(session.items().count()).isZero();
            assertThat(session.sources().config().sources()).as("no starter list").isEmpty();
        }
        assertThat(scratch.logsDir()).isDirectory();
        assertThat(claimDesk.directory().recent()).isEmpty();
    }

    @Test
    void theWindowsWorkspacesShareOneAnalyzerAndRunTheirBackgroundWork() throws Exception {
        TextAnalyzer analyzer = new TextAnalyzer();
        ClaimDesk claimDesk = new ClaimDesk(new WorkspaceDirectory(tmp.resolve("data")),
                new SessionSettings(Clock.systemUTC(), analyzer));
        for (String name : List.of("first", "second")) {
            Path folder = tmp.resolve(name);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("feeds.yml"), "sources: []\n");
            try (WorkspaceSession session = claimDesk.windowOpener(new Workspace(folder), null).open(folder)) {
                // models load once per application, not again for every workspace opened
                assertThat(session.settings().analyzer()).isSameAs(analyzer);
                List<WorkspaceEvent> events = new CopyOnWriteArrayList<>();
                session.events().subscribe(events::add);
                SampleBundle.importInto(session);
                // nobody started the index feeder or analysis by hand: opening for the window did
                awaitTrue(60, () -> session.search().search(SearchRequest.of("المياه")).totalHits() > 0);
                awaitTrue(120, () -> events.stream().anyMatch(e -> e instanceof WorkspaceEvent.ItemsUpdated));
                assertThat(events).anyMatch(e -> e instanceof WorkspaceEvent.ItemsStored);
            }
        }
    }

    private static void awaitTrue(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
