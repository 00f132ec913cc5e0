package org.claimdesk.cli;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.workspace.Searching;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code claimdesk rebuild-index}: recreates the search index from the database, with progress. */
@Command(name = "rebuild-index", description = {"Recreate the search index of the workspace from its database.",
        "Needed only if the index was damaged; a missing or damaged index is rebuilt automatically."})
final class IndexCommand extends SessionCommand {

    @Override
    int run(WorkspaceSession session) {
        RebuildReport report = session.search().rebuildIndex(progressPrinter(err()));
        out().printf("Indexed %d items in %.1f s%s%n", report.indexed(), report.took().toMillis() / 1000.0,
                report.cancelled() ? " (cancelled: run rebuild-index again)" : "");
        return report.cancelled() ? ExitCodes.CANCELLED : ExitCodes.OK;
    }

    /**
     * Makes the workspace's index hold every stored item before a command reads it: rebuilt when
     * missing or damaged (with progress), else brought up to date with items stored since.
     */
    static RebuildReport bringUpToDate(WorkspaceSession session, PrintWriter progress) {
        Searching.IndexCondition index = session.search().condition();
        if (index.needsRebuild()) {
            progress.printf("Search index %s%s: rebuilding it from the database%n",
                    index.stateAtOpen().name().toLowerCase(java.util.Locale.ROOT),
                    index.problem() == null ? "" : " (" + index.problem() + ")");
            progress.flush();
        }
        RebuildReport report = session.search().bringUpToDate(progressPrinter(progress));
        if (report.indexed() > 0 || report.removed() > 0) {
            progress.printf("Search index updated: %d items added, %d removed%n", report.indexed(), report.removed());
            progress.flush();
        }
        return report;
    }

    private static RebuildProgress progressPrinter(PrintWriter progress) {
        long[] lastShown = {-1};
        return (done, total) -> {
            // about every 5 %, and at the end
            long step = Math.max(1, total / 20);
            if (done == total || done / step != lastShown[0] / step) {
                lastShown[0] = done;
                progress.printf("  indexed %d of %d items%n", done, total);
                progress.flush();
            }
        };
    }
}
