package org.claimdesk.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores the rebuttals of a pack from another workspace, all in one transaction: a pack goes in
 * whole or not at all. A rebuttal known by its origin already is left as it is, or given a new
 * version when the pack's is newer; a new one is tied to the cluster of an item here that carried
 * its claim (by address), else to a new cluster of its own.
 */
public final class RebuttalImportStore {
    /** What an import did, by rebuttal: added, updated (a newer version came), unchanged. */
    public record Outcome(int added, int updated, int unchanged, List<Long> rebuttalIds) {
    }

    private final Database database;

    public RebuttalImportStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * @param ownOrigin this workspace's id: rebuttals that began here are never imported back
     * @param note      recorded on each step ("imported from Dam Facts' pack")
     */
    public Outcome importAll(List<ImportedRebuttal> rebuttals, String ownOrigin, String by, Instant at, String note) {
        // originals before their translations, so a translation finds its original's id here
        List<ImportedRebuttal> ordered = new ArrayList<>(rebuttals);
        ordered.sort(Comparator.comparing((ImportedRebuttal r) -> r.translationOrigin() != null));
        return database.inTransaction("import " + rebuttals.size() + " rebuttals", connection -> {
            Map<String, Long> local = new HashMap<>();
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            List<Long> ids = new ArrayList<>();
            for (ImportedRebuttal rebuttal : ordered) {
                if (rebuttal.origin().startsWith(ownOrigin + ":")) {
                    unchanged++; // it began here: ours is the original
                    continue;
                }
                Long existing = idOfOrigin(connection, rebuttal.origin());
                if (existing == null) {
                    long id = insert(connection, rebuttal, local, by, at, note);
                    local.put(rebuttal.origin(), id);
                    ids.add(id);
                    added++;
                    continue;
                }
                local.put(rebuttal.origin(), existing);
                ids.add(existing);
                StoredRebuttal stored = RebuttalStore.find(connection, existing).orElseThrow();
                boolean same = stored.text().equals(rebuttal.text()) && stored.status() == rebuttal.status();
                if (same || !rebuttal.updatedAt().isAfter(stored.updatedAt())) {
                    unchanged++;
                    continue;
                }
                update(connection, stored, rebuttal, by, at, note);
                updated++;
            }
            return new Outcome(added, updated, unchanged, List.copyOf(ids));
        });
    }

    private static Long idOfOrigin(Connection connection, String origin) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM rebuttal WHERE origin = ?")) {
            select.setString(1, origin);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static long insert(Connection connection, ImportedRebuttal rebuttal, Map<String, Long> local, String by,
                               Instant at, String note) throws SQLException {
        long cluster = clusterFor(connection, rebuttal, at);
        Long translationOf = null;
        if (rebuttal.translationOrigin() != null) {
            translationOf = local.containsKey(rebuttal.translationOrigin()) ? local.get(rebuttal.translationOrigin())
                    : idOfOrigin(connection, rebuttal.translationOrigin());
        }
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rebuttal (cluster_id, translation_of, language, claim_text, verdict, short_answer, full_text,
                                      status, author, reviewer, revision, created_at, updated_at, published_at, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, cluster);
            insert.setObject(2, translationOf);
            insert.setString(3, rebuttal.language());
            RebuttalStore.setText(insert, 4, rebuttal.text());
            insert.setString(8, rebuttal.status().name());
            insert.setString(9, rebuttal.author());
            insert.setString(10, rebuttal.reviewer());
            SqlValues.setInstant(insert, 11, at);
            SqlValues.setInstant(insert, 12, rebuttal.updatedAt());
            SqlValues.setInstant(insert, 13, rebuttal.publishedAt());
            insert.setString(14, rebuttal.origin());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        RebuttalStore.insertVersion(connection, id, 1, rebuttal.text(), rebuttal.author(), rebuttal.updatedAt());
        RebuttalStore.recordStep(connection, id, null, rebuttal.status(), 1, by, at, note);
        for (ImportedRebuttal.Evidence evidence : rebuttal.evidence()) {
            EvidenceStore.insert(connection, id, evidence.url(), null, evidence.note(), evidence.title(), evidence.snapshot(),
                    by, at);
        }
        return id;
    }

    /** A newer version from the pack: the next revision here, its status, the evidence it added. */
    private static void update(Connection connection, StoredRebuttal stored, ImportedRebuttal rebuttal, String by, Instant at,
                               String note) throws SQLException {
        int revision = stored.revision() + 1;
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rebuttal SET claim_text = ?, verdict = ?, short_answer = ?, full_text = ?, status = ?, reviewer = ?,
                                    revision = ?, updated_at = ?, published_at = COALESCE(published_at, ?)
                WHERE id = ?
                """)) {
            RebuttalStore.setText(update, 1, rebuttal.text());
            update.setString(5, rebuttal.status().name());
            update.setString(6, rebuttal.reviewer());
            update.setInt(7, revision);
            SqlValues.setInstant(update, 8, rebuttal.updatedAt());
            SqlValues.setInstant(update, 9, rebuttal.publishedAt());
            update.setLong(10, stored.id());
            update.executeUpdate();
        }
        RebuttalStore.insertVersion(connection, stored.id(), revision, rebuttal.text(), rebuttal.author(), rebuttal.updatedAt());
        RebuttalStore.recordStep(connection, stored.id(), stored.status(), rebuttal.status(), revision, by, at, note);
        List<String> kept = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(url, '') || ' ' || COALESCE(snapshot_sha256, '') FROM evidence WHERE rebuttal_id = ?")) {
            select.setLong(1, stored.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    kept.add(rows.getString(1));
                }
            }
        }
        for (ImportedRebuttal.Evidence evidence : rebuttal.evidence()) {
            String key = (evidence.url() == null ? "" : evidence.url().toString()) + " "
                    + (evidence.snapshot().sha256() == null ? "" : evidence.snapshot().sha256());
            if (!kept.contains(key)) {
                EvidenceStore.insert(connection, stored.id(), evidence.url(), null, evidence.note(), evidence.title(),
                        evidence.snapshot(), by, at);
            }
        }
    }

    /** The cluster of a stored item that carried the claim, or a new cluster named by the claim. */
    private static long clusterFor(Connection connection, ImportedRebuttal rebuttal, Instant at) throws SQLException {
        for (URI address : rebuttal.appearances()) {
            Long item = ItemStore.findByUrl(connection, address);
            Long cluster = item == null ? null : ClusterStore.clusterOf(connection, item);
            if (cluster != null) {
                return RebuttalStore.clusterSurvivor(connection, cluster);
            }
        }
        long cluster = ClusterStore.insertCluster(connection, at);
        try (PreparedStatement label = connection.prepareStatement("UPDATE claim_cluster SET label = ? WHERE id = ?")) {
            label.setString(1, rebuttal.text().claim());
            label.setLong(2, cluster);
            label.executeUpdate();
        }
        return cluster;
    }
}
