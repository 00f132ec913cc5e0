package org.claimdesk.cli;

import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.source.Source;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "import", description = {"Import saved feeds (RSS/Atom), web pages (HTML) and OPML lists",
        "from files, folders or zip archives, with no network."})
final class ImportCommand extends SessionCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "File, folder or .zip to import.")
    List<Path> paths;

    @Override
    int run(WorkspaceSession session) throws InterruptedException {
        boolean problems = false;
        for (Path path : paths) {
            ImportReport report = session.importPath(path, ImportProgress.NONE);
            out().printf("%s: %d files, %d new items%s%n", path, report.files(), report.newItems(),
                    report.cancelled() ? " (cancelled)" : "");
            for (String problem : report.problems()) {
                err().println("  " + problem);
            }
            if (!report.sources().isEmpty()) {
                out().printf("  %d feeds in OPML lists; add those you want to %s:%n", report.sources().size(),
                        session.feedsFile());
                for (Source s : report.sources()) {
                    out().printf("  - id: %s%n    name: %s%n    url: %s%n", s.id(), s.name(), s.url());
                }
            }
            problems |= !report.problems().isEmpty();
            if (report.cancelled()) {
                return ExitCodes.CANCELLED;
            }
        }
        return problems ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
