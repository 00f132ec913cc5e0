package org.claimdesk.flag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a cluster is made of, as flagging sees it: when each item arrived, from which source, in
 * which language, and what in it matched a watchlist.
 *
 * @param firstSeen      when its first item appeared (its age counts from it), which may be before the arrivals given
 * @param arrivals       its items of the span flagging weighs (the last day or so)
 * @param bestClaimScore the best check-worthiness of its items' sentences, 0 to 1
 */
public record ClusterActivity(long clusterId, Instant firstSeen, List<Arrival> arrivals, double bestClaimScore) {

    /**
     * One item of the cluster.
     *
     * @param time     when it was published (else fetched)
     * @param language BCP 47 tag, or null when unknown
     * @param watched  the watchlist entries it matches (their ids)
     */
    public record Arrival(long itemId, Instant time, String sourceId, String language, Set<Long> watched) {
        public Arrival {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(sourceId, "sourceId");
            watched = Set.copyOf(watched);
        }
    }

    public ClusterActivity {
        Objects.requireNonNull(firstSeen, "firstSeen");
        arrivals = arrivals.stream().sorted(Comparator.comparing(Arrival::time)).toList();
        if (!(bestClaimScore >= 0 && bestClaimScore <= 1)) {
            throw new IllegalArgumentException("bestClaimScore must be 0 to 1: " + bestClaimScore);
        }
    }

    /** A cluster whose first item is among the arrivals given. */
    public ClusterActivity(long clusterId, List<Arrival> arrivals, double bestClaimScore) {
        this(clusterId, arrivals.stream().map(Arrival::time).min(Comparator.naturalOrder()).orElse(Instant.EPOCH),
                arrivals, bestClaimScore);
    }
}
