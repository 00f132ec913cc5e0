package org.claimdesk.cli;

import org.claimdesk.ingest.AnalysisWorker;
import org.claimdesk.index.RebuildProgress;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code claimdesk analyse [--limit N]}: analyses the items not analysed yet (language, named
 * entities) once, updates their search documents, and says how many and what was found.
 */
@Command(name = "analyse", aliases = "analyze", description = {
        "Analyse stored items that are not analysed yet: detect their language and find named entities",
        "(people, organisations, places), then update the search index. The window and"
                + " 'ingest' do this in the background."})
final class AnalyseCommand extends SessionCommand {
    @Option(names = "--limit", paramLabel = "N", description = "Analyse at most N items (default: every waiting item).")
    Long limit;

    @Override
    int run(WorkspaceSession session) throws InterruptedException {
        if (limit != null && limit < 1) {
            err().println("--limit must be at least 1, got " + limit);
            return ExitCodes.USAGE;
        }
        // the index is brought up to date first, so that what analysis adds is all that is left to apply
        if (IndexCommand.bringUpToDate(session, err()).cancelled()) {
            return ExitCodes.CANCELLED;
        }
        long waiting = session.itemsWaitingForAnalysis();
        long toDo = limit == null ? waiting : Math.min(limit, waiting);
        if (toDo == 0) {
            out().println("No items waiting for analysis.");
            return ExitCodes.OK;
        }
        out().printf("Analysing %d of %d waiting items (the first item of each language loads its models)...%n", toDo, waiting);
        out().flush();
        AnalysisWorker worker = session.analysisWorker();
        long started = System.nanoTime();
        worker.analysePending(toDo);
        double seconds = (System.nanoTime() - started) / 1e9;
        // the languages and entities found go into the search index now, not at the next command
        session.search().bringUpToDate(RebuildProgress.NONE);
        AnalysisWorker.Totals totals = worker.totals();
        out().printf("Analysed %d items in %.1f s (%.1f items/s): %d entity mentions found%s; %d items still waiting%n",
                totals.analysed() + totals.failed(), seconds, (totals.analysed() + totals.failed()) / Math.max(seconds, 1e-3),
                totals.entities(), totals.failed() > 0 ? ", " + totals.failed() + " items failed (see the log)" : "",
                session.itemsWaitingForAnalysis());
        return totals.failed() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
