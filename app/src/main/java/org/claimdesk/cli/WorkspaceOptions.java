package org.claimdesk.cli;

import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by every command: which workspace and which feeds.yml. */
public final class WorkspaceOptions {
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = {"Workspace folder (created if missing).", "Default: the last one opened, else workspaces/default in the user data folder (~/.local/share/claimdesk on Linux; CLAIMDESK_HOME moves it)."})
    Path workspace;

    @Option(names = {"-f", "--feeds"}, paramLabel = "FILE",
            description = "Use this feeds.yml instead of the workspace's own.")
    Path feeds;

    /** The chosen workspace: --workspace, else the last opened, else the default one. */
    public Workspace resolve(WorkspaceDirectory directory) {
        if (workspace != null) {
            return new Workspace(workspace);
        }
        return directory.lastOrDefault();
    }

    public Path feedsFile() {
        return feeds;
    }
}
