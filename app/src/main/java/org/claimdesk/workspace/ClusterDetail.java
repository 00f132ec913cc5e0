package org.claimdesk.workspace;

import org.claimdesk.flag.ClusterTimeline;
import org.claimdesk.rebuttals.PublicationSpread;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.ItemSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the cluster view shows of one claim cluster.
 *
 * @param itemsBySource its items grouped by source name, sources in order of their first item, items oldest first
 * @param claims        its best claim sentences, best first, each with what made its score
 * @param timeline      its items per hour, all sources together
 * @param bySource      its items per hour from each source, over the same hours, sources as in itemsBySource
 * @param pinned        the items an analyst pinned to it: the clusterer never moves them
 * @param entities      the names its items mention, most items first
 * @param answersPublished when the team's answers to it were first published, earliest first (withdrawn
 *                      ones left out): the times to mark on its timeline
 * @param sinceAnswer   its items before and after the first of them, by source; null while none is out
 */
public record ClusterDetail(ClusterSummary summary, Map<String, List<ItemSummary>> itemsBySource,
                            ClusterTimeline timeline, Map<String, ClusterTimeline> bySource, Set<Long> pinned,
                            List<ClaimSentence> claims, List<EntityCount> entities,
                            List<ClusterStore.Note> notes, List<ClusterStore.StateChange> history,
                            List<Instant> answersPublished, PublicationSpread sinceAnswer) {
    /** A cluster nobody answered publicly yet. */
    public ClusterDetail(ClusterSummary summary, Map<String, List<ItemSummary>> itemsBySource,
                         ClusterTimeline timeline, Map<String, ClusterTimeline> bySource, Set<Long> pinned,
                         List<ClaimSentence> claims, List<EntityCount> entities,
                         List<ClusterStore.Note> notes, List<ClusterStore.StateChange> history) {
        this(summary, itemsBySource, timeline, bySource, pinned, claims, entities, notes, history, List.of(), null);
    }

    /** A name and how many of the cluster's items mention it. */
    public record EntityCount(String text, String type, int items) {
    }

    public ClusterDetail {
        itemsBySource = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(itemsBySource));
        bySource = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySource));
        pinned = Set.copyOf(pinned);
        claims = List.copyOf(claims);
        entities = List.copyOf(entities);
        notes = List.copyOf(notes);
        history = List.copyOf(history);
        answersPublished = List.copyOf(answersPublished);
    }

    public int itemCount() {
        return itemsBySource.values().stream().mapToInt(List::size).sum();
    }
}
