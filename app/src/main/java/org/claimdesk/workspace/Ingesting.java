package org.claimdesk.workspace;

import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.Source;

import java.nio.file.Path;
import java.util.List;

/** Bringing items in: polling sources now, and importing saved files. Blocks; interrupting cancels. */
public final class Ingesting {
    private final WorkspaceSession session;

    Ingesting(WorkspaceSession session) {
        this.session = session;
    }

    /** Polls every enabled source now; waits for a scheduled poll in progress instead of fetching twice. */
    public PollReport pollNow(PollProgress progress) throws InterruptedException {
        return session.poll(session.sources().config().enabledSources(), progress);
    }

    /** Polls the given sources. */
    public PollReport poll(List<Source> sources, PollProgress progress) throws InterruptedException {
        return session.poll(sources, progress);
    }

    /** Imports a folder or zip of saved feeds, pages and OPML lists, with no network. */
    public ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        return session.importPath(path, progress);
    }
}
