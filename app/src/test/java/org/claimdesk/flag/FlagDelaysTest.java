package org.claimdesk.flag;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlagDelaysTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private static FlagDelays.FlaggedCluster flag(long id, int firstMinute, int flagMinute, int atFlag, int atEnd, String story) {
        return new FlagDelays.FlaggedCluster(id, "claim " + id, T.plusSeconds(60L * firstMinute),
                T.plusSeconds(60L * flagMinute), atFlag, atEnd, story);
    }

    @Test
    void aFlagThatGainedNothingAfterwardsIsAFalseAlarm() {
        assertThat(flag(1, 0, 10, 3, 3, null).falseAlarm()).isTrue();
        assertThat(flag(1, 0, 10, 3, 4, null).falseAlarm()).isFalse();
        assertThat(flag(1, 0, 10, 3, 4, null).delay()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> minutes = Arrays.stream(new int[] {5, 1, 4, 2, 3}).mapToObj(Duration::ofMinutes).toList();
        assertThat(FlagDelays.percentile(minutes, 50)).contains(Duration.ofMinutes(3));
        assertThat(FlagDelays.percentile(minutes, 90)).contains(Duration.ofMinutes(5));
        assertThat(FlagDelays.percentile(List.of(Duration.ofMinutes(7)), 90)).contains(Duration.ofMinutes(7));
        assertThat(FlagDelays.percentile(List.of(), 50)).isEmpty();
    }

    @Test
    void aStoryIsFlaggedByTheFirstFlagOnAClusterMostlyOfIt() {
        assertThat(FlagDelays.majority(Arrays.asList("dam", "rate", "dam", null))).isEqualTo("dam");
        assertThat(FlagDelays.majority(Arrays.asList(null, null))).isNull();

        List<FlagDelays.FlaggedCluster> flags = List.of(flag(1, 2, 12, 3, 9, "dam"), flag(2, 5, 20, 3, 3, "dam"),
                flag(3, 30, 40, 4, 4, null));
        List<FlagDelays.LabelledItem> items = List.of(new FlagDelays.LabelledItem("dam", T),
                new FlagDelays.LabelledItem("dam", T.plusSeconds(300)), new FlagDelays.LabelledItem("rate", T.plusSeconds(60)));
        FlagDelays delays = new FlagDelays(5, flags, FlagDelays.stories(items, flags));

        assertThat(delays.stories()).extracting(FlagDelays.StoryDelay::story).containsExactly("dam", "rate");
        assertThat(delays.stories().getFirst().delay()).contains(Duration.ofMinutes(12));
        assertThat(delays.stories().getFirst().flaggedClusters()).isEqualTo(2);
        assertThat(delays.stories().get(1).delay()).isEmpty();
        assertThat(delays.flaggedStories()).isEqualTo(1);
        assertThat(delays.repeatFlags()).isEqualTo(1);
        assertThat(delays.unlabelledFlags()).isEqualTo(1);
        assertThat(delays.falseAlarms()).isEqualTo(2);
        assertThat(delays.clusterDelay(50)).contains(Duration.ofMinutes(10));
    }
}
