package org.claimdesk.store;

import org.claimdesk.nlp.EntityType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The check-worthy sentences the claims stage found in each item ({@code claim_sentence}). Which
 * items still wait for the stage is the pipeline's record ({@link StageLedger}); this store holds
 * the results.
 */
public final class ClaimStore {
    private final Database database;

    public ClaimStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * What the claims stage reads of the given items, in the order asked for; items that are gone
     * are left out. The language is the detected one when analysis could tell, else the declared one.
     */
    public Map<Long, ClaimWork> toScore(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(itemIds);
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return database.inTransaction("read items to find claims in", connection -> {
            Map<Long, List<StoredEntity>> entities = entitiesOf(connection, ids, placeholders);
            Map<Long, ClaimWork> found = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT i.id, i.title, i.body_text, i.language, a.language AS detected, a.language_reliable, a.engine
                    FROM item i LEFT JOIN item_analysis a ON a.item_id = i.id
                    WHERE i.id IN (%s)
                    """.formatted(placeholders))) {
                bind(statement, ids);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong("id");
                        String detected = rows.getString("detected");
                        boolean reliable = rows.getBoolean("language_reliable") && detected != null && !"und".equals(detected);
                        found.put(id, new ClaimWork(id, rows.getString("title"), rows.getString("body_text"),
                                reliable ? detected : rows.getString("language"), rows.getString("engine"),
                                entities.getOrDefault(id, List.of())));
                    }
                }
            }
            return SqlValues.inAskedOrder(ids, found);
        });
    }

    /**
     * The claim sentences of one item, replacing what the stage found before, as a write for the
     * pipeline (made in the transaction that marks the item done).
     */
    public ItemWrite scored(long itemId, List<ClaimSentence> sentences) {
        List<ClaimSentence> rows = List.copyOf(sentences);
        for (ClaimSentence sentence : rows) {
            if (sentence.itemId() != itemId) {
                throw new IllegalArgumentException("sentence of item " + sentence.itemId() + " saved for item " + itemId);
            }
        }
        return ItemWrite.of(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM claim_sentence WHERE item_id = ?")) {
                delete.setLong(1, itemId);
                delete.executeUpdate();
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO claim_sentence (item_id, ordinal, start_offset, end_offset, sentence, score, reasons)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)) {
                for (ClaimSentence sentence : rows) {
                    insert.setLong(1, itemId);
                    insert.setInt(2, sentence.ordinal());
                    insert.setInt(3, sentence.start());
                    insert.setInt(4, sentence.end());
                    insert.setString(5, sentence.sentence());
                    insert.setDouble(6, sentence.score());
                    insert.setString(7, reasonsText(sentence.reasons()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The claim sentences of one item in text order; empty when it has none or was not scored yet. */
    public List<ClaimSentence> claimsOf(long itemId) {
        return database.inTransaction("read the claims of item " + itemId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT item_id, ordinal, start_offset, end_offset, sentence, score, reasons
                    FROM claim_sentence WHERE item_id = ? ORDER BY ordinal
                    """)) {
                statement.setLong(1, itemId);
                return read(statement);
            }
        });
    }

    /** The best claim sentence of each of these items, by item; items without one are left out. */
    public Map<Long, ClaimSentence> bestOf(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(itemIds);
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return database.inTransaction("read the best claims of " + ids.size() + " items", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT item_id, ordinal, start_offset, end_offset, sentence, score, reasons
                    FROM claim_sentence WHERE item_id IN (%s) ORDER BY item_id, score DESC, ordinal
                    """.formatted(placeholders))) {
                bind(statement, ids);
                Map<Long, ClaimSentence> best = new LinkedHashMap<>();
                for (ClaimSentence sentence : read(statement)) {
                    best.putIfAbsent(sentence.itemId(), sentence);
                }
                return best;
            }
        });
    }

    private static List<ClaimSentence> read(PreparedStatement statement) throws SQLException {
        List<ClaimSentence> sentences = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sentences.add(new ClaimSentence(rows.getLong("item_id"), rows.getInt("ordinal"),
                        rows.getInt("start_offset"), rows.getInt("end_offset"), rows.getString("sentence"),
                        rows.getDouble("score"), reasons(rows.getString("reasons"))));
            }
        }
        return sentences;
    }

    private static Map<Long, List<StoredEntity>> entitiesOf(Connection connection, List<Long> ids, String placeholders)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT item_id, entity_type, entity_text, mention_count FROM item_entity
                WHERE item_id IN (%s) ORDER BY item_id, first_offset, entity_type, entity_text
                """.formatted(placeholders))) {
            bind(statement, ids);
            Map<Long, List<StoredEntity>> byItem = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    EntityType type;
                    try {
                        type = EntityType.valueOf(rows.getString("entity_type"));
                    } catch (IllegalArgumentException e) {
                        continue; // written by a newer version with more types
                    }
                    byItem.computeIfAbsent(rows.getLong("item_id"), id -> new ArrayList<>())
                            .add(new StoredEntity(rows.getString("entity_text"), type, rows.getInt("mention_count")));
                }
            }
            return byItem;
        }
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }

    static String reasonsText(List<ClaimSentence.Reason> reasons) {
        StringBuilder text = new StringBuilder();
        for (ClaimSentence.Reason reason : reasons) {
            text.append(reason.cue()).append('\t').append(String.format(Locale.ROOT, "%.4f", reason.contribution())).append('\n');
        }
        return text.toString();
    }

    static List<ClaimSentence.Reason> reasons(String text) {
        List<ClaimSentence.Reason> reasons = new ArrayList<>();
        if (text == null) {
            return reasons;
        }
        for (String line : text.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                try {
                    reasons.add(new ClaimSentence.Reason(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1))));
                } catch (IllegalArgumentException e) {
                    // a line a newer version wrote differently: leave it out rather than lose the sentence
                }
            }
        }
        return reasons;
    }
}
