package org.claimdesk.ui;

import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Opens the first workspace while JavaFX starts instead of after the window is shown: on two
 * cores the database, migrations and index open side by side with the toolkit and the window
 * (issue 10, part 4). The window's first open of that folder takes the session opened early;
 * every other open goes straight to the app's opener.
 */
final class FirstWorkspaceEarly implements WorkspaceOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FirstWorkspaceEarly.class);

    private final WorkspaceOpener opener;
    private final Path first;
    private final CompletableFuture<WorkspaceSession> early = new CompletableFuture<>();
    /** Guarded by this: whether the window took (or gave up) the early session. */
    private boolean taken;

    private FirstWorkspaceEarly(WorkspaceOpener opener, Path first) {
        this.opener = opener;
        this.first = first;
    }

    /** Starts opening {@code first} on a thread of its own, at once. */
    static FirstWorkspaceEarly start(WorkspaceOpener opener, Path first) {
        FirstWorkspaceEarly early = new FirstWorkspaceEarly(opener, first);
        Thread.ofPlatform().name("claimdesk-open-first-workspace").daemon(true).start(() -> {
            try {
                early.early.complete(opener.open(first));
            } catch (Throwable e) {
                early.early.completeExceptionally(e);
            }
        });
        return early;
    }

    @Override
    public WorkspaceSession open(Path folder) throws Exception {
        synchronized (this) {
            if (taken || !folder.equals(first)) {
                return opener.open(folder);
            }
            taken = true;
        }
        try {
            return early.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            // the window gave up on it (cancelled): close it once it is open
            early.thenAccept(FirstWorkspaceEarly::closeQuietly);
            throw e;
        }
    }

    /** The window quits: a session it never took is closed (it may still be opening). */
    void discardUntaken() {
        synchronized (this) {
            if (taken) {
                return;
            }
            taken = true;
        }
        early.thenAccept(FirstWorkspaceEarly::closeQuietly);
    }

    private static void closeQuietly(WorkspaceSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the workspace opened at start failed", e);
        }
    }

    @Override
    public List<Workspace> recent() {
        return opener.recent();
    }
}
