package org.claimdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what a workspace bundle carries, in one transaction so that it is one consistent moment:
 * rebuttals changed since an instant (or all) with every version, step and piece of evidence; the
 * live clusters that changed since, gained items since, or are answered by one of those rebuttals;
 * the items stored since, those of these clusters and those cited as evidence; their sources; the
 * fact-checks imported or changed since.
 */
final class BundleExport {
    private final TableRows rows;
    private final String ownOrigin;
    private final Map<Long, String> clusterKeys = new HashMap<>();

    BundleExport(Connection connection, String ownOrigin) {
        this.rows = new TableRows(connection);
        this.ownOrigin = ownOrigin;
    }

    BundleContent read(Instant since) throws SQLException {
        Object[] at = since == null ? new Object[0] : new Object[] {since};
        List<BundleContent.Rebuttal> rebuttals = new ArrayList<>();
        Set<Long> clusterIds = new TreeSet<>();
        Set<Long> itemIds = new TreeSet<>();
        for (Map<String, Object> row : rows.select("SELECT * FROM rebuttal" + (since == null ? "" : " WHERE updated_at >= ?")
                + " ORDER BY id", at)) {
            rebuttals.add(rebuttal(row, clusterIds, itemIds));
        }

        String changedClusters = since == null ? "SELECT id FROM claim_cluster WHERE merged_into IS NULL" : """
                SELECT id FROM claim_cluster WHERE merged_into IS NULL AND (created_at >= ? OR state_changed_at >= ?
                  OR last_item_at >= ?
                  OR id IN (SELECT cluster_id FROM note WHERE cluster_id IS NOT NULL AND created_at >= ?)
                  OR id IN (SELECT cluster_id FROM cluster_decision WHERE decided_at >= ?)
                  OR id IN (SELECT c.cluster_id FROM cluster_item c JOIN item i ON i.id = c.item_id WHERE i.fetched_at >= ?))
                """;
        clusterIds.addAll(rows.ids(changedClusters, repeat(since, 6)));
        List<BundleContent.Cluster> clusters = new ArrayList<>();
        for (long id : clusterIds) {
            clusters.add(cluster(id, itemIds));
        }

        itemIds.addAll(rows.ids(since == null ? "SELECT id FROM item" : """
                SELECT id FROM item WHERE fetched_at >= ?
                  OR id IN (SELECT item_id FROM note WHERE item_id IS NOT NULL AND created_at >= ?)
                """, repeat(since, 2)));
        List<BundleContent.Item> items = new ArrayList<>();
        Set<String> sourceIds = new LinkedHashSet<>();
        for (long id : itemIds) {
            BundleContent.Item item = item(id);
            if (item != null) {
                items.add(item);
                sourceIds.add(TableRows.text(item.row().get("first_source_id")));
                item.sources().forEach(link -> sourceIds.add(TableRows.text(link.get("source_id"))));
            }
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String id : sourceIds) {
            sources.addAll(rows.select("SELECT * FROM source WHERE id = ?", id));
        }
        List<Map<String, Object>> factChecks = rows.select("SELECT * FROM fact_check"
                + (since == null ? "" : " WHERE updated_at >= ?") + " ORDER BY id", at);
        factChecks.forEach(row -> row.remove("id"));
        return new BundleContent(rows.select("SELECT name, depends_on FROM pipeline_stage ORDER BY name"), sources, items,
                clusters, rebuttals, factChecks);
    }

    /** {@code <workspace id>:<id>} where a rebuttal or cluster began: its origin when it came from elsewhere. */
    private String keyOf(Object origin, long id) {
        return origin != null ? origin.toString() : ownOrigin + ":" + id;
    }

    private String clusterKey(long id) throws SQLException {
        String known = clusterKeys.get(id);
        if (known != null) {
            return known;
        }
        long survivor = RebuttalStore.clusterSurvivor(rows.connection(), id);
        List<Map<String, Object>> found = rows.select("SELECT origin FROM claim_cluster WHERE id = ?", survivor);
        String key = keyOf(found.getFirst().get("origin"), survivor);
        clusterKeys.put(id, key);
        return key;
    }

    private BundleContent.Rebuttal rebuttal(Map<String, Object> row, Set<Long> clusterIds, Set<Long> itemIds) throws SQLException {
        long id = (Long) row.remove("id");
        String key = keyOf(row.remove("origin"), id);
        long cluster = (Long) row.remove("cluster_id");
        clusterIds.add(RebuttalStore.clusterSurvivor(rows.connection(), cluster));
        Object translationOf = row.remove("translation_of");
        String translationKey = null;
        if (translationOf != null) {
            List<Map<String, Object>> original = rows.select("SELECT origin FROM rebuttal WHERE id = ?", translationOf);
            translationKey = original.isEmpty() ? null : keyOf(original.getFirst().get("origin"), (Long) translationOf);
        }
        List<Map<String, Object>> versions = rows.select("SELECT * FROM rebuttal_version WHERE rebuttal_id = ? ORDER BY revision", id);
        for (Map<String, Object> version : versions) {
            version.remove("rebuttal_id");
            version.put("key", BundleImport.versionKey(version));
        }
        List<Map<String, Object>> steps = rows.select("""
                SELECT from_status, to_status, revision, changed_at, changed_by, note FROM rebuttal_status_change
                WHERE rebuttal_id = ? ORDER BY id
                """, id);
        List<Map<String, Object>> evidence = rows.select("SELECT * FROM evidence WHERE rebuttal_id = ? ORDER BY position, id", id);
        for (Map<String, Object> piece : evidence) {
            piece.remove("id");
            piece.remove("rebuttal_id");
            Object item = piece.remove("item_id");
            piece.put("item", item);
            if (item != null) {
                itemIds.add((Long) item);
            }
        }
        return new BundleContent.Rebuttal(key, clusterKey(cluster), translationKey, row, versions, steps, evidence);
    }

    private BundleContent.Cluster cluster(long id, Set<Long> itemIds) throws SQLException {
        Map<String, Object> row = rows.select("SELECT * FROM claim_cluster WHERE id = ?", id).getFirst();
        String key = keyOf(row.get("origin"), id);
        clusterKeys.put(id, key);
        for (String local : List.of("id", "origin", "merged_into", "representative_item_id")) {
            row.remove(local);
        }
        List<Map<String, Object>> states = rows.select("""
                SELECT state, reason, changed_at, changed_by FROM cluster_state_change WHERE cluster_id = ? ORDER BY changed_at, id
                """, id);
        // notes of the clusters merged into it are its notes too
        List<Map<String, Object>> notes = rows.select("""
                SELECT text, author, created_at FROM note
                WHERE cluster_id IN (SELECT k.id FROM claim_cluster k WHERE k.id = ? OR k.merged_into = ?) ORDER BY id
                """, id, id);
        List<String> tags = new ArrayList<>();
        for (Map<String, Object> tag : rows.select("SELECT tag FROM cluster_tag WHERE cluster_id = ? ORDER BY tag", id)) {
            tags.add(TableRows.text(tag.get("tag")));
        }
        List<Map<String, Object>> members = rows.select("""
                SELECT item_id AS item, similarity, pinned, assigned_at FROM cluster_item WHERE cluster_id = ? ORDER BY item_id
                """, id);
        members.forEach(member -> itemIds.add((Long) member.get("item")));
        // merges are in the clusters' items already; pins and take-outs hold for the clusterer there too
        List<Map<String, Object>> decisions = rows.select("""
                SELECT kind, item_id AS item, decided_at, decided_by FROM cluster_decision
                WHERE kind IN ('PIN', 'MOVE_OUT') AND item_id IS NOT NULL
                  AND cluster_id IN (SELECT k.id FROM claim_cluster k WHERE k.id = ? OR k.merged_into = ?) ORDER BY id
                """, id, id);
        decisions.forEach(decision -> itemIds.add((Long) decision.get("item")));
        return new BundleContent.Cluster(key, row, states, notes, tags, members, decisions);
    }

    private BundleContent.Item item(long id) throws SQLException {
        List<Map<String, Object>> found = rows.select("SELECT * FROM item WHERE id = ?", id);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> row = found.getFirst();
        row.remove("id");
        List<Map<String, Object>> links = rows.select("""
                SELECT source_id, entry_id, first_seen_at, canonical_url FROM item_source WHERE item_id = ? ORDER BY first_seen_at
                """, id);
        List<Map<String, Object>> analysis = rows.select("SELECT * FROM item_analysis WHERE item_id = ?", id);
        analysis.forEach(a -> a.remove("item_id"));
        List<Map<String, Object>> entities = rows.select("""
                SELECT entity_type, entity_text, mention_count, first_offset FROM item_entity WHERE item_id = ? ORDER BY first_offset
                """, id);
        List<Map<String, Object>> claims = rows.select("""
                SELECT ordinal, start_offset, end_offset, sentence, score, reasons FROM claim_sentence WHERE item_id = ? ORDER BY ordinal
                """, id);
        List<String> done = new ArrayList<>();
        for (Map<String, Object> task : rows.select("SELECT stage FROM stage_task WHERE item_id = ? AND state = 'DONE' ORDER BY stage", id)) {
            done.add(TableRows.text(task.get("stage")));
        }
        List<Map<String, Object>> notes = rows.select("SELECT text, author, created_at FROM note WHERE item_id = ? ORDER BY id", id);
        return new BundleContent.Item(id, row, links, analysis.isEmpty() ? null : analysis.getFirst(), entities, claims, done, notes);
    }

    private static Object[] repeat(Instant since, int times) {
        if (since == null) {
            return new Object[0];
        }
        Object[] values = new Object[times];
        java.util.Arrays.fill(values, since);
        return values;
    }
}
