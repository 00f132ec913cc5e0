package org.claimdesk.cli;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.export.EncryptionException;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FeedsFileWriter;
import org.claimdesk.workspace.Importing;
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
        "from files, folders or zip archives, rebuttal packs and workspace bundles from another ClaimDesk,",
        "encrypted (OpenPGP) or not, with no network."})
final class ImportCommand extends SessionCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "File, folder or .zip to import.")
    List<Path> paths;

    @Option(names = "--add-sources", description = "Add the feeds found in OPML lists to feeds.yml (comments and layout are kept).")
    boolean addSources;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = {"For an encrypted (OpenPGP) file: the passphrase on",
            "this file's first line (else $" + Passphrases.VARIABLE + ", else asked on the terminal);",
            "it also unlocks a protected --secret-key."})
    Path passphraseFile;

    @Option(names = "--secret-key", paramLabel = "FILE", description = {"For a file encrypted to a public key: the secret key",
            "(as gpg --export-secret-keys writes it); repeatable."})
    List<Path> secretKeys = List.of();

    private char[] passphrase;
    private boolean passphraseRead;

    @Override
    int run(WorkspaceSession session) throws InterruptedException, IOException {
        try {
            boolean problems = false;
            for (Path path : paths) {
                Boolean imported = importOne(session, path);
                if (imported == null) {
                    return ExitCodes.CANCELLED;
                }
                problems |= !imported;
            }
            return problems ? ExitCodes.PARTIAL : ExitCodes.OK;
        } finally {
            Passphrases.forget(passphrase);
        }
    }

    /**
     * One path through the workspace's one import door ({@code session.imports()}, which the window
     * uses too): an encrypted file is decrypted and checked inside the workspace first, and a wrong
     * passphrase or key, or a changed file, is refused before anything is read; on a terminal a
     * missing or wrong passphrase is asked for once. True when it went without problems, null when
     * cancelled.
     */
    private Boolean importOne(WorkspaceSession session, Path path) throws InterruptedException, IOException {
        boolean encrypted = Importing.isEncrypted(path);
        Passphrases passphrases = Passphrases.ofThisProcess();
        if (encrypted && !passphraseRead) {
            passphrase = passphrases.given(passphraseFile);
            passphraseRead = true;
        }
        for (int attempt = 0; ; attempt++) {
            Importing.Imported imported;
            // only saved feeds and pages report progress: the bar starts with the first step
            CommandProgress[] bar = new CommandProgress[1];
            try {
                imported = session.imports().importFile(path, encrypted ? new OpenPgpEnvelope.Keys(passphrase, secretKeys) : null,
                        (done, total, current) -> {
                            if (bar[0] == null) {
                                bar[0] = progress("import " + path.getFileName(), "files", 0);
                            }
                            bar[0].stepTo(done, total);
                        });
            } catch (EncryptionException e) {
                boolean mayAsk = attempt == 0 && passphrase == null && passphrases.canAsk()
                        && (e.reason() == EncryptionException.Reason.NEEDS_KEY || e.reason() == EncryptionException.Reason.WRONG_PASSPHRASE);
                if (mayAsk) {
                    passphrase = passphrases.ask("Passphrase for " + path.getFileName(), false);
                    if (passphrase != null) {
                        continue;
                    }
                }
                err().println("  " + e.getMessage() + hint(e.reason()) + "; nothing of it was imported");
                return false;
            } catch (IOException e) {
                // a refused pack or bundle (nothing of it kept) or an unreadable file
                err().println("  " + path + ": " + e.getMessage());
                return false;
            } finally {
                if (bar[0] != null) {
                    bar[0].close();
                }
            }
            if (imported.decrypted()) {
                out().printf("%s: decrypted (OpenPGP, integrity checked)%n", path);
            }
            return switch (imported) {
                case Importing.SavedMaterial saved -> reportSaved(session, saved.report(), path);
                case Importing.Pack pack -> reportPack(pack.report(), path);
                case Importing.Bundle bundle -> reportBundle(bundle.report(), path);
            };
        }
    }

    private String hint(EncryptionException.Reason reason) {
        return switch (reason) {
            case NEEDS_KEY -> " (--passphrase-file FILE, $" + Passphrases.VARIABLE + " or --secret-key FILE)";
            case WRONG_PASSPHRASE -> passphraseFile != null ? " (from " + passphraseFile + ")" : "";
            default -> "";
        };
    }

    /** Saved feeds, pages and OPML: what came in, and the OPML lists' feeds added or offered; null when cancelled. */
    private Boolean reportSaved(WorkspaceSession session, ImportReport report, Path shownAs) {
        boolean problems = false;
        out().printf("%s: %d files, %d new items%s%n", shownAs, report.files(), report.newItems(),
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
            return null;
        }
        return !problems;
    }

    /** A workspace bundle, checked whole and stored whole; conflicts are kept for 'claimdesk conflicts'. */
    private boolean reportBundle(WorkspaceBundles.BundleImportReport report, Path shownAs) {
        out().printf("%s: workspace bundle from %s%s of %s%n", shownAs, report.fromWorkspace(),
                report.createdBy() == null ? "" : " (" + report.createdBy() + ")", report.createdAt());
        out().printf("  items       %s%n  clusters    %s%n  rebuttals   %s%n  fact-checks %s%n", counts(report.items()),
                counts(report.clusters()), counts(report.rebuttals()), counts(report.factChecks()));
        out().printf("  conflicts   %d new, %d still pending%s%n", report.newConflicts().size(), report.conflictsStillPending(),
                report.conflicts() == 0 ? "" : ": see 'claimdesk conflicts'");
        return true;
    }

    private static String counts(org.claimdesk.store.WorkspaceBundleStore.Counts counts) {
        return counts.added() + " new, " + counts.updated() + " updated, " + counts.unchanged() + " unchanged";
    }

    /** A rebuttal pack, checked whole and stored whole. */
    private boolean reportPack(Rebuttals.PackImported imported, Path shownAs) {
        out().printf("%s: rebuttal pack from %s: %d new, %d updated, %d unchanged%n", shownAs, imported.organisation(),
                imported.added(), imported.updated(), imported.unchanged());
        return true;
    }
}
