package org.claimdesk.ui;

import javafx.concurrent.Task;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.workspace.WorkspaceSession;

/** "Rebuild search index": recreates the index from the database. Cancelling interrupts it. */
final class RebuildIndexTask extends Task<RebuildReport> {
    private final WorkspaceSession session;
    private final Messages messages;

    RebuildIndexTask(WorkspaceSession session, Messages messages) {
        this.session = session;
        this.messages = messages;
    }

    @Override
    protected RebuildReport call() {
        updateMessage(messages.get("rebuild.starting"));
        updateProgress(-1, 1);
        return session.rebuildIndex((done, total) -> {
            updateProgress(done, total);
            updateMessage(messages.format("rebuild.progress", done, total));
        });
    }
}
