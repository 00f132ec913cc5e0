package org.claimdesk.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated news stream for benches: 10,000 items a day (one every 8.6 s of stream time), each
 * from one of the stories running at the time (a story lives one to three days, a new one starts
 * every ~40 items) with its own words, names and numbers, mixed with words from a Zipf-distributed
 * background vocabulary of 200,000 words, about 30 words an item. The same seed gives the same
 * stream; the outlets items are attributed to are drawn apart, so they change no item.
 */
public final class GeneratedNewsStream {
    private static final int VOCABULARY = 200_000;
    private static final Duration BETWEEN_ITEMS = Duration.ofMillis(8_640);

    /** One item and the story it was written for (its reference label). */
    public record Labelled(ClusterItem item, String story) {
    }

    private final Random random;
    private final Random outletChoice;
    private final int outlets;
    private final double[] zipf = zipfCumulative(VOCABULARY);
    private final List<Story> running = new ArrayList<>();
    private Instant time = Instant.parse("2026-01-01T00:00:00Z");
    private int items;
    private int stories;

    /** @param outlets how many sources items come from; 0: all from one ("bench") */
    public GeneratedNewsStream(long seed, int outlets) {
        this.random = new Random(seed);
        this.outletChoice = new Random(seed + 1);
        this.outlets = outlets;
    }

    public Labelled next() {
        time = time.plus(BETWEEN_ITEMS);
        Instant now = time;
        running.removeIf(s -> s.end.isBefore(now));
        if (running.isEmpty() || random.nextInt(40) == 0) {
            running.add(new Story("story-" + ++stories, time));
        }
        Story story = running.get(random.nextInt(running.size()));
        String source = outlets == 0 ? "bench" : "outlet-" + outletChoice.nextInt(outlets);
        return new Labelled(story.item("i" + ++items, time, source), story.name);
    }

    private static double[] zipfCumulative(int size) {
        double[] c = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private String backgroundWord() {
        int i = java.util.Arrays.binarySearch(zipf, random.nextDouble());
        return "w" + Integer.toString(i < 0 ? -i - 1 : i, 36);
    }

    /** A story: its own words, names and numbers, and the time it stops being told. */
    private final class Story {
        final String name;
        final List<String> words = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> numbers = new ArrayList<>();
        final Instant end;

        Story(String name, Instant start) {
            this.name = name;
            for (int i = 0; i < 12; i++) {
                // the story's words are mid-frequency background words: shared with other stories by chance
                words.add(backgroundWord() + "x" + random.nextInt(50));
            }
            for (int i = 0; i < 3; i++) {
                names.add("Name" + Integer.toString(random.nextInt(1_000_000), 36));
            }
            numbers.add(Integer.toString(random.nextInt(100_000)));
            end = start.plus(Duration.ofHours(24 + random.nextInt(48)));
        }

        ClusterItem item(String id, Instant at, String source) {
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                title.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            title.append(names.get(random.nextInt(names.size())));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                text.append(random.nextInt(3) == 0 ? words.get(random.nextInt(words.size())) : backgroundWord())
                        .append(' ');
            }
            text.append(numbers.getFirst());
            return new ClusterItem(id, at, title.toString(), text.toString(), "en", source, null,
                    List.of(names.get(random.nextInt(names.size()))));
        }
    }
}
