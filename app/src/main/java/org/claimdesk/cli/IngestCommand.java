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
        PollReport report = session.ingest().pollNow(new PollProgress() {
            @Override
            public void sourceFinished(SourcePollResult r, int done, int total) {
                synchronized (IngestCommand.this) {
                    if (r.failed()) {
                        out().printf("FAIL %-28s %s: %s%n", r.sourceId(), r.failure(), r.message());
                    } else {
                        out().printf("ok   %-28s %d new of %d%n", r.sourceId(), r.newItems(), r.seen());
                    }
                    out().flush();
                }
            }
        });
        out().printf("%d new items from %d sources, %d failing%s%n", report.newItems(), report.results().size(),
                report.failedSources(), report.cancelled() ? " (cancelled)" : "");
        if (report.cancelled()) {
            return ExitCodes.CANCELLED;
        }
        // the article pages the poll queued (decision 0011); what is not due yet (a retry) or
        // beyond --max-articles stays queued for the next run
        long articles = session.stages().runUntilIdle(Stages.ARTICLES, Math.max(0, maxArticles));
        long waiting = session.stages().status(Stages.ARTICLES).waiting();
        out().printf("%d article pages fetched, %d waiting%n", articles, waiting);
        return report.failedSources() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
