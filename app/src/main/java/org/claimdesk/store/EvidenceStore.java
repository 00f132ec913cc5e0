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

/** The evidence of rebuttals ({@code evidence}), in the order analysts attached it, with its snapshots. */
public final class EvidenceStore {
    private final Database database;

    public EvidenceStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Attaches evidence at the end of the rebuttal's list. Its snapshot's bytes must be in the snapshot folder already. */
    public StoredEvidence add(long rebuttalId, URI url, Long itemId, String note, String title, EvidenceSnapshot snapshot,
                              String by, Instant at) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (url == null && itemId == null) {
            throw new IllegalArgumentException("evidence is a web address or an item");
        }
        return database.inTransaction("attach evidence to rebuttal " + rebuttalId,
                connection -> find(connection, insert(connection, rebuttalId, url, itemId, note, title, snapshot, by, at)));
    }

    /** Adds evidence at the end of a rebuttal's list in the caller's transaction; its id. */
    static long insert(Connection connection, long rebuttalId, URI url, Long itemId, String note, String title,
                       EvidenceSnapshot snapshot, String by, Instant at) throws SQLException {
        int position;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(position), 0) FROM evidence WHERE rebuttal_id = ?")) {
            select.setLong(1, rebuttalId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                position = rows.getInt(1) + 1;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO evidence (rebuttal_id, position, url, item_id, note, title, snapshot_text, snapshot_sha256,
                                      snapshot_bytes, snapshot_type, snapshot_at, snapshot_problem, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, rebuttalId);
            insert.setInt(2, position);
            SqlValues.setUri(insert, 3, url);
            insert.setObject(4, itemId);
            insert.setString(5, note == null ? "" : note.strip());
            insert.setString(6, title);
            setSnapshot(insert, 7, snapshot);
            SqlValues.setInstant(insert, 13, at);
            insert.setString(14, by);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A new snapshot of the same evidence (taken again once back online); the old bytes stay in the folder. */
    public StoredEvidence resnapshot(long evidenceId, EvidenceSnapshot snapshot) {
        return database.inTransaction("take evidence " + evidenceId + " again", connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE evidence SET snapshot_text = ?, snapshot_sha256 = ?, snapshot_bytes = ?, snapshot_type = ?,
                                        snapshot_at = ?, snapshot_problem = ?
                    WHERE id = ?
                    """)) {
                setSnapshot(update, 1, snapshot);
                update.setLong(7, evidenceId);
                if (update.executeUpdate() == 0) {
                    throw new IllegalArgumentException("evidence " + evidenceId + " does not exist");
                }
            }
            return find(connection, evidenceId);
        });
    }

    /** A rebuttal's evidence, in its order. */
    public List<StoredEvidence> of(long rebuttalId) {
        return database.inTransaction("read the evidence of rebuttal " + rebuttalId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE rebuttal_id = ? ORDER BY position")) {
                select.setLong(1, rebuttalId);
                return read(select);
            }
        });
    }

    private static final String SELECT = """
            SELECT id, rebuttal_id, position, url, item_id, note, title, snapshot_text, snapshot_sha256, snapshot_bytes,
                   snapshot_type, snapshot_at, snapshot_problem, added_at, added_by FROM evidence
            """;

    private static StoredEvidence find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            select.setLong(1, id);
            return read(select).getFirst();
        }
    }

    private static List<StoredEvidence> read(PreparedStatement select) throws SQLException {
        List<StoredEvidence> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long item = rows.getLong("item_id");
                Long itemId = rows.wasNull() ? null : item;
                EvidenceSnapshot snapshot = new EvidenceSnapshot(rows.getString("snapshot_text"),
                        rows.getString("snapshot_sha256"), rows.getLong("snapshot_bytes"), rows.getString("snapshot_type"),
                        SqlValues.instant(rows, "snapshot_at"), rows.getString("snapshot_problem"));
                found.add(new StoredEvidence(rows.getLong("id"), rows.getLong("rebuttal_id"), rows.getInt("position"),
                        SqlValues.uri(rows, "url"), itemId, rows.getString("note"), rows.getString("title"), snapshot,
                        SqlValues.instant(rows, "added_at"), rows.getString("added_by")));
            }
        }
        return found;
    }

    /** Sets the six snapshot columns from {@code index}: text, hash, bytes, type, time, problem. */
    private static void setSnapshot(PreparedStatement statement, int index, EvidenceSnapshot snapshot) throws SQLException {
        statement.setString(index, snapshot.text());
        statement.setString(index + 1, snapshot.sha256());
        statement.setLong(index + 2, snapshot.bytes());
        statement.setString(index + 3, snapshot.contentType());
        SqlValues.setInstant(statement, index + 4, snapshot.takenAt());
        statement.setString(index + 5, snapshot.problem());
    }
}
