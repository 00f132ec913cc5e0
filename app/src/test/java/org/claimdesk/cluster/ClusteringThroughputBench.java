package org.claimdesk.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items per second and time per item as the stream grows, on a generated corpus: 10,000 items a
 * day (one every 8.6 s of stream time), each from one of the stories running at the time (a story
 * lives one to three days, a new one starts every ~40 items) with its own words, names and
 * numbers, mixed with words from a Zipf-distributed background vocabulary of 200,000 words, about
 * 30 words an item. Measured at 10k, 100k, 300k and 1M items (-Dbench.items to change the last):
 * the mean time per item over the 10,000 items before each mark, the rate so far, live clusters,
 * and the heap after a full GC. Only {@code add} is timed, not the generating. Run with
 * {@code mvn -B -o -pl app -Pbench test -Dtest=ClusteringThroughputBench -Dsurefire.failIfNoSpecifiedTests=false};
 * by hand into docs/benchmarks.md.
 */
@Tag("bench")
class ClusteringThroughputBench {
    private static final int ITEMS = Integer.getInteger("bench.items", 1_000_000);
    private static final long[] MARKS = {10_000, 100_000, 300_000, 1_000_000};
    private static final int VOCABULARY = 200_000;
    private static final Duration BETWEEN_ITEMS = Duration.ofMillis(8_640);

    @Test
    void timePerItemStaysFlatAsTheStreamGrows() {
        Random random = new Random(11);
        double[] zipf = zipfCumulative(VOCABULARY);
        StreamingClusterer clusterer = new StreamingClusterer(ClusterSettings.defaults());
        List<Story> running = new ArrayList<>();
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        long timed = 0;
        long windowNanos = 0;
        long windowStart = 0;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %14s %14s %12s %12s", "items", "µs/item (last 10k)", "items/s so far",
                "live clusters", "heap MB"));
        double worstRecent = 0;
        double firstRecent = 0;
        for (int n = 1; n <= ITEMS; n++) {
            time = time.plus(BETWEEN_ITEMS);
            Instant now = time;
            running.removeIf(s -> s.end.isBefore(now));
            if (running.isEmpty() || random.nextInt(40) == 0) {
                running.add(new Story(random, zipf, time));
            }
            Story story = running.get(random.nextInt(running.size()));
            ClusterItem item = story.item("i" + n, time, random, zipf);
            long started = System.nanoTime();
            clusterer.add(item);
            long spent = System.nanoTime() - started;
            timed += spent;
            windowNanos += spent;
            if (isMark(n + 10_000L)) {
                windowNanos = 0;
                windowStart = n;
            }
            if (isMark(n)) {
                double recent = windowNanos / 1_000.0 / (n - windowStart);
                if (firstRecent == 0) {
                    firstRecent = recent;
                }
                worstRecent = Math.max(worstRecent, recent);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20);
                lines.add(String.format(Locale.ROOT, "%-10d %14.1f %14.0f %12d %12d", n, recent, n / (timed / 1e9),
                        clusterer.liveClusters(), heap));
                windowNanos = 0;
                windowStart = n;
            }
        }
        lines.add("cores " + Runtime.getRuntime().availableProcessors() + ", Java " + Runtime.version()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        lines.forEach(System.out::println);
        assertThat(ITEMS / (timed / 1e9)).as("items per second").isGreaterThan(1_000);
    }

    private static boolean isMark(long n) {
        for (long m : MARKS) {
            if (m == n) {
                return true;
            }
        }
        return n == ITEMS;
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

    private static String backgroundWord(Random random, double[] zipf) {
        int i = java.util.Arrays.binarySearch(zipf, random.nextDouble());
        return "w" + Integer.toString(i < 0 ? -i - 1 : i, 36);
    }

    /** A story: its own words, names and numbers, and the time it stops being told. */
    private static final class Story {
        final List<String> words = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> numbers = new ArrayList<>();
        final Instant end;

        Story(Random random, double[] zipf, Instant start) {
            for (int i = 0; i < 12; i++) {
                // the story's words are mid-frequency background words: shared with other stories by chance
                words.add(backgroundWord(random, zipf) + "x" + random.nextInt(50));
            }
            for (int i = 0; i < 3; i++) {
                names.add("Name" + Integer.toString(random.nextInt(1_000_000), 36));
            }
            numbers.add(Integer.toString(random.nextInt(100_000)));
            end = start.plus(Duration.ofHours(24 + random.nextInt(48)));
        }

        ClusterItem item(String id, Instant time, Random random, double[] zipf) {
            StringBuilder title = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                title.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            title.append(names.get(random.nextInt(names.size())));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                text.append(random.nextInt(3) == 0 ? words.get(random.nextInt(words.size())) : backgroundWord(random, zipf))
                        .append(' ');
            }
            text.append(numbers.getFirst());
            return new ClusterItem(id, time, title.toString(), text.toString(), "en", "bench", null,
                    List.of(names.get(random.nextInt(names.size()))));
        }
    }
}
