package org.claimdesk.cli;

import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.workspace.Stages;
import org.claimdesk.workspace.WorkspaceEvent;
import org.claimdesk.workspace.WorkspaceEvents;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;

@Command(name = "ingest", description = {"Poll the enabled sources of feeds.yml and store new items.",
        "Without --once, keeps polling each source on its interval until stopped (Ctrl+C)."})
final class IngestCommand extends SessionCommand {
    @Option(names = "--once", description = {"Poll every enabled source once, fetch the article pages that queued, then exit."})
    boolean once;

    @Option(names = "--max-articles", paramLabel = "N", description = {"With --once: fetch at most N article pages;",
            "the rest stay queued for the next run (default: all)."})
    long maxArticles = Long.MAX_VALUE;

    /** Article pages are fetched in steps of this many (one batch of the stage), so the progress moves between them. */
    private static final long ARTICLE_STEP = 64;

    @Override
    boolean needsSources() {
        return true;
    }

    @Override
    int run(WorkspaceSession session) throws InterruptedException {
        if (!once) {
            out().printf("Polling %d sources of %s on their intervals; Ctrl+C to stop.%n",
                    session.sources().config().enabledSources().size(), session.sources().feedsFile());
            out().flush();
            // Background failures are said as they happen; one that stops work for good ends the
            // command with its reason, so a supervisor (systemd, cron's mail) sees it.
            CountDownLatch stopped = new CountDownLatch(1);
            String[] reason = {null};
            try (WorkspaceEvents.Subscription failures = session.events().subscribe(event -> {
                if (event instanceof WorkspaceEvent.BackgroundFailure failure) {
                    synchronized (IngestCommand.this) {
                        err().printf("%s: %s%s%n", failure.task(), failure.message(), failure.stopped() ? " (stopped)" : "");
                        err().flush();
                    }
                    if (failure.stopped()) {
                        reason[0] = failure.task() + " stopped: " + failure.message();
                        stopped.countDown();
                    }
                }
            })) {
                session.startBackgroundWork();
                stopped.await();
            }
            err().println("claimdesk: " + reason[0]);
            return ExitCodes.FAILED;
        }
        int sources = session.sources().config().enabledSources().size();
        PollReport report;
        try (CommandProgress progress = progress("feeds", "sources", sources)) {
            report = session.ingest().pollNow(new PollProgress() {
                @Override
                public void sourceFinished(SourcePollResult r, int done, int total) {
                    progress.println(out(), r.failed()
                            ? String.format("FAIL %-28s %s: %s", r.sourceId(), r.failure(), r.message())
                            : String.format("ok   %-28s %d new of %d", r.sourceId(), r.newItems(), r.seen()));
                    progress.stepTo(done, total);
                }
            });
        }
        out().printf("%d new items from %d sources, %d failing%s%n", report.newItems(), report.results().size(),
                report.failedSources(), report.cancelled() ? " (cancelled)" : "");
        out().flush();
        if (report.cancelled()) {
            return ExitCodes.CANCELLED;
        }
        // the article pages the poll queued (decision 0011); what is not due yet (a retry) or
        // beyond --max-articles stays queued for the next run
        Stages stages = session.stages();
        long toFetch = Math.min(stages.status(Stages.ARTICLES).waiting(), Math.max(0, maxArticles));
        long fetched = 0;
        try (CommandProgress progress = progress("article pages", "pages", toFetch)) {
            while (fetched < Math.max(0, maxArticles)) {
                long step = stages.runUntilIdle(Stages.ARTICLES, Math.min(ARTICLE_STEP, maxArticles - fetched));
                if (step == 0) {
                    break; // nothing due: done, or retries later
                }
                fetched += step;
                progress.stepTo(fetched, Math.max(toFetch, fetched));
            }
        }
        long waiting = stages.status(Stages.ARTICLES).waiting();
        out().printf("%d article pages fetched, %d waiting%n", fetched, waiting);
        out().flush();
        // a search right after this finds everything stored, without a catch-up of its own
        if (IndexCommand.bringUpToDate(this, session).cancelled()) {
            return ExitCodes.CANCELLED;
        }
        return report.failedSources() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
