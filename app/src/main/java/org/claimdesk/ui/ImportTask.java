package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ui.task.LongTask;
import org.claimdesk.ui.task.TaskProgress;

import java.nio.file.Path;

/** "Import…": a folder or zip of saved feeds and pages, or an OPML list. */
final class ImportTask implements LongTask<ImportReport> {
    private final OpenWorkspace workspace;
    private final Path path;
    private final Messages messages;

    ImportTask(OpenWorkspace workspace, Path path, Messages messages) {
        this.workspace = workspace;
        this.path = path;
        this.messages = messages;
    }

    @Override
    public ImportReport call(TaskProgress progress) throws InterruptedException {
        progress.message(messages.format("import.starting", path.getFileName()));
        return workspace.importPath(path, (done, total, current) -> {
            progress.progress(done, total);
            progress.message(messages.format("import.progress", done, total, current));
        });
    }

    /** How the import went, as the status line says it. */
    static String outcome(Messages messages, ImportReport report) {
        return messages.format(report.cancelled() ? "status.importCancelled" : "status.importDone",
                report.files(), report.newItems(), report.sources().size(), report.problems().size());
    }
}
