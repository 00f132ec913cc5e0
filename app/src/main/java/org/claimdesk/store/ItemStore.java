package org.claimdesk.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Items and the sources they came from. An item is the same as a stored one when its canonical
 * URL, or (failing that) its content hash, matches; then only the source link is added.
 *
 * <p>Correct under concurrent saves because the database decides, not the lookups: canonical_url
 * and content_key are UNIQUE and item_source has (item, source) as its key. A save that loses a
 * race gets a unique violation, is rolled back as a whole (PostgreSQL cannot continue a
 * transaction after a failed statement) and is retried, and the retry finds the winner's row.
 */
public final class ItemStore {

    private static final Logger log = LoggerFactory.getLogger(ItemStore.class);

    /**
     * Texts shorter than this (in code points, ignoring surrounding blanks) do not identify an
     * item by their hash: many entries share an empty or one-line summary.
     */
    public static final int MIN_TEXT_FOR_HASH_MATCH = 200;

    /** Each retry follows a lost race and then finds the row; a handful is plenty. */
    private static final int MAX_SAVE_ATTEMPTS = 8;

    /** SQLSTATEs of a lost race: unique violation; serialization failure / H2 deadlock; PostgreSQL deadlock. */
    private static final Set<String> RETRYABLE_STATES = Set.of("23505", "40001", "40P01");
    /** Foreign key violation: 23506 in H2, 23503 in PostgreSQL. */
    private static final Set<String> MISSING_REFERENCE_STATES = Set.of("23503", "23506");

    /*
     * LEFT JOIN although every item has its source (foreign key): H2 may reorder an inner join to
     * scan source first and then sort all items; with the outer join item drives the query and
     * the newest-first list reads index item_newest in order and stops after LIMIT rows.
     */
    private static final String SUMMARY_COLUMNS = """
            SELECT i.id, i.title, i.language, i.published_at, i.fetched_at, i.first_source_id, s.name AS source_name,
                   a.language AS detected_language, a.language_reliable
            FROM item i LEFT JOIN source s ON s.id = i.first_source_id LEFT JOIN item_analysis a ON a.item_id = i.id
            """;
    static final String NEWEST_SQL = SUMMARY_COLUMNS + "ORDER BY i.sort_time DESC, i.id DESC FETCH FIRST ? ROWS ONLY";
    static final String STORED_AFTER_SQL = SUMMARY_COLUMNS + "WHERE i.id > ? ORDER BY i.id FETCH FIRST ? ROWS ONLY";
    static final String IN_CLUSTER_SQL = SUMMARY_COLUMNS + """
            WHERE i.id IN (SELECT item_id FROM cluster_item WHERE cluster_id = ?)
            ORDER BY i.sort_time, i.id FETCH FIRST ? ROWS ONLY
            """;

    private final Database database;

    public ItemStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Saves one item in its own transaction. Its text is all there is (an imported file, a page):
     * no article page is fetched for it; ingest says when one is wanted ({@link #save(NewItem, Set)}).
     */
    public SaveOutcome save(NewItem item) {
        return save(item, NO_ARTICLE_WANTED);
    }

    private static final Set<String> NO_ARTICLE_WANTED = Set.of(ArticleStore.STAGE);

    /**
     * Saves one item in its own transaction; a new item is marked done at once for the entry
     * stages in {@code nothingToDo} (e.g. the article stage, when no article page is wanted).
     */
    public SaveOutcome save(NewItem item, Set<String> nothingToDo) {
        Objects.requireNonNull(nothingToDo, "nothingToDo");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(item.sourceId(), "item.sourceId");
        String action = "save item " + describe(item) + " from source '" + item.sourceId() + "'";
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction(action, connection -> saveOnce(connection, item, nothingToDo));
            } catch (StoreException e) {
                String state = SqlValues.sqlState(e);
                if (RETRYABLE_STATES.contains(state) && attempt < MAX_SAVE_ATTEMPTS) {
                    // another thread stored the same item or link meanwhile: look again
                    log.debug("Retrying save of {} after a concurrent save (SQLSTATE {})", describe(item), state);
                    continue;
                }
                if (MISSING_REFERENCE_STATES.contains(state)) {
                    throw new StoreException("Could not " + action + ": that source is not in the database"
                            + " (sources are synced from feeds.yml before their items are saved)", e);
                }
                throw e;
            }
        }
    }

    private static SaveOutcome saveOnce(Connection connection, NewItem item, Set<String> nothingToDo)
            throws SQLException {
        // A summary whose article page is still to come is known by its address only: feeds give
        // different articles the same teaser ("Read the full story…"), and two items whose full
        // texts turn out the same are merged when the second article arrives (decision 0011).
        boolean awaitingArticle = item.canonicalUrl() != null && !nothingToDo.contains(ArticleStore.STAGE);
        String contentKey = awaitingArticle ? null : contentKey(item);
        Long existing = null;
        if (item.canonicalUrl() != null) {
            existing = findByUrl(connection, item.canonicalUrl());
        }
        if (existing == null && contentKey != null) {
            existing = findId(connection, "SELECT id FROM item WHERE content_key = ?", contentKey);
        }
        if (existing != null) {
            if (isLinked(connection, existing, item.sourceId())) {
                return SaveOutcome.DUPLICATE;
            }
            insertLink(connection, existing, item);
            IndexChangeLog.record(connection, existing, IndexChangeLog.Reason.SOURCE_ADDED);
            return SaveOutcome.ADDED_SOURCE;
        }
        long id = insertItem(connection, item, contentKey);
        insertLink(connection, id, item);
        IndexChangeLog.record(connection, id, IndexChangeLog.Reason.STORED);
        // due for the pipeline's first stages from the moment it exists: no stage can miss it
        StageLedger.enqueueNewItem(connection, id, nothingToDo, fetchedAt(item));
        return SaveOutcome.INSERTED;
    }

    /** The content hash when the text is long enough to identify the item, else null. */
    static String contentKey(NewItem item) {
        return contentKey(item.text(), item.contentHash());
    }

    static String contentKey(String text, String contentHash) {
        if (contentHash == null || text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length()) >= MIN_TEXT_FOR_HASH_MATCH ? contentHash : null;
    }

    /** The item known by this canonical URL: its own, or one under which a source delivered it. */
    static Long findByUrl(Connection connection, URI canonicalUrl) throws SQLException {
        Long id = findId(connection, "SELECT id FROM item WHERE canonical_url = ?", canonicalUrl.toString());
        if (id == null) {
            id = findId(connection, "SELECT item_id FROM item_source WHERE canonical_url = ? FETCH FIRST 1 ROWS ONLY",
                    canonicalUrl.toString());
        }
        return id;
    }

    private static Long findId(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static boolean isLinked(Connection connection, long itemId, String sourceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM item_source WHERE item_id = ? AND source_id = ?")) {
            statement.setLong(1, itemId);
            statement.setString(2, sourceId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static long insertItem(Connection connection, NewItem item, String contentKey) throws SQLException {
        Instant fetchedAt = fetchedAt(item);
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO item (url, canonical_url, title, byline, body_text, language, published_at,
                                  fetched_at, sort_time, content_hash, content_key, first_source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            SqlValues.setUri(statement, 1, item.url());
            SqlValues.setUri(statement, 2, item.canonicalUrl());
            statement.setString(3, item.title());
            statement.setString(4, item.byline());
            statement.setString(5, item.text());
            statement.setString(6, item.language());
            SqlValues.setInstant(statement, 7, item.publishedAt());
            SqlValues.setInstant(statement, 8, fetchedAt);
            SqlValues.setInstant(statement, 9, item.publishedAt() != null ? item.publishedAt() : fetchedAt);
            statement.setString(10, item.contentHash());
            statement.setString(11, contentKey);
            statement.setString(12, item.sourceId());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new item");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertLink(Connection connection, long itemId, NewItem item) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO item_source (item_id, source_id, entry_id, first_seen_at, canonical_url) VALUES (?, ?, ?, ?, ?)")) {
            statement.setLong(1, itemId);
            statement.setString(2, item.sourceId());
            statement.setString(3, item.entryId());
            SqlValues.setInstant(statement, 4, fetchedAt(item));
            SqlValues.setUri(statement, 5, item.canonicalUrl());
            statement.executeUpdate();
        }
    }

    private static Instant fetchedAt(NewItem item) {
        return item.fetchedAt() != null ? item.fetchedAt() : Instant.now();
    }

    /** True when an item with this canonical URL is stored (to skip fetching its page again). */
    public boolean containsUrl(URI canonicalUrl) {
        if (canonicalUrl == null) {
            return false;
        }
        return database.inTransaction("look up " + canonicalUrl,
                connection -> findByUrl(connection, canonicalUrl) != null);
    }

    /**
     * The item a source delivered under this entry id: the one saved then, or the one it turned
     * out to duplicate (a replay finds where each line of its stream went this way).
     */
    public Optional<Long> idOfEntry(String sourceId, String entryId) {
        return database.inTransaction("look up entry " + entryId + " of source " + sourceId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT item_id FROM item_source WHERE source_id = ? AND entry_id = ? FETCH FIRST 1 ROWS ONLY")) {
                statement.setString(1, sourceId);
                statement.setString(2, entryId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** The item with its sources and what analysis found in it so far. */
    public Optional<StoredItem> find(long id) {
        return database.inTransaction("read item " + id, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT i.id, i.url, i.canonical_url, i.title, i.byline, i.body_text, i.language, i.published_at,
                           i.fetched_at, i.content_hash, i.first_source_id, i.article_problem,
                           a.language AS detected_language, a.language_reliable
                    FROM item i LEFT JOIN item_analysis a ON a.item_id = i.id WHERE i.id = ?
                    """)) {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredItem(rows.getLong("id"), SqlValues.uri(rows, "url"),
                            SqlValues.uri(rows, "canonical_url"), rows.getString("title"), rows.getString("byline"),
                            rows.getString("body_text"), rows.getString("language"),
                            SqlValues.instant(rows, "published_at"), SqlValues.instant(rows, "fetched_at"),
                            rows.getString("content_hash"), List.of(), rows.getString("detected_language"),
                            rows.getBoolean("language_reliable"), List.of(), rows.getString("article_problem"))
                            .withSources(sourceIds(connection, id))
                            .withEntities(AnalysisStore.entitiesBetween(connection, id, id).getOrDefault(id, List.of()))
                            .withNotes(notesBetween(connection, id, id).getOrDefault(id, List.of())));
                }
            }
        });
    }

    /** Source ids of an item: the first source, then the others in the order they delivered it. */
    private static List<String> sourceIds(Connection connection, long itemId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT x.source_id
                FROM item_source x JOIN item i ON i.id = x.item_id
                WHERE x.item_id = ?
                ORDER BY CASE WHEN x.source_id = i.first_source_id THEN 0 ELSE 1 END, x.first_seen_at, x.source_id
                """)) {
            statement.setLong(1, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        }
    }

    /** Newest first by published time (else fetched time), for the item list. */
    public List<ItemSummary> newest(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("list the newest items", connection -> summaries(connection, NEWEST_SQL, limit));
    }

    /** Items stored after the one with id {@code afterId}, in id order (for live list updates). */
    public List<ItemSummary> storedAfter(long afterId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("list items stored after " + afterId,
                connection -> summaries(connection, STORED_AFTER_SQL, afterId, limit));
    }

    /** The items of a claim cluster (which is live, not merged), oldest first, at most {@code limit}. */
    public List<ItemSummary> inCluster(long clusterId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("list the items of cluster " + clusterId,
                connection -> summaries(connection, IN_CLUSTER_SQL, clusterId, limit));
    }

    /**
     * The newest {@code limit} items whose time (published, else fetched) is at or after
     * {@code since}, newest first, with their words: what was said since a moment (a rebuttal's
     * publication).
     */
    public List<ItemText> textsSince(Instant since, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("read the items since " + since, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TEXTS_SINCE_SQL)) {
                SqlValues.setInstant(statement, 1, since);
                statement.setInt(2, limit);
                List<ItemText> texts = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Instant published = SqlValues.instant(rows, "published_at");
                        String source = rows.getString("source_name");
                        texts.add(new ItemText(rows.getLong("id"), SqlValues.uri(rows, "url"), rows.getString("title"),
                                rows.getString("body_text"), published != null ? published : SqlValues.instant(rows, "fetched_at"),
                                source != null ? source : rows.getString("first_source_id")));
                    }
                }
                return texts;
            }
        });
    }

    private static final String TEXTS_SINCE_SQL = """
            SELECT i.id, i.url, i.title, i.body_text, i.published_at, i.fetched_at, i.first_source_id, s.name AS source_name
            FROM item i LEFT JOIN source s ON s.id = i.first_source_id
            WHERE i.sort_time >= ? ORDER BY i.sort_time DESC, i.id DESC FETCH FIRST ? ROWS ONLY
            """;

    private static List<ItemSummary> summaries(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<ItemSummary> list = new ArrayList<>();
                while (rows.next()) {
                    // the language the reader and the search index use: detected once analysed
                    String language = StoredItem.effectiveLanguage(rows.getString("language"),
                            rows.getString("detected_language"), rows.getBoolean("language_reliable"));
                    list.add(new ItemSummary(rows.getLong("id"), rows.getString("title"), language,
                            SqlValues.instant(rows, "published_at"), SqlValues.instant(rows, "fetched_at"),
                            rows.getString("first_source_id"), rows.getString("source_name")));
                }
                return list;
            }
        }
    }

    /*
     * One page of items with their text and sources, for rebuilding derived data (the search
     * index). The page is chosen in a derived table so that LIMIT counts items, not item-source
     * rows; the join then brings every source of those items, and their analysis, in one round
     * trip (entities follow in a second query over the page's id range).
     */
    static final String ITEMS_AFTER_SQL = """
            SELECT i.id, i.url, i.canonical_url, i.title, i.byline, i.body_text, i.language, i.published_at,
                   i.fetched_at, i.content_hash, i.first_source_id, i.article_problem, x.source_id, x.first_seen_at,
                   a.language AS detected_language, a.language_reliable
            FROM (SELECT * FROM item WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY) i
            LEFT JOIN item_source x ON x.item_id = i.id
            LEFT JOIN item_analysis a ON a.item_id = i.id
            ORDER BY i.id, CASE WHEN x.source_id = i.first_source_id THEN 0 ELSE 1 END, x.first_seen_at, x.source_id
            """;

    /**
     * Up to {@code limit} items with an id above {@code afterId}, in id order, each with its text
     * and every source (first source first) and what analysis found (detected language,
     * entities): a page of a pass over all items.
     */
    public List<StoredItem> itemsAfter(long afterId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("read items after " + afterId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ITEMS_AFTER_SQL)) {
                statement.setLong(1, afterId);
                statement.setLong(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    List<StoredItem> list = new ArrayList<>();
                    long currentId = Long.MIN_VALUE;
                    StoredItem current = null;
                    List<String> sources = new ArrayList<>();
                    while (rows.next()) {
                        long id = rows.getLong("id");
                        if (current == null || id != currentId) {
                            if (current != null) {
                                list.add(withSources(current, sources));
                            }
                            currentId = id;
                            sources = new ArrayList<>();
                            current = new StoredItem(id, SqlValues.uri(rows, "url"), SqlValues.uri(rows, "canonical_url"),
                                    rows.getString("title"), rows.getString("byline"), rows.getString("body_text"),
                                    rows.getString("language"), SqlValues.instant(rows, "published_at"),
                                    SqlValues.instant(rows, "fetched_at"), rows.getString("content_hash"), List.of(),
                                    rows.getString("detected_language"), rows.getBoolean("language_reliable"), List.of(),
                                    rows.getString("article_problem"));
                        }
                        String sourceId = rows.getString("source_id");
                        if (sourceId != null) {
                            sources.add(sourceId);
                        }
                    }
                    if (current != null) {
                        list.add(withSources(current, sources));
                    }
                    return withNotes(connection, withEntities(connection, list));
                }
            }
        });
    }

    private static StoredItem withSources(StoredItem item, List<String> sourceIds) {
        return item.withSources(sourceIds);
    }

    /** Attaches analysis's entities to a page of items (in id order) with one query. */
    private static List<StoredItem> withEntities(Connection connection, List<StoredItem> page) throws SQLException {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<StoredEntity>> entities =
                AnalysisStore.entitiesBetween(connection, page.getFirst().id(), page.getLast().id());
        if (entities.isEmpty()) {
            return page;
        }
        List<StoredItem> list = new ArrayList<>(page.size());
        for (StoredItem item : page) {
            List<StoredEntity> found = entities.get(item.id());
            list.add(found == null ? item : item.withEntities(found));
        }
        return list;
    }

    /** Attaches the analysts' notes to a page of items (in id order) with one query. */
    private static List<StoredItem> withNotes(Connection connection, List<StoredItem> page) throws SQLException {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<String>> notes = notesBetween(connection, page.getFirst().id(), page.getLast().id());
        if (notes.isEmpty()) {
            return page;
        }
        List<StoredItem> list = new ArrayList<>(page.size());
        for (StoredItem item : page) {
            List<String> written = notes.get(item.id());
            list.add(written == null ? item : item.withNotes(written));
        }
        return list;
    }

    /** The notes on every item with an id in [firstId, lastId], by item, each oldest first. */
    private static Map<Long, List<String>> notesBetween(Connection connection, long firstId, long lastId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT item_id, text FROM note WHERE item_id BETWEEN ? AND ? ORDER BY item_id, created_at, id")) {
            statement.setLong(1, firstId);
            statement.setLong(2, lastId);
            try (ResultSet rows = statement.executeQuery()) {
                Map<Long, List<String>> byItem = new java.util.HashMap<>();
                while (rows.next()) {
                    byItem.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
                return byItem;
            }
        }
    }

    /** The ids of every item that arrived from this source, in order (its first source or another). */
    public long[] idsFromSource(String sourceId) {
        return database.inTransaction("list the items of source " + sourceId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT item_id FROM item_source WHERE source_id = ? ORDER BY item_id")) {
                statement.setString(1, sourceId);
                try (ResultSet rows = statement.executeQuery()) {
                    List<Long> ids = new ArrayList<>();
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                    return ids.stream().mapToLong(Long::longValue).toArray();
                }
            }
        });
    }

    /** Up to {@code limit} item ids above {@code afterId}, in order: to compare derived data with the items. */
    public long[] idsAfter(long afterId, int limit) {
        if (limit <= 0) {
            return new long[0];
        }
        return database.inTransaction("list item ids after " + afterId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM item WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                statement.setLong(1, afterId);
                statement.setLong(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    long[] ids = new long[limit];
                    int n = 0;
                    while (rows.next()) {
                        ids[n++] = rows.getLong(1);
                    }
                    return Arrays.copyOf(ids, n);
                }
            }
        });
    }

    /**
     * The tags of every source, by source id (removed sources included): an item carries the
     * tags of the sources it came from.
     */
    public Map<String, List<String>> tagsBySource() {
        return database.inTransaction("read source tags", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, tags FROM source")) {
                Map<String, List<String>> tags = new HashMap<>();
                while (rows.next()) {
                    String joined = rows.getString("tags");
                    tags.put(rows.getString("id"), joined == null || joined.isEmpty()
                            ? List.of() : List.of(joined.split("\n")));
                }
                return tags;
            }
        });
    }

    /** The highest item id stored so far, or 0 when there is none. */
    public long lastId() {
        return database.inTransaction("find the newest item id", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(id) FROM item");
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    public long count() {
        return database.inTransaction("count items", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM item")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static String describe(NewItem item) {
        URI address = item.canonicalUrl() != null ? item.canonicalUrl() : item.url();
        if (address != null) {
            return address.toString();
        }
        String title = item.title() == null ? "(untitled)" : item.title().strip();
        return "\"" + (title.length() > 80 ? title.substring(0, 80) + "…" : title) + "\"";
    }
}
