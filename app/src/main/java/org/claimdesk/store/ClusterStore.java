package org.claimdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Claim clusters in H2: which items each holds, what stands for it, its flag, and the analysts'
 * work on it (triage state with its history, tags, notes, decisions the clusterer must respect).
 * A cluster's id never changes; a cluster merged into another keeps its row, pointing at the one
 * that carries on, so that whatever refers to it (notes, rebuttals) still finds it.
 */
public final class ClusterStore {
    private static final String SUMMARY_COLUMNS = """
            id, label, representative_item_id, item_count, source_count, language_count, first_item_at, last_item_at,
            best_claim_score, state, state_changed_at, flag_score, flag_reasons, flagged_at""";
    /** The language an item is counted in: what analysis detected when it could tell, else the declared one. */
    private static final String ITEM_LANGUAGE = "COALESCE(a.language, i.language)";
    private static final String ITEM_ANALYSIS_JOIN =
            "LEFT JOIN item_analysis a ON a.item_id = i.id AND a.language_reliable = TRUE AND a.language <> 'und'";

    /** The most ids one statement lists in an IN (...): databases cap the parameters of a statement. */
    private static final int MOST_IDS_A_STATEMENT = 500;

    private final Database database;

    public ClusterStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** An analyst's decision the clusterer respects from then on. */
    public enum DecisionKind {
        /** {@code cluster} was merged into {@code otherCluster}. */
        MERGE,
        /** {@code item} is never again put in {@code cluster}. */
        MOVE_OUT,
        /** {@code item} stays in {@code cluster}. */
        PIN
    }

    public record Decision(DecisionKind kind, long clusterId, Long otherClusterId, Long itemId, Instant decidedAt,
                           String decidedBy) {
    }

    /** An item in a cluster, with what the clusterer reads to take up where it left off after a restart. */
    public record Member(long itemId, long clusterId, boolean pinned, Instant time, String title, String text,
                         String language, String sourceId, String url) {
    }

    /** What the clustering stage reads of an item: its text, time, language, source, address and names. */
    public record Work(long itemId, Instant time, String title, String text, String language, String sourceId,
                       String url, List<String> entityNames) {
    }

    /** One item of a live cluster, for flagging. */
    public record Arrival(long clusterId, long itemId, Instant time, String sourceId, String language) {
    }

    public record StateChange(ClusterState state, String reason, Instant changedAt, String changedBy) {
    }

    public record Note(long id, Long itemId, Long clusterId, String text, String author, Instant createdAt) {
    }

    /** What saving a flag changed for the analysts. */
    public enum FlagOutcome {
        UNCHANGED,
        /** Flagged for the first time: the window tells the analyst. */
        NEWLY_FLAGGED,
        /** Was dismissed, and grew again since: back to NEW. */
        CAME_BACK
    }

    /** A cluster's flag as one round of flagging scored it, to be saved with the round's others. */
    public record FlagScore(long clusterId, double score, boolean raised, List<String> reasons) {
        public FlagScore {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A new, empty cluster and its id, in a transaction of its own: ids come from the database
     * alone, whether the clusterer or an analyst makes the cluster. An id whose item is then not
     * placed (the stage's result was discarded) leaves an empty row that no list shows.
     */
    public long newCluster(Instant at) {
        return database.inTransaction("make a claim cluster", connection -> insertCluster(connection, at));
    }

    /** Saves where the clusterer put one item, in a transaction of its own (replaying, importing). */
    public void place(ClusterPlacement placement) {
        ItemWrite write = placed(placement);
        database.inTransaction("place item " + placement.itemId() + " in cluster " + placement.clusterId(), connection -> {
            write.writeTo(connection);
            return null;
        });
    }

    /** The clusterer's placement of one item, as a write for the pipeline (the clustering stage's result). */
    public ItemWrite placed(ClusterPlacement placement) {
        return ItemWrite.of(connection -> {
            // an analyst may have merged the clusterer's cluster into another since: follow it there
            long target = survivorOf(connection, placement.clusterId());
            // the items a split moved go whatever becomes of this one
            Set<Long> splitTouched = split(connection, placement.moved(), placement.at());
            for (long cluster : splitTouched) {
                refresh(connection, cluster);
            }
            Long pinnedIn = pinnedCluster(connection, placement.itemId());
            if (pinnedIn != null && pinnedIn != target) {
                return; // an analyst put it elsewhere since the clusterer looked: the analyst wins
            }
            requireLive(connection, target);
            Set<Long> touched = new HashSet<>();
            touched.add(target);
            for (long absorbed : placement.absorbed()) {
                long other = survivorOf(connection, absorbed);
                if (other != target) {
                    absorb(connection, other, target, placement.at(), null);
                }
            }
            Long before = clusterOf(connection, placement.itemId());
            if (before != null && before != target) {
                touched.add(before);
            }
            putItem(connection, placement.itemId(), target, placement.similarity(), pinnedIn != null, placement.at());
            for (long cluster : touched) {
                refresh(connection, cluster);
            }
        });
    }

    /**
     * Moves the items the clusterer split off, except pinned ones (an analyst's word holds), and
     * writes the split into both clusters' history. Returns the clusters that changed. A split of
     * a big cluster moves thousands of items: read a bounded number at a time, written in one batch.
     */
    private static Set<Long> split(Connection connection, Map<Long, Long> moved, Instant at) throws SQLException {
        if (moved.isEmpty()) {
            return Set.of();
        }
        Map<Long, Long> from = new HashMap<>();
        forIds(connection, "SELECT item_id, cluster_id FROM cluster_item WHERE pinned = FALSE AND item_id IN (%s)",
                List.copyOf(moved.keySet()), statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            from.put(rows.getLong(1), rows.getLong(2));
                        }
                    }
                });
        Map<Long, Long> survivors = new HashMap<>();
        Map<Long, Map<Long, Integer>> counts = new HashMap<>(); // from → to → items
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cluster_item SET cluster_id = ?, assigned_at = ? WHERE item_id = ?")) {
            for (Map.Entry<Long, Long> move : from.entrySet()) {
                long target = moved.get(move.getKey());
                Long to = survivors.get(target);
                if (to == null) {
                    to = survivorOf(connection, target);
                    survivors.put(target, to);
                }
                if (move.getValue().equals(to)) {
                    continue;
                }
                update.setLong(1, to);
                SqlValues.setInstant(update, 2, at);
                update.setLong(3, move.getKey());
                update.addBatch();
                counts.computeIfAbsent(move.getValue(), f -> new HashMap<>()).merge(to, 1, Integer::sum);
            }
            update.executeBatch();
        }
        Set<Long> touched = new HashSet<>();
        for (Map.Entry<Long, Map<Long, Integer>> source : counts.entrySet()) {
            touched.add(source.getKey());
            for (Map.Entry<Long, Integer> to : source.getValue().entrySet()) {
                touched.add(to.getKey());
                String items = to.getValue() == 1 ? "1 item" : to.getValue() + " items";
                // history only: a split is not a triage decision, so the state's time stays (a
                // dismissal still compares with the analyst's time, bundles with the real change)
                recordHistory(connection, source.getKey(), items + " split off into cluster " + to.getKey(), at);
                recordHistory(connection, to.getKey(), "split off from cluster " + source.getKey() + " (" + items + ")", at);
            }
        }
        return touched;
    }

    /** What the clustering stage reads of these items, in the order asked for; items that are gone are left out. */
    public Map<Long, Work> toPlace(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(itemIds.size(), "?"));
        return database.inTransaction("read items to cluster", connection -> {
            Map<Long, List<String>> names = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT item_id, entity_text FROM item_entity WHERE item_id IN (%s)
                    AND entity_type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'MISC') ORDER BY item_id, first_offset
                    """.formatted(placeholders))) {
                for (int i = 0; i < itemIds.size(); i++) {
                    statement.setLong(i + 1, itemIds.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
            Map<Long, Work> found = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT i.id, i.sort_time, i.title, i.body_text, %s AS lang, i.first_source_id, i.url
                    FROM item i %s WHERE i.id IN (%s)
                    """.formatted(ITEM_LANGUAGE, ITEM_ANALYSIS_JOIN, placeholders))) {
                for (int i = 0; i < itemIds.size(); i++) {
                    statement.setLong(i + 1, itemIds.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong("id");
                        found.put(id, new Work(id, SqlValues.instant(rows, "sort_time"), rows.getString("title"),
                                rows.getString("body_text"), rows.getString("lang"), rows.getString("first_source_id"),
                                rows.getString("url"), names.getOrDefault(id, List.of())));
                    }
                }
            }
            return SqlValues.inAskedOrder(itemIds, found);
        });
    }

    /** The cluster that carries on for {@code clusterId}: itself, or the one it was merged into. */
    public long survivor(long clusterId) {
        return database.inTransaction("find cluster " + clusterId, connection -> survivorOf(connection, clusterId));
    }

    public Optional<ClusterSummary> find(long clusterId) {
        return database.inTransaction("read cluster " + clusterId, connection -> {
            long survivor = survivorOf(connection, clusterId);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + SUMMARY_COLUMNS + " FROM claim_cluster WHERE id = ?")) {
                statement.setLong(1, survivor);
                List<ClusterSummary> found = summaries(connection, statement);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            }
        });
    }

    /** The cluster an item is in, if any (the one that carries on). */
    public Optional<Long> clusterOfItem(long itemId) {
        return database.inTransaction("find the cluster of item " + itemId,
                connection -> Optional.ofNullable(clusterOf(connection, itemId)));
    }

    /**
     * Live clusters with at least {@code minItems} items, most emerging first (flag score, then the
     * latest item), filtered by state, tag and an item language when given (null: any).
     */
    public List<ClusterSummary> ranked(ClusterState state, String tag, String language, int minItems, int limit) {
        return ranked(state, tag, language, minItems, null, limit);
    }

    /**
     * As above, and with {@code words} (null or blank: any): clusters where every word appears,
     * in any case, in the claim that stands for it, a note on it or one of its tags.
     */
    public List<ClusterSummary> ranked(ClusterState state, String tag, String language, int minItems, String words,
                                       int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS
                + " FROM claim_cluster WHERE merged_into IS NULL AND item_count >= ?");
        List<Object> parameters = new ArrayList<>(List.of(Math.max(1, minItems)));
        if (state != null) {
            sql.append(" AND state = ?");
            parameters.add(state.name());
        }
        if (tag != null) {
            sql.append(" AND id IN (SELECT cluster_id FROM cluster_tag WHERE tag = ?)");
            parameters.add(tag);
        }
        if (language != null) {
            sql.append(" AND id IN (SELECT c.cluster_id FROM cluster_item c JOIN item i ON i.id = c.item_id ")
                    .append(ITEM_ANALYSIS_JOIN).append(" WHERE ").append(ITEM_LANGUAGE).append(" = ?)");
            parameters.add(language);
        }
        for (String word : words == null ? new String[0] : words.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(label) LIKE ? ESCAPE '\\'")
                    .append(" OR id IN (SELECT COALESCE(k.merged_into, k.id) FROM claim_cluster k JOIN note n ON n.cluster_id = k.id")
                    .append(" WHERE LOWER(n.text) LIKE ? ESCAPE '\\')")
                    .append(" OR id IN (SELECT cluster_id FROM cluster_tag WHERE LOWER(tag) LIKE ? ESCAPE '\\'))");
            parameters.addAll(List.of(pattern, pattern, pattern));
        }
        sql.append(" ORDER BY flag_score DESC, last_item_at DESC, id DESC FETCH FIRST ? ROWS ONLY");
        parameters.add(Math.max(1, limit));
        return database.inTransaction("list claim clusters", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return summaries(connection, statement);
            }
        });
    }

    /** The items of a cluster (and of the clusters merged into it), oldest first. */
    public List<Long> itemsOf(long clusterId) {
        return database.inTransaction("read the items of cluster " + clusterId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.item_id FROM cluster_item c JOIN item i ON i.id = c.item_id
                    WHERE c.cluster_id = ? ORDER BY i.sort_time, i.id
                    """)) {
                statement.setLong(1, survivorOf(connection, clusterId));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * The clustered items of the time span from {@code since}, oldest first: what the clusterer
     * holds in memory, read back at start.
     */
    public List<Member> membersSince(Instant since) {
        return database.inTransaction("read clustered items", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.item_id, c.cluster_id, c.pinned, i.sort_time, i.title, i.body_text, %s AS lang,
                           i.first_source_id, i.url
                    FROM cluster_item c JOIN item i ON i.id = c.item_id %s
                    WHERE i.sort_time >= ? ORDER BY i.sort_time, i.id
                    """.formatted(ITEM_LANGUAGE, ITEM_ANALYSIS_JOIN))) {
                SqlValues.setInstant(statement, 1, since);
                List<Member> members = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        members.add(new Member(rows.getLong("item_id"), rows.getLong("cluster_id"),
                                rows.getBoolean("pinned"), SqlValues.instant(rows, "sort_time"), rows.getString("title"),
                                rows.getString("body_text"), rows.getString("lang"), rows.getString("first_source_id"),
                                rows.getString("url")));
                    }
                }
                return members;
            }
        });
    }

    /** Every decision analysts made, oldest first. */
    public List<Decision> decisions() {
        return database.inTransaction("read cluster decisions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT kind, cluster_id, other_cluster_id, item_id, decided_at, decided_by
                    FROM cluster_decision ORDER BY id
                    """); ResultSet rows = statement.executeQuery()) {
                List<Decision> decisions = new ArrayList<>();
                while (rows.next()) {
                    decisions.add(new Decision(DecisionKind.valueOf(rows.getString("kind")), rows.getLong("cluster_id"),
                            nullableLong(rows, "other_cluster_id"), nullableLong(rows, "item_id"),
                            SqlValues.instant(rows, "decided_at"), rows.getString("decided_by")));
                }
                return decisions;
            }
        });
    }

    /** An analyst merges {@code clusterId} into {@code intoId}: its items, tags and notes follow. */
    public void merge(long clusterId, long intoId, String by, Instant at) {
        database.inTransaction("merge cluster " + clusterId + " into " + intoId, connection -> {
            long from = survivorOf(connection, clusterId);
            long into = survivorOf(connection, intoId);
            if (from == into) {
                return null;
            }
            absorb(connection, from, into, at, by);
            recordDecision(connection, DecisionKind.MERGE, from, into, null, at, by);
            refresh(connection, into);
            return null;
        });
    }

    /**
     * An analyst takes an item out of its cluster: it stands alone in a new cluster, and the
     * clusterer never puts it back there. Returns the new cluster's id.
     */
    public long moveOut(long itemId, String by, Instant at) {
        return database.inTransaction("move item " + itemId + " out of its cluster", connection -> {
            Long from = clusterOf(connection, itemId);
            if (from == null) {
                throw new IllegalArgumentException("item " + itemId + " is in no cluster");
            }
            long alone = insertCluster(connection, at);
            putItem(connection, itemId, alone, 1.0, false, at);
            recordDecision(connection, DecisionKind.MOVE_OUT, from, null, itemId, at, by);
            refresh(connection, from);
            refresh(connection, alone);
            return alone;
        });
    }

    /** The items an analyst pinned to this cluster (or to a cluster merged into it). */
    public Set<Long> pinnedItems(long clusterId) {
        return database.inTransaction("read the pinned items of cluster " + clusterId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT item_id FROM cluster_item WHERE cluster_id = ? AND pinned")) {
                statement.setLong(1, survivorOf(connection, clusterId));
                Set<Long> pinned = new java.util.HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        pinned.add(rows.getLong(1));
                    }
                }
                return pinned;
            }
        });
    }

    /** An analyst puts an item in a cluster to stay: the clusterer never moves it. */
    public void pin(long itemId, long clusterId, String by, Instant at) {
        database.inTransaction("pin item " + itemId + " to cluster " + clusterId, connection -> {
            long into = survivorOf(connection, clusterId);
            requireLive(connection, into);
            Long from = clusterOf(connection, itemId);
            putItem(connection, itemId, into, 1.0, true, at);
            recordDecision(connection, DecisionKind.PIN, into, null, itemId, at, by);
            refresh(connection, into);
            if (from != null && from != into) {
                refresh(connection, from);
            }
            return null;
        });
    }

    /** Sets a cluster's triage state, recorded with who, when and why. */
    public void setState(long clusterId, ClusterState state, String reason, String by, Instant at) {
        Objects.requireNonNull(state, "state");
        if (state == ClusterState.DISMISSED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a dismissal needs a reason");
        }
        database.inTransaction("set the state of cluster " + clusterId, connection -> {
            changeState(connection, survivorOf(connection, clusterId), state, reason, by, at);
            return null;
        });
    }

    /** The states a cluster went through, oldest first (of the clusters merged into it too). */
    public List<StateChange> stateHistory(long clusterId) {
        return database.inTransaction("read the state history of cluster " + clusterId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT state, reason, changed_at, changed_by FROM cluster_state_change
                    WHERE cluster_id IN (SELECT id FROM claim_cluster WHERE id = ? OR merged_into = ?)
                    ORDER BY changed_at, id
                    """)) {
                long survivor = survivorOf(connection, clusterId);
                statement.setLong(1, survivor);
                statement.setLong(2, survivor);
                List<StateChange> changes = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new StateChange(ClusterState.valueOf(rows.getString("state")), rows.getString("reason"),
                                SqlValues.instant(rows, "changed_at"), rows.getString("changed_by")));
                    }
                }
                return changes;
            }
        });
    }

    public void tag(long clusterId, String tag) {
        String clean = tag == null ? "" : tag.strip();
        if (clean.isEmpty() || clean.length() > 100 || clean.contains("\n")) {
            throw new IllegalArgumentException("a tag is one line of 1 to 100 characters");
        }
        database.inTransaction("tag cluster " + clusterId, connection -> {
            long survivor = survivorOf(connection, clusterId);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO cluster_tag (cluster_id, tag) SELECT ?, ? FROM claim_cluster
                    WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cluster_tag WHERE cluster_id = ? AND tag = ?)
                    """)) {
                statement.setLong(1, survivor);
                statement.setString(2, clean);
                statement.setLong(3, survivor);
                statement.setLong(4, survivor);
                statement.setString(5, clean);
                statement.executeUpdate();
            }
            return null;
        });
    }

    public void untag(long clusterId, String tag) {
        database.inTransaction("untag cluster " + clusterId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM cluster_tag WHERE cluster_id = ? AND tag = ?")) {
                statement.setLong(1, survivorOf(connection, clusterId));
                statement.setString(2, tag);
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Adds a note to an item or (with {@code itemId} null) to a cluster. */
    public Note addNote(Long itemId, Long clusterId, String text, String author, Instant at) {
        if ((itemId == null) == (clusterId == null)) {
            throw new IllegalArgumentException("a note is on an item or on a cluster");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        return database.inTransaction("add a note", connection -> {
            Long cluster = clusterId == null ? null : survivorOf(connection, clusterId);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO note (item_id, cluster_id, text, author, created_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setObject(1, itemId);
                statement.setObject(2, cluster);
                statement.setString(3, text.strip());
                statement.setString(4, author);
                SqlValues.setInstant(statement, 5, at);
                statement.executeUpdate();
                if (itemId != null) {
                    IndexChangeLog.record(connection, itemId, IndexChangeLog.Reason.NOTE); // notes are searchable
                }
                return new Note(generatedKey(statement), itemId, cluster, text.strip(), author, SqlValues.toStoredPrecision(at));
            }
        });
    }

    /** The notes on a cluster (and on the clusters merged into it), oldest first. */
    public List<Note> notesOfCluster(long clusterId) {
        return database.inTransaction("read the notes of cluster " + clusterId, connection -> {
            long survivor = survivorOf(connection, clusterId);
            return notes(connection, """
                    SELECT id, item_id, cluster_id, text, author, created_at FROM note
                    WHERE cluster_id IN (SELECT id FROM claim_cluster WHERE id = ? OR merged_into = ?)
                    ORDER BY created_at, id
                    """, survivor, survivor);
        });
    }

    public List<Note> notesOfItem(long itemId) {
        return database.inTransaction("read the notes of item " + itemId, connection -> notes(connection, """
                SELECT id, item_id, cluster_id, text, author, created_at FROM note WHERE item_id = ? ORDER BY created_at, id
                """, itemId));
    }

    /**
     * Items of live clusters from {@code since} on, with their cluster: what flagging weighs. Each
     * item counts once, for the source it first came from.
     */
    public List<Arrival> arrivalsSince(Instant since) {
        return database.inTransaction("read recent cluster activity", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.cluster_id, i.id, i.sort_time, i.first_source_id, %s AS lang
                    FROM claim_cluster k JOIN cluster_item c ON c.cluster_id = k.id JOIN item i ON i.id = c.item_id %s
                    WHERE k.merged_into IS NULL AND k.last_item_at >= ? AND i.sort_time >= ?
                    ORDER BY c.cluster_id, i.sort_time
                    """.formatted(ITEM_LANGUAGE, ITEM_ANALYSIS_JOIN))) {
                SqlValues.setInstant(statement, 1, since);
                SqlValues.setInstant(statement, 2, since);
                List<Arrival> arrivals = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        arrivals.add(new Arrival(rows.getLong(1), rows.getLong(2), SqlValues.instant(rows, "sort_time"),
                                rows.getString("first_source_id"), rows.getString("lang")));
                    }
                }
                return arrivals;
            }
        });
    }

    /** Live clusters that still carry a flag score: rescored even when nothing new arrived, so speed decays. */
    public List<Long> scoredClusters() {
        return database.inTransaction("read scored clusters", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM claim_cluster WHERE merged_into IS NULL AND flag_score > 0");
                 ResultSet rows = statement.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids;
            }
        });
    }

    /** These clusters as they stand (their flag, first item time, best claim score...), by id. */
    public Map<Long, ClusterSummary> summaries(List<Long> clusterIds) {
        if (clusterIds.isEmpty()) {
            return Map.of();
        }
        return database.inTransaction("read clusters", connection -> {
            Map<Long, ClusterSummary> byId = new LinkedHashMap<>();
            forIds(connection, "SELECT " + SUMMARY_COLUMNS + " FROM claim_cluster WHERE id IN (%s)", clusterIds, statement -> {
                for (ClusterSummary summary : summaries(connection, statement)) {
                    byId.put(summary.id(), summary);
                }
            });
            return byId;
        });
    }

    /**
     * The items from {@code since} on that match a watchlist entry: a TERM in title or text
     * (ignoring case), an ENTITY analysis found, or a SOURCE the item came from.
     */
    public Set<Long> watchHits(WatchEntry.Kind kind, String entry, Instant since) {
        String sql = switch (kind) {
            case TERM -> """
                    SELECT i.id FROM item i JOIN cluster_item c ON c.item_id = i.id
                    WHERE i.sort_time >= ? AND (LOWER(i.title) LIKE ? ESCAPE '!' OR LOWER(i.body_text) LIKE ? ESCAPE '!')
                    """;
            case ENTITY -> """
                    SELECT DISTINCT i.id FROM item i JOIN cluster_item c ON c.item_id = i.id
                    JOIN item_entity e ON e.item_id = i.id
                    WHERE i.sort_time >= ? AND LOWER(e.entity_text) = ?
                    """;
            case SOURCE -> """
                    SELECT DISTINCT i.id FROM item i JOIN cluster_item c ON c.item_id = i.id
                    JOIN item_source s ON s.item_id = i.id
                    WHERE i.sort_time >= ? AND s.source_id = ?
                    """;
        };
        String lower = entry.strip().toLowerCase(Locale.ROOT);
        return database.inTransaction("find watchlist hits", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                SqlValues.setInstant(statement, 1, since);
                if (kind == WatchEntry.Kind.TERM) {
                    String pattern = "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
                    statement.setString(2, pattern);
                    statement.setString(3, pattern);
                } else {
                    statement.setString(2, kind == WatchEntry.Kind.SOURCE ? entry.strip() : lower);
                }
                Set<Long> ids = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Saves a cluster's flag: {@link #saveFlags} for one cluster. The first time it is raised is
     * kept; a dismissed cluster that is raised by items that arrived after its dismissal comes back as NEW.
     */
    public FlagOutcome saveFlag(long clusterId, double score, boolean raised, List<String> reasons, Instant at) {
        return saveFlags(List.of(new FlagScore(clusterId, score, raised, reasons)), at)
                .getOrDefault(clusterId, FlagOutcome.UNCHANGED);
    }

    /**
     * Saves a round of flags in one transaction, so that a round is stored whole or not at all (a
     * kill in the middle leaves the round before it). For each cluster: its score and reasons; the
     * first time it is raised is kept; a dismissed cluster raised by items that arrived after its
     * dismissal comes back as NEW, recorded as a state change by nobody with the first reason.
     * Clusters that are gone, or were merged since they were scored, are left as they are.
     *
     * @return what each save changed for the analysts, by cluster, in the order given
     */
    public Map<Long, FlagOutcome> saveFlags(List<FlagScore> flags, Instant at) {
        if (flags.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = flags.stream().map(FlagScore::clusterId).toList();
        return database.inTransaction("save the flags of " + flags.size() + " clusters", connection -> {
            Map<Long, FlagBefore> before = new HashMap<>();
            forIds(connection, """
                    SELECT id, flagged_at, state, state_changed_at, last_item_at FROM claim_cluster
                    WHERE merged_into IS NULL AND id IN (%s)
                    """, ids, statement -> {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        before.put(rows.getLong("id"), new FlagBefore(SqlValues.instant(rows, "flagged_at"),
                                ClusterState.valueOf(rows.getString("state")), SqlValues.instant(rows, "state_changed_at"),
                                SqlValues.instant(rows, "last_item_at")));
                    }
                }
            });
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE claim_cluster SET flag_score = ?, flag_reasons = ?, scored_at = ?, flagged_at = ? WHERE id = ?")) {
                for (FlagScore flag : flags) {
                    FlagBefore was = before.get(flag.clusterId());
                    if (was == null) {
                        continue;
                    }
                    update.setDouble(1, flag.score());
                    update.setString(2, String.join("\n", flag.reasons()));
                    SqlValues.setInstant(update, 3, at);
                    SqlValues.setInstant(update, 4, was.flaggedAt() == null && flag.raised() ? at : was.flaggedAt());
                    update.setLong(5, flag.clusterId());
                    update.addBatch();
                }
                update.executeBatch();
            }
            Map<Long, FlagOutcome> outcomes = new LinkedHashMap<>();
            for (FlagScore flag : flags) {
                FlagBefore was = before.get(flag.clusterId());
                FlagOutcome outcome = FlagOutcome.UNCHANGED;
                if (was != null && flag.raised()) {
                    if (was.state() == ClusterState.DISMISSED && was.lastItemAt() != null
                            && was.lastItemAt().isAfter(was.stateChangedAt())) {
                        changeState(connection, flag.clusterId(), ClusterState.NEW, "flared up again: "
                                + (flag.reasons().isEmpty() ? "flagged" : flag.reasons().getFirst()), null, at);
                        outcome = FlagOutcome.CAME_BACK;
                    } else if (was.flaggedAt() == null) {
                        outcome = FlagOutcome.NEWLY_FLAGGED;
                    }
                }
                outcomes.put(flag.clusterId(), outcome);
            }
            return outcomes;
        });
    }

    /** What a cluster's flag was before a round saved its new one. */
    private record FlagBefore(Instant flaggedAt, ClusterState state, Instant stateChangedAt, Instant lastItemAt) {
    }

    /** One statement over a list of ids, a bounded number at a time; its SQL has one {@code %s} for the ids' placeholders. */
    @FunctionalInterface
    private interface IdsStatement {
        void run(PreparedStatement statement) throws SQLException;
    }

    private static void forIds(Connection connection, String sql, List<Long> ids, IdsStatement work) throws SQLException {
        for (int from = 0; from < ids.size(); from += MOST_IDS_A_STATEMENT) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + MOST_IDS_A_STATEMENT));
            try (PreparedStatement statement = connection.prepareStatement(
                    sql.formatted(String.join(", ", Collections.nCopies(slice.size(), "?"))))) {
                for (int i = 0; i < slice.size(); i++) {
                    statement.setLong(i + 1, slice.get(i));
                }
                work.run(statement);
            }
        }
    }

    static long insertCluster(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO claim_cluster (created_at, item_count, source_count, language_count, best_claim_score, state,
                                           state_changed_at, flag_score)
                VALUES (?, 0, 0, 0, 0, 'NEW', ?, 0)
                """, Statement.RETURN_GENERATED_KEYS)) {
            SqlValues.setInstant(statement, 1, at);
            SqlValues.setInstant(statement, 2, at);
            statement.executeUpdate();
            return generatedKey(statement);
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no key was generated");
            }
            return keys.getLong(1);
        }
    }

    private static void requireLive(Connection connection, long clusterId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT merged_into FROM claim_cluster WHERE id = ?")) {
            statement.setLong(1, clusterId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no cluster " + clusterId);
                }
                if (rows.getObject(1) != null) {
                    throw new IllegalArgumentException("cluster " + clusterId + " was merged into " + rows.getLong(1));
                }
            }
        }
    }

    private static long survivorOf(Connection connection, long clusterId) throws SQLException {
        long current = clusterId;
        // merges flatten chains (absorb re-points them), so this loops at most once in practice
        for (int hop = 0; hop < 100; hop++) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT merged_into FROM claim_cluster WHERE id = ?")) {
                statement.setLong(1, current);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getObject(1) == null) {
                        return current;
                    }
                    current = rows.getLong(1);
                }
            }
        }
        throw new SQLException("cluster " + clusterId + " is merged in a loop");
    }

    static Long clusterOf(Connection connection, long itemId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT cluster_id FROM cluster_item WHERE item_id = ?")) {
            statement.setLong(1, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static Long pinnedCluster(Connection connection, long itemId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT cluster_id FROM cluster_item WHERE item_id = ? AND pinned = TRUE")) {
            statement.setLong(1, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    static void putItem(Connection connection, long itemId, long clusterId, double similarity, boolean pinned,
                                Instant at) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cluster_item WHERE item_id = ?")) {
            delete.setLong(1, itemId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO cluster_item (item_id, cluster_id, similarity, pinned, assigned_at) VALUES (?, ?, ?, ?, ?)
                """)) {
            insert.setLong(1, itemId);
            insert.setLong(2, clusterId);
            insert.setDouble(3, Math.clamp(similarity, 0.0, 1.0));
            insert.setBoolean(4, pinned);
            SqlValues.setInstant(insert, 5, at);
            insert.executeUpdate();
        }
    }

    /** Moves everything of {@code from} into {@code into}; {@code from} keeps its row, pointing there. */
    private static void absorb(Connection connection, long from, long into, Instant at, String by) throws SQLException {
        for (String sql : List.of(
                "UPDATE cluster_item SET cluster_id = ? WHERE cluster_id = ?",
                "UPDATE claim_cluster SET merged_into = ? WHERE merged_into = ?")) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, into);
                statement.setLong(2, from);
                statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO cluster_tag (cluster_id, tag) SELECT ?, t.tag FROM cluster_tag t
                WHERE t.cluster_id = ? AND NOT EXISTS (SELECT 1 FROM cluster_tag u WHERE u.cluster_id = ? AND u.tag = t.tag)
                """)) {
            statement.setLong(1, into);
            statement.setLong(2, from);
            statement.setLong(3, into);
            statement.executeUpdate();
        }
        ClusterState fromState = stateOf(connection, from);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE claim_cluster SET merged_into = ?, item_count = 0, flag_score = 0 WHERE id = ?")) {
            statement.setLong(1, into);
            statement.setLong(2, from);
            statement.executeUpdate();
        }
        // the analysts' triage of either part is not lost: an untouched survivor takes the other's state
        if (stateOf(connection, into) == ClusterState.NEW && fromState != ClusterState.NEW) {
            changeState(connection, into, fromState, "merged with cluster " + from, by, at);
        }
    }

    private static ClusterState stateOf(Connection connection, long clusterId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT state FROM claim_cluster WHERE id = ?")) {
            statement.setLong(1, clusterId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? ClusterState.valueOf(rows.getString(1)) : ClusterState.NEW;
            }
        }
    }

    /** A line in a cluster's history under its current state, by nobody, leaving the state's time alone. */
    private static void recordHistory(Connection connection, long clusterId, String reason, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO cluster_state_change (cluster_id, state, reason, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
                """)) {
            statement.setLong(1, clusterId);
            statement.setString(2, stateOf(connection, clusterId).name());
            statement.setString(3, reason);
            SqlValues.setInstant(statement, 4, at);
            statement.setString(5, null);
            statement.executeUpdate();
        }
    }

    private static void changeState(Connection connection, long clusterId, ClusterState state, String reason, String by,
                                    Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE claim_cluster SET state = ?, state_changed_at = ? WHERE id = ?")) {
            statement.setString(1, state.name());
            SqlValues.setInstant(statement, 2, at);
            statement.setLong(3, clusterId);
            if (statement.executeUpdate() == 0) {
                throw new IllegalArgumentException("no cluster " + clusterId);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO cluster_state_change (cluster_id, state, reason, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
                """)) {
            statement.setLong(1, clusterId);
            statement.setString(2, state.name());
            statement.setString(3, reason == null || reason.isBlank() ? null : reason.strip());
            SqlValues.setInstant(statement, 4, at);
            statement.setString(5, by);
            statement.executeUpdate();
        }
    }

    private static void recordDecision(Connection connection, DecisionKind kind, long clusterId, Long other, Long itemId,
                                       Instant at, String by) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO cluster_decision (kind, cluster_id, other_cluster_id, item_id, decided_at, decided_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """)) {
            statement.setString(1, kind.name());
            statement.setLong(2, clusterId);
            statement.setObject(3, other);
            statement.setObject(4, itemId);
            SqlValues.setInstant(statement, 5, at);
            statement.setString(6, by);
            statement.executeUpdate();
        }
    }

    /**
     * Recounts a cluster from its items: counts, time span, and what stands for it (the best
     * claim sentence of its items, else its first item's title). Costs a few indexed reads of the
     * cluster's items; clusters are news stories, hundreds of items at most.
     */
    static void refresh(Connection connection, long clusterId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE claim_cluster SET
                  item_count = (SELECT COUNT(*) FROM cluster_item WHERE cluster_id = ?),
                  source_count = (SELECT COUNT(DISTINCT s.source_id) FROM cluster_item c
                                  JOIN item_source s ON s.item_id = c.item_id WHERE c.cluster_id = ?),
                  language_count = (SELECT COUNT(DISTINCT %s) FROM cluster_item c JOIN item i ON i.id = c.item_id %s
                                    WHERE c.cluster_id = ?),
                  first_item_at = (SELECT MIN(i.sort_time) FROM cluster_item c JOIN item i ON i.id = c.item_id
                                   WHERE c.cluster_id = ?),
                  last_item_at = (SELECT MAX(i.sort_time) FROM cluster_item c JOIN item i ON i.id = c.item_id
                                  WHERE c.cluster_id = ?)
                WHERE id = ?
                """.formatted(ITEM_LANGUAGE, ITEM_ANALYSIS_JOIN))) {
            for (int i = 1; i <= 6; i++) {
                statement.setLong(i, clusterId);
            }
            statement.executeUpdate();
        }
        Long representative = null;
        String label = null;
        double best = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT s.item_id, s.sentence, s.score FROM claim_sentence s JOIN cluster_item c ON c.item_id = s.item_id
                WHERE c.cluster_id = ? ORDER BY s.score DESC, s.item_id, s.ordinal FETCH FIRST 1 ROWS ONLY
                """)) {
            statement.setLong(1, clusterId);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    representative = rows.getLong(1);
                    label = rows.getString(2);
                    best = rows.getDouble(3);
                }
            }
        }
        if (label == null) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT i.id, i.title FROM cluster_item c JOIN item i ON i.id = c.item_id
                    WHERE c.cluster_id = ? ORDER BY i.sort_time, i.id FETCH FIRST 1 ROWS ONLY
                    """)) {
                statement.setLong(1, clusterId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        representative = rows.getLong(1);
                        label = rows.getString(2);
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE claim_cluster SET label = ?, representative_item_id = ?, best_claim_score = ? WHERE id = ?")) {
            statement.setString(1, label);
            statement.setObject(2, representative);
            statement.setDouble(3, best);
            statement.setLong(4, clusterId);
            statement.executeUpdate();
        }
    }

    private static List<ClusterSummary> summaries(Connection connection, PreparedStatement statement) throws SQLException {
        List<ClusterSummary> untagged = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String reasons = rows.getString("flag_reasons");
                untagged.add(new ClusterSummary(rows.getLong("id"), rows.getString("label"),
                        nullableLong(rows, "representative_item_id"), rows.getInt("item_count"),
                        rows.getInt("source_count"), rows.getInt("language_count"),
                        SqlValues.instant(rows, "first_item_at"), SqlValues.instant(rows, "last_item_at"),
                        rows.getDouble("best_claim_score"), ClusterState.valueOf(rows.getString("state")),
                        SqlValues.instant(rows, "state_changed_at"), rows.getDouble("flag_score"),
                        reasons == null || reasons.isBlank() ? List.of() : List.of(reasons.split("\n")),
                        SqlValues.instant(rows, "flagged_at"), List.of()));
            }
        }
        Map<Long, List<String>> tags = tagsOf(connection, untagged.stream().map(ClusterSummary::id).toList());
        return untagged.stream().map(summary -> summary.withTags(tags.getOrDefault(summary.id(), List.of()))).toList();
    }

    private static Map<Long, List<String>> tagsOf(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT cluster_id, tag FROM cluster_tag WHERE cluster_id IN (" + placeholders + ") ORDER BY tag")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            Map<Long, List<String>> tags = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tags.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return tags;
        }
    }

    private static List<Note> notes(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            List<Note> notes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    notes.add(new Note(rows.getLong("id"), nullableLong(rows, "item_id"), nullableLong(rows, "cluster_id"),
                            rows.getString("text"), rows.getString("author"), SqlValues.instant(rows, "created_at")));
                }
            }
            return notes;
        }
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
