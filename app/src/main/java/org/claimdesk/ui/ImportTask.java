package org.claimdesk.ui;

import javafx.concurrent.Task;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.workspace.WorkspaceSession;

import java.nio.file.Path;

/** "Import…": a folder or zip of saved feeds and pages, or an OPML list. */
final class ImportTask extends Task<ImportReport> {
    private final WorkspaceSession session;
    private final Path path;
    private final Messages messages;

    ImportTask(WorkspaceSession session, Path path, Messages messages) {
        this.session = session;
        this.path = path;
        this.messages = messages;
    }

    @Override
    protected ImportReport call() throws InterruptedException {
        updateMessage(messages.format("import.starting", path.getFileName()));
        updateProgress(-1, 1);
        return session.importPath(path, (done, total, current) -> {
            updateProgress(done, total);
            updateMessage(messages.format("import.progress", done, total, current));
        });
    }
}
