package org.claimdesk.store;

import java.time.Instant;
import java.util.List;

/**
 * A claim cluster as the board lists it.
 *
 * @param label           the claim that stands for it (its best check-worthy sentence, else a title)
 * @param flagReasons     why it is flagged, in plain words, most telling first
 * @param flaggedAt       when it was first flagged, or null
 */
public record ClusterSummary(long id, String label, Long representativeItemId, int itemCount, int sourceCount,
                             int languageCount, Instant firstItemAt, Instant lastItemAt, double bestClaimScore,
                             ClusterState state, Instant stateChangedAt, double flagScore, List<String> flagReasons,
                             Instant flaggedAt, List<String> tags) {
    public ClusterSummary {
        flagReasons = List.copyOf(flagReasons);
        tags = List.copyOf(tags);
    }

    public ClusterSummary withTags(List<String> clusterTags) {
        return new ClusterSummary(id, label, representativeItemId, itemCount, sourceCount, languageCount, firstItemAt,
                lastItemAt, bestClaimScore, state, stateChangedAt, flagScore, flagReasons, flaggedAt, clusterTags);
    }
}
