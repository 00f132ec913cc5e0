package org.claimdesk.store;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.TextAnalysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What language analysis found in each item: the detected language and the named entities.
 * Which items still wait for analysis, and why one failed, is the pipeline's record
 * ({@link StageLedger}, stage "analysis"); this store holds the results.
 */
public final class AnalysisStore {

    /** Longer mentions are cut: a "name" this long is a tagging accident, and the column has a limit. */
    static final int MAX_ENTITY_CHARS = 500;

    private final Database database;

    public AnalysisStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * What the analyser reads of the given items, by id; items that are gone are left out. In
     * the order asked for.
     */
    public Map<Long, PendingItem> toAnalyse(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(itemIds);
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return database.inTransaction("read items to analyse", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, title, body_text, language FROM item WHERE id IN (" + placeholders + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    statement.setLong(i + 1, ids.get(i));
                }
                Map<Long, PendingItem> found = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getLong("id"), new PendingItem(rows.getLong("id"), rows.getString("title"),
                                rows.getString("body_text"), rows.getString("language")));
                    }
                }
                return SqlValues.inAskedOrder(ids, found);
            }
        });
    }

    /**
     * Saves one item's analysis and its entities in one transaction, replacing an earlier
     * analysis. Entity offsets refer to the analysed text; the same (type, text) is kept once
     * with its count.
     */
    public void save(long itemId, TextAnalysis analysis, Instant analysedAt) {
        ItemWrite write = analysed(itemId, analysis, analysedAt);
        database.inTransaction("save the analysis of item " + itemId, connection -> {
            write.writeTo(connection);
            return null;
        });
    }

    /**
     * Like {@link #save}, as a write for the pipeline, which makes it in the transaction that marks
     * the item analysed ({@link StageLedger#markDone}).
     */
    public ItemWrite analysed(long itemId, TextAnalysis analysis, Instant analysedAt) {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(analysedAt, "analysedAt");
        Collection<EntityRow> entities = distinctEntities(analysis.entities());
        ItemAnalysis row = new ItemAnalysis(itemId, analysis.language().tag(), analysis.language().reliable(),
                analysis.path(), analysis.engine().name(), analysis.sentences().size(), analysis.tokenCount(),
                analysedAt, null);
        return ItemWrite.of(connection -> {
            deleteAnalysis(connection, itemId);
            insertAnalysis(connection, row);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO item_entity (item_id, entity_type, entity_text, mention_count, first_offset)
                    VALUES (?, ?, ?, ?, ?)
                    """)) {
                for (EntityRow entity : entities) {
                    statement.setLong(1, itemId);
                    statement.setString(2, entity.type.name());
                    statement.setString(3, entity.text);
                    statement.setInt(4, entity.count);
                    statement.setInt(5, entity.firstOffset);
                    statement.addBatch();
                }
                if (!entities.isEmpty()) {
                    statement.executeBatch();
                }
            }
            IndexChangeLog.record(connection, itemId, IndexChangeLog.Reason.ANALYSED);
        });
    }

    /** The stored analysis of an item, if it was analysed. */
    public Optional<ItemAnalysis> analysisOf(long itemId) {
        return database.inTransaction("read the analysis of item " + itemId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT item_id, language, language_reliable, analysis_path, engine, sentence_count, token_count,
                           analysed_at, error
                    FROM item_analysis WHERE item_id = ?
                    """)) {
                statement.setLong(1, itemId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ItemAnalysis(rows.getLong("item_id"), rows.getString("language"),
                            rows.getBoolean("language_reliable"), AnalysisPath.valueOf(rows.getString("analysis_path")),
                            rows.getString("engine"), rows.getInt("sentence_count"), rows.getInt("token_count"),
                            SqlValues.instant(rows, "analysed_at"), rows.getString("error")));
                }
            }
        });
    }

    /** The entities of an item in text order; empty when it has none or is not analysed. */
    public List<StoredEntity> entitiesOf(long itemId) {
        return database.inTransaction("read the entities of item " + itemId,
                connection -> entitiesBetween(connection, itemId, itemId).getOrDefault(itemId, List.of()));
    }

    /** The entities of every item with an id in [firstId, lastId], by item, each in text order. */
    static Map<Long, List<StoredEntity>> entitiesBetween(Connection connection, long firstId, long lastId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT item_id, entity_type, entity_text, mention_count FROM item_entity
                WHERE item_id BETWEEN ? AND ? ORDER BY item_id, first_offset, entity_type, entity_text
                """)) {
            statement.setLong(1, firstId);
            statement.setLong(2, lastId);
            try (ResultSet rows = statement.executeQuery()) {
                Map<Long, List<StoredEntity>> byItem = new HashMap<>();
                while (rows.next()) {
                    EntityType type;
                    try {
                        type = EntityType.valueOf(rows.getString("entity_type"));
                    } catch (IllegalArgumentException e) {
                        continue; // written by a newer version with more types: skip rather than fail the page
                    }
                    byItem.computeIfAbsent(rows.getLong("item_id"), id -> new ArrayList<>())
                            .add(new StoredEntity(rows.getString("entity_text"), type, rows.getInt("mention_count")));
                }
                return byItem;
            }
        }
    }

    private static void deleteAnalysis(Connection connection, long itemId) throws SQLException {
        for (String sql : List.of("DELETE FROM item_entity WHERE item_id = ?", "DELETE FROM item_analysis WHERE item_id = ?")) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, itemId);
                statement.executeUpdate();
            }
        }
    }

    private static void insertAnalysis(Connection connection, ItemAnalysis analysis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO item_analysis (item_id, language, language_reliable, analysis_path, engine, sentence_count,
                                           token_count, analysed_at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            statement.setLong(1, analysis.itemId());
            statement.setString(2, analysis.language());
            statement.setBoolean(3, analysis.reliable());
            statement.setString(4, analysis.path().name());
            statement.setString(5, analysis.engine());
            statement.setInt(6, analysis.sentenceCount());
            statement.setInt(7, analysis.tokenCount());
            SqlValues.setInstant(statement, 8, analysis.analysedAt());
            statement.setString(9, analysis.error());
            statement.executeUpdate();
        }
    }

    private static final class EntityRow {
        final String text;
        final EntityType type;
        final int firstOffset;
        int count = 1;

        EntityRow(String text, EntityType type, int firstOffset) {
            this.text = text;
            this.type = type;
            this.firstOffset = firstOffset;
        }
    }

    /** One row per (type, text), first mention's offset, mentions counted. */
    private static Collection<EntityRow> distinctEntities(List<NamedEntity> entities) {
        Map<String, EntityRow> rows = new LinkedHashMap<>();
        for (NamedEntity entity : entities) {
            String text = cut(entity.text().strip().replaceAll("\\s+", " "));
            if (text.isEmpty()) {
                continue;
            }
            EntityRow row = rows.get(entity.type() + "\u0000" + text);
            if (row == null) {
                rows.put(entity.type() + "\u0000" + text, new EntityRow(text, entity.type(), Math.max(0, entity.start())));
            } else {
                row.count++;
            }
        }
        return rows.values();
    }

    private static String cut(String text) {
        if (text.length() <= MAX_ENTITY_CHARS) {
            return text;
        }
        int end = MAX_ENTITY_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character outside the Basic Multilingual Plane
        }
        return text.substring(0, end);
    }
}
