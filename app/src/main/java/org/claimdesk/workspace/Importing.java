package org.claimdesk.workspace;

import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.export.PackReader;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One door for whatever an analyst brings in: an encrypted file (OpenPGP) is opened inside the
 * workspace first, then a rebuttal pack, a workspace bundle or saved feeds and pages go where
 * each belongs. The window's Import uses it; every call blocks, off the UI thread.
 */
public final class Importing {
    /** What an import was and did; {@link #file()} is the file as the analyst named it. */
    public sealed interface Imported {
        Path file();

        /** Whether it came encrypted (and was opened with the key given). */
        boolean decrypted();
    }

    /** Saved feeds, pages, a zip of them or an OPML list. */
    public record SavedMaterial(Path file, boolean decrypted, ImportReport report) implements Imported {
    }

    /** A rebuttal pack from another team. */
    public record Pack(Path file, boolean decrypted, Rebuttals.PackImported report) implements Imported {
    }

    /** A workspace bundle from another ClaimDesk (conflicts, if any, wait in {@link WorkspaceBundles#conflicts()}). */
    public record Bundle(Path file, boolean decrypted, WorkspaceBundles.BundleImportReport report) implements Imported {
    }

    private final WorkspaceSession session;

    Importing(WorkspaceSession session) {
        this.session = session;
    }

    /** Whether opening this file needs a passphrase or a secret key; reads its first bytes. */
    public static boolean isEncrypted(Path file) {
        return EncryptedFiles.isEncrypted(file);
    }

    /**
     * Imports a file or folder of any kind ClaimDesk knows.
     *
     * @param keys what opens an encrypted file; {@code null} when none was given
     * @throws org.claimdesk.export.EncryptionException when an encrypted file cannot be opened with
     *                                                  {@code keys} (none given, a wrong passphrase or key, a changed file)
     * @throws PackReader.RefusedPack when a pack or bundle is refused; nothing of it is kept
     */
    public Imported importFile(Path file, OpenPgpEnvelope.Keys keys, ImportProgress progress)
            throws IOException, InterruptedException {
        Objects.requireNonNull(file, "file");
        if (!EncryptedFiles.isEncrypted(file)) {
            return importPlain(file, file, false, progress);
        }
        OpenPgpEnvelope.Keys given = keys == null ? new OpenPgpEnvelope.Keys(null, java.util.List.of()) : keys;
        try (EncryptedFiles.DecryptedCopy plain = session.exports().encryptedFiles().decrypt(file, given)) {
            return importPlain(plain.file(), file, true, progress);
        }
    }

    private Imported importPlain(Path plain, Path named, boolean decrypted, ImportProgress progress)
            throws IOException, InterruptedException {
        if (PackReader.isPack(plain)) {
            return new Pack(named, decrypted, session.importRebuttalPack(plain));
        }
        if (WorkspaceBundles.isBundle(plain)) {
            return new Bundle(named, decrypted, session.bundles().importBundle(plain));
        }
        return new SavedMaterial(named, decrypted, session.ingest().importPath(plain, progress));
    }
}
