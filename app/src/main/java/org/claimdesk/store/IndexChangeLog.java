package org.claimdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Items whose search document is out of date, in table {@code index_change}. The stores add a
 * row in the same transaction as the change itself, so the index can never miss a committed
 * change: not one that committed after a later id (concurrent saves), not a second source, an
 * analysis or a source's new tags. Rows are removed by the index feeder once the index has
 * committed what they asked for.
 */
public final class IndexChangeLog {

    /** Why an item's document changed. */
    public enum Reason {
        /** A new item. */
        STORED,
        /** A stored item arrived from one more source (source and tag filters change). */
        SOURCE_ADDED,
        /** Analysis found the item's language and entities, or failed. */
        ANALYSED,
        /** A source the item came from changed its tags in feeds.yml. */
        SOURCE_TAGS,
        /** The item's article page arrived: its text, byline, time or language changed (or it merged into another). */
        ARTICLE,
        /** An analyst wrote a note on the item: its words find it. */
        NOTE
    }

    /**
     * One row: item {@code itemId} must be indexed again (or removed, when it is gone); or, when
     * {@code sourceId} is set (itemId 0), every item of that source.
     */
    public record Change(long id, long itemId, String sourceId, Reason reason) {
        /** True when the row stands for every item of a source. */
        public boolean wholeSource() {
            return sourceId != null;
        }
    }

    private static final int REMOVE_SLICE = 10_000;

    private final Database database;

    public IndexChangeLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The oldest waiting changes, at most {@code limit} of them, leaving out those in
     * {@code inProgress} (applied already, not yet committed by the index).
     */
    public List<Change> waiting(int limit, Set<Long> inProgress) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("read waiting index changes", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, item_id, source_id, reason FROM index_change ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                // the rows in progress are among the oldest: read past them
                statement.setLong(1, (long) limit + inProgress.size());
                try (ResultSet rows = statement.executeQuery()) {
                    List<Change> changes = new ArrayList<>();
                    while (rows.next() && changes.size() < limit) {
                        long id = rows.getLong("id");
                        if (!inProgress.contains(id)) {
                            changes.add(new Change(id, rows.getLong("item_id"), rows.getString("source_id"),
                                    reasonOf(rows.getString("reason"))));
                        }
                    }
                    return changes;
                }
            }
        });
    }

    private static Reason reasonOf(String name) {
        try {
            return Reason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Reason.STORED; // written by a newer version: the item is indexed again all the same
        }
    }

    /** The ids of every waiting change (committed now), to remove after a rebuild that covers them. */
    public List<Long> waitingIds() {
        return database.inTransaction("list waiting index changes", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM index_change ORDER BY id")) {
                List<Long> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids;
            }
        });
    }

    /** Removes changes the index has applied and committed. */
    public void remove(Collection<Long> changeIds) {
        List<Long> ids = List.copyOf(changeIds);
        // in slices: a rebuild after a large import may remove a million rows, one short transaction each slice
        for (int from = 0; from < ids.size(); from += REMOVE_SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + REMOVE_SLICE));
            database.inTransaction("remove applied index changes", connection -> {
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM index_change WHERE id = ?")) {
                    for (long id : slice) {
                        statement.setLong(1, id);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                return null;
            });
        }
    }

    /** How many changes wait (applied but uncommitted ones included). */
    public long count() {
        return database.inTransaction("count waiting index changes", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM index_change")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Within the caller's transaction: item {@code itemId} changed. */
    static void record(Connection connection, long itemId, Reason reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO index_change (item_id, reason) VALUES (?, ?)")) {
            statement.setLong(1, itemId);
            statement.setString(2, reason.name());
            statement.executeUpdate();
        }
    }

    /**
     * Within the caller's transaction: every item of source {@code sourceId} changed. One row for
     * the source; the feeder reads its items when it applies the row, so an item whose link
     * commits while this transaction runs is covered too.
     */
    static void recordSource(Connection connection, String sourceId, Reason reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO index_change (source_id, reason) VALUES (?, ?)")) {
            statement.setString(1, sourceId);
            statement.setString(2, reason.name());
            statement.executeUpdate();
        }
    }
}
