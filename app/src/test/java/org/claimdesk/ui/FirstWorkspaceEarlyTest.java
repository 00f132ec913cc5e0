package org.claimdesk.ui;

import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The first workspace opened while the window is built: taken once by the window, never opened twice or leaked. */
class FirstWorkspaceEarlyTest {
    @TempDir
    Path temp;
    final List<Path> opened = new CopyOnWriteArrayList<>();

    final WorkspaceOpener opener = new WorkspaceOpener() {
        @Override
        public WorkspaceSession open(Path folder) {
            opened.add(folder);
            return WorkspaceSession.open(new Workspace(folder), null);
        }

        @Override
        public List<Workspace> recent() {
            return List.of();
        }
    };

    @Test
    void theWindowsFirstOpenTakesTheSessionOpenedAtStartAndLaterOnesOpenAnew() throws Exception {
        Path first = temp.resolve("first");
        FirstWorkspaceEarly early = FirstWorkspaceEarly.start(opener, first);

        try (WorkspaceSession session = early.open(first)) {
            assertThat(session.workspace().root()).isEqualTo(first);
            assertThat(opened).containsExactly(first);
        }
        Path other = temp.resolve("other");
        early.open(other).close();
        early.open(first).close(); // opened again after the user switched away: a new open
        assertThat(opened).containsExactly(first, other, first);
    }

    @Test
    void aSessionTheWindowNeverTookIsClosedWhenItQuits() throws Exception {
        Path first = temp.resolve("first");
        FirstWorkspaceEarly early = FirstWorkspaceEarly.start(opener, first);

        early.discardUntaken();

        // closed: its database lock is released, so the folder opens again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                WorkspaceSession.open(new Workspace(first), null).close();
                break;
            } catch (RuntimeException stillOpen) {
                assertThat(System.nanoTime()).as("the early session was not closed: " + stillOpen).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }
}
