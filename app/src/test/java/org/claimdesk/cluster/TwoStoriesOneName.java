package org.claimdesk.cluster;

import java.util.List;

/**
 * Headlines of two stories that share one name and little else (a brake recall and quarterly
 * earnings, eight each), written for the split tests: one cluster when the join bar is low enough
 * for the name alone, two once each story's own words show.
 */
public final class TwoStoriesOneName {
    public static final List<String> RECALL = List.of(
            "Chrysler recalls Jeep SUVs over faulty brakes",
            "Chrysler Jeep brake recall widens to older SUVs",
            "Faulty brakes: Chrysler calls back Jeep Cherokee SUVs",
            "Chrysler brake recall: owners of Jeep SUVs told to see dealers",
            "Regulators push Chrysler on Jeep brakes recall",
            "Chrysler Jeep recall over brakes covers Canada too",
            "Jeep owners angry as Chrysler brakes recall drags on",
            "Chrysler says Jeep brake fix ready, recall continues");
    public static final List<String> EARNINGS = List.of(
            "Chrysler quarterly profit beats analysts estimates",
            "Chrysler earnings jump on strong truck sales",
            "Chrysler profit rises, shares climb after earnings",
            "Chrysler posts record quarterly earnings, raises forecast",
            "Analysts cheer Chrysler earnings and profit margin",
            "Chrysler shares up as quarterly profit doubles",
            "Chrysler earnings: revenue and profit top forecasts",
            "Chrysler raises dividend after bumper quarterly profit");

    /** Settings under which the shared name alone joins, and splits are looked at from 8 items. */
    public static ClusterSettings oneClusterThenSplit() {
        return ClusterSettings.defaults().withJoinThreshold(0.001).withGrowMergeThreshold(2).withStrayItems(0)
                .withSplit(0.15, 4);
    }

    private TwoStoriesOneName() {
    }
}
