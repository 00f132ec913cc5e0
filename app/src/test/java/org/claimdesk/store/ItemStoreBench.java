package org.claimdesk.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

/** Save throughput with a commit written per transaction (WRITE_DELAY=0). Run with -Pbench. */
@Tag("bench")
class ItemStoreBench {

    @TempDir
    Path dir;

    @Test
    void saveThroughput() throws Exception {
        int perThread = 1_000;
        try (Database database = Database.open(dir)) {
            new SourceStore(database).sync(List.of(feed("a"), feed("b")));
            ItemStore items = new ItemStore(database);
            for (int threads : new int[]{1, 8}) {
                long start = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    workers.add(Thread.ofVirtual().start(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String url = "https://bench.example.org/" + threads + "/" + thread + "/" + i;
                            items.save(item("a", url, longText(url)));
                        }
                    }));
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("store bench: %d thread(s), %d saves of new ~1 KB items in %.2f s = %.0f saves/s%n",
                        threads, threads * perThread, seconds, threads * perThread / seconds);
            }
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                items.newest(200);
            }
            System.out.printf("store bench: newest(200) over %d items: %.2f ms each%n", items.count(),
                    (System.nanoTime() - start) / 1e6 / 200);
            assertThat(items.count()).isEqualTo(9 * perThread);
        }
    }
}
