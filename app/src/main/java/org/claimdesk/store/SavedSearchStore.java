package org.claimdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Saved searches (watch queries) of the workspace. */
public final class SavedSearchStore {
    private static final String VALUE_SEPARATOR = "\n";

    private final Database database;

    public SavedSearchStore(Database database) {
        this.database = database;
    }

    /**
     * Saves a search; only items stored after now count as new for it.
     *
     * @throws StoreException when a saved search of that name exists
     */
    public SavedSearch add(String name, String query, Set<String> languages, Set<String> sourceIds, Set<String> tags,
                           Set<String> entities, Duration since, Instant from, Instant until, long seenUpToItemId) {
        if (since != null && (from != null || until != null)) {
            throw new IllegalArgumentException("a saved search reaches back a time or has a fixed range, not both");
        }
        Instant now = SqlValues.toStoredPrecision(Instant.now());
        if (find(name).isPresent()) {
            throw new StoreException("A saved search named '" + name + "' exists already", null);
        }
        long id = database.inTransaction("save the search '" + name + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO saved_search (name, query, languages, source_ids, tags, entities, created_at,
                                              seen_up_to_item_id, since_seconds, from_time, until_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, query);
                insert.setString(3, join(languages));
                insert.setString(4, join(sourceIds));
                insert.setString(5, join(tags));
                insert.setString(6, join(entities));
                SqlValues.setInstant(insert, 7, now);
                insert.setLong(8, seenUpToItemId);
                if (since == null) {
                    insert.setNull(9, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(9, since.toSeconds());
                }
                SqlValues.setInstant(insert, 10, from);
                SqlValues.setInstant(insert, 11, until);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new SavedSearch(id, name, query, languages, sourceIds, tags, entities, since,
                SqlValues.toStoredPrecision(from), SqlValues.toStoredPrecision(until), now, seenUpToItemId);
    }

    /** Every saved search, by name. */
    public List<SavedSearch> all() {
        return database.inTransaction("list the saved searches", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                List<SavedSearch> searches = new ArrayList<>();
                while (rows.next()) {
                    searches.add(read(rows));
                }
                return searches;
            }
        });
    }

    public Optional<SavedSearch> find(String name) {
        return database.inTransaction("find the saved search '" + name + "'", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<SavedSearch>empty();
                }
            }
        });
    }

    /** Marks every match up to this item as seen. */
    public void markSeen(long savedSearchId, long upToItemId) {
        update("mark the saved search as seen", "UPDATE saved_search SET seen_up_to_item_id = ? WHERE id = ?",
                upToItemId, savedSearchId);
    }

    /** Returns false when there was no such saved search. */
    public boolean remove(long savedSearchId) {
        return update("remove a saved search", "DELETE FROM saved_search WHERE id = ?", savedSearchId) > 0;
    }

    private int update(String action, String sql, long... values) {
        return database.inTransaction(action, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setLong(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static final String SELECT = """
            SELECT id, name, query, languages, source_ids, tags, entities, since_seconds, from_time, until_time, created_at,
                   seen_up_to_item_id
            FROM saved_search""";

    private static SavedSearch read(ResultSet rows) throws SQLException {
        return new SavedSearch(rows.getLong("id"), rows.getString("name"), rows.getString("query"),
                split(rows.getString("languages")), split(rows.getString("source_ids")), split(rows.getString("tags")),
                split(rows.getString("entities")), since(rows), SqlValues.instant(rows, "from_time"),
                SqlValues.instant(rows, "until_time"), SqlValues.instant(rows, "created_at"),
                rows.getLong("seen_up_to_item_id"));
    }

    private static Duration since(ResultSet rows) throws SQLException {
        long seconds = rows.getLong("since_seconds");
        return rows.wasNull() ? null : Duration.ofSeconds(seconds);
    }

    private static String join(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(VALUE_SEPARATOR));
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(joined.split(VALUE_SEPARATOR)));
    }
}
