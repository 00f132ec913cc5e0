package org.claimdesk.app;

import org.claimdesk.workspace.WorkspaceDirectory;

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
        ClaimDesk claimDesk = new ClaimDesk(new WorkspaceDirectory(WorkspaceDirectory.defaultDataDir()))
                .consoleShowsErrorsOnly();
        if (args.length == 0) {
            // the window, as the command line would open it, without building the command line
            // first: its model and every command's object cost a few hundred ms of the start
            System.exit(claimDesk.startWindow(claimDesk.directory().lastOrDefault(), null));
        }
        System.exit(claimDesk.commandLine().execute(args));
    }
}
