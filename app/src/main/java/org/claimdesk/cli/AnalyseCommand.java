package org.claimdesk.cli;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.flag.ClusterFlagger;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.ClusterStage;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.workspace.Stages;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code claimdesk analyse [--limit N]}: analyses the items not analysed yet (language, named
 * entities) once, updates their search documents, and says how many and what was found.
 */
@Command(name = "analyse", aliases = "analyze", description = {
        "Analyse stored items that are not analysed yet: detect their language and find named entities",
        "(people, organisations, places), then update the search index; then find their check-worthy claims,",
        "group them into clusters and flag the emerging ones. The window does this in the background."})
final class AnalyseCommand extends SessionCommand {
    @Option(names = "--limit", paramLabel = "N", description = "Analyse at most N items (default: every waiting item).")
    Long limit;

    /** Taken in steps of this many items, so progress can be shown between them. */
    private static final long STEP = 50;

    @Override
    int run(WorkspaceSession session) throws InterruptedException {
        if (limit != null && limit < 1) {
            throw usageError("--limit must be at least 1, got " + limit);
        }
        // the index is brought up to date first, so that what analysis adds is all that is left to apply
        if (IndexCommand.bringUpToDate(this, session).cancelled()) {
            return ExitCodes.CANCELLED;
        }
        Stages runner = session.stages();
        long waiting = runner.status(Stages.ANALYSIS).waiting();
        long toDo = limit == null ? waiting : Math.min(limit, waiting);
        if (toDo == 0) {
            out().println("No items waiting for analysis.");
            findClaimsAndClusters(session);
            return ExitCodes.OK;
        }
        out().printf("Analysing %d of %d waiting items (the first item of each language loads its models)...%n", toDo, waiting);
        out().flush();
        AnalysisStage.Totals before = runner.analysisTotals();
        long started = System.nanoTime();
        long taken = 0;
        try (CommandProgress progress = progress("analysis", "items", toDo)) {
            while (taken < toDo) {
                long step = runner.runUntilIdle(Stages.ANALYSIS, Math.min(STEP, toDo - taken));
                if (step == 0) {
                    break; // the rest waits for a retry later, or the stage stopped
                }
                taken += step;
                progress.stepTo(taken, toDo);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the languages and entities found go into the search index now, not at the next command
        session.search().bringUpToDate(RebuildProgress.NONE);
        AnalysisStage.Totals after = runner.analysisTotals();
        long failed = Math.max(0, taken - (after.analysed() - before.analysed()));
        StageStatus status = runner.status(Stages.ANALYSIS);
        out().printf("Analysed %d items in %.1f s (%.1f items/s): %d entity mentions found%s; %d items still waiting%n",
                taken, seconds, taken / Math.max(seconds, 1e-3), after.entities() - before.entities(),
                failed > 0 ? ", " + failed + " items failed (see the log)" : "", status.waiting());
        if (status.state() == StageStatus.State.STOPPED) {
            err().println(status.stoppedReason());
            return ExitCodes.FAILED;
        }
        findClaimsAndClusters(session);
        return failed > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** What the analysed items claim, which story each belongs to, what is emerging: cheap next to analysis. */
    private void findClaimsAndClusters(WorkspaceSession session) throws InterruptedException {
        if (session.stages().status(Stages.ANALYSIS).waiting() > 0) {
            return; // --limit left items unanalysed: clustering now would analyse them on its behalf
        }
        long clustered = session.stages().runUntilIdle(ClusterStage.NAME, Long.MAX_VALUE);
        if (clustered == 0) {
            return;
        }
        ClusterFlagger.Round flags = session.rescoreFlags();
        int flagged = flags.newlyFlagged().size() + flags.cameBack().size();
        out().printf("Found the claims of %d items and put them in clusters; %d %s newly flagged%n", clustered,
                flagged, flagged == 1 ? "cluster" : "clusters");
    }
}
