package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.ui.task.LongTask;
import org.claimdesk.ui.task.TaskProgress;

/** "Rebuild search index": recreates the index from the database. Cancelling interrupts it. */
final class RebuildIndexTask implements LongTask<RebuildReport> {
    private final OpenWorkspace workspace;
    private final Messages messages;

    RebuildIndexTask(OpenWorkspace workspace, Messages messages) {
        this.workspace = workspace;
        this.messages = messages;
    }

    @Override
    public RebuildReport call(TaskProgress progress) {
        progress.message(messages.get("rebuild.starting"));
        return workspace.rebuildIndex((done, total) -> {
            progress.progress(done, total);
            progress.message(messages.format("rebuild.progress", done, total));
        });
    }
}
