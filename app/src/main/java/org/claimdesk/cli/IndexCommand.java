package org.claimdesk.cli;

import org.claimdesk.index.ItemIndex;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code claimdesk rebuild-index}: recreates the search index from the database, with progress. */
@Command(name = "rebuild-index", description = {"Recreate the search index of the workspace from its database.",
        "Needed only if the index was damaged; a missing or damaged index is rebuilt automatically."})
final class IndexCommand extends SessionCommand {

    @Override
    int run(WorkspaceSession session) {
        try (ItemIndex index = ItemIndex.open(session.workspace().indexDir())) {
            RebuildReport report = rebuild(session, index, err());
            out().printf("Indexed %d items in %.1f s%s%n", report.indexed(), report.took().toMillis() / 1000.0,
                    report.cancelled() ? " (cancelled: run rebuild-index again)" : "");
            return report.cancelled() ? ExitCodes.CANCELLED : ExitCodes.OK;
        }
    }

    /**
     * Opens the workspace's index for a command: rebuilt when missing or damaged, else brought up
     * to date with items stored while it was closed. (Until the workspace session owns the index.)
     */
    static ItemIndex openIndex(WorkspaceSession session, PrintWriter progress) {
        ItemIndex index = ItemIndex.open(session.workspace().indexDir());
        try {
            if (index.needsRebuild()) {
                progress.printf("Search index %s%s: rebuilding it from the database%n",
                        index.stateAtOpen().name().toLowerCase(java.util.Locale.ROOT),
                        index.problemAtOpen() == null ? "" : " (" + index.problemAtOpen() + ")");
                progress.flush();
                RebuildReport report = rebuild(session, index, progress);
                if (report.cancelled()) {
                    Thread.currentThread().interrupt();
                }
            } else {
                RebuildReport report = index.catchUp(session.items());
                if (report.indexed() > 0 || report.removed() > 0) {
                    progress.printf("Search index updated: %d items added, %d removed%n", report.indexed(), report.removed());
                    progress.flush();
                }
            }
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private static RebuildReport rebuild(WorkspaceSession session, ItemIndex index, PrintWriter progress) {
        long[] lastShown = {-1};
        return index.rebuild(session.items(), (done, total) -> {
            // about every 5 %, and at the end
            long step = Math.max(1, total / 20);
            if (done == total || done / step != lastShown[0] / step) {
                lastShown[0] = done;
                progress.printf("  indexed %d of %d items%n", done, total);
                progress.flush();
            }
        });
    }
}
