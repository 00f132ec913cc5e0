package org.claimdesk.ui;

import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;

import java.nio.file.Path;
import java.util.List;

/**
 * How the window opens workspaces; the app wires it (WorkspaceSession.open plus
 * WorkspaceDirectory), so the window never decides where data lives. Both methods block and are
 * only called off the FX thread.
 */
public interface WorkspaceOpener {

    /**
     * Opens the workspace in this folder, creating its layout and a starter feeds.yml when new,
     * and remembers it as the last opened one. The returned session is ready for use (scheduled
     * polling started when the app wants it).
     */
    WorkspaceSession open(Path folder) throws Exception;

    /** Recently opened workspaces, most recent first. */
    List<Workspace> recent();
}
