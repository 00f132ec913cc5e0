package org.claimdesk.workspace;

import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.SourceStore;

import java.nio.file.Path;
import java.util.List;

/**
 * An open workspace with its services wired: database, stores, the feeds.yml watcher, ingest
 * and scheduled polling. The UI and the command line both work through it. Every method that
 * does I/O blocks: call it off the UI thread.
 */
public final class WorkspaceSession implements AutoCloseable {

    /**
     * Opens a workspace, creating its layout and a starter feeds.yml when new.
     *
     * @param feedsFile another feeds.yml to use instead of the workspace's own, or null
     */
    public static WorkspaceSession open(Workspace workspace, Path feedsFile) {
        throw new UnsupportedOperationException("TODO");
    }

    public Workspace workspace() {
        throw new UnsupportedOperationException("TODO");
    }

    public ItemStore items() {
        throw new UnsupportedOperationException("TODO");
    }

    public SourceStore sources() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The feeds.yml in force (the last good one). */
    public SourcesConfig config() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Problems of the feeds.yml on disk when it is broken, else empty. */
    public List<String> configProblems() {
        throw new UnsupportedOperationException("TODO");
    }

    public void addListener(SessionListener listener) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Polls every enabled source now; cancel by interrupting the calling thread. */
    public PollReport pollNow(PollProgress progress) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Imports a folder or zip of saved feeds, pages and OPML lists. */
    public ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Writes the configured sources as OPML 2.0. */
    public void exportOpml(Path target) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Starts polling each enabled source on its own interval, in the background. */
    public void startScheduledPolling() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
    }
}
