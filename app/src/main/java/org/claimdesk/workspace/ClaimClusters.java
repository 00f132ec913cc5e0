package org.claimdesk.workspace;

import org.claimdesk.flag.ClusterTimeline;
import org.claimdesk.rebuttals.PublicationSpread;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClaimStore;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.StoredEntity;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.store.WatchlistStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the window and the command line may read and do with claim clusters: the ranked board,
 * one cluster in full, the analysts' triage, notes, tags and decisions, and the watchlist.
 * Blocks: call it off the UI thread.
 */
public final class ClaimClusters {
    /** The most items a cluster view lists; a story bigger than this is shown by its newest part. */
    public static final int MOST_ITEMS_SHOWN = 500;
    /** The sparkline's span on the board. */
    public static final Duration SPARKLINE_SPAN = Duration.ofHours(48);

    /**
     * Analysts' decisions about membership go through the clusterer when it runs, so that it
     * respects them at once (not only after a restart); a session without one stores them only.
     */
    public interface Decisions {
        void merge(long clusterId, long intoId);

        long moveOut(long itemId);

        void pin(long itemId, long clusterId);
    }

    /**
     * Which clusters the board lists; null fields mean any.
     *
     * @param words words that must all appear in the cluster's claim, a note on it or a tag
     */
    public record Filter(ClusterState state, String tag, String language, int minItems, String words) {
        public static final Filter ALL = new Filter(null, null, null, 1, null);

        public Filter(ClusterState state, String tag, String language, int minItems) {
            this(state, tag, language, minItems, null);
        }
    }

    private final ClusterStore clusters;
    private final ClaimStore claims;
    private final ItemStore items;
    private final AnalysisStore analyses;
    private final WatchlistStore watchlist;
    private final RebuttalStore rebuttals;
    private final Decisions decisions;
    private final Clock clock;
    private final Analyst analyst;

    ClaimClusters(ClusterStore clusters, ClaimStore claims, ItemStore items, AnalysisStore analyses,
                  WatchlistStore watchlist, RebuttalStore rebuttals, Decisions decisions, Clock clock,
                  Analyst analyst) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.items = Objects.requireNonNull(items, "items");
        this.analyses = Objects.requireNonNull(analyses, "analyses");
        this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
        this.rebuttals = Objects.requireNonNull(rebuttals, "rebuttals");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.analyst = Objects.requireNonNull(analyst, "analyst");
    }

    /** The board: live clusters, most emerging first. */
    public List<ClusterSummary> ranked(Filter filter, int limit) {
        return clusters.ranked(filter.state(), filter.tag(), filter.language(), filter.minItems(), filter.words(), limit);
    }

    /** Items per hour over the last {@link #SPARKLINE_SPAN} of each of these clusters, by id. */
    public Map<Long, ClusterTimeline> sparklines(List<Long> clusterIds) {
        Instant now = clock.instant();
        Instant from = now.minus(SPARKLINE_SPAN);
        Map<Long, List<Instant>> times = new HashMap<>();
        java.util.Set<Long> wanted = new java.util.HashSet<>(clusterIds);
        for (ClusterStore.Arrival arrival : clusters.arrivalsSince(from)) {
            if (wanted.contains(arrival.clusterId())) {
                times.computeIfAbsent(arrival.clusterId(), id -> new ArrayList<>()).add(arrival.time());
            }
        }
        Map<Long, ClusterTimeline> lines = new LinkedHashMap<>();
        for (long id : clusterIds) {
            lines.put(id, ClusterTimeline.hourly(times.getOrDefault(id, List.of()), from, now));
        }
        return lines;
    }

    /** One cluster in full (the one that carries on, when it was merged). */
    public Optional<ClusterDetail> detail(long clusterId) {
        Optional<ClusterSummary> found = clusters.find(clusterId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClusterSummary summary = found.get();
        List<ItemSummary> members = items.inCluster(summary.id(), MOST_ITEMS_SHOWN);
        Map<String, List<ItemSummary>> bySource = new LinkedHashMap<>();
        for (ItemSummary item : members) {
            String source = item.sourceName() == null ? item.sourceId() : item.sourceName();
            bySource.computeIfAbsent(source, name -> new ArrayList<>()).add(item);
        }
        Instant last = members.isEmpty() ? clock.instant() : members.getLast().time();
        Instant end = last.isAfter(clock.instant()) ? last : clock.instant();
        Instant start = members.isEmpty() ? end : members.getFirst().time();
        ClusterTimeline timeline = ClusterTimeline.hourly(members.stream().map(ItemSummary::time).toList(), start, end);
        Map<String, ClusterTimeline> sourceTimelines = new LinkedHashMap<>();
        bySource.forEach((source, sourceItems) ->
                sourceTimelines.put(source, ClusterTimeline.hourly(sourceItems.stream().map(ItemSummary::time).toList(), start, end)));

        List<Long> ids = members.stream().map(ItemSummary::id).toList();
        List<ClaimSentence> best = claims.bestOf(ids).values().stream()
                .sorted(Comparator.comparingDouble(ClaimSentence::score).reversed()).limit(10).toList();
        List<Instant> answered = answersPublished(summary.id());
        // counted over all its items, not only those listed: the newest may be past the list's end
        PublicationSpread sinceAnswer = answered.isEmpty() ? null : PublicationSpread.of(answered.getFirst(),
                members.size() < MOST_ITEMS_SHOWN ? members : items.inCluster(summary.id(), Rebuttals.MOST_CLUSTER_ITEMS_COUNTED));
        return Optional.of(new ClusterDetail(summary, bySource, timeline, sourceTimelines,
                clusters.pinnedItems(summary.id()), best, entitiesOf(ids),
                clusters.notesOfCluster(summary.id()), clusters.stateHistory(summary.id()), answered, sinceAnswer));
    }

    /** When the team's answers to a cluster were first published, earliest first; withdrawn ones left out. */
    private List<Instant> answersPublished(long clusterId) {
        return rebuttals.ofCluster(clusterId).stream()
                .filter(r -> r.publishedAt() != null && r.status() != RebuttalStatus.WITHDRAWN)
                .map(StoredRebuttal::publishedAt).sorted().toList();
    }

    private List<ClusterDetail.EntityCount> entitiesOf(List<Long> itemIds) {
        Map<String, ClusterDetail.EntityCount> counts = new HashMap<>();
        for (long id : itemIds) {
            for (StoredEntity entity : analyses.entitiesOf(id)) {
                counts.merge(entity.type() + "\t" + entity.text(),
                        new ClusterDetail.EntityCount(entity.text(), entity.type().name(), 1),
                        (a, b) -> new ClusterDetail.EntityCount(a.text(), a.type(), a.items() + 1));
            }
        }
        return counts.values().stream()
                .sorted(Comparator.comparingInt(ClusterDetail.EntityCount::items).reversed()
                        .thenComparing(ClusterDetail.EntityCount::text))
                .limit(30).collect(Collectors.toList());
    }

    /** The check-worthy sentences found in one item, with what made each score, in text order. */
    public List<ClaimSentence> claimsOf(long itemId) {
        return claims.claimsOf(itemId);
    }

    /** A cluster's summary (the one that carries on, when it was merged). */
    public Optional<ClusterSummary> summary(long clusterId) {
        return clusters.find(clusterId);
    }

    public Optional<Long> clusterOfItem(long itemId) {
        return clusters.clusterOfItem(itemId);
    }

    public void setState(long clusterId, ClusterState state, String reason) {
        clusters.setState(clusterId, state, reason, analyst.name(), clock.instant());
    }

    public void tag(long clusterId, String tag) {
        clusters.tag(clusterId, tag);
    }

    public void untag(long clusterId, String tag) {
        clusters.untag(clusterId, tag);
    }

    public ClusterStore.Note noteOnCluster(long clusterId, String text) {
        return clusters.addNote(null, clusterId, text, analyst.name(), clock.instant());
    }

    public ClusterStore.Note noteOnItem(long itemId, String text) {
        return clusters.addNote(itemId, null, text, analyst.name(), clock.instant());
    }

    public List<ClusterStore.Note> notesOfItem(long itemId) {
        return clusters.notesOfItem(itemId);
    }

    public void merge(long clusterId, long intoId) {
        decisions.merge(clusterId, intoId);
    }

    /** Takes an item out of its cluster; returns the cluster it now stands alone in. */
    public long moveOut(long itemId) {
        return decisions.moveOut(itemId);
    }

    public void pin(long itemId, long clusterId) {
        decisions.pin(itemId, clusterId);
    }

    public List<WatchEntry> watchlist() {
        return watchlist.entries();
    }

    public WatchEntry watch(WatchEntry.Kind kind, String entry, int threshold) {
        return watchlist.watch(kind, entry, threshold, clock.instant());
    }

    /** Stops watching an entry; false when there was none with that id. */
    public boolean unwatch(long id) {
        return watchlist.unwatch(id);
    }

    /** Decisions through the clustering stage: stored, and the running clusterer respects them at once. */
    static Decisions through(org.claimdesk.pipeline.ClusterStage stage, Analyst analyst) {
        return new Decisions() {
            @Override
            public void merge(long clusterId, long intoId) {
                stage.merge(clusterId, intoId, analyst.name());
            }

            @Override
            public long moveOut(long itemId) {
                return stage.moveOut(itemId, analyst.name());
            }

            @Override
            public void pin(long itemId, long clusterId) {
                stage.pin(itemId, clusterId, analyst.name());
            }
        };
    }
}
