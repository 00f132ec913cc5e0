package org.claimdesk.ui;

import javafx.concurrent.Task;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.source.Source;
import org.claimdesk.workspace.WorkspaceSession;

/** "Poll now": every enabled source once. Cancelling interrupts the polling thread. */
final class PollTask extends Task<PollReport> {
    private final WorkspaceSession session;
    private final Messages messages;

    PollTask(WorkspaceSession session, Messages messages) {
        this.session = session;
        this.messages = messages;
    }

    @Override
    protected PollReport call() throws InterruptedException {
        updateMessage(messages.get("poll.starting"));
        updateProgress(-1, 1);
        return session.pollNow(new PollProgress() {
            @Override
            public void sourceStarted(String sourceId, int total) {
                updateMessage(messages.format("poll.source", nameOf(sourceId)));
            }

            @Override
            public void sourceFinished(SourcePollResult result, int done, int total) {
                updateProgress(done, total);
                updateMessage(messages.format("poll.progress", done, total));
            }
        });
    }

    private String nameOf(String sourceId) {
        return session.config().source(sourceId).map(Source::name).orElse(sourceId);
    }
}
