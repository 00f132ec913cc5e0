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
 * @param bestClaimScore the best check-worthiness of its items' sentences, 0 to 1
 */
public record ClusterActivity(long clusterId, List<Arrival> arrivals, double bestClaimScore) {

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
        arrivals = arrivals.stream().sorted(Comparator.comparing(Arrival::time)).toList();
        if (!(bestClaimScore >= 0 && bestClaimScore <= 1)) {
            throw new IllegalArgumentException("bestClaimScore must be 0 to 1: " + bestClaimScore);
        }
    }

    /** The first item's time; the cluster's age is counted from it. */
    public Instant firstTime() {
        return arrivals.isEmpty() ? Instant.EPOCH : arrivals.getFirst().time();
    }
}
