package org.claimdesk.store;

import org.claimdesk.source.Source;

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

/** Sources as configured, their fetch history, and conditional-GET validators per URL. */
public final class SourceStore {

    /** Validators from the last 200 response for a URL, for the next conditional GET. */
    public record Validators(String etag, String lastModified) {
    }

    /** Tags are short labels; a line break never occurs in one, so it separates them in the column. */
    private static final String TAG_SEPARATOR = "\n";

    private static final String ATTEMPT_COLUMNS = """
            SELECT id, source_id, url, attempted_at, duration_ms, http_status, bytes, new_items, failure, message
            FROM fetch_attempt
            """;

    private final Database database;

    public SourceStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Upserts the configured sources; those no longer configured are kept but marked so. */
    public void sync(List<Source> configured) {
        List<Source> sources = List.copyOf(configured);
        database.inTransaction("save the configured sources", connection -> {
            // all at once in one transaction: a reader never sees a half-synced list
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE source SET configured = FALSE");
            }
            for (int position = 0; position < sources.size(); position++) {
                upsert(connection, sources.get(position), position, true);
            }
            return null;
        });
    }

    /** Updates the source's row, or inserts it when there is none (portable: no MERGE). */
    private static void upsert(Connection connection, Source source, int position, boolean configured) throws SQLException {
        String tagsBefore = storedTags(connection, source.id());
        if (tagsBefore != null && !tagsBefore.equals(String.join(TAG_SEPARATOR, source.tags()))) {
            // its items carry the source's tags in the search index
            IndexChangeLog.recordSource(connection, source.id(), IndexChangeLog.Reason.SOURCE_TAGS);
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE source SET name = ?, url = ?, kind = ?, language_hint = ?, tags = ?,
                                  poll_interval_seconds = ?, enabled = ?, position = ?, configured = ?
                WHERE id = ?
                """)) {
            bindSource(update, source, position, configured);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO source (name, url, kind, language_hint, tags, poll_interval_seconds, enabled,
                                    position, configured, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            bindSource(insert, source, position, configured);
            insert.executeUpdate();
        }
    }

    /** The source's stored tags as one string, or null when the source is not stored. */
    private static String storedTags(Connection connection, String sourceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT tags FROM source WHERE id = ?")) {
            statement.setString(1, sourceId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void bindSource(PreparedStatement statement, Source source, int position, boolean configured)
            throws SQLException {
        statement.setString(1, source.name());
        statement.setString(2, source.url().toString());
        statement.setString(3, source.kind().name());
        statement.setString(4, source.languageHint());
        statement.setString(5, String.join(TAG_SEPARATOR, source.tags()));
        statement.setLong(6, source.pollInterval().toSeconds());
        statement.setBoolean(7, source.enabled());
        statement.setInt(8, position);
        statement.setBoolean(9, configured);
        statement.setString(10, source.id());
    }

    /** Adds or updates a source that is not in feeds.yml (e.g. an imported file), leaving the others alone. */
    public void registerImported(Source source) {
        database.inTransaction("save the imported source " + source.id(), connection -> {
            upsert(connection, source, 0, false);
            try (PreparedStatement statement = connection.prepareStatement("UPDATE source SET imported = TRUE WHERE id = ?")) {
                statement.setString(1, source.id());
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Every source's name by id, removed sources included (their items keep them): for lists of items. */
    public java.util.Map<String, String> names() {
        return database.inTransaction("read source names", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, name FROM source")) {
                java.util.Map<String, String> names = new java.util.HashMap<>();
                while (rows.next()) {
                    names.put(rows.getString("id"), rows.getString("name"));
                }
                return names;
            }
        });
    }

    /** Records one attempt (id in the argument is ignored); returns it with its id. */
    public FetchAttempt record(FetchAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(attempt.sourceId(), "attempt.sourceId");
        Instant at = SqlValues.toStoredPrecision(attempt.at() != null ? attempt.at() : Instant.now());
        long id = database.inTransaction("record a fetch attempt for source '" + attempt.sourceId() + "'", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO fetch_attempt (source_id, url, attempted_at, duration_ms, http_status, bytes,
                                               new_items, failure, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, attempt.sourceId());
                SqlValues.setUri(statement, 2, attempt.url());
                SqlValues.setInstant(statement, 3, at);
                statement.setLong(4, attempt.durationMillis());
                statement.setInt(5, attempt.httpStatus());
                statement.setLong(6, attempt.bytes());
                statement.setInt(7, attempt.newItems());
                statement.setString(8, attempt.failure());
                statement.setString(9, attempt.message());
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for the new fetch attempt");
                    }
                    return keys.getLong(1);
                }
            }
        });
        return new FetchAttempt(id, attempt.sourceId(), attempt.url(), at, attempt.durationMillis(),
                attempt.httpStatus(), attempt.bytes(), attempt.newItems(), attempt.failure(), attempt.message());
    }

    /** Every known source with its health: configured ones in configuration order, then removed ones by id. */
    public List<SourceHealth> health() {
        return database.inTransaction("read source health", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT s.id, s.name, s.url, s.kind, s.enabled, s.configured, s.imported,
                           (SELECT MAX(a.attempted_at) FROM fetch_attempt a
                             WHERE a.source_id = s.id) AS last_attempt,
                           (SELECT MAX(a.attempted_at) FROM fetch_attempt a
                             WHERE a.source_id = s.id AND a.failure IS NULL) AS last_success,
                           (SELECT MAX(a.attempted_at) FROM fetch_attempt a
                             WHERE a.source_id = s.id AND a.failure IS NOT NULL) AS last_error_at,
                           (SELECT COALESCE(a.message, a.failure) FROM fetch_attempt a
                             WHERE a.source_id = s.id AND a.failure IS NOT NULL
                             ORDER BY a.attempted_at DESC, a.id DESC FETCH FIRST 1 ROW ONLY) AS last_error,
                           (SELECT COUNT(*) FROM item_source x WHERE x.source_id = s.id) AS item_count
                         FROM source s
                         ORDER BY CASE WHEN s.configured THEN 0 ELSE 1 END,
                                  CASE WHEN s.configured THEN s.position ELSE 0 END,
                                  s.id
                         """)) {
                List<SourceHealth> list = new ArrayList<>();
                while (rows.next()) {
                    list.add(new SourceHealth(rows.getString("id"), rows.getString("name"), rows.getString("url"),
                            rows.getString("kind"), rows.getBoolean("enabled"), rows.getBoolean("configured"),
                            SqlValues.instant(rows, "last_attempt"), SqlValues.instant(rows, "last_success"),
                            SqlValues.instant(rows, "last_error_at"), rows.getString("last_error"),
                            rows.getLong("item_count"), rows.getBoolean("imported")));
                }
                return list;
            }
        });
    }

    /** The newest failed attempts across all sources, newest first. */
    public List<FetchAttempt> recentFailures(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("list recent fetch failures", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ATTEMPT_COLUMNS + """
                    WHERE failure IS NOT NULL
                    ORDER BY attempted_at DESC, id DESC
                    FETCH FIRST ? ROWS ONLY
                    """)) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    List<FetchAttempt> list = new ArrayList<>();
                    while (rows.next()) {
                        list.add(new FetchAttempt(rows.getLong("id"), rows.getString("source_id"),
                                SqlValues.uri(rows, "url"), SqlValues.instant(rows, "attempted_at"),
                                rows.getLong("duration_ms"), rows.getInt("http_status"), rows.getLong("bytes"),
                                rows.getInt("new_items"), rows.getString("failure"), rows.getString("message")));
                    }
                    return list;
                }
            }
        });
    }

    public Optional<Validators> validators(URI url) {
        Objects.requireNonNull(url, "url");
        return database.inTransaction("read the validators of " + url, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT etag, last_modified FROM http_validator WHERE url = ?")) {
                statement.setString(1, url.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Validators(rows.getString("etag"), rows.getString("last_modified")))
                            : Optional.<Validators>empty();
                }
            }
        });
    }

    /**
     * Remembers the validators of a URL; validators with neither value forget it (the server
     * stopped sending them). UPDATE then INSERT rather than MERGE, which PostgreSQL spells
     * differently; if another thread inserts the same URL in between, the save is tried once more.
     */
    public void saveValidators(URI url, Validators validators) {
        Objects.requireNonNull(url, "url");
        String action = "save the validators of " + url;
        try {
            database.inTransaction(action, connection -> upsertValidators(connection, url, validators));
        } catch (StoreException e) {
            if (!"23505".equals(SqlValues.sqlState(e))) {
                throw e;
            }
            database.inTransaction(action, connection -> upsertValidators(connection, url, validators));
        }
    }

    private static Void upsertValidators(Connection connection, URI url, Validators validators) throws SQLException {
        if (validators == null || (validators.etag() == null && validators.lastModified() == null)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM http_validator WHERE url = ?")) {
                delete.setString(1, url.toString());
                delete.executeUpdate();
            }
            return null;
        }
        Instant now = Instant.now();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE http_validator SET etag = ?, last_modified = ?, updated_at = ? WHERE url = ?")) {
            update.setString(1, validators.etag());
            update.setString(2, validators.lastModified());
            SqlValues.setInstant(update, 3, now);
            update.setString(4, url.toString());
            if (update.executeUpdate() > 0) {
                return null;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO http_validator (etag, last_modified, updated_at, url) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, validators.etag());
            insert.setString(2, validators.lastModified());
            SqlValues.setInstant(insert, 3, now);
            insert.setString(4, url.toString());
            insert.executeUpdate();
        }
        return null;
    }
}
