package org.claimdesk.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Which live clusters might hold an item: an inverted index from rare terms to the clusters that
 * used them, each list bounded to its most recent clusters, and a map from links to the cluster
 * that carries them. Look-up costs the same whatever the size of the stream; retired clusters are
 * skipped when met and swept out in bulk.
 */
final class CandidateIndex {
    private final Map<Integer, Postings> postings = new HashMap<>();
    private final Map<String, Long> links = new HashMap<>();
    private final int postingsPerTerm;

    CandidateIndex(int postingsPerTerm) {
        this.postingsPerTerm = postingsPerTerm;
    }

    void addTerm(int term, long clusterId) {
        postings.computeIfAbsent(term, t -> new Postings(postingsPerTerm)).add(clusterId);
    }

    void addLink(String link, long clusterId) {
        links.put(link, clusterId);
    }

    Long clusterOfLink(String link) {
        return links.get(link);
    }

    /** Calls back with each cluster listed under the term, most recent last. */
    void forEachCluster(int term, java.util.function.LongConsumer action) {
        Postings p = postings.get(term);
        if (p != null) {
            for (int i = 0; i < p.count; i++) {
                action.accept(p.ids[i]);
            }
        }
    }

    /** Drops every entry of clusters that are no longer live. */
    void sweep(java.util.function.LongPredicate live) {
        postings.values().removeIf(p -> p.retain(live) == 0);
        links.values().removeIf(id -> !live.test(id));
    }

    int terms() {
        return postings.size();
    }

    private static final class Postings {
        final long[] ids;
        int count;

        Postings(int capacity) {
            ids = new long[capacity];
        }

        void add(long id) {
            if (count == ids.length) {
                // the oldest cluster gives way: it is the one least likely to be joined again
                System.arraycopy(ids, 1, ids, 0, count - 1);
                count--;
            }
            ids[count++] = id;
        }

        int retain(java.util.function.LongPredicate live) {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (live.test(ids[i])) {
                    ids[kept++] = ids[i];
                }
            }
            count = kept;
            return kept;
        }
    }
}
