package org.claimdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The analysts' watchlist ({@code watch_entry}): terms, entities and sources that raise a cluster. */
public final class WatchlistStore {
    /** The longest entry kept (the column's size). */
    public static final int LONGEST_ENTRY = 500;

    private final Database database;

    public WatchlistStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Adds an entry, or changes the threshold of the same kind and text; returns it with its id. */
    public WatchEntry watch(WatchEntry.Kind kind, String entry, int threshold, Instant at) {
        WatchEntry checked = new WatchEntry(0, kind, entry.strip(), threshold);
        if (checked.entry().length() > LONGEST_ENTRY) {
            throw new IllegalArgumentException("a watchlist entry is at most " + LONGEST_ENTRY + " characters long");
        }
        return database.inTransaction("watch " + checked.entry(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM watch_entry WHERE kind = ? AND entry = ?")) {
                select.setString(1, kind.name());
                select.setString(2, checked.entry());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        long id = rows.getLong(1);
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE watch_entry SET threshold = ? WHERE id = ?")) {
                            update.setInt(1, threshold);
                            update.setLong(2, id);
                            update.executeUpdate();
                        }
                        return new WatchEntry(id, kind, checked.entry(), threshold);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO watch_entry (kind, entry, threshold, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, kind.name());
                insert.setString(2, checked.entry());
                insert.setInt(3, threshold);
                SqlValues.setInstant(insert, 4, at);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new WatchEntry(keys.getLong(1), kind, checked.entry(), threshold);
                }
            }
        });
    }

    /** Removes an entry; false when there was none with that id. */
    public boolean unwatch(long id) {
        return database.inTransaction("remove watchlist entry " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM watch_entry WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** The whole watchlist, in the order it was made. */
    public List<WatchEntry> entries() {
        return database.inTransaction("read the watchlist", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, kind, entry, threshold FROM watch_entry ORDER BY id"); ResultSet rows = select.executeQuery()) {
                List<WatchEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    try {
                        entries.add(new WatchEntry(rows.getLong("id"), WatchEntry.Kind.valueOf(rows.getString("kind")),
                                rows.getString("entry"), rows.getInt("threshold")));
                    } catch (IllegalArgumentException e) {
                        // a kind a newer version added: skip it rather than lose the list
                    }
                }
                return entries;
            }
        });
    }
}
