package org.claimdesk.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Groups items into stories as they arrive, in about the same time per item at the thousandth item
 * or the millionth: an item's rare terms and links look up a bounded set of candidate clusters,
 * each is scored against its centroid (words, numbers and names by TF-IDF cosine with document
 * frequencies learnt from the stream; a shared outside link as strong evidence; faded by the time
 * since the cluster's last item), and the item joins the best over the threshold or starts a
 * cluster. An item that fits two clusters strongly merges them, and a cluster that doubles looks
 * for a twin the same story started apart and merges with it.
 *
 * <p>Cluster ids are stable: they count up from 1, a merge keeps the id of the larger cluster (the
 * older one when equal) and remembers the other, so {@link #resolve} takes any id ever handed out
 * to the cluster that holds its items now. Clusters quiet for longer than the window leave memory.
 * Analysts' decisions ({@link #apply}) are inputs like items and hold from then on. Nothing here
 * stores anything: the caller keeps assignments and decisions and can {@link #restore} from them.
 * Not thread-safe; one stage thread feeds it.
 */
public final class StreamingClusterer {
    private static final int SWEEP_EVERY = 2_000;

    private final ClusterSettings settings;
    private final FeatureExtractor extractor;
    private final CandidateIndex index;
    private final Map<Long, LiveCluster> live = new HashMap<>();
    /** Merged id → the id it was merged into (which may itself have been merged later). */
    private final Map<Long, Long> mergedInto = new HashMap<>();
    /** Items of live clusters → the id they were put in (resolve before use). */
    private final Map<String, Long> itemCluster = new HashMap<>();
    private final Map<String, Long> pins = new HashMap<>();
    private final Map<String, Set<Long>> cannotJoin = new HashMap<>();
    private final List<long[]> cannotMerge = new ArrayList<>();
    /** Clusters an analyst merged: what they put together is not split again by the clusterer. */
    private final Set<Long> keptWhole = new HashSet<>();
    private long nextId = 1;
    /** Where new cluster ids come from: a counter of its own, or the workspace's database. */
    private final LongSupplier newIds;
    private Instant latest = Instant.EPOCH;
    private long sinceSweep;

    public StreamingClusterer(ClusterSettings settings) {
        this(settings, null);
    }

    /**
     * A clusterer whose new clusters take their ids from {@code newIds} (the workspace hands out
     * cluster ids, so that analysts' clusters and the clusterer's never share one); null: a
     * counter of its own, from 1.
     */
    public StreamingClusterer(ClusterSettings settings, LongSupplier newIds) {
        this.newIds = newIds;
        this.settings = settings;
        this.extractor = new FeatureExtractor(settings);
        this.index = new CandidateIndex(settings.postingsPerTerm());
    }

    private long newId() {
        return newIds == null ? nextId++ : newIds.getAsLong();
    }

    /** Places the next item of the stream; an item placed before is taken out and placed again. */
    public Assignment add(ClusterItem item) {
        takeOut(item.id());
        ItemFeatures features = extractor.features(item);
        advanceClock(item.time());
        Long pinned = pins.get(item.id());
        if (pinned != null) {
            return new Assignment(item.id(), join(resolve(pinned), features, item.time()).id, false, List.of(), 1,
                    Map.of());
        }
        Set<Long> excluded = excludedFor(item.id());
        Map<Long, Integer> hits = new HashMap<>();
        for (int term : features.lookupTerms()) {
            index.forEachCluster(term, id -> {
                long root = resolve(id);
                if (live.containsKey(root) && !excluded.contains(root)) {
                    hits.merge(root, 1, Integer::sum);
                }
            });
        }
        Set<Long> linked = new HashSet<>();
        for (String link : features.links()) {
            Long id = index.clusterOfLink(link);
            if (id != null) {
                long root = resolve(id);
                if (live.containsKey(root) && !excluded.contains(root)) {
                    linked.add(root);
                    hits.merge(root, settings.lookupTerms(), Integer::sum);
                }
            }
        }
        long best = -1;
        long second = -1;
        double bestScore = 0;
        double secondScore = 0;
        for (long id : strongest(hits)) {
            LiveCluster c = live.get(id);
            double score = c.textSimilarity(features.vector());
            if (linked.contains(id)) {
                score = Math.max(score, settings.linkEvidence());
            }
            score *= fade(Duration.between(c.lastTime, item.time()));
            if (score > bestScore) {
                second = best;
                secondScore = bestScore;
                best = id;
                bestScore = score;
            } else if (score > secondScore) {
                second = id;
                secondScore = score;
            }
        }
        if (best < 0 || bestScore < settings.joinThreshold()) {
            LiveCluster c = newCluster(newId(), item.time());
            join(c.id, features, item.time());
            return new Assignment(item.id(), c.id, true, List.of(), bestScore, Map.of());
        }
        List<Long> absorbed = new ArrayList<>();
        long target = best;
        if (second >= 0 && secondScore >= settings.mergeThreshold() && !mayNotMerge(best, second)) {
            long survivor = merge(best, second);
            absorbed.add(survivor == best ? second : best);
            target = survivor;
        }
        LiveCluster joined = join(target, features, item.time());
        Map<String, Long> moved = Map.of();
        if (Integer.bitCount(joined.size()) == 1) {
            target = mergeTwins(joined, absorbed);
            moved = new HashMap<>(splitIfTwoStories(live.get(target)));
            target = resolve(itemCluster.get(item.id()));
            moved.remove(item.id());
        }
        return new Assignment(item.id(), target, false, absorbed, bestScore, moved);
    }

    /**
     * Puts an item back where it was stored, without scoring: how a session resumes after a
     * restart (items in time order, then {@link #restoreMerge} for merges, then decisions).
     */
    public void restore(ClusterItem item, long clusterId) {
        ItemFeatures features = extractor.features(item);
        advanceClock(item.time());
        long root = resolve(clusterId);
        if (!live.containsKey(root)) {
            newCluster(root, item.time());
        }
        nextId = Math.max(nextId, root + 1);
        join(root, features, item.time());
    }

    /** Restores a merge that was stored: {@code mergedId} resolves to {@code survivorId} from now on. */
    public void restoreMerge(long mergedId, long survivorId) {
        long a = resolve(mergedId);
        long b = resolve(survivorId);
        if (a != b) {
            mergeInto(a, b);
        }
        nextId = Math.max(nextId, Math.max(mergedId, survivorId) + 1);
    }

    /** Applies an analyst's decision; returns the cluster the item (or the merged pair) is in now. */
    public long apply(AnalystDecision decision) {
        return switch (decision) {
            case AnalystDecision.Merge m -> {
                long a = resolve(m.clusterA());
                long b = resolve(m.clusterB());
                cannotMerge.removeIf(p -> sameCluster(p[0], p[1], a, b));
                long merged = a == b ? a : merge(a, b);
                keptWhole.add(merged);
                yield merged;
            }
            case AnalystDecision.MoveOut m -> {
                long from = resolve(m.fromCluster());
                cannotJoin.computeIfAbsent(m.itemId(), k -> new HashSet<>()).add(from);
                pins.remove(m.itemId());
                long to = m.toCluster() != null ? resolve(m.toCluster()) : newId();
                TermVector vector = takeOut(m.itemId());
                LiveCluster target = live.get(to);
                if (target == null && vector != null) {
                    target = newCluster(to, latest);
                }
                if (target != null && vector != null) {
                    target.members.put(m.itemId(), vector);
                    target.centroid.add(vector, 1);
                    itemCluster.put(m.itemId(), to);
                }
                cannotMerge.add(new long[] {from, to});
                pins.put(m.itemId(), to);
                yield to;
            }
            case AnalystDecision.Pin p -> {
                long to = resolve(p.clusterId());
                pins.put(p.itemId(), to);
                Set<Long> banned = cannotJoin.get(p.itemId());
                if (banned != null) {
                    banned.remove(to);
                }
                Long current = itemCluster.get(p.itemId());
                if (current != null && resolve(current) != to) {
                    TermVector vector = takeOut(p.itemId());
                    LiveCluster target = live.get(to);
                    if (target != null && vector != null) {
                        target.members.put(p.itemId(), vector);
                        target.centroid.add(vector, 1);
                        itemCluster.put(p.itemId(), to);
                    }
                }
                yield to;
            }
        };
    }

    /** The cluster that holds, now, the items once given this id (merges followed). */
    public long resolve(long clusterId) {
        long root = clusterId;
        Long next;
        while ((next = mergedInto.get(root)) != null) {
            root = next;
        }
        // shorten the chain for next time
        long id = clusterId;
        while ((next = mergedInto.get(id)) != null && next != root) {
            mergedInto.put(id, root);
            id = next;
        }
        return root;
    }

    /** Every id that now resolves to this cluster, itself excluded (for the caller to remap notes). */
    public Set<Long> mergedIds(long clusterId) {
        long root = resolve(clusterId);
        Set<Long> ids = new HashSet<>();
        for (Long id : mergedInto.keySet()) {
            if (resolve(id) == root) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Clusters in memory (quiet ones have left). */
    public int liveClusters() {
        return live.size();
    }

    /** Items of the clusters in memory. */
    public int liveItems() {
        return itemCluster.size();
    }

    private LiveCluster newCluster(long id, Instant time) {
        LiveCluster c = new LiveCluster(id, time, settings.centroidTerms());
        live.put(id, c);
        return c;
    }

    private LiveCluster join(long clusterId, ItemFeatures features, Instant time) {
        LiveCluster c = live.get(clusterId);
        if (c == null) {
            // pinned to a cluster that has left memory: it comes back with this item
            c = newCluster(clusterId, time);
        }
        Long previous = itemCluster.put(features.itemId(), clusterId);
        if (previous != null && resolve(previous) != clusterId) {
            LiveCluster old = live.get(resolve(previous));
            if (old != null) {
                old.remove(features.itemId());
            }
        }
        c.add(features);
        int budget = 8 * settings.lookupTerms();
        for (int term : features.indexTerms()) {
            if (c.indexedTerms.size() < budget && c.indexedTerms.add(term)) {
                index.addTerm(term, clusterId);
            }
        }
        for (String link : features.links()) {
            index.addLink(link, clusterId);
        }
        return c;
    }

    /**
     * When a cluster doubles, it is compared with the clusters that share its indexed terms: two
     * clusters that began apart on one story (their first items said it differently) become one
     * once their centroids show it, and a stray of a few items that the story's centroid now
     * explains joins it. Adds what it merged to {@code absorbed}; returns the survivor.
     */
    private long mergeTwins(LiveCluster grown, List<Long> absorbed) {
        Map<Long, Integer> hits = new HashMap<>();
        for (int term : grown.indexedTerms) {
            index.forEachCluster(term, id -> {
                long root = resolve(id);
                if (root != grown.id && live.containsKey(root)) {
                    hits.merge(root, 1, Integer::sum);
                }
            });
        }
        long survivor = grown.id;
        for (long id : strongest(hits)) {
            LiveCluster other = live.get(id);
            LiveCluster self = live.get(survivor);
            if (other == null || self == null) {
                continue;
            }
            Duration apart = Duration.between(other.lastTime, self.lastTime).abs();
            double similarity = self.centroid.cosine(other.centroid) * fade(apart);
            // a cluster of a few items is what a story's odd headlines started before its centroid
            // showed what the story is about: it is held to the bar an item meets to join
            boolean stray = Math.min(other.size(), self.size()) <= settings.strayItems();
            double needed = stray ? settings.joinThreshold() : settings.growMergeThreshold();
            if (similarity >= needed && !mayNotMerge(survivor, id)) {
                long kept = merge(survivor, id);
                absorbed.add(kept == survivor ? id : survivor);
                survivor = kept;
            }
        }
        return survivor;
    }

    /**
     * When a cluster doubles, it is looked at for two stories in one: its items fall in two halves
     * (a two-means, {@link ClusterSplitter}), and when the halves' centroids are far apart and the
     * smaller holds at least {@code splitMinItems} items, the smaller half leaves as a cluster of its
     * own with a new id; the larger keeps the id and whatever analysts attached to it. Items pinned
     * to the cluster stay; a cluster an analyst merged is never split. Returns the items moved and
     * the cluster they are in now.
     */
    private Map<String, Long> splitIfTwoStories(LiveCluster c) {
        if (c == null || settings.splitThreshold() <= 0 || c.size() < 2 * settings.splitMinItems()
                || keptWhole.stream().anyMatch(id -> resolve(id) == c.id)) {
            return Map.of();
        }
        Set<String> held = new HashSet<>();
        pins.forEach((item, cluster) -> {
            if (resolve(cluster) == c.id) {
                held.add(item);
            }
        });
        ClusterSplitter.Halves halves = ClusterSplitter.split(c.members, held);
        if (halves == null || halves.cosine() >= settings.splitThreshold()
                || halves.smaller().size() < settings.splitMinItems()) {
            return Map.of();
        }
        LiveCluster apart = newCluster(newId(), c.firstTime);
        apart.lastTime = c.lastTime;
        Map<String, Long> moved = new HashMap<>();
        int budget = 8 * settings.lookupTerms();
        for (String item : halves.smaller()) {
            TermVector vector = c.members.get(item);
            c.remove(item);
            apart.members.put(item, vector);
            apart.centroid.add(vector, 1);
            itemCluster.put(item, apart.id);
            moved.put(item, apart.id);
            for (int i : vector.heaviest(settings.lookupTerms())) {
                int term = vector.terms()[i];
                if (apart.indexedTerms.size() < budget && apart.indexedTerms.add(term)) {
                    index.addTerm(term, apart.id);
                }
            }
        }
        return moved;
    }

    /** Merges two live clusters; the larger (the older when equal) keeps its id. */
    private long merge(long a, long b) {
        LiveCluster ca = live.get(a);
        LiveCluster cb = live.get(b);
        long survivor;
        if (ca == null || cb == null) {
            survivor = Math.min(a, b);
        } else if (ca.size() != cb.size()) {
            survivor = ca.size() > cb.size() ? a : b;
        } else {
            survivor = Math.min(a, b);
        }
        mergeInto(survivor == a ? b : a, survivor);
        return survivor;
    }

    private void mergeInto(long merged, long survivor) {
        mergedInto.put(merged, survivor);
        LiveCluster gone = live.remove(merged);
        LiveCluster kept = live.get(survivor);
        if (gone == null) {
            return;
        }
        if (kept == null) {
            kept = newCluster(survivor, gone.firstTime);
        }
        kept.absorb(gone);
        for (String item : gone.members.keySet()) {
            itemCluster.put(item, survivor);
        }
        for (int term : gone.indexedTerms) {
            if (kept.indexedTerms.add(term)) {
                index.addTerm(term, survivor);
            }
        }
        for (String link : gone.links) {
            index.addLink(link, survivor);
        }
    }

    private TermVector takeOut(String itemId) {
        Long current = itemCluster.remove(itemId);
        if (current == null) {
            return null;
        }
        LiveCluster c = live.get(resolve(current));
        if (c == null) {
            return null;
        }
        TermVector vector = c.members.get(itemId);
        c.remove(itemId);
        return vector;
    }

    private Set<Long> excludedFor(String itemId) {
        Set<Long> banned = cannotJoin.get(itemId);
        if (banned == null) {
            return Set.of();
        }
        Set<Long> roots = new HashSet<>();
        for (long id : banned) {
            roots.add(resolve(id));
        }
        return roots;
    }

    private boolean mayNotMerge(long a, long b) {
        for (long[] pair : cannotMerge) {
            if (sameCluster(pair[0], pair[1], a, b)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameCluster(long x, long y, long a, long b) {
        long rx = resolve(x);
        long ry = resolve(y);
        return (rx == a && ry == b) || (rx == b && ry == a);
    }

    /** The clusters with the most look-up hits, at most {@code maxCandidates}. */
    private List<Long> strongest(Map<Long, Integer> hits) {
        List<Long> ids = new ArrayList<>(hits.keySet());
        if (ids.size() > settings.maxCandidates()) {
            ids.sort((x, y) -> Integer.compare(hits.get(y), hits.get(x)));
            return ids.subList(0, settings.maxCandidates());
        }
        return ids;
    }

    /** 1 for a cluster that just had an item, falling to the floor with the half-life. */
    private double fade(Duration quiet) {
        double halfLives = Math.max(0, quiet.toMillis()) / (double) settings.halfLife().toMillis();
        return settings.decayFloor() + (1 - settings.decayFloor()) * Math.pow(0.5, halfLives);
    }

    private void advanceClock(Instant time) {
        if (time.isAfter(latest)) {
            latest = time;
        }
        if (++sinceSweep >= SWEEP_EVERY) {
            sinceSweep = 0;
            retireQuietClusters();
        }
    }

    /** Clusters quiet for longer than the window leave memory; their ids still resolve. */
    private void retireQuietClusters() {
        Instant cutoff = latest.minus(settings.window());
        List<LiveCluster> quiet = live.values().stream().filter(c -> c.lastTime.isBefore(cutoff)).toList();
        if (quiet.isEmpty()) {
            return;
        }
        for (LiveCluster c : quiet) {
            live.remove(c.id);
            for (String item : c.members.keySet()) {
                itemCluster.remove(item);
            }
        }
        index.sweep(id -> live.containsKey(resolve(id)));
    }
}
