package org.claimdesk.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where workspaces live by default and which were opened recently, kept in the user's data
 * directory ($XDG_DATA_HOME/claimdesk, ~/Library/Application Support/ClaimDesk, %APPDATA%\ClaimDesk).
 */
public final class WorkspaceDirectory {

    public WorkspaceDirectory(Path dataDir) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The per-user data directory for this OS (or $CLAIMDESK_HOME when set). */
    public static Path defaultDataDir() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The workspace used when none was ever opened: DATA/workspaces/default. */
    public Workspace defaultWorkspace() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The last opened workspace that still exists. */
    public Optional<Workspace> lastOpened() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Most recent first, at most ten, only those that still exist. */
    public List<Workspace> recent() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Remembers a workspace as the last opened one. */
    public void remember(Workspace workspace) {
        throw new UnsupportedOperationException("TODO");
    }
}
