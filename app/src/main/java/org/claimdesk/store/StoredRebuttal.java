package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A rebuttal as stored now: its latest version's text and where it stands.
 *
 * @param clusterId     the cluster it answers (the one that carries on, when it was merged)
 * @param translationOf the rebuttal it translates, or null
 * @param revision      its latest version's number: an edit names it, and a stale one is refused
 * @param publishedAt   when it was first published, or null
 * @param publishedUrl  the address where it was published, when the team said so; else null
 */
public record StoredRebuttal(long id, long clusterId, Long translationOf, String language, RebuttalText text,
                             RebuttalStatus status, String author, String reviewer, Instant deadline, int revision,
                             Instant createdAt, Instant updatedAt, Instant publishedAt, URI publishedUrl) {
    public StoredRebuttal {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }

    /** A rebuttal with no published address (never published, or nobody said where). */
    public StoredRebuttal(long id, long clusterId, Long translationOf, String language, RebuttalText text,
                          RebuttalStatus status, String author, String reviewer, Instant deadline, int revision,
                          Instant createdAt, Instant updatedAt, Instant publishedAt) {
        this(id, clusterId, translationOf, language, text, status, author, reviewer, deadline, revision, createdAt,
                updatedAt, publishedAt, null);
    }

    /** Past its deadline and not out yet (nor withdrawn). */
    public boolean overdue(Instant now) {
        return deadline != null && now.isAfter(deadline) && !status.isOut() && status != RebuttalStatus.WITHDRAWN;
    }
}
