package org.claimdesk.flag;

import java.util.List;

/**
 * How emerging a cluster is now.
 *
 * @param score   higher is more urgent; clusters are ranked by it
 * @param raised  true when the cluster is flagged: fast and spreading enough, or a watchlist says so
 * @param reasons what the score is made of, in plain words, most telling first
 * @param recentItems items in the policy's window
 */
public record Flag(double score, boolean raised, List<String> reasons, int recentItems) {
    public Flag {
        reasons = List.copyOf(reasons);
    }
}
