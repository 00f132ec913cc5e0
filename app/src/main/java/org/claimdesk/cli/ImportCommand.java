package org.claimdesk.cli;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.export.PackReader;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FeedsFileWriter;
import org.claimdesk.workspace.Rebuttals;
import org.claimdesk.workspace.WorkspaceBundles;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

@Command(name = "import", description = {"Import saved feeds (RSS/Atom), web pages (HTML) and OPML lists",
        "from files, folders or zip archives, and rebuttal packs and workspace bundles from another",
        "ClaimDesk, with no network."})
final class ImportCommand extends SessionCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "File, folder or .zip to import.")
    List<Path> paths;

    @Option(names = "--add-sources", description = "Add the feeds found in OPML lists to feeds.yml (comments and layout are kept).")
    boolean addSources;

    @Override
    int run(WorkspaceSession session) throws InterruptedException {
        boolean problems = false;
        for (Path path : paths) {
            if (PackReader.isPack(path)) {
                problems |= !importPack(session, path);
                continue;
            }
            if (WorkspaceBundles.isBundle(path)) {
                problems |= !importBundle(session, path);
                continue;
            }
            ImportReport report;
            try (CommandProgress progress = progress("import " + path.getFileName(), "files", 0)) {
                report = session.ingest().importPath(path, (done, total, current) -> progress.stepTo(done, total));
            }
            out().printf("%s: %d files, %d new items%s%n", path, report.files(), report.newItems(),
                    report.cancelled() ? " (cancelled)" : "");
            for (String problem : report.problems()) {
                err().println("  " + problem);
            }
            if (!report.sources().isEmpty() && addSources) {
                try {
                    FeedsFileWriter.Appended appended = new FeedsFileWriter(new FeedsFileParser(CssSelectors.CHECK))
                            .append(session.sources().feedsFile(), report.sources());
                    out().printf("  %d feeds added to %s, %d were already there%n", appended.added().size(),
                            session.sources().feedsFile(), appended.alreadyPresent().size());
                } catch (FeedsFileException e) {
                    err().println("  feeds.yml was not changed: " + String.join("; ", e.lines()));
                    problems = true;
                } catch (IOException e) {
                    err().println("  feeds.yml was not changed: " + e.getMessage());
                    problems = true;
                }
            } else if (!report.sources().isEmpty()) {
                out().printf("  %d feeds in OPML lists; add them with --add-sources, or paste those you want into %s:%n",
                        report.sources().size(), session.sources().feedsFile());
                out().print(FeedsFileWriter.entries(report.sources(), "  "));
            }
            problems |= !report.problems().isEmpty();
            if (report.cancelled()) {
                return ExitCodes.CANCELLED;
            }
        }
        return problems ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** A workspace bundle: checked whole, stored whole or not at all; conflicts are kept for 'claimdesk conflicts'. */
    private boolean importBundle(WorkspaceSession session, Path bundle) {
        try {
            WorkspaceBundles.BundleImportReport report = session.bundles().importBundle(bundle);
            out().printf("%s: workspace bundle from %s%s of %s%n", bundle, report.fromWorkspace(),
                    report.createdBy() == null ? "" : " (" + report.createdBy() + ")", report.createdAt());
            out().printf("  items       %s%n  clusters    %s%n  rebuttals   %s%n  fact-checks %s%n", counts(report.items()),
                    counts(report.clusters()), counts(report.rebuttals()), counts(report.factChecks()));
            out().printf("  conflicts   %d new, %d still pending%s%n", report.newConflicts().size(), report.conflictsStillPending(),
                    report.conflicts() == 0 ? "" : ": see 'claimdesk conflicts'");
            return true;
        } catch (IOException | RuntimeException e) {
            err().println("  " + e.getMessage());
            return false;
        }
    }

    private static String counts(org.claimdesk.store.WorkspaceBundleStore.Counts counts) {
        return counts.added() + " new, " + counts.updated() + " updated, " + counts.unchanged() + " unchanged";
    }

    /** A rebuttal pack: checked whole, stored whole or not at all. */
    private boolean importPack(WorkspaceSession session, Path pack) {
        try {
            Rebuttals.PackImported imported = session.importRebuttalPack(pack);
            out().printf("%s: rebuttal pack from %s: %d new, %d updated, %d unchanged%n", pack, imported.organisation(),
                    imported.added(), imported.updated(), imported.unchanged());
            return true;
        } catch (IOException | RuntimeException e) {
            err().println("  " + e.getMessage());
            return false;
        }
    }
}
