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
     */
    public record PackRequest(List<Long> rebuttalIds, Set<String> languages, boolean includeSnapshots, String organisation,
                              URI baseUrl, String createdBy) {
        public PackRequest {
            rebuttalIds = List.copyOf(rebuttalIds);
            languages = Set.copyOf(languages);
        }
    }

    /** A pack written: where, how many rebuttals and evidence snapshots, how many files in all. */
    public record PackWritten(Path file, int rebuttals, int snapshots, int files) {
    }

    /**
     * Writes approved rebuttals as a pack (a zip), replacing {@code target} only once it is complete.
     *
     * @throws IllegalArgumentException when a rebuttal chosen is not approved, none matches, or an
     *                                  address to publish at is missing
     */
    public PackWritten exportRebuttalPack(PackRequest request, Path target) throws IOException {
        return session.rebuttalPacks().write(request, target);
    }

    /** Writes the configured sources as OPML 2.0, replacing {@code target} only once it is complete. */
    public void exportOpml(Path target) {
        session.exportOpml(target);
    }
}
