package org.claimdesk.workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** What a workspace can write out for others: its sources as OPML, its approved rebuttals as packs. Blocks. */
public final class Exporting {
    private final WorkspaceSession session;

    Exporting(WorkspaceSession session) {
        this.session = session;
    }

    /**
     * Which rebuttals go in a pack, and how it is published.
     *
     * @param rebuttalIds      these (each approved or published); empty for every approved or published one
     * @param languages        only these languages; empty for all
     * @param includeSnapshots whether the kept copies of the evidence go in
     * @param organisation     the publishing organisation (the ClaimReview records' author)
     * @param baseUrl          where the rebuttals are published: each record's address is this with the
     *                         rebuttal's id and language after it
     * @param createdBy        the identity exporting it, or null
     * @param logo             the organisation's logo (PNG or JPEG) for the page, or null
     * @param logoMediaType    "image/png" or "image/jpeg", or null without a logo
     */
    public record PackRequest(List<Long> rebuttalIds, Set<String> languages, boolean includeSnapshots, String organisation,
                              URI baseUrl, String createdBy, byte[] logo, String logoMediaType) {
        public PackRequest {
            rebuttalIds = List.copyOf(rebuttalIds);
            languages = Set.copyOf(languages);
        }

        public PackRequest(List<Long> rebuttalIds, Set<String> languages, boolean includeSnapshots, String organisation,
                           URI baseUrl, String createdBy) {
            this(rebuttalIds, languages, includeSnapshots, organisation, baseUrl, createdBy, null, null);
        }
    }

    /** The media type of a logo file by its name: "image/png", "image/jpeg", or null for anything else. */
    public static String logoMediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : null;
    }

    /** A pack written: where, how many rebuttals and evidence snapshots, how many files in all. */
    public record PackWritten(Path file, int rebuttals, int snapshots, int files) {
    }

    /**
     * Writes approved rebuttals as a pack (a zip), replacing {@code target} only once it is complete.
     *
     * @throws IllegalArgumentException when a rebuttal chosen is not approved, none matches, or an
     *                                  address to publish at is missing
     * @throws org.claimdesk.export.MissingFontException when no font on this machine writes a script
     *                                  of the rebuttals in the PDF (naming the script and a font package)
     */
    public PackWritten exportRebuttalPack(PackRequest request, Path target) throws IOException {
        return session.rebuttalPacks().write(request, target);
    }

    /**
     * Writes approved rebuttals as a pack encrypted to {@code to} (OpenPGP, decision 0025): the plain
     * pack only ever exists inside the workspace; {@code target} receives the encrypted file alone.
     */
    public PackWritten exportRebuttalPack(PackRequest request, Path target, org.claimdesk.export.OpenPgpEnvelope.Recipients to)
            throws IOException {
        PackWritten plain = encryptedFiles().writeEncrypted(EncryptedFiles.plainZipName(target), target, to,
                file -> exportRebuttalPack(request, file));
        return new PackWritten(target, plain.rebuttals(), plain.snapshots(), plain.files());
    }

    /** Encrypting what this workspace writes out, decrypting what comes in (decision 0025). */
    public EncryptedFiles encryptedFiles() {
        return new EncryptedFiles(session.workspace(), new org.claimdesk.export.OpenPgpEnvelope());
    }

    /** Writes the configured sources as OPML 2.0, replacing {@code target} only once it is complete. */
    public void exportOpml(Path target) {
        session.exportOpml(target);
    }
}
