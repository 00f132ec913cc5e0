package org.claimdesk.app;

import org.claimdesk.ingest.ImportReport;
import org.claimdesk.workspace.SampleBundle;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the window and the command line open a workspace, in one place: log to its folder,
 * remember it as the last opened, and give a brand-new default workspace the bundled sample so
 * a first start with no network still shows a working workbench.
 */
final class WorkspaceOpening {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceOpening.class);

    private final WorkspaceDirectory directory;

    WorkspaceOpening(WorkspaceDirectory directory) {
        this.directory = directory;
    }

    WorkspaceSession open(Workspace workspace, Path feedsFile) throws InterruptedException {
        boolean isNew = !Files.exists(workspace.databaseDir());
        workspace.ensureLayout();
        LogFiles.logTo(workspace.logsDir());
        WorkspaceSession session = WorkspaceSession.open(workspace, feedsFile);
        try {
            directory.remember(workspace);
            if (isNew && workspace.equals(directory.defaultWorkspace())) {
                ImportReport sample = SampleBundle.importInto(session);
                LOG.info("new default workspace {}: imported the bundled sample, {} items", workspace.root(), sample.newItems());
            }
            return session;
        } catch (InterruptedException | RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
