package org.claimdesk.workspace;

import org.claimdesk.source.Source;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StarterSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void aNewWorkspaceAwaitsTheChoiceAndPollsNothingUntilThen() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("desk"));
        try (WorkspaceSession session = WorkspaceSession.open(workspace, null)) {
            StarterSources starter = session.starterSources();
            assertThat(starter.awaitingChoice()).isTrue();
            assertThat(starter.offered()).hasSizeGreaterThan(10).allMatch(Source::enabled);

            session.startBackgroundWork(EnumSet.of(BackgroundWork.SCHEDULED_POLLING));

            assertThat(session.scheduledPollingStarted()).isFalse();
            assertThat(fetchAttempts(session)).isZero();
        }
        // "Not now": asked again at the next start
        try (WorkspaceSession session = WorkspaceSession.open(workspace, null)) {
            assertThat(session.starterSources().awaitingChoice()).isTrue();
        }
    }

    @Test
    void theChoiceIsKeptInFeedsYmlAndStartsPollingThatWaited() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("desk"));
        WorkspaceSession.open(workspace, null).close();
        // the starter list on loopback (a closed port), so the polling this starts reaches no real site
        Files.writeString(workspace.feedsFile(), Files.readString(workspace.feedsFile())
                .replace("url: https://", "url: http://127.0.0.1:9/"));
        String chosen;
        try (WorkspaceSession session = WorkspaceSession.open(workspace, null)) {
            session.startBackgroundWork(EnumSet.of(BackgroundWork.SCHEDULED_POLLING));
            chosen = session.starterSources().offered().getFirst().id();

            session.starterSources().choose(Set.of(chosen));

            assertThat(session.sources().config().enabledSources()).extracting(Source::id).containsExactly(chosen);
            assertThat(session.starterSources().awaitingChoice()).isFalse();
            assertThat(session.scheduledPollingStarted()).isTrue();
        }
        assertThat(Files.readString(workspace.feedsFile())).startsWith("# ClaimDesk sources").contains("enabled: false");
        try (WorkspaceSession session = WorkspaceSession.open(workspace, null)) {
            assertThat(session.starterSources().awaitingChoice()).isFalse();
            assertThat(session.sources().config().enabledSources()).extracting(Source::id).containsExactly(chosen);
        }
    }

    @Test
    void choosingNoneWatchesNothingAndStartsNoPolling() throws Exception {
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), null)) {
            session.startBackgroundWork(EnumSet.of(BackgroundWork.SCHEDULED_POLLING));

            session.starterSources().choose(Set.of());

            assertThat(session.sources().config().enabledSources()).isEmpty();
            assertThat(session.starterSources().awaitingChoice()).isFalse();
            assertThat(session.scheduledPollingStarted()).isFalse();
        }
    }

    @Test
    void aWorkspaceWithItsOwnFeedsFileIsNotAsked() throws Exception {
        Path feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, "sources:\n  - id: a\n    url: http://127.0.0.1:9/rss\n");
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), feeds)) {
            assertThat(session.starterSources().awaitingChoice()).isFalse();
        }
    }

    private static long fetchAttempts(WorkspaceSession session) {
        return session.database().inTransaction(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM fetch_attempt")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
