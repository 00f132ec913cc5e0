package org.claimdesk.flag;

import org.claimdesk.store.WatchEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FlagScorerTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final FlagScorer scorer = new FlagScorer(FlagPolicy.DEFAULT);

    private static ClusterActivity.Arrival at(Duration ago, String source, String language, Long... watched) {
        return new ClusterActivity.Arrival(ago.toMillis(), NOW.minus(ago), source, language, Set.of(watched));
    }

    @Test
    void aClaimTakingOffAcrossSourcesAndLanguagesIsFlaggedWithItsReasonsInWords() {
        List<ClusterActivity.Arrival> arrivals = new ArrayList<>();
        String[][] recent = {{"a", "en"}, {"b", "en"}, {"c", "ar"}, {"d", "ar"}, {"e", "de"}, {"f", "en"}, {"g", "de"},
                {"a", "en"}, {"b", "en"}, {"c", "ar"}, {"d", "ar"}, {"e", "de"}};
        for (int i = 0; i < recent.length; i++) {
            arrivals.add(at(Duration.ofMinutes(5 + i * 9), recent[i][0], recent[i][1]));
        }
        for (int hour = 3; hour < 26; hour += 2) { // the day before: one item per two hours
            arrivals.add(at(Duration.ofHours(hour), "a", "en"));
        }

        Flag flag = scorer.score(new ClusterActivity(1, arrivals, 0.9), NOW, 0.3, Map.of());

        assertThat(flag.raised()).isTrue();
        assertThat(flag.recentItems()).isEqualTo(12);
        assertThat(flag.reasons().getFirst()).isEqualTo("12 items from 7 sources in 3 languages in the last 2 h");
        assertThat(flag.reasons()).contains("check-worthy claim (0.90)")
                .contains("12× its own pace of the day before");
    }

    @Test
    void aCheckWorthyClusterThatWentQuietScoresNothingAndSoLeavesTheRounds() {
        List<ClusterActivity.Arrival> yesterday = List.of(at(Duration.ofHours(20), "a", "en"), at(Duration.ofHours(21), "b", "en"));
        List<ClusterActivity.Arrival> lastWeek = List.of(at(Duration.ofDays(7), "a", "en"), at(Duration.ofDays(7), "b", "en"));

        Flag stillMoving = scorer.score(new ClusterActivity(3, yesterday, 0.9), NOW, 0.3, Map.of());
        Flag quiet = scorer.score(new ClusterActivity(3, lastWeek, 0.9), NOW, 0.3, Map.of());

        assertThat(stillMoving.score()).as("items the day before: its claim still counts").isGreaterThan(0);
        assertThat(stillMoving.raised()).isFalse();
        assertThat(quiet.score()).isZero();
        assertThat(quiet.reasons()).isEmpty();
    }

    @Test
    void aStoryKeepingItsUsualPaceIsNotFlaggedEvenWhenItIsBig() {
        List<ClusterActivity.Arrival> arrivals = new ArrayList<>();
        for (int hour = 0; hour < 26; hour++) {
            arrivals.add(at(Duration.ofMinutes(hour * 60L + 10), "s" + (hour % 5), "en"));
            arrivals.add(at(Duration.ofMinutes(hour * 60L + 40), "s" + ((hour + 2) % 5), "en"));
        }

        Flag flag = scorer.score(new ClusterActivity(2, arrivals, 0.6), NOW, 0.3, Map.of());

        assertThat(flag.raised()).isFalse();
        assertThat(flag.reasons()).noneMatch(reason -> reason.contains("pace"));
    }

    @Test
    void oneSiteRepeatingItselfIsNotSpread() {
        List<ClusterActivity.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            arrivals.add(at(Duration.ofMinutes(3 + i * 10), "only", "en"));
        }

        Flag flag = scorer.score(new ClusterActivity(3, arrivals, 1.0), NOW, 0.3, Map.of());

        assertThat(flag.raised()).isFalse();
        assertThat(flag.reasons().getFirst()).isEqualTo("10 items from 1 source in the last 2 h");
    }

    @Test
    void aWatchedEntityRaisesASlowClusterOnceItsThresholdIsReached() {
        WatchEntry minister = new WatchEntry(7, WatchEntry.Kind.ENTITY, "Minister Example", 2);
        List<ClusterActivity.Arrival> oneHit = List.of(at(Duration.ofHours(30), "a", "en", 7L),
                at(Duration.ofHours(1), "b", "en"));
        List<ClusterActivity.Arrival> twoHits = List.of(at(Duration.ofHours(30), "a", "en", 7L),
                at(Duration.ofHours(1), "b", "en", 7L));

        assertThat(scorer.score(new ClusterActivity(4, oneHit, 0.2), NOW, 0.3, Map.of(7L, minister)).raised()).isFalse();
        Flag flag = scorer.score(new ClusterActivity(4, twoHits, 0.2), NOW, 0.3, Map.of(7L, minister));
        assertThat(flag.raised()).isTrue();
        assertThat(flag.reasons()).contains("names watched entity Minister Example (2 items)");
    }

    @Test
    void aBurstScoresHigherThanTheSameItemsSpreadOverTheDayAndFutureTimesAreIgnored() {
        List<ClusterActivity.Arrival> burst = new ArrayList<>();
        List<ClusterActivity.Arrival> spread = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(at(Duration.ofMinutes(10 + i * 10), "s" + i, "en"));
            spread.add(at(Duration.ofHours(1 + i * 3), "s" + i, "en"));
        }
        burst.add(new ClusterActivity.Arrival(99, NOW.plus(Duration.ofDays(3)), "z", "en", Set.of()));

        Flag fast = scorer.score(new ClusterActivity(5, burst, 0.5), NOW, 0.3, Map.of());
        Flag slow = scorer.score(new ClusterActivity(6, spread, 0.5), NOW, 0.3, Map.of());

        assertThat(fast.score()).isGreaterThan(slow.score() + 3);
        assertThat(fast.recentItems()).isEqualTo(8);
        assertThat(fast.raised()).isTrue();
        assertThat(slow.raised()).isFalse();
    }

    @Test
    void spansAreSaidAsAnAnalystWouldSayThem() {
        assertThat(FlagScorer.hours(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(FlagScorer.hours(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(FlagScorer.hours(Duration.ofDays(4))).isEqualTo("4 d");
    }
}
