package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.ui.task.LongTask;
import org.claimdesk.ui.task.TaskProgress;

/** "Poll now": every enabled source once. Cancelling interrupts the polling thread. */
final class PollTask implements LongTask<PollReport> {
    private final OpenWorkspace workspace;
    private final Messages messages;

    PollTask(OpenWorkspace workspace, Messages messages) {
        this.workspace = workspace;
        this.messages = messages;
    }

    @Override
    public PollReport call(TaskProgress progress) throws InterruptedException {
        progress.message(messages.get("poll.starting"));
        return workspace.pollNow(new PollProgress() {
            @Override
            public void sourceStarted(String sourceId, int total) {
                progress.message(messages.format("poll.source", workspace.sourceName(sourceId)));
            }

            @Override
            public void sourceFinished(SourcePollResult result, int done, int total) {
                progress.progress(done, total);
                progress.message(messages.format("poll.progress", done, total));
            }
        });
    }

    /** How the poll went, as the status line says it. */
    static String outcome(Messages messages, PollReport report) {
        return report.cancelled()
                ? messages.format("status.pollCancelled", report.newItems())
                : messages.format("status.pollDone", report.newItems(), report.failedSources());
    }
}
