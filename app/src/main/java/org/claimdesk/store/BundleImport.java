package org.claimdesk.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stores a workspace bundle inside the caller's one transaction (decision 0024): sources, items,
 * clusters, rebuttals and fact-checks, each known again if it is here already, so that the same
 * bundle twice changes nothing. A rebuttal changed on both sides since their last common version is
 * not touched: the incoming version is kept as a {@code rebuttal_conflict} for an analyst.
 */
final class BundleImport {
    private enum Merge { UPDATED, UNCHANGED, CONFLICT }

    private final Connection connection;
    private final TableRows rows;
    private final String ownOrigin;
    private final String theirOrigin;
    private final String bundleName;
    private final String by;
    private final Instant at;
    /** Item refs of the bundle → ids here. */
    private final Map<Long, Long> items = new HashMap<>();
    private final Map<String, Long> clusters = new HashMap<>();
    private final Map<String, Long> rebuttals = new HashMap<>();
    private final List<Long> newConflicts = new ArrayList<>();
    private final List<Long> rebuttalIds = new ArrayList<>();
    private int conflictsPending;

    BundleImport(Connection connection, String ownOrigin, String theirOrigin, String bundleName, String by, Instant at) {
        this.connection = connection;
        this.rows = new TableRows(connection);
        this.ownOrigin = Objects.requireNonNull(ownOrigin, "ownOrigin");
        this.theirOrigin = Objects.requireNonNull(theirOrigin, "theirOrigin");
        this.bundleName = bundleName;
        this.by = by;
        this.at = at;
    }

    WorkspaceBundleStore.Outcome run(BundleContent content) throws SQLException {
        Map<String, String> stages = stages(content.stages());
        sources(content.sources());
        WorkspaceBundleStore.Counts itemCounts = items(content.items(), stages);
        WorkspaceBundleStore.Counts clusterCounts = clusters(content.clusters());
        WorkspaceBundleStore.Counts rebuttalCounts = rebuttals(content.rebuttals());
        WorkspaceBundleStore.Counts factChecks = factChecks(content.factChecks());
        return new WorkspaceBundleStore.Outcome(itemCounts, clusterCounts, rebuttalCounts, factChecks, List.copyOf(newConflicts),
                conflictsPending, List.copyOf(rebuttalIds));
    }

    /**
     * Who wrote a version, when and what: the same on every machine it goes to, so both sides know
     * which versions they share. Times count to the millisecond.
     */
    static String versionKey(Map<String, Object> version) {
        Instant saved = TableRows.instant(version.get("saved_at"));
        String text = String.join("\u0000", string(version.get("claim_text")), string(version.get("verdict")),
                string(version.get("short_answer")), string(version.get("full_text")),
                saved == null ? "" : saved.truncatedTo(ChronoUnit.MILLIS).toString(), string(version.get("saved_by")));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---- stages and sources -------------------------------------------------------------------

    /** Declares the stages the bundle's items went through, so what they found is not found again. */
    private Map<String, String> stages(List<Map<String, Object>> incoming) throws SQLException {
        for (Map<String, Object> stage : incoming) {
            String name = StageLedger.requireStageName(TableRows.text(stage.get("name")));
            String after = TableRows.text(stage.get("depends_on"));
            if (rows.select("SELECT name FROM pipeline_stage WHERE name = ?", name).isEmpty()) {
                rows.update("INSERT INTO pipeline_stage (name, depends_on, paused) VALUES (?, ?, FALSE)", name,
                        after == null ? null : StageLedger.requireStageName(after));
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (Map<String, Object> stage : rows.select("SELECT name, depends_on FROM pipeline_stage ORDER BY name")) {
            declared.put(TableRows.text(stage.get("name")), TableRows.text(stage.get("depends_on")));
        }
        return declared;
    }

    /** Sources not known here come as imported ones: listed with their items, never polled. */
    private void sources(List<Map<String, Object>> incoming) throws SQLException {
        for (Map<String, Object> source : incoming) {
            String id = TableRows.text(source.get("id"));
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a source without an id");
            }
            if (rows.select("SELECT id FROM source WHERE id = ?", id).isEmpty()) {
                rows.insert("source", source, values("enabled", false, "configured", false, "imported", true, "position", 0));
            }
        }
    }

    // ---- items --------------------------------------------------------------------------------

    private WorkspaceBundleStore.Counts items(List<BundleContent.Item> incoming, Map<String, String> stages) throws SQLException {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (BundleContent.Item item : incoming) {
            Long existing = findItem(item);
            if (existing != null) {
                items.put(item.ref(), existing);
                boolean changed = false;
                for (Map<String, Object> link : item.sources()) {
                    if (rows.id("SELECT item_id FROM item_source WHERE item_id = ? AND source_id = ?", existing,
                            TableRows.text(link.get("source_id"))) == null) {
                        rows.insert("item_source", link, values("item_id", existing));
                        IndexChangeLog.record(connection, existing, IndexChangeLog.Reason.SOURCE_ADDED);
                        changed = true;
                    }
                }
                if (addNotes(item.notes(), existing, null)) {
                    IndexChangeLog.record(connection, existing, IndexChangeLog.Reason.NOTE);
                    changed = true;
                }
                if (changed) {
                    updated++;
                } else {
                    unchanged++;
                }
                continue;
            }
            long id = rows.insert("item", item.row(), values());
            items.put(item.ref(), id);
            for (Map<String, Object> link : item.sources()) {
                rows.insert("item_source", link, values("item_id", id));
            }
            if (item.analysis() != null) {
                rows.insert("item_analysis", item.analysis(), values("item_id", id));
            }
            for (Map<String, Object> entity : item.entities()) {
                rows.insert("item_entity", entity, values("item_id", id));
            }
            for (Map<String, Object> claim : item.claims()) {
                rows.insert("claim_sentence", claim, values("item_id", id));
            }
            // what the stages did there holds here; the rest is queued as for any new item
            Set<String> done = new HashSet<>(item.stagesDone());
            done.retainAll(stages.keySet());
            for (Map.Entry<String, String> stage : stages.entrySet()) {
                String state = done.contains(stage.getKey()) ? "DONE"
                        : stage.getValue() == null || done.contains(stage.getValue()) ? "WAITING" : null;
                if (state != null) {
                    rows.update("INSERT INTO stage_task (stage, item_id, state, attempts, updated_at) VALUES (?, ?, ?, 0, ?)",
                            stage.getKey(), id, state, at);
                }
            }
            addNotes(item.notes(), id, null);
            IndexChangeLog.record(connection, id, IndexChangeLog.Reason.STORED);
            added++;
        }
        return new WorkspaceBundleStore.Counts(added, updated, unchanged);
    }

    /** The item here that is this one: by address (as ingest de-duplicates), by its text, by its feed entry. */
    private Long findItem(BundleContent.Item item) throws SQLException {
        List<URI> addresses = new ArrayList<>();
        addresses.add(TableRows.uri(item.row().get("canonical_url")));
        item.sources().forEach(link -> addresses.add(TableRows.uri(link.get("canonical_url"))));
        for (URI address : addresses) {
            Long id = address == null ? null : ItemStore.findByUrl(connection, address);
            if (id != null) {
                return id;
            }
        }
        String key = TableRows.text(item.row().get("content_key"));
        Long id = key == null ? null : rows.id("SELECT id FROM item WHERE content_key = ?", key);
        if (id != null) {
            return id;
        }
        if (addresses.stream().anyMatch(Objects::nonNull)) {
            return null; // known by its address, as ingest knows it (a feed entry's id is looked up only without one)
        }
        for (Map<String, Object> link : item.sources()) {
            String entry = TableRows.text(link.get("entry_id"));
            id = entry == null ? null : rows.id("SELECT item_id FROM item_source WHERE source_id = ? AND entry_id = ?",
                    TableRows.text(link.get("source_id")), entry);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** Adds the notes not here yet (same words, same time); true when one was added. */
    private boolean addNotes(List<Map<String, Object>> notes, Long itemId, Long clusterId) throws SQLException {
        boolean added = false;
        String owner = itemId != null ? "item_id" : "cluster_id";
        long ownerId = itemId != null ? itemId : clusterId;
        for (Map<String, Object> note : notes) {
            String text = TableRows.text(note.get("text"));
            Instant created = TableRows.instant(note.get("created_at"));
            if (text == null || text.isBlank() || created == null) {
                throw new IllegalArgumentException("a note without text or time");
            }
            if (rows.id("SELECT id FROM note WHERE " + owner + " = ? AND text = ? AND created_at = ?", ownerId, text, created) == null) {
                rows.insert("note", note, values("item_id", itemId, "cluster_id", clusterId));
                added = true;
            }
        }
        return added;
    }

    // ---- clusters -----------------------------------------------------------------------------

    private WorkspaceBundleStore.Counts clusters(List<BundleContent.Cluster> incoming) throws SQLException {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (BundleContent.Cluster cluster : incoming) {
            Long local = findCluster(cluster.key(), cluster.members());
            boolean isNew = local == null;
            if (isNew) {
                local = newCluster(cluster.key(), TableRows.instant(cluster.row().get("created_at")),
                        TableRows.text(cluster.row().get("label")));
            }
            clusters.put(cluster.key(), local);
            boolean changed = false;
            boolean membersChanged = false;
            for (Map<String, Object> member : cluster.members()) {
                Long item = items.get(number(member.get("item")));
                if (item == null) {
                    continue;
                }
                Long current = ClusterStore.clusterOf(connection, item);
                boolean pinned = Boolean.TRUE.equals(member.get("pinned"));
                double similarity = member.get("similarity") instanceof Number n ? n.doubleValue() : 0;
                Instant assigned = Objects.requireNonNullElse(TableRows.instant(member.get("assigned_at")), at);
                if (current == null) {
                    ClusterStore.putItem(connection, item, local, similarity, pinned, assigned);
                    membersChanged = true;
                } else if (RebuttalStore.clusterSurvivor(connection, current) != local && pinned
                        && rows.id("SELECT item_id FROM cluster_item WHERE item_id = ? AND pinned = TRUE", item) == null) {
                    // an analyst there put it in this cluster; the clusterer here had only guessed
                    ClusterStore.putItem(connection, item, local, similarity, true, assigned);
                    ClusterStore.refresh(connection, current);
                    membersChanged = true;
                }
            }
            for (Map<String, Object> state : cluster.states()) {
                known(ClusterState.class, state.get("state"));
                if (rows.id("SELECT id FROM cluster_state_change WHERE cluster_id = ? AND state = ? AND changed_at = ?", local,
                        TableRows.text(state.get("state")), TableRows.instant(state.get("changed_at"))) == null) {
                    rows.insert("cluster_state_change", state, values("cluster_id", local));
                    changed = true;
                }
            }
            // triage: the later decision stands, wherever it was taken
            String theirState = TableRows.text(cluster.row().get("state"));
            Instant theirChange = TableRows.instant(cluster.row().get("state_changed_at"));
            Map<String, Object> mine = rows.select("SELECT state, state_changed_at FROM claim_cluster WHERE id = ?", local).getFirst();
            if (theirState != null && theirChange != null && !theirState.equals(mine.get("state"))
                    && theirChange.isAfter(TableRows.instant(mine.get("state_changed_at")))) {
                rows.update("UPDATE claim_cluster SET state = ?, state_changed_at = ? WHERE id = ?",
                        known(ClusterState.class, theirState).name(), theirChange, local);
                changed = true;
            }
            changed |= addNotes(cluster.notes(), null, local);
            for (String tag : cluster.tags()) {
                if (tag != null && !tag.isBlank()
                        && rows.select("SELECT tag FROM cluster_tag WHERE cluster_id = ? AND tag = ?", local, tag).isEmpty()) {
                    rows.update("INSERT INTO cluster_tag (cluster_id, tag) VALUES (?, ?)", local, tag);
                    changed = true;
                }
            }
            for (Map<String, Object> decision : cluster.decisions()) {
                String kind = TableRows.text(decision.get("kind"));
                Long item = items.get(number(decision.get("item")));
                if (item == null || !("PIN".equals(kind) || "MOVE_OUT".equals(kind))) {
                    continue;
                }
                Instant decided = TableRows.instant(decision.get("decided_at"));
                if (rows.id("SELECT id FROM cluster_decision WHERE kind = ? AND cluster_id = ? AND item_id = ? AND decided_at = ?",
                        kind, local, item, decided) == null) {
                    rows.update("""
                            INSERT INTO cluster_decision (kind, cluster_id, other_cluster_id, item_id, decided_at, decided_by)
                            VALUES (?, ?, NULL, ?, ?, ?)
                            """, kind, local, item, decided, TableRows.text(decision.get("decided_by")));
                    changed = true;
                }
            }
            if (membersChanged) {
                ClusterStore.refresh(connection, local);
            }
            if (isNew) {
                added++;
            } else if (changed || membersChanged) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return new WorkspaceBundleStore.Counts(added, updated, unchanged);
    }

    private boolean isOwn(String key) {
        return key.startsWith(ownOrigin + ":");
    }

    /** Our own id in a key of ours, or null. */
    private Long ownId(String key) {
        if (!isOwn(key)) {
            return null;
        }
        try {
            return Long.parseLong(key.substring(ownOrigin.length() + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cluster here: ours by id, one that came before by its origin, else the one most of its items are in here. */
    private Long findCluster(String key, List<Map<String, Object>> members) throws SQLException {
        Long known = clusters.get(key);
        if (known != null) {
            return known;
        }
        Long own = ownId(key);
        Long id = own != null ? rows.id("SELECT id FROM claim_cluster WHERE id = ?", own)
                : rows.id("SELECT id FROM claim_cluster WHERE origin = ?", key);
        if (id != null) {
            return RebuttalStore.clusterSurvivor(connection, id);
        }
        Map<Long, Integer> votes = new HashMap<>();
        for (Map<String, Object> member : members) {
            Long item = items.get(number(member.get("item")));
            Long cluster = item == null ? null : ClusterStore.clusterOf(connection, item);
            if (cluster != null) {
                votes.merge(RebuttalStore.clusterSurvivor(connection, cluster), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    }

    private long newCluster(String key, Instant created, String label) throws SQLException {
        long id = ClusterStore.insertCluster(connection, created == null ? at : created);
        rows.update("UPDATE claim_cluster SET origin = ?, label = ? WHERE id = ?", isOwn(key) ? null : key, label, id);
        return id;
    }

    // ---- rebuttals ----------------------------------------------------------------------------

    private WorkspaceBundleStore.Counts rebuttals(List<BundleContent.Rebuttal> incoming) throws SQLException {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        // originals before their translations, so a translation finds its original here
        List<BundleContent.Rebuttal> ordered = new ArrayList<>(incoming);
        ordered.sort(Comparator.comparing((BundleContent.Rebuttal r) -> r.translationKey() != null));
        for (BundleContent.Rebuttal rebuttal : ordered) {
            if (rebuttal.versions().isEmpty()) {
                throw new IllegalArgumentException("rebuttal " + rebuttal.key() + " comes without a version");
            }
            known(RebuttalStatus.class, rebuttal.row().get("status"));
            Long local = findRebuttal(rebuttal.key());
            if (local == null) {
                local = insertRebuttal(rebuttal);
                added++;
            } else {
                switch (merge(local, rebuttal)) {
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case CONFLICT -> { }
                }
            }
            rebuttals.put(rebuttal.key(), local);
            rebuttalIds.add(local);
        }
        return new WorkspaceBundleStore.Counts(added, updated, unchanged);
    }

    private Long findRebuttal(String key) throws SQLException {
        Long known = rebuttals.get(key);
        if (known != null) {
            return known;
        }
        Long own = ownId(key);
        Long id = own == null ? null : rows.id("SELECT id FROM rebuttal WHERE id = ? AND origin IS NULL", own);
        return id != null ? id : rows.id("SELECT id FROM rebuttal WHERE origin = ?", key);
    }

    private long insertRebuttal(BundleContent.Rebuttal rebuttal) throws SQLException {
        List<Map<String, Object>> versions = byRevision(rebuttal.versions());
        Long cluster = rebuttal.clusterKey() == null ? null : findCluster(rebuttal.clusterKey(), List.of());
        if (cluster == null) {
            cluster = newCluster(rebuttal.clusterKey() == null ? rebuttal.key() : rebuttal.clusterKey(), at,
                    TableRows.text(rebuttal.row().get("claim_text")));
            if (rebuttal.clusterKey() != null) {
                clusters.put(rebuttal.clusterKey(), cluster);
            }
        }
        Long translationOf = rebuttal.translationKey() == null ? null : findRebuttal(rebuttal.translationKey());
        Map<String, Object> last = versions.getLast();
        long id = rows.insert("rebuttal", rebuttal.row(), values("cluster_id", cluster, "translation_of", translationOf,
                "origin", rebuttal.key(), "revision", number(last.get("revision")), "claim_text", last.get("claim_text"),
                "verdict", last.get("verdict"), "short_answer", last.get("short_answer"), "full_text", last.get("full_text")));
        for (Map<String, Object> version : versions) {
            rows.insert("rebuttal_version", version, values("rebuttal_id", id));
        }
        for (Map<String, Object> step : rebuttal.steps()) {
            known(RebuttalStatus.class, step.get("to_status"));
            rows.insert("rebuttal_status_change", step, values("rebuttal_id", id));
        }
        for (Map<String, Object> piece : rebuttal.evidence()) {
            rows.insert("evidence", piece, values("rebuttal_id", id, "item_id", items.get(number(piece.get("item")))));
        }
        return id;
    }

    /**
     * A rebuttal both have: nothing when both hold the same latest version or ours is ahead; theirs
     * added version by version when they built on our latest; else a conflict, ours untouched.
     */
    private Merge merge(long local, BundleContent.Rebuttal rebuttal) throws SQLException {
        StoredRebuttal stored = RebuttalStore.find(connection, local).orElseThrow();
        List<Map<String, Object>> mine = rows.select("SELECT * FROM rebuttal_version WHERE rebuttal_id = ? ORDER BY revision", local);
        List<Map<String, Object>> theirs = byRevision(rebuttal.versions());
        Set<String> mineKnown = knownVersions(mine);
        Set<String> theirsKnown = knownVersions(theirs);
        String mineLatest = versionKey(mine.getLast());
        String theirLatest = versionKey(theirs.getLast());
        Map<Long, Integer> revisions = new HashMap<>();
        Map<String, Integer> mineByKey = new HashMap<>();
        mine.forEach(version -> mineByKey.put(versionKey(version), (int) number(version.get("revision")).longValue()));
        for (Map<String, Object> version : theirs) {
            Integer ours = mineByKey.get(versionKey(version));
            if (ours != null) {
                revisions.put(number(version.get("revision")), ours);
            }
        }
        if (mineLatest.equals(theirLatest)) {
            boolean changed = mergeSteps(local, rebuttal, revisions, stored.revision());
            changed |= mergeEvidence(local, rebuttal.evidence());
            return changed ? Merge.UPDATED : Merge.UNCHANGED;
        }
        if (mineKnown.contains(theirLatest)) {
            return Merge.UNCHANGED; // ours is ahead: they have not seen our latest yet
        }
        if (theirsKnown.contains(mineLatest)) {
            int revision = stored.revision();
            for (Map<String, Object> version : theirs) {
                if (mineKnown.add(versionKey(version))) {
                    revision++;
                    rows.insert("rebuttal_version", version, values("rebuttal_id", local, "revision", revision));
                    revisions.put(number(version.get("revision")), revision);
                }
            }
            Map<String, Object> last = theirs.getLast();
            rows.update("""
                    UPDATE rebuttal SET claim_text = ?, verdict = ?, short_answer = ?, full_text = ?, revision = ? WHERE id = ?
                    """, last.get("claim_text"), last.get("verdict"), last.get("short_answer"), last.get("full_text"),
                    revision, local);
            mergeSteps(local, rebuttal, revisions, revision);
            takeState(local, rebuttal.row());
            mergeEvidence(local, rebuttal.evidence());
            return Merge.UPDATED;
        }
        if (sameText(mine.getLast(), theirs.getLast())) {
            return Merge.UNCHANGED; // both wrote the same words
        }
        List<Map<String, Object>> known = rows.select("SELECT id, resolution FROM rebuttal_conflict WHERE rebuttal_id = ? AND their_key = ?",
                local, theirLatest);
        if (!known.isEmpty()) {
            if (known.getFirst().get("resolution") == null) {
                conflictsPending++;
            }
            return Merge.CONFLICT;
        }
        Map<String, Object> their = theirs.getLast();
        RebuttalText text = stored.text();
        newConflicts.add(rows.insert("rebuttal_conflict", Map.of(), values(
                "rebuttal_id", local, "local_revision", stored.revision(), "local_claim", text.claim(),
                "local_verdict", text.verdict(), "local_short", text.shortAnswer(), "local_full", text.fullText(),
                "their_key", theirLatest, "their_claim", their.get("claim_text"), "their_verdict", their.get("verdict"),
                "their_short", their.get("short_answer"), "their_full", their.get("full_text"),
                "their_saved_at", their.get("saved_at"), "their_saved_by", their.get("saved_by"),
                "their_workspace", theirOrigin, "bundle_name", bundleName == null ? "?" : bundleName, "found_at", at)));
        return Merge.CONFLICT;
    }

    /** Their review steps not recorded here; when theirs is the later, their status, reviewer and publication too. */
    private boolean mergeSteps(long local, BundleContent.Rebuttal rebuttal, Map<Long, Integer> revisions, int current)
            throws SQLException {
        Instant mineLast = TableRows.instant(rows.select("SELECT MAX(changed_at) AS t FROM rebuttal_status_change WHERE rebuttal_id = ?",
                local).getFirst().get("t"));
        boolean added = false;
        for (Map<String, Object> step : rebuttal.steps()) {
            RebuttalStatus to = known(RebuttalStatus.class, step.get("to_status"));
            Instant changed = TableRows.instant(step.get("changed_at"));
            if (rows.id("SELECT id FROM rebuttal_status_change WHERE rebuttal_id = ? AND to_status = ? AND changed_at = ?",
                    local, to.name(), changed) == null) {
                rows.insert("rebuttal_status_change", step, values("rebuttal_id", local,
                        "revision", revisions.getOrDefault(number(step.get("revision")), current)));
                added = true;
            }
        }
        if (added) {
            Instant theirLast = rebuttal.steps().stream().map(step -> TableRows.instant(step.get("changed_at")))
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            if (theirLast != null && (mineLast == null || theirLast.isAfter(mineLast))) {
                takeState(local, rebuttal.row());
            }
        }
        return added;
    }

    /** Their status, reviewer, deadline and publication, when their work is the later. */
    private void takeState(long local, Map<String, Object> row) throws SQLException {
        RebuttalStatus status = known(RebuttalStatus.class, row.get("status"));
        rows.update("""
                UPDATE rebuttal SET status = ?, reviewer = COALESCE(?, reviewer), deadline = ?,
                       published_at = COALESCE(published_at, ?), published_url = COALESCE(?, published_url),
                       updated_at = CASE WHEN updated_at < ? THEN ? ELSE updated_at END
                WHERE id = ?
                """, status.name(), TableRows.text(row.get("reviewer")), TableRows.instant(row.get("deadline")),
                TableRows.instant(row.get("published_at")), TableRows.text(row.get("published_url")),
                TableRows.instant(row.get("updated_at")), TableRows.instant(row.get("updated_at")), local);
    }

    /** Their evidence not attached here yet (the same address and snapshot), after ours. */
    private boolean mergeEvidence(long local, List<Map<String, Object>> evidence) throws SQLException {
        Set<String> kept = new HashSet<>();
        int position = 0;
        for (Map<String, Object> piece : rows.select("SELECT url, snapshot_sha256, position FROM evidence WHERE rebuttal_id = ?", local)) {
            kept.add(string(piece.get("url")) + " " + string(piece.get("snapshot_sha256")));
            position = Math.max(position, (int) number(piece.get("position")).longValue());
        }
        boolean added = false;
        for (Map<String, Object> piece : evidence) {
            if (kept.add(string(piece.get("url")) + " " + string(piece.get("snapshot_sha256")))) {
                rows.insert("evidence", piece, values("rebuttal_id", local, "position", ++position,
                        "item_id", items.get(number(piece.get("item")))));
                added = true;
            }
        }
        return added;
    }

    // ---- fact-checks --------------------------------------------------------------------------

    /** Known by address; a later {@code date_modified} replaces, as importing the record would. */
    private WorkspaceBundleStore.Counts factChecks(List<Map<String, Object>> incoming) throws SQLException {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map<String, Object> record : incoming) {
            String url = TableRows.text(record.get("url"));
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("a fact-check without its address");
            }
            List<Map<String, Object>> here = rows.select("SELECT id, date_modified FROM fact_check WHERE url = ?", url);
            if (here.isEmpty()) {
                rows.insert("fact_check", record, values());
                added++;
                continue;
            }
            Instant theirs = TableRows.instant(record.get("date_modified"));
            Instant mine = TableRows.instant(here.getFirst().get("date_modified"));
            if (theirs != null && (mine == null || theirs.isAfter(mine))) {
                rows.replace("fact_check", (Long) here.getFirst().get("id"), record);
                updated++;
            } else {
                unchanged++;
            }
        }
        return new WorkspaceBundleStore.Counts(added, updated, unchanged);
    }

    // ---- values -------------------------------------------------------------------------------

    private static Set<String> knownVersions(List<Map<String, Object>> versions) {
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> version : versions) {
            keys.add(versionKey(version));
            if (version.get("settles") != null) {
                keys.add(version.get("settles").toString());
            }
        }
        return keys;
    }

    private static List<Map<String, Object>> byRevision(List<Map<String, Object>> versions) {
        List<Map<String, Object>> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(version -> number(version.get("revision"))));
        return sorted;
    }

    private static boolean sameText(Map<String, Object> a, Map<String, Object> b) {
        return List.of("claim_text", "verdict", "short_answer", "full_text").stream()
                .allMatch(column -> Objects.equals(string(a.get(column)), string(b.get(column))));
    }

    /** A status or state by its name, or why the bundle is refused. */
    private static <E extends Enum<E>> E known(Class<E> type, Object value) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is no " + type.getSimpleName() + " ClaimDesk knows");
        }
    }

    private static Long number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            return n.longValue();
        }
        throw new IllegalArgumentException("'" + value + "' is not a whole number");
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Column values by name, nulls allowed. */
    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
