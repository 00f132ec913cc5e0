package org.claimdesk.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a workspace bundle carries (decision 0024), as rows: column name to value, times as
 * ISO-8601 text. Items are known across workspaces by address, text or feed entry, clusters and
 * rebuttals by a key ({@code <workspace id>:<id>} where they began); a bundle's items are referred to
 * inside it by {@code ref}, their id where it was made.
 *
 * @param stages     the pipeline's stages ({@code name}, {@code depends_on}), so that what ran there is not run again
 * @param sources    the sources its items came from
 * @param factChecks imported fact-checks ({@code fact_check} rows)
 */
public record BundleContent(List<Map<String, Object>> stages, List<Map<String, Object>> sources, List<Item> items,
                            List<Cluster> clusters, List<Rebuttal> rebuttals, List<Map<String, Object>> factChecks) {
    public BundleContent {
        stages = orEmpty(stages);
        sources = orEmpty(sources);
        items = orEmpty(items);
        clusters = orEmpty(clusters);
        rebuttals = orEmpty(rebuttals);
        factChecks = orEmpty(factChecks);
    }

    /**
     * One item: its row, every source that carried it, what the stages found (analysis, entities,
     * claims) and which stages are done with it, and the analysts' notes on it.
     */
    public record Item(long ref, Map<String, Object> row, List<Map<String, Object>> sources, Map<String, Object> analysis,
                       List<Map<String, Object>> entities, List<Map<String, Object>> claims, List<String> stagesDone,
                       List<Map<String, Object>> notes) {
        public Item {
            Objects.requireNonNull(row, "item row");
            sources = orEmpty(sources);
            entities = orEmpty(entities);
            claims = orEmpty(claims);
            stagesDone = orEmpty(stagesDone);
            notes = orEmpty(notes);
        }
    }

    /**
     * One live cluster: its row (triage state and when), its triage history, notes, tags, its items
     * ({@code item}: a ref, {@code similarity}, {@code pinned}, {@code assigned_at}) and the analysts'
     * decisions on its items ({@code kind} PIN or MOVE_OUT, {@code item}, {@code decided_at}, {@code decided_by}).
     */
    public record Cluster(String key, Map<String, Object> row, List<Map<String, Object>> states,
                          List<Map<String, Object>> notes, List<String> tags, List<Map<String, Object>> members,
                          List<Map<String, Object>> decisions) {
        public Cluster {
            Objects.requireNonNull(key, "cluster key");
            Objects.requireNonNull(row, "cluster row");
            states = orEmpty(states);
            notes = orEmpty(notes);
            tags = orEmpty(tags);
            members = orEmpty(members);
            decisions = orEmpty(decisions);
        }
    }

    /**
     * One rebuttal with every version (each with its {@code key}, and {@code settles} for a version
     * that settled a conflict), every review step and its evidence ({@code item}: a ref, or null).
     */
    public record Rebuttal(String key, String clusterKey, String translationKey, Map<String, Object> row,
                           List<Map<String, Object>> versions, List<Map<String, Object>> steps,
                           List<Map<String, Object>> evidence) {
        public Rebuttal {
            Objects.requireNonNull(key, "rebuttal key");
            Objects.requireNonNull(row, "rebuttal row");
            versions = orEmpty(versions);
            steps = orEmpty(steps);
            evidence = orEmpty(evidence);
        }
    }

    /** The SHA-256 of every evidence snapshot its rebuttals name. */
    public Set<String> snapshots() {
        Set<String> shas = new LinkedHashSet<>();
        for (Rebuttal rebuttal : rebuttals) {
            for (Map<String, Object> piece : rebuttal.evidence()) {
                Object sha = piece.get("snapshot_sha256");
                if (sha != null) {
                    shas.add(sha.toString());
                }
            }
        }
        return shas;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
