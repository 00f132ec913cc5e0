package org.claimdesk.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void remembersTheLastOpenedWorkspacesMostRecentFirst() throws Exception {
        WorkspaceDirectory directory = new WorkspaceDirectory(tmp.resolve("data"));
        assertThat(directory.lastOpened()).isEmpty();
        assertThat(directory.defaultWorkspace().root()).isEqualTo(tmp.resolve("data/workspaces/default"));

        Workspace a = new Workspace(tmp.resolve("a")).ensureLayout();
        Workspace b = new Workspace(tmp.resolve("b")).ensureLayout();
        directory.remember(a);
        directory.remember(b);
        directory.remember(a);

        WorkspaceDirectory reopened = new WorkspaceDirectory(tmp.resolve("data"));
        assertThat(reopened.recent()).containsExactly(a, b);
        assertThat(reopened.lastOpened()).contains(a);
    }

    @Test
    void forgetsWorkspacesThatWereDeleted() throws Exception {
        WorkspaceDirectory directory = new WorkspaceDirectory(tmp.resolve("data"));
        Workspace gone = new Workspace(tmp.resolve("gone")).ensureLayout();
        Workspace kept = new Workspace(tmp.resolve("kept")).ensureLayout();
        directory.remember(kept);
        directory.remember(gone);
        try (var walk = Files.walk(gone.root())) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(directory.lastOpened()).contains(kept);
    }
}
