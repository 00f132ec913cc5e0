package org.claimdesk.cluster;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items per second and time per item as the stream grows, on a generated corpus
 * ({@link GeneratedNewsStream}: 10,000 items a day from stories of one to three days). Measured at 10k, 100k, 300k and 1M items (-Dbench.items to change the last):
 * the mean time per item over the 10,000 items before each mark, the rate so far, live clusters,
 * and the heap after a full GC. Only {@code add} is timed, not the generating. Run with
 * {@code mvn -B -o -pl app -Pbench test -Dtest=ClusteringThroughputBench -Dsurefire.failIfNoSpecifiedTests=false};
 * by hand into docs/benchmarks.md.
 */
@Tag("bench")
class ClusteringThroughputBench {
    private static final int ITEMS = Integer.getInteger("bench.items", 1_000_000);
    private static final long[] MARKS = {10_000, 100_000, 300_000, 1_000_000};

    @Test
    void timePerItemStaysFlatAsTheStreamGrows() {
        GeneratedNewsStream stream = new GeneratedNewsStream(11, 0);
        StreamingClusterer clusterer = new StreamingClusterer(ClusterSettings.defaults());
        long timed = 0;
        long windowNanos = 0;
        long windowStart = 0;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %14s %14s %12s %12s", "items", "µs/item (last 10k)", "items/s so far",
                "live clusters", "heap MB"));
        double worstRecent = 0;
        double firstRecent = 0;
        for (int n = 1; n <= ITEMS; n++) {
            ClusterItem item = stream.next().item();
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
}
