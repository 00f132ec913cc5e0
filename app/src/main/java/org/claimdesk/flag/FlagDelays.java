package org.claimdesk.flag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How early and how wrongly flags were raised on a replayed stream ({@code claimdesk replay}):
 * per flagged cluster the delay from its first item to its flag, and whether it grew after it;
 * with reference stories, per story the delay from its first item to the first flag on a cluster
 * that was mostly that story.
 *
 * <p>A <b>false alarm</b> is a flagged cluster that gained no item after its flag: the analyst was
 * called to a story that went no further. A story that arrived whole before the step that flagged
 * it counts too; with streams whose stories last hours that is rare, with bursts shorter than a
 * step (the UCI headlines) it is not.
 *
 * @param clusters how many clusters the stream ended in
 * @param flagged  every flag raised, in the order raised
 * @param stories  the labelled stories, biggest first; empty without labels
 */
public record FlagDelays(int clusters, List<FlaggedCluster> flagged, List<StoryDelay> stories) {

    /**
     * One flag.
     *
     * @param firstItemAt  the cluster's first item, when it was flagged
     * @param itemsAtFlag  its items then
     * @param itemsAtEnd   the items of the cluster it ended in (itself, or the one it was merged into)
     * @param story        the reference story most of its labelled items belonged to at the flag, or null
     */
    public record FlaggedCluster(long clusterId, String label, Instant firstItemAt, Instant flaggedAt,
                                 int itemsAtFlag, int itemsAtEnd, String story) {
        public FlaggedCluster {
            Objects.requireNonNull(firstItemAt, "firstItemAt");
            Objects.requireNonNull(flaggedAt, "flaggedAt");
        }

        public Duration delay() {
            return Duration.between(firstItemAt, flaggedAt);
        }

        public boolean falseAlarm() {
            return itemsAtEnd <= itemsAtFlag;
        }
    }

    /**
     * One reference story.
     *
     * @param firstFlagAt     the first flag on a cluster that was mostly this story, or null when never
     * @param flaggedClusters how many flags named it (more than one: the story was split)
     */
    public record StoryDelay(String story, int items, Instant firstItemAt, Instant firstFlagAt, int flaggedClusters) {
        public Optional<Duration> delay() {
            return firstFlagAt == null ? Optional.empty() : Optional.of(Duration.between(firstItemAt, firstFlagAt));
        }
    }

    /** A labelled stream item: its story and when it arrived. */
    public record LabelledItem(String story, Instant time) {
    }

    public FlagDelays {
        flagged = List.copyOf(flagged);
        stories = List.copyOf(stories);
    }

    /** The stories of the labelled items, each with the first flag that named it. */
    public static List<StoryDelay> stories(List<LabelledItem> items, List<FlaggedCluster> flagged) {
        Map<String, List<Instant>> timesByStory = new LinkedHashMap<>();
        for (LabelledItem item : items) {
            timesByStory.computeIfAbsent(item.story(), s -> new ArrayList<>()).add(item.time());
        }
        Map<String, Instant> firstFlag = new HashMap<>();
        Map<String, Integer> flags = new HashMap<>();
        for (FlaggedCluster flag : flagged) {
            if (flag.story() != null) {
                firstFlag.merge(flag.story(), flag.flaggedAt(), (a, b) -> a.isBefore(b) ? a : b);
                flags.merge(flag.story(), 1, Integer::sum);
            }
        }
        List<StoryDelay> stories = new ArrayList<>();
        timesByStory.forEach((story, times) -> stories.add(new StoryDelay(story, times.size(),
                times.stream().min(Comparator.naturalOrder()).orElseThrow(), firstFlag.get(story),
                flags.getOrDefault(story, 0))));
        stories.sort(Comparator.comparingInt(StoryDelay::items).reversed().thenComparing(StoryDelay::story));
        return stories;
    }

    /** The story most of these labels name (the first named on a tie), or null when there is none. */
    public static String majority(List<String> labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.stream().filter(Objects::nonNull).forEach(label -> counts.merge(label, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    public long falseAlarms() {
        return flagged.stream().filter(FlaggedCluster::falseAlarm).count();
    }

    /** The delays of the flags, at the {@code percent}th percentile (nearest rank); empty without flags. */
    public Optional<Duration> clusterDelay(int percent) {
        return percentile(flagged.stream().map(FlaggedCluster::delay).toList(), percent);
    }

    /** The delays of the flagged stories, at the {@code percent}th percentile; empty when none was flagged. */
    public Optional<Duration> storyDelay(int percent) {
        return percentile(stories.stream().flatMap(s -> s.delay().stream()).toList(), percent);
    }

    public long flaggedStories() {
        return stories.stream().filter(s -> s.firstFlagAt() != null).count();
    }

    /** Flags on a story already flagged through another cluster: the analyst hears of it twice. */
    public long repeatFlags() {
        Set<String> named = new HashSet<>();
        return flagged.stream().filter(f -> f.story() != null && !named.add(f.story())).count();
    }

    /** Flags on clusters none of whose items had a label at the time. */
    public long unlabelledFlags() {
        return flagged.stream().filter(f -> f.story() == null).count();
    }

    static Optional<Duration> percentile(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1)));
    }
}
