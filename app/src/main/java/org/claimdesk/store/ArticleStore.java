package org.claimdesk.store;

import java.net.URI;
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
 * The article stage's table columns (decision 0011): what it reads of an item waiting for its
 * article page, and the item completed from that page, or the reason it keeps its feed summary.
 * Each result is an {@link ItemWrite}, written in the transaction that marks the item done.
 */
public final class ArticleStore {
    /** The stage's name in the ledger; the stage class refers to it. Never rename. */
    public static final String STAGE = "articles";
    /** Ids per query when loading a batch. */
    private static final int IDS_PER_QUERY = 500;

    /**
     * An item waiting for its article page.
     *
     * @param url       the address the feed linked to
     * @param sourceId  the source it first came from (whose fetch_articles and scope apply)
     * @param textChars the length of the text stored so far (the feed's)
     * @param attempts  failed attempts so far (the ledger's count)
     */
    public record PendingArticle(long itemId, URI url, String sourceId, int textChars, int attempts) {
    }

    /**
     * What the article page gave; null fields keep what the item has. The title only fills a
     * missing one: the feed's headline is cleaner than a page title with the site's name in it.
     */
    public record ArticleText(String title, String byline, Instant published, String language, String text,
                              String contentHash) {
        public ArticleText {
            Objects.requireNonNull(text, "text");
        }
    }

    private final Database database;

    public ArticleStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The items among {@code itemIds} that still exist, with what the stage reads of them. */
    public Map<Long, PendingArticle> toFetch(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return database.inTransaction("read " + itemIds.size() + " items waiting for their article", connection -> {
            Map<Long, PendingArticle> found = new HashMap<>();
            for (int from = 0; from < itemIds.size(); from += IDS_PER_QUERY) {
                List<Long> slice = itemIds.subList(from, Math.min(itemIds.size(), from + IDS_PER_QUERY));
                String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT i.id, i.url, i.first_source_id, COALESCE(CHAR_LENGTH(i.body_text), 0) AS chars,
                               COALESCE(t.attempts, 0) AS attempts
                        FROM item i LEFT JOIN stage_task t ON t.item_id = i.id AND t.stage = ?
                        WHERE i.id IN (%s)
                        """.formatted(marks))) {
                    statement.setString(1, STAGE);
                    for (int i = 0; i < slice.size(); i++) {
                        statement.setLong(i + 2, slice.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            long id = rows.getLong("id");
                            found.put(id, new PendingArticle(id, SqlValues.uri(rows, "url"),
                                    rows.getString("first_source_id"), rows.getInt("chars"), rows.getInt("attempts")));
                        }
                    }
                }
            }
            return found;
        });
    }

    /**
     * The item completed from its article page: text, byline, published time, language hint, new
     * content hash; re-indexed. When the full text is that of another stored item, the two become
     * one: this item takes the other's sources (each with the address it used) and the other is
     * deleted, so the same story from two sources is one item that remembers both.
     */
    public ItemWrite completed(long itemId, ArticleText article) {
        Objects.requireNonNull(article, "article");
        String key = ItemStore.contentKey(article.text(), article.contentHash());
        return ItemWrite.of(connection -> {
            if (key != null) {
                Long copy = findCopy(connection, key, itemId);
                if (copy != null) {
                    mergeInto(connection, copy, itemId);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE item SET body_text = ?, title = COALESCE(title, ?), byline = COALESCE(?, byline),
                           published_at = COALESCE(?, published_at), sort_time = COALESCE(?, published_at, sort_time),
                           language = COALESCE(?, language), content_hash = ?, content_key = ?, article_problem = NULL
                    WHERE id = ?
                    """)) {
                statement.setString(1, article.text());
                statement.setString(2, blankToNull(article.title()));
                statement.setString(3, blankToNull(article.byline()));
                SqlValues.setInstant(statement, 4, article.published());
                SqlValues.setInstant(statement, 5, article.published());
                statement.setString(6, blankToNull(article.language()));
                statement.setString(7, article.contentHash());
                statement.setString(8, key);
                statement.setLong(9, itemId);
                statement.executeUpdate();
            }
            IndexChangeLog.record(connection, itemId, IndexChangeLog.Reason.ARTICLE);
        });
    }

    /**
     * The item keeps its feed text; {@code reason} says why (a paywall, an error page, the site
     * refused): the stages after this one keep what they did, since the item did not change.
     */
    public ItemWrite keptSummary(long itemId, String reason) {
        Objects.requireNonNull(reason, "reason");
        return ItemWrite.unchanged(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE item SET article_problem = ? WHERE id = ?")) {
                statement.setString(1, reason.length() > 1_000 ? reason.substring(0, 1_000) + "…" : reason);
                statement.setLong(2, itemId);
                statement.executeUpdate();
            }
        });
    }

    /** Why the item keeps its feed summary, if its article page could not be used. */
    public Optional<String> articleProblem(long itemId) {
        return database.inTransaction("read the article problem of item " + itemId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT article_problem FROM item WHERE id = ?")) {
                statement.setLong(1, itemId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static Long findCopy(Connection connection, String key, long itemId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM item WHERE content_key = ? AND id <> ?")) {
            statement.setString(1, key);
            statement.setLong(2, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Moves the sources of item {@code from} to item {@code into} and deletes {@code from} (its ledger rows go with it). */
    private static void mergeInto(Connection connection, long from, long into) throws SQLException {
        List<Object[]> links = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT source_id, entry_id, first_seen_at, canonical_url FROM item_source x
                WHERE x.item_id = ? AND NOT EXISTS (SELECT 1 FROM item_source y WHERE y.item_id = ? AND y.source_id = x.source_id)
                """)) {
            statement.setLong(1, from);
            statement.setLong(2, into);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    links.add(new Object[]{rows.getString(1), rows.getString(2), SqlValues.instant(rows, "first_seen_at"),
                            rows.getString(4)});
                }
            }
        }
        String fromUrl;
        try (PreparedStatement statement = connection.prepareStatement("SELECT canonical_url FROM item WHERE id = ?")) {
            statement.setLong(1, from);
            try (ResultSet rows = statement.executeQuery()) {
                fromUrl = rows.next() ? rows.getString(1) : null;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO item_source (item_id, source_id, entry_id, first_seen_at, canonical_url) VALUES (?, ?, ?, ?, ?)")) {
            for (Object[] link : links) {
                statement.setLong(1, into);
                statement.setString(2, (String) link[0]);
                statement.setString(3, (String) link[1]);
                SqlValues.setInstant(statement, 4, (Instant) link[2]);
                // the address it was known by stays a key for de-duplication (ItemStore looks in item_source too)
                statement.setString(5, link[3] != null ? (String) link[3] : fromUrl);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM item WHERE id = ?")) {
            statement.setLong(1, from);
            statement.executeUpdate();
        }
        IndexChangeLog.record(connection, from, IndexChangeLog.Reason.ARTICLE); // gone: the feeder removes its document
        IndexChangeLog.record(connection, into, IndexChangeLog.Reason.SOURCE_ADDED);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
