package org.claimdesk.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rebuttals ({@code rebuttal}, {@code rebuttal_version}, {@code rebuttal_draft},
 * {@code rebuttal_status_change}): every version of the text kept, the review's steps recorded with
 * who and when, autosaved typing per editor. An edit or a step names the version it was made on;
 * when the rebuttal changed since, it is refused ({@link StaleRevisionException}), never silently
 * overwritten. The allowed steps ({@link RebuttalStatus#next()}) are checked in the same transaction.
 */
public final class RebuttalStore {
    private static final String COLUMNS = """
            r.id, r.cluster_id, r.translation_of, r.language, r.claim_text, r.verdict, r.short_answer, r.full_text,
            r.status, r.author, r.reviewer, r.deadline, r.revision, r.created_at, r.updated_at, r.published_at,
            r.published_url
            """;
    /** The cluster a rebuttal answers, after merges: its own id, or the one it was merged into. */
    private static final String ANSWERED_CLUSTER = "(SELECT COALESCE(k.merged_into, k.id) FROM claim_cluster k WHERE k.id = r.cluster_id)";

    private final Database database;

    public RebuttalStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Starts a rebuttal of a cluster as a draft, its text as version 1.
     *
     * @param translationOf the rebuttal this one translates, or null
     * @param deadline      when it should be out, or null
     */
    public StoredRebuttal create(long clusterId, Long translationOf, String language, RebuttalText text, String author,
                                 Instant deadline, Instant at) {
        Objects.requireNonNull(text, "text");
        String lang = language == null || language.isBlank() ? "und" : language.strip();
        return database.inTransaction("start a rebuttal of cluster " + clusterId, connection -> {
            long survivor = clusterSurvivor(connection, clusterId);
            if (translationOf != null) {
                find(connection, translationOf).orElseThrow(() ->
                        new IllegalArgumentException("rebuttal " + translationOf + " does not exist"));
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rebuttal (cluster_id, translation_of, language, claim_text, verdict, short_answer, full_text,
                                          status, author, deadline, revision, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    """, Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, survivor);
                insert.setObject(2, translationOf);
                insert.setString(3, lang);
                setText(insert, 4, text);
                insert.setString(8, RebuttalStatus.DRAFT.name());
                insert.setString(9, author);
                SqlValues.setInstant(insert, 10, deadline);
                SqlValues.setInstant(insert, 11, at);
                SqlValues.setInstant(insert, 12, at);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertVersion(connection, id, 1, text, author, at);
            recordStep(connection, id, null, RebuttalStatus.DRAFT, 1, author, at, null);
            return find(connection, id).orElseThrow();
        });
    }

    public Optional<StoredRebuttal> find(long id) {
        return database.inTransaction("read rebuttal " + id, connection -> find(connection, id));
    }

    /** The rebuttals of a cluster (and of the clusters merged into it), oldest first. */
    public List<StoredRebuttal> ofCluster(long clusterId) {
        return database.inTransaction("read the rebuttals of cluster " + clusterId, connection -> {
            long survivor = clusterSurvivor(connection, clusterId);
            return list(connection, "SELECT " + COLUMNS + " FROM rebuttal r WHERE " + ANSWERED_CLUSTER + " = ? ORDER BY r.id",
                    survivor);
        });
    }

    /**
     * Rebuttals in these statuses (all when empty): those with the nearest deadline first, then those
     * without one, most recently changed first. The queue and {@code claimdesk rebuttals}.
     */
    public List<StoredRebuttal> list(Set<RebuttalStatus> statuses, int limit) {
        String where = statuses.isEmpty() ? "" : " WHERE r.status IN (" + statuses.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
        return database.inTransaction("list rebuttals", connection -> list(connection, "SELECT " + COLUMNS
                + " FROM rebuttal r" + where + " ORDER BY CASE WHEN r.deadline IS NULL THEN 1 ELSE 0 END, r.deadline,"
                + " r.updated_at DESC, r.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY"));
    }

    /** A rebuttal and its versions in other languages: the one they translate first, then the others by id. */
    public List<StoredRebuttal> translations(long id) {
        return database.inTransaction("read the translations of rebuttal " + id, connection -> {
            StoredRebuttal one = find(connection, id).orElseThrow(() -> new IllegalArgumentException("rebuttal " + id + " does not exist"));
            long original = one.translationOf() == null ? one.id() : one.translationOf();
            return list(connection, "SELECT " + COLUMNS + " FROM rebuttal r WHERE r.id = ? OR r.translation_of = ?"
                    + " ORDER BY CASE WHEN r.id = ? THEN 0 ELSE 1 END, r.id", original, original, original);
        });
    }

    /**
     * Saves an edit as a new version, made on version {@code baseRevision}; the editor's autosaved
     * typing goes with it. Text that did not change makes no version. An approved or published
     * rebuttal whose text changes goes back to review.
     *
     * @param editorId the editor whose autosave this replaces, or null
     * @throws StaleRevisionException when another version was saved since {@code baseRevision}
     */
    public StoredRebuttal saveVersion(long id, int baseRevision, RebuttalText text, String editorId, String by, Instant at) {
        Objects.requireNonNull(text, "text");
        return database.inTransaction("save rebuttal " + id, connection -> {
            StoredRebuttal current = current(connection, id, baseRevision);
            if (editorId != null) {
                deleteDraft(connection, id, editorId);
            }
            if (current.text().equals(text)) {
                return current;
            }
            int revision = current.revision() + 1;
            RebuttalStatus status = current.status().editSendsBackToReview() ? RebuttalStatus.IN_REVIEW : current.status();
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rebuttal SET claim_text = ?, verdict = ?, short_answer = ?, full_text = ?, revision = ?,
                                        status = ?, updated_at = ?
                    WHERE id = ? AND revision = ?
                    """)) {
                setText(update, 1, text);
                update.setInt(5, revision);
                update.setString(6, status.name());
                SqlValues.setInstant(update, 7, at);
                update.setLong(8, id);
                update.setInt(9, baseRevision);
                update.executeUpdate();
            }
            insertVersion(connection, id, revision, text, by, at);
            if (status != current.status()) {
                recordStep(connection, id, current.status(), status, revision, by, at, "edited after it was " + wordOf(current.status()));
            }
            return find(connection, id).orElseThrow();
        });
    }

    /**
     * Keeps an editor's unsaved typing (every few seconds while it types): after a crash it is offered
     * back. One row per editor, so two windows never overwrite each other's.
     */
    public void autosave(long id, String editorId, int baseRevision, RebuttalText text, String by, Instant at) {
        Objects.requireNonNull(editorId, "editorId");
        Objects.requireNonNull(text, "text");
        database.inTransaction("autosave rebuttal " + id, connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rebuttal_draft SET base_revision = ?, claim_text = ?, verdict = ?, short_answer = ?, full_text = ?,
                                              saved_at = ?, saved_by = ?
                    WHERE rebuttal_id = ? AND editor_id = ?
                    """)) {
                update.setInt(1, baseRevision);
                setText(update, 2, text);
                SqlValues.setInstant(update, 6, at);
                update.setString(7, by);
                update.setLong(8, id);
                update.setString(9, editorId);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO rebuttal_draft (base_revision, claim_text, verdict, short_answer, full_text, saved_at,
                                                    saved_by, rebuttal_id, editor_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
                    insert.setInt(1, baseRevision);
                    setText(insert, 2, text);
                    SqlValues.setInstant(insert, 6, at);
                    insert.setString(7, by);
                    insert.setLong(8, id);
                    insert.setString(9, editorId);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Unsaved typing autosaved for this rebuttal, newest first (after a crash: what to offer back). */
    public List<RebuttalDraft> drafts(long id) {
        return database.inTransaction("read the autosaved typing of rebuttal " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT editor_id, base_revision, claim_text, verdict, short_answer, full_text, saved_at, saved_by
                    FROM rebuttal_draft WHERE rebuttal_id = ? ORDER BY saved_at DESC, editor_id
                    """)) {
                select.setLong(1, id);
                List<RebuttalDraft> drafts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        drafts.add(new RebuttalDraft(id, rows.getString("editor_id"), rows.getInt("base_revision"), text(rows),
                                SqlValues.instant(rows, "saved_at"), rows.getString("saved_by")));
                    }
                }
                return drafts;
            }
        });
    }

    /** Drops an editor's autosaved typing (it was saved, or the analyst chose not to keep it). */
    public void discardDraft(long id, String editorId) {
        database.inTransaction("discard autosaved typing of rebuttal " + id, connection -> {
            deleteDraft(connection, id, editorId);
            return null;
        });
    }

    /**
     * Moves a rebuttal one step of its review, as decided on version {@code revision} (a reviewer
     * approves what they read, not what was saved meanwhile). Approving records the reviewer;
     * publishing, the first publication time. Once published, an approved correction goes out as
     * {@link RebuttalStatus#UPDATED}, never as a first publication again.
     *
     * @throws StaleRevisionException   when another version was saved since {@code revision}
     * @throws IllegalArgumentException when the step is not allowed from where it stands
     */
    public StoredRebuttal changeStatus(long id, int revision, RebuttalStatus to, String by, Instant at, String note) {
        return changeStatus(id, revision, to, by, at, note, null);
    }

    /**
     * As {@link #changeStatus(long, int, RebuttalStatus, String, Instant, String)}, and when it goes
     * out, says where in the same transaction: {@code publishedUrl} replaces the address kept (null
     * keeps the one it has).
     */
    public StoredRebuttal changeStatus(long id, int revision, RebuttalStatus to, String by, Instant at, String note,
                                       URI publishedUrl) {
        Objects.requireNonNull(to, "to");
        if (publishedUrl != null && !to.isOut()) {
            throw new IllegalArgumentException("only a rebuttal that goes out has a published address");
        }
        return database.inTransaction("move rebuttal " + id + " to " + to, connection -> {
            StoredRebuttal current = current(connection, id, revision);
            RebuttalStatus from = current.status();
            if (!from.canMoveTo(to)) {
                throw new IllegalArgumentException("a rebuttal " + wordOf(from) + " cannot be " + wordOf(to));
            }
            if (from == RebuttalStatus.APPROVED && to == RebuttalStatus.PUBLISHED && current.publishedAt() != null) {
                throw new IllegalArgumentException("it was published before: a correction goes out as updated");
            }
            if (from == RebuttalStatus.APPROVED && to == RebuttalStatus.UPDATED && current.publishedAt() == null) {
                throw new IllegalArgumentException("it was never published: publish it first");
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rebuttal SET status = ?, updated_at = ?,
                           reviewer = CASE WHEN ? THEN ? ELSE reviewer END,
                           published_at = CASE WHEN ? AND published_at IS NULL THEN ? ELSE published_at END
                    WHERE id = ? AND revision = ? AND status = ?
                    """)) {
                update.setString(1, to.name());
                SqlValues.setInstant(update, 2, at);
                update.setBoolean(3, to == RebuttalStatus.APPROVED);
                update.setString(4, by);
                update.setBoolean(5, to.isOut());
                SqlValues.setInstant(update, 6, at);
                update.setLong(7, id);
                update.setInt(8, revision);
                update.setString(9, from.name());
                update.executeUpdate();
            }
            if (publishedUrl != null) {
                writePublishedUrl(connection, id, publishedUrl);
            }
            recordStep(connection, id, from, to, revision, by, at, note == null || note.isBlank() ? null : note.strip());
            return find(connection, id).orElseThrow();
        });
    }

    /**
     * Says where a published rebuttal went out (or clears it with null), after its publication: the
     * address may be known only once the post is up.
     */
    public StoredRebuttal setPublishedUrl(long id, URI publishedUrl, Instant at) {
        return database.inTransaction("set the published address of rebuttal " + id, connection -> {
            StoredRebuttal current = find(connection, id).orElseThrow(() ->
                    new IllegalArgumentException("rebuttal " + id + " does not exist"));
            if (current.publishedAt() == null) {
                throw new IllegalArgumentException("it was never published: publish it first");
            }
            writePublishedUrl(connection, id, publishedUrl);
            try (PreparedStatement update = connection.prepareStatement("UPDATE rebuttal SET updated_at = ? WHERE id = ?")) {
                SqlValues.setInstant(update, 1, at);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return find(connection, id).orElseThrow();
        });
    }

    private static void writePublishedUrl(Connection connection, long id, URI publishedUrl) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE rebuttal SET published_url = ? WHERE id = ?")) {
            SqlValues.setUri(update, 1, publishedUrl);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Sets or clears when it should be out. */
    public StoredRebuttal setDeadline(long id, Instant deadline, Instant at) {
        return database.inTransaction("set the deadline of rebuttal " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE rebuttal SET deadline = ?, updated_at = ? WHERE id = ?")) {
                SqlValues.setInstant(update, 1, deadline);
                SqlValues.setInstant(update, 2, at);
                update.setLong(3, id);
                if (update.executeUpdate() == 0) {
                    throw new IllegalArgumentException("rebuttal " + id + " does not exist");
                }
            }
            return find(connection, id).orElseThrow();
        });
    }

    /** Every saved version, oldest first. */
    public List<RebuttalVersion> versions(long id) {
        return database.inTransaction("read the versions of rebuttal " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT revision, claim_text, verdict, short_answer, full_text, saved_at, saved_by
                    FROM rebuttal_version WHERE rebuttal_id = ? ORDER BY revision
                    """)) {
                select.setLong(1, id);
                List<RebuttalVersion> versions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.add(new RebuttalVersion(id, rows.getInt("revision"), text(rows),
                                SqlValues.instant(rows, "saved_at"), rows.getString("saved_by")));
                    }
                }
                return versions;
            }
        });
    }

    /** The review's steps, oldest first, starting with its creation as a draft. */
    public List<RebuttalStatusChange> history(long id) {
        return database.inTransaction("read the review history of rebuttal " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT from_status, to_status, revision, changed_at, changed_by, note
                    FROM rebuttal_status_change WHERE rebuttal_id = ? ORDER BY id
                    """)) {
                select.setLong(1, id);
                List<RebuttalStatusChange> steps = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String from = rows.getString("from_status");
                        steps.add(new RebuttalStatusChange(from == null ? null : RebuttalStatus.valueOf(from),
                                RebuttalStatus.valueOf(rows.getString("to_status")), rows.getInt("revision"),
                                SqlValues.instant(rows, "changed_at"), rows.getString("changed_by"), rows.getString("note")));
                    }
                }
                return steps;
            }
        });
    }

    // ---- in a transaction ---------------------------------------------------------------------

    /** The rebuttal as stored, when its latest version is {@code revision}; otherwise the edit is stale. */
    private static StoredRebuttal current(Connection connection, long id, int revision) throws SQLException {
        StoredRebuttal current = find(connection, id).orElseThrow(() ->
                new IllegalArgumentException("rebuttal " + id + " does not exist"));
        if (current.revision() != revision) {
            throw new StaleRevisionException(id, revision, current.revision(), current.updatedAt(), lastSavedBy(connection, id));
        }
        return current;
    }

    private static String lastSavedBy(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT saved_by FROM rebuttal_version WHERE rebuttal_id = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static Optional<StoredRebuttal> find(Connection connection, long id) throws SQLException {
        return list(connection, "SELECT " + COLUMNS + " FROM rebuttal r WHERE r.id = ?", id).stream().findFirst();
    }

    private static List<StoredRebuttal> list(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setLong(i + 1, parameters[i]);
            }
            List<StoredRebuttal> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long original = rows.getLong("translation_of");
                    Long translationOf = rows.wasNull() ? null : original;
                    found.add(new StoredRebuttal(rows.getLong("id"), rows.getLong("cluster_id"),
                            translationOf, rows.getString("language"), text(rows),
                            RebuttalStatus.valueOf(rows.getString("status")), rows.getString("author"),
                            rows.getString("reviewer"), SqlValues.instant(rows, "deadline"), rows.getInt("revision"),
                            SqlValues.instant(rows, "created_at"), SqlValues.instant(rows, "updated_at"),
                            SqlValues.instant(rows, "published_at"), SqlValues.uri(rows, "published_url")));
                }
            }
            return found;
        }
    }

    static long clusterSurvivor(Connection connection, long clusterId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(merged_into, id) FROM claim_cluster WHERE id = ?")) {
            select.setLong(1, clusterId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("cluster " + clusterId + " does not exist");
                }
                return rows.getLong(1);
            }
        }
    }

    static void insertVersion(Connection connection, long id, int revision, RebuttalText text, String by, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rebuttal_version (claim_text, verdict, short_answer, full_text, rebuttal_id, revision, saved_at, saved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            setText(insert, 1, text);
            insert.setLong(5, id);
            insert.setInt(6, revision);
            SqlValues.setInstant(insert, 7, at);
            insert.setString(8, by);
            insert.executeUpdate();
        }
    }

    static void recordStep(Connection connection, long id, RebuttalStatus from, RebuttalStatus to, int revision,
                                   String by, Instant at, String note) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rebuttal_status_change (rebuttal_id, from_status, to_status, revision, changed_at, changed_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setLong(1, id);
            insert.setString(2, from == null ? null : from.name());
            insert.setString(3, to.name());
            insert.setInt(4, revision);
            SqlValues.setInstant(insert, 5, at);
            insert.setString(6, by);
            insert.setString(7, note);
            insert.executeUpdate();
        }
    }

    private static void deleteDraft(Connection connection, long id, String editorId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM rebuttal_draft WHERE rebuttal_id = ? AND editor_id = ?")) {
            delete.setLong(1, id);
            delete.setString(2, editorId);
            delete.executeUpdate();
        }
    }

    /** Sets the four text columns from {@code index}: claim, verdict, short answer, full text. */
    static void setText(PreparedStatement statement, int index, RebuttalText text) throws SQLException {
        statement.setString(index, text.claim());
        statement.setString(index + 1, text.verdict());
        statement.setString(index + 2, text.shortAnswer());
        statement.setString(index + 3, text.fullText());
    }

    static RebuttalText text(ResultSet rows) throws SQLException {
        return new RebuttalText(rows.getString("claim_text"), rows.getString("verdict"), rows.getString("short_answer"),
                rows.getString("full_text"));
    }

    private static String wordOf(RebuttalStatus status) {
        return switch (status) {
            case DRAFT -> "in draft";
            case IN_REVIEW -> "in review";
            case APPROVED -> "approved";
            case PUBLISHED -> "published";
            case UPDATED -> "updated";
            case WITHDRAWN -> "withdrawn";
        };
    }
}
