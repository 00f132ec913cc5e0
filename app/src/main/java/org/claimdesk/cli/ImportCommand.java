package org.claimdesk.cli;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.export.EncryptionException;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.export.PackReader;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FeedsFileWriter;
import org.claimdesk.workspace.EncryptedFiles;
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
                Boolean imported = EncryptedFiles.isEncrypted(path) ? importEncrypted(session, path) : importPlain(session, path, path);
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
     * An encrypted file: decrypted and checked inside the workspace, then imported as the plain file
     * would be; a wrong passphrase or key, or a changed file, is refused before anything is read.
     */
    private Boolean importEncrypted(WorkspaceSession session, Path path) throws InterruptedException, IOException {
        EncryptedFiles files = session.exports().encryptedFiles();
        Passphrases passphrases = Passphrases.ofThisProcess();
        if (!passphraseRead) {
            passphrase = passphrases.given(passphraseFile);
            passphraseRead = true;
        }
        for (int attempt = 0; ; attempt++) {
            try (EncryptedFiles.DecryptedCopy plain = files.decrypt(path, new OpenPgpEnvelope.Keys(passphrase, secretKeys))) {
                out().printf("%s: decrypted (OpenPGP, integrity checked)%n", path);
                return importPlain(session, plain.file(), path);
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
            }
        }
    }

    private String hint(EncryptionException.Reason reason) {
        return switch (reason) {
            case NEEDS_KEY -> " (--passphrase-file FILE, $" + Passphrases.VARIABLE + " or --secret-key FILE)";
            case WRONG_PASSPHRASE -> passphraseFile != null ? " (from " + passphraseFile + ")" : "";
            default -> "";
        };
    }

    /** A file as it is today: a rebuttal pack, a workspace bundle, else saved feeds, pages and OPML; null when cancelled. */
    private Boolean importPlain(WorkspaceSession session, Path path, Path shownAs) throws InterruptedException {
        if (PackReader.isPack(path)) {
            return importPack(session, path, shownAs);
        }
        if (WorkspaceBundles.isBundle(path)) {
            return importBundle(session, path, shownAs);
        }
        boolean problems = false;
        ImportReport report;
        try (CommandProgress progress = progress("import " + shownAs.getFileName(), "files", 0)) {
            report = session.ingest().importPath(path, (done, total, current) -> progress.stepTo(done, total));
        }
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

    /** A workspace bundle: checked whole, stored whole or not at all; conflicts are kept for 'claimdesk conflicts'. */
    private boolean importBundle(WorkspaceSession session, Path bundle, Path shownAs) {
        try {
            WorkspaceBundles.BundleImportReport report = session.bundles().importBundle(bundle);
            out().printf("%s: workspace bundle from %s%s of %s%n", shownAs, report.fromWorkspace(),
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
    private boolean importPack(WorkspaceSession session, Path pack, Path shownAs) {
        try {
            Rebuttals.PackImported imported = session.importRebuttalPack(pack);
            out().printf("%s: rebuttal pack from %s: %d new, %d updated, %d unchanged%n", shownAs, imported.organisation(),
                    imported.added(), imported.updated(), imported.unchanged());
            return true;
        } catch (IOException | RuntimeException e) {
            err().println("  " + e.getMessage());
            return false;
        }
    }
}
