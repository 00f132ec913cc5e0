package org.claimdesk.workspace;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.store.NewItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long from an item's commit to H2 until a search finds it, through the real path: the
 * store's index_change row, the index feeder's round, the near-real-time reopen. Measured alone
 * and while other items stream in. Run with -Pbench; results in docs/benchmarks.md.
 */
@Tag("bench")
class StoredToSearchableBench {
    private static final int PROBES = Integer.getInteger("bench.probes", 200);
    private static final int BACKGROUND_ITEMS_PER_SECOND = 200;

    @TempDir
    Path tmp;

    @Test
    void storedToSearchable() throws Exception {
        Path feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources:\n  - id: wire\n    url: https://wire.example.org/feed\n");
        StringBuilder report = new StringBuilder();
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), feeds)) {
            session.search().bringUpToDate(RebuildProgress.NONE);
            session.startIndexing();
            report.append(measure(session, "idle", false));
            report.append(measure(session, "while " + BACKGROUND_ITEMS_PER_SECOND + " other items/s are stored", true));
        }
        Path out = Path.of("target", "stored-to-searchable.txt");
        Files.writeString(out, report);
        System.out.print(report);
    }

    private String measure(WorkspaceSession session, String label, boolean withBackground) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong backgroundStored = new AtomicLong();
        Thread background = null;
        if (withBackground) {
            background = Thread.ofPlatform().name("bench-background").start(() -> {
                long n = 0;
                while (running.get()) {
                    save(session, "bg-" + label.hashCode() + "-" + n++, "Background report number " + n
                            + " about the flood, the bridge and the ministry.");
                    backgroundStored.incrementAndGet();
                    sleep(1000 / BACKGROUND_ITEMS_PER_SECOND);
                }
            });
        }
        Random random = new Random(7);
        long[] millis = new long[PROBES];
        for (int i = 0; i < PROBES; i++) {
            // a word no other item holds, so the count says exactly when this item became searchable
            String marker = "zq" + Long.toString(label.hashCode() & 0xffffL, 36) + "x" + i;
            save(session, "probe-" + label.hashCode() + "-" + i, "Probe " + marker + " on the water supply rumour.");
            long committed = System.nanoTime();
            while (session.itemSearch().countNewMatches(SearchRequest.of(marker), 0) == 0) {
                Thread.sleep(2);
                if (System.nanoTime() - committed > 30_000_000_000L) {
                    throw new AssertionError("item with " + marker + " not searchable after 30 s");
                }
            }
            millis[i] = (System.nanoTime() - committed) / 1_000_000;
            Thread.sleep(20 + random.nextInt(200)); // probes land at every point of the feeder's cycle
        }
        running.set(false);
        if (background != null) {
            background.join();
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "stored->searchable %s: %d probes, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%s%n",
                label, PROBES, millis[PROBES / 2], millis[(int) (PROBES * 0.95)], millis[(int) (PROBES * 0.99)],
                millis[PROBES - 1], withBackground ? " (" + backgroundStored.get() + " background items stored)" : "");
    }

    private static void save(WorkspaceSession session, String key, String text) {
        URI url = URI.create("https://wire.example.org/" + key);
        Instant now = Instant.now();
        session.itemStore().save(new NewItem("wire", url, url, null, text, null, text, "en", now, now, key));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
