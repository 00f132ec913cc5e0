package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.LongTask;
import org.claimdesk.ui.task.TaskProgress;
import org.claimdesk.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens a workspace and reads the recent list. A workspace that opens although the analyst
 * cancelled (opening does not stop half-way) is closed again, not leaked.
 */
final class OpenWorkspaceTask implements LongTask<OpenWorkspaceTask.Opened> {

    record Opened(OpenWorkspace workspace, List<Workspace> recent) {
    }

    private final WorkspaceOpener opener;
    private final Path folder;
    private final Messages messages;
    private final Consumer<OpenWorkspace> listen;
    private final Supplier<List<Workspace>> recent;
    private final Consumer<OpenWorkspace> close;

    /**
     * @param listen starts hearing the workspace's events, before the window shows it
     * @param recent the recent workspaces, read after this one was remembered
     * @param close  closes a workspace nobody will show
     */
    OpenWorkspaceTask(WorkspaceOpener opener, Path folder, Messages messages, Consumer<OpenWorkspace> listen,
                      Supplier<List<Workspace>> recent, Consumer<OpenWorkspace> close) {
        this.opener = opener;
        this.folder = folder;
        this.messages = messages;
        this.listen = listen;
        this.recent = recent;
        this.close = close;
    }

    @Override
    public Opened call(TaskProgress progress) throws Exception {
        progress.message(messages.format("status.opening", folder));
        OpenWorkspace opened = OpenWorkspace.open(opener, folder);
        try {
            listen.accept(opened);
            return new Opened(opened, recent.get());
        } catch (RuntimeException e) {
            close.accept(opened);
            throw e;
        }
    }

    @Override
    public void discard(Opened late) {
        close.accept(late.workspace());
    }
}
