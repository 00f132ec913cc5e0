package org.claimdesk.workspace;

import java.nio.file.Path;

/** What a workspace can write out for others: its sources as OPML now, rebuttal packs later. Blocks. */
public final class Exporting {
    private final WorkspaceSession session;

    Exporting(WorkspaceSession session) {
        this.session = session;
    }

    /** Writes the configured sources as OPML 2.0, replacing {@code target} only once it is complete. */
    public void exportOpml(Path target) {
        session.exportOpml(target);
    }
}
