package org.claimdesk.cluster;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A cluster still in memory: its centroid, links, members and where the candidate index lists it. */
final class LiveCluster {
    private static final int MAX_LINKS = 200;

    final long id;
    final Instant firstTime;
    Instant lastTime;
    final CentroidSum centroid;
    final Set<String> links = new LinkedHashSet<>();
    /** Members and their vectors, so an analyst can move one out and the centroid follows. */
    final Map<String, TermVector> members = new LinkedHashMap<>();
    final Set<Integer> indexedTerms = new HashSet<>();

    LiveCluster(long id, Instant firstTime, int centroidTerms) {
        this.id = id;
        this.firstTime = firstTime;
        this.lastTime = firstTime;
        this.centroid = new CentroidSum(centroidTerms);
    }

    int size() {
        return members.size();
    }

    void add(ItemFeatures item) {
        members.put(item.itemId(), item.vector());
        centroid.add(item.vector(), 1);
        if (item.time().isAfter(lastTime)) {
            lastTime = item.time();
        }
        for (String link : item.links()) {
            if (links.size() < MAX_LINKS) {
                links.add(link);
            }
        }
    }

    void remove(String itemId) {
        TermVector vector = members.remove(itemId);
        if (vector != null) {
            centroid.add(vector, -1);
        }
    }

    /** Text similarity of an item to this cluster: cosine with the centroid. */
    double textSimilarity(TermVector item) {
        return centroid.cosine(item);
    }

    void absorb(LiveCluster other) {
        members.putAll(other.members);
        centroid.addAll(other.centroid);
        if (other.lastTime.isAfter(lastTime)) {
            lastTime = other.lastTime;
        }
        for (String link : other.links) {
            if (links.size() < MAX_LINKS) {
                links.add(link);
            }
        }
    }
}
