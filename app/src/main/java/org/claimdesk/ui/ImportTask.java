package org.claimdesk.ui;

import org.claimdesk.export.EncryptionException;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.LongTask;
import org.claimdesk.ui.task.TaskProgress;
import org.claimdesk.workspace.Importing;
import org.claimdesk.store.WorkspaceBundleStore;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * "Import…": a folder or zip of saved feeds and pages, an OPML list, a rebuttal pack or a
 * workspace bundle, each of them possibly encrypted. An encrypted file without the right
 * passphrase ends as {@link PassphraseWanted}, so the window can ask and try again.
 */
final class ImportTask implements LongTask<ImportTask.Outcome> {
    /** How it ended. */
    sealed interface Outcome {
    }

    /** Imported; what it was and did. */
    record Done(Importing.Imported imported) implements Outcome {
    }

    /**
     * The file is encrypted and what was given (if anything) does not open it.
     *
     * @param why what is missing or wrong, in the analyst's words
     */
    record PassphraseWanted(Path file, String why) implements Outcome {
    }

    private final OpenWorkspace workspace;
    private final Path path;
    private final OpenPgpEnvelope.Keys keys;
    private final Messages messages;

    /** @param keys for an encrypted file, or null; its passphrase is wiped when the task ends */
    ImportTask(OpenWorkspace workspace, Path path, OpenPgpEnvelope.Keys keys, Messages messages) {
        this.workspace = workspace;
        this.path = path;
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public Outcome call(TaskProgress progress) throws Exception {
        progress.message(messages.format("import.starting", path.getFileName()));
        try {
            return new Done(workspace.importFile(path, keys, (done, total, current) -> {
                progress.progress(done, total);
                progress.message(messages.format("import.progress", done, total, current));
            }));
        } catch (EncryptionException e) {
            return switch (e.reason()) {
                // the analyst can give what opens it and try again; a damaged file stays refused
                case NEEDS_KEY, WRONG_PASSPHRASE, WRONG_KEY -> new PassphraseWanted(path, e.getMessage());
                default -> throw e;
            };
        } finally {
            if (keys != null && keys.passphrase() != null) {
                Arrays.fill(keys.passphrase(), '\0');
            }
        }
    }

    /** How the import went, as the status line says it. */
    static String outcome(Messages messages, Importing.Imported imported) {
        return switch (imported) {
            case Importing.SavedMaterial saved -> outcome(messages, saved.report());
            case Importing.Pack pack -> messages.format("status.packImported", imported.file().getFileName(),
                    pack.report().organisation(), pack.report().added(), pack.report().updated(), pack.report().unchanged());
            case Importing.Bundle bundle -> messages.format("status.bundleImported", imported.file().getFileName(),
                    bundle.report().createdBy() == null ? bundle.report().fromWorkspace() : bundle.report().createdBy(),
                    changed(bundle.report().items()), changed(bundle.report().clusters()),
                    changed(bundle.report().rebuttals()), bundle.report().conflicts());
        };
    }

    static String outcome(Messages messages, ImportReport report) {
        return messages.format(report.cancelled() ? "status.importCancelled" : "status.importDone",
                report.files(), report.newItems(), report.sources().size(), report.problems().size());
    }

    private static int changed(WorkspaceBundleStore.Counts counts) {
        return counts.added() + counts.updated();
    }
}
