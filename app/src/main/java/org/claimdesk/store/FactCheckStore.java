package org.claimdesk.store;

import org.claimdesk.extract.ClaimReview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imported fact-checks ({@code fact_check}), one row per review address. Importing a record again
 * changes nothing unless it is a newer version (a later dateModified), which replaces the row;
 * so importing the same file twice is harmless. A batch is saved in one transaction: all of it or,
 * when the database fails, none, and never part of a record.
 */
public final class FactCheckStore {
    /** What saving one record did. */
    public enum Outcome {
        /** A new fact-check. */
        IMPORTED,
        /** A newer version of one already here (later dateModified) replaced it. */
        UPDATED,
        /** Already here, as new or newer. */
        UNCHANGED
    }

    private static final String COLUMNS = """
            id, url, claim_reviewed, title, review_text, rating_name, rating_value, rating_scale_known, author_name,
            date_published, language, imported_from, updated_at
            """;
    /** Both the insert and the update write these, in this order. */
    private static final String WRITTEN = """
            claim_reviewed, title, review_text, rating_value, rating_best, rating_worst, rating_name, rating_scale_known,
            author_name, publisher_name, date_published, date_modified, language, claimant, appearances,
            first_appearance, raw_json, imported_from, imported_at, updated_at""";

    private final Database database;

    public FactCheckStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Saves these records, read from {@code importedFrom}, in one transaction; returns what happened
     * to each, in order. A record without a language is stored as "und".
     */
    public List<Outcome> save(List<ClaimReview> reviews, String importedFrom, Instant at) {
        return database.inTransaction("import " + reviews.size() + " fact-checks from " + importedFrom, connection -> {
            List<Outcome> outcomes = new ArrayList<>(reviews.size());
            for (ClaimReview review : reviews) {
                outcomes.add(save(connection, review, importedFrom, at));
            }
            return outcomes;
        });
    }

    private static Outcome save(Connection connection, ClaimReview review, String importedFrom, Instant at) throws SQLException {
        Long id = null;
        Instant storedModified = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, date_modified FROM fact_check WHERE url = ?")) {
            select.setString(1, review.url());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    id = rows.getLong("id");
                    storedModified = SqlValues.instant(rows, "date_modified");
                }
            }
        }
        if (id == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fact_check (" + WRITTEN
                    + ", url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int next = bind(insert, review, importedFrom, at);
                insert.setString(next, review.url());
                insert.executeUpdate();
            }
            return Outcome.IMPORTED;
        }
        Instant modified = SqlValues.toStoredPrecision(review.dateModified());
        if (modified == null || (storedModified != null && !modified.isAfter(storedModified))) {
            return Outcome.UNCHANGED;
        }
        String assignments = String.join(" = ?, ", WRITTEN.split(",\\s*")) + " = ?";
        try (PreparedStatement update = connection.prepareStatement("UPDATE fact_check SET " + assignments + " WHERE id = ?")) {
            int next = bind(update, review, importedFrom, at);
            update.setLong(next, id);
            update.executeUpdate();
        }
        return Outcome.UPDATED;
    }

    /** Binds the {@link #WRITTEN} columns from 1; returns the next parameter's index. */
    private static int bind(PreparedStatement statement, ClaimReview review, String importedFrom, Instant at) throws SQLException {
        ClaimReview.Rating rating = review.rating();
        statement.setString(1, review.claimReviewed());
        statement.setString(2, review.title());
        statement.setString(3, review.reviewText());
        statement.setString(4, rating == null ? null : rating.value());
        statement.setString(5, rating == null ? null : rating.best());
        statement.setString(6, rating == null ? null : rating.worst());
        statement.setString(7, rating == null ? null : rating.alternateName());
        statement.setBoolean(8, rating == null || rating.scaleKnown());
        statement.setString(9, review.authorName());
        statement.setString(10, review.publisherName());
        SqlValues.setInstant(statement, 11, review.datePublished());
        SqlValues.setInstant(statement, 12, review.dateModified());
        statement.setString(13, review.language() == null ? "und" : review.language());
        statement.setString(14, review.claimant());
        statement.setString(15, review.appearances().isEmpty() ? null : String.join("\n", review.appearances()));
        statement.setString(16, review.firstAppearance());
        statement.setString(17, review.rawJson());
        statement.setString(18, importedFrom);
        SqlValues.setInstant(statement, 19, at);
        SqlValues.setInstant(statement, 20, at);
        return 21;
    }

    public long count() {
        return database.inTransaction("count fact-checks", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM fact_check");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    public Optional<StoredFactCheck> find(long id) {
        return database.inTransaction("read fact-check " + id, connection ->
                list(connection, "SELECT " + COLUMNS + " FROM fact_check WHERE id = ?", id).stream().findFirst());
    }

    public Optional<StoredFactCheck> findByUrl(String url) {
        return database.inTransaction("read the fact-check " + url, connection ->
                list(connection, "SELECT " + COLUMNS + " FROM fact_check WHERE url = ?", url).stream().findFirst());
    }

    /** Up to {@code limit} fact-checks with an id above {@code afterId}, by id: for feeding the index page by page. */
    public List<StoredFactCheck> after(long afterId, int limit) {
        return database.inTransaction("read fact-checks", connection -> list(connection, "SELECT " + COLUMNS
                + " FROM fact_check WHERE id > ? ORDER BY id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", afterId));
    }

    /** Every fact-check's id and when it last changed (epoch milliseconds): what the index compares with. */
    public Map<Long, Long> versions() {
        return database.inTransaction("read fact-check versions", connection -> {
            Map<Long, Long> versions = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, updated_at FROM fact_check");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getLong(1), SqlValues.instant(rows, "updated_at").toEpochMilli());
                }
            }
            return versions;
        });
    }

    private static List<StoredFactCheck> list(Connection connection, String sql, Object... parameters) throws SQLException {
        List<StoredFactCheck> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredFactCheck(rows.getLong("id"), rows.getString("url"), rows.getString("claim_reviewed"),
                            rows.getString("title"), rows.getString("review_text"), rows.getString("rating_name"),
                            rows.getString("rating_value"), rows.getBoolean("rating_scale_known"), rows.getString("author_name"),
                            SqlValues.instant(rows, "date_published"), rows.getString("language"),
                            rows.getString("imported_from"), SqlValues.instant(rows, "updated_at")));
                }
            }
        }
        return found;
    }
}
