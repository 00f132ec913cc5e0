package org.claimdesk.app;

import org.claimdesk.cli.ClaimDeskCommand;
import org.claimdesk.ui.WorkbenchApplication;
import org.claimdesk.ui.WorkbenchStartup;
import org.claimdesk.ui.WorkspaceOpener;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code main} of ClaimDesk: the command line with a sub-command, else the workbench window.
 * Deliberately not a JavaFX {@code Application}: on the class path such a main class fails with
 * "JavaFX runtime components are missing".
 */
public final class Launcher {
    /**
     * Two libraries warn through java.util.logging on every start about how they were loaded (Lucene:
     * the incubating Vector API is not enabled; JavaFX: it runs from the class path). Neither is
     * something a user can act on, and on the command line they bury the output. Strong references:
     * JUL forgets loggers nobody holds.
     */
    private static final List<java.util.logging.Logger> QUIETED = List.of(
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization"),
            java.util.logging.Logger.getLogger("javafx"),
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl"));

    private Launcher() {
    }

    public static void main(String[] args) {
        QUIETED.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        WorkspaceDirectory directory = new WorkspaceDirectory(WorkspaceDirectory.defaultDataDir());
        WorkspaceOpening opening = new WorkspaceOpening(directory);
        int code = ClaimDeskCommand.commandLine(directory, opening::open, Launcher::startWindow).execute(args);
        System.exit(code);
    }

    private static int startWindow(Workspace initial, Path feedsFile, WorkspaceDirectory directory) {
        WorkspaceOpening opening = new WorkspaceOpening(directory);
        WorkspaceOpener opener = new WorkspaceOpener() {
            @Override
            public WorkspaceSession open(Path folder) throws Exception {
                Workspace workspace = new Workspace(folder);
                // --feeds applies to the workspace it was given with, not to others opened later.
                WorkspaceSession session = opening.open(workspace, workspace.equals(initial) ? feedsFile : null);
                session.startIndexing();
                session.startAnalysis();
                session.startScheduledPolling();
                return session;
            }

            @Override
            public List<Workspace> recent() {
                return directory.recent();
            }
        };
        try {
            new WorkbenchApplication(new WorkbenchStartup(initial.root(), opener, null)).run();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
