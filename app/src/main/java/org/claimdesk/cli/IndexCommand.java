package org.claimdesk.cli;

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
        RebuildReport report;
        try (CommandProgress progress = progress("search index", "items", 0)) {
            report = session.search().rebuildIndex(progress::stepTo);
        }
        out().printf("Indexed %d items in %.1f s%s%n", report.indexed(), report.took().toMillis() / 1000.0,
                report.cancelled() ? " (cancelled: run rebuild-index again)" : "");
        return report.cancelled() ? ExitCodes.CANCELLED : ExitCodes.OK;
    }

    /**
     * Makes the workspace's index hold every stored item before a command reads it: rebuilt when
     * missing or damaged (with progress), else brought up to date with items stored since.
     */
    static RebuildReport bringUpToDate(SessionCommand command, WorkspaceSession session) {
        PrintWriter err = command.err();
        Searching.IndexCondition index = session.search().condition();
        if (index.needsRebuild()) {
            err.printf("Search index %s%s: rebuilding it from the database%n",
                    index.stateAtOpen().name().toLowerCase(java.util.Locale.ROOT),
                    index.problem() == null ? "" : " (" + index.problem() + ")");
            err.flush();
        }
        RebuildReport report;
        try (CommandProgress progress = command.progress("search index", "items", 0)) {
            report = session.search().bringUpToDate(progress::stepTo);
        }
        if (report.indexed() > 0 || report.removed() > 0) {
            err.printf("Search index updated: %d items added, %d removed%n", report.indexed(), report.removed());
            err.flush();
        }
        return report;
    }
}
