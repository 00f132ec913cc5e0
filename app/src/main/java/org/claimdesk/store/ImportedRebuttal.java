package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rebuttal that came from another workspace in a pack, as it is stored here.
 *
 * @param origin             "&lt;exporting workspace id&gt;:&lt;its rebuttal id&gt;": how it is known again
 * @param translationOrigin  the origin of the rebuttal it translates, or null
 * @param appearances        where its claim was seen: a stored item with one of these addresses links it to that item's cluster
 * @param updatedAt          its latest version's time where it came from: a newer one replaces an older one
 */
public record ImportedRebuttal(String origin, String translationOrigin, String language, RebuttalText text,
                               RebuttalStatus status, String author, String reviewer, Instant publishedAt, Instant updatedAt,
                               List<URI> appearances, List<Evidence> evidence) {
    public ImportedRebuttal {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        appearances = List.copyOf(appearances);
        evidence = List.copyOf(evidence);
    }

    /** A piece of its evidence; the snapshot's bytes are in the snapshot folder already. */
    public record Evidence(URI url, String title, String note, EvidenceSnapshot snapshot) {
    }
}
