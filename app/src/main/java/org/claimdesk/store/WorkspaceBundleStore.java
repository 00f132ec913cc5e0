package org.claimdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Workspace bundles in the database (decision 0024): what one carries, read in one transaction;
 * a bundle from elsewhere stored in one transaction, whole or not at all; the conflicts it left
 * and their resolution.
 */
public final class WorkspaceBundleStore {
    /** What an import did with one kind of thing. */
    public record Counts(int added, int updated, int unchanged) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /**
     * What an import did.
     *
     * @param newConflicts          conflicts this import found (their ids)
     * @param conflictsStillPending conflicts it found again that are still waiting for an analyst
     * @param rebuttalIds           the bundle's rebuttals as they are known here
     */
    public record Outcome(Counts items, Counts clusters, Counts rebuttals, Counts factChecks, List<Long> newConflicts,
                          int conflictsStillPending, List<Long> rebuttalIds) {
    }

    private static final String CONFLICT_COLUMNS = """
            c.id, c.rebuttal_id, r.language, r.status, c.local_revision, r.revision, r.claim_text, r.verdict, r.short_answer,
            r.full_text, c.their_claim, c.their_verdict, c.their_short, c.their_full, c.their_saved_at, c.their_saved_by,
            c.their_workspace, c.bundle_name, c.found_at, c.resolution, c.resolved_at, c.resolved_by
            """;

    private final Database database;

    public WorkspaceBundleStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * What a bundle of this workspace carries: what changed since {@code since} (everything when null).
     *
     * @param ownOrigin this workspace's id: what began here is named by it
     */
    public BundleContent read(Instant since, String ownOrigin) {
        return database.inTransaction("read a workspace bundle", connection -> new BundleExport(connection, ownOrigin).read(since));
    }

    /**
     * Stores a bundle from another workspace in one transaction.
     *
     * @param theirOrigin the id of the workspace that made it
     * @param bundleName  its file name, for the conflicts it leaves
     * @param by          who imports it, or null
     * @throws IllegalArgumentException when a value of the bundle does not fit (nothing is kept)
     */
    public Outcome importAll(BundleContent content, String ownOrigin, String theirOrigin, String bundleName, String by,
                             Instant at) {
        return database.inTransaction("import a workspace bundle", connection ->
                new BundleImport(connection, ownOrigin, theirOrigin, bundleName, by, at).run(content));
    }

    /** Conflicts waiting for an analyst, oldest first. */
    public List<RebuttalConflict> pendingConflicts() {
        return database.inTransaction("read the pending conflicts", connection -> conflicts(connection,
                "WHERE c.resolution IS NULL ORDER BY c.id", null));
    }

    /** Every conflict of a rebuttal, resolved or not, oldest first. */
    public List<RebuttalConflict> conflictsOf(long rebuttalId) {
        return database.inTransaction("read the conflicts of rebuttal " + rebuttalId, connection -> conflicts(connection,
                "WHERE c.rebuttal_id = ? ORDER BY c.id", rebuttalId));
    }

    public Optional<RebuttalConflict> conflict(long id) {
        return database.inTransaction("read conflict " + id, connection ->
                conflicts(connection, "WHERE c.id = ?", id).stream().findFirst());
    }

    /**
     * Resolves a conflict as a new version of the rebuttal, saved by {@code by}, that names the
     * incoming version it settled: ours again, theirs, or {@code merged}. Text that changes an
     * approved or published rebuttal sends it back to review, as any edit does.
     *
     * @throws IllegalArgumentException when there is no such conflict, it was resolved already, or a merge has no text
     */
    public StoredRebuttal resolve(long conflictId, RebuttalConflict.Resolution how, RebuttalText merged, String by, Instant at) {
        Objects.requireNonNull(how, "how");
        if (how == RebuttalConflict.Resolution.MERGED && merged == null) {
            throw new IllegalArgumentException("a merged resolution needs the merged text");
        }
        return database.inTransaction("resolve conflict " + conflictId, connection -> {
            RebuttalConflict conflict = conflicts(connection, "WHERE c.id = ?", conflictId).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("there is no conflict " + conflictId));
            if (!conflict.pending()) {
                throw new IllegalArgumentException("conflict " + conflictId + " was resolved already ("
                        + conflict.resolution().name().toLowerCase(java.util.Locale.ROOT) + " by "
                        + Objects.requireNonNullElse(conflict.resolvedBy(), "someone") + ")");
            }
            StoredRebuttal current = RebuttalStore.find(connection, conflict.rebuttalId()).orElseThrow();
            RebuttalText text = switch (how) {
                case MINE -> current.text();
                case THEIRS -> conflict.theirs();
                case MERGED -> merged;
            };
            int revision = current.revision() + 1;
            RebuttalStatus status = !text.equals(current.text()) && current.status().editSendsBackToReview()
                    ? RebuttalStatus.IN_REVIEW : current.status();
            TableRows rows = new TableRows(connection);
            rows.update("""
                    UPDATE rebuttal SET claim_text = ?, verdict = ?, short_answer = ?, full_text = ?, revision = ?, status = ?,
                                        updated_at = ?
                    WHERE id = ? AND revision = ?
                    """, text.claim(), text.verdict(), text.shortAnswer(), text.fullText(), revision, status.name(), at,
                    current.id(), current.revision());
            RebuttalStore.insertVersion(connection, current.id(), revision, text, by, at);
            String theirKey = rows.select("SELECT their_key FROM rebuttal_conflict WHERE id = ?", conflictId).getFirst()
                    .get("their_key").toString();
            rows.update("UPDATE rebuttal_version SET settles = ? WHERE rebuttal_id = ? AND revision = ?", theirKey,
                    current.id(), revision);
            RebuttalStore.recordStep(connection, current.id(), current.status(), status, revision, by, at,
                    "conflict with the version " + Objects.requireNonNullElse(conflict.theirSavedBy(), "someone")
                            + " saved " + conflict.theirSavedAt() + " elsewhere: " + switch (how) {
                                case MINE -> "kept this one";
                                case THEIRS -> "took theirs";
                                case MERGED -> "merged both";
                            });
            rows.update("""
                    UPDATE rebuttal_conflict SET resolution = ?, resolved_revision = ?, resolved_at = ?, resolved_by = ? WHERE id = ?
                    """, how.name(), revision, at, by, conflictId);
            return RebuttalStore.find(connection, current.id()).orElseThrow();
        });
    }

    private static List<RebuttalConflict> conflicts(Connection connection, String where, Long parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + CONFLICT_COLUMNS
                + " FROM rebuttal_conflict c JOIN rebuttal r ON r.id = c.rebuttal_id " + where)) {
            if (parameter != null) {
                select.setLong(1, parameter);
            }
            List<RebuttalConflict> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String resolution = rows.getString("resolution");
                    int localRevision = rows.getInt("local_revision");
                    found.add(new RebuttalConflict(rows.getLong("id"), rows.getLong("rebuttal_id"), rows.getString("language"),
                            RebuttalStatus.valueOf(rows.getString("status")), localRevision, RebuttalStore.text(rows),
                            rows.getInt("revision") != localRevision,
                            new RebuttalText(rows.getString("their_claim"), rows.getString("their_verdict"),
                                    rows.getString("their_short"), rows.getString("their_full")),
                            SqlValues.instant(rows, "their_saved_at"), rows.getString("their_saved_by"),
                            rows.getString("their_workspace"), rows.getString("bundle_name"), SqlValues.instant(rows, "found_at"),
                            resolution == null ? null : RebuttalConflict.Resolution.valueOf(resolution),
                            SqlValues.instant(rows, "resolved_at"), rows.getString("resolved_by")));
                }
            }
            return found;
        }
    }
}
