package org.claimdesk.index;

import org.claimdesk.store.StoredItem;
import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Indexing throughput, query latency, index size and heap on a generated multilingual corpus:
 * items recombined from the sentences of the sample articles (Arabic, German, English,
 * Japanese), so word frequencies and lengths are those of real text. Run with -Pbench;
 * -Dbench.items=1000000 for the large run.
 */
@Tag("bench")
class IndexSearchBench {
    @TempDir
    Path dir;

    @Test
    void indexAndQuery() throws Exception {
        int count = Integer.getInteger("bench.items", 100_000);
        Path articles = SharedFixtures.require("sample-articles");
        Map<String, List<String>> sentences = new LinkedHashMap<>();
        sentences.put("ar", sentences(articles, "ar-news-feature.txt", "ar-forum-reply.txt"));
        sentences.put("de", sentences(articles, "de-essay.txt"));
        sentences.put("en", sentences(articles, "en-web-special.txt"));
        sentences.put("ja", sentences(articles, "ja-essay.txt"));
        List<String> languages = List.copyOf(sentences.keySet());
        String[] sources = {"afp", "bbc", "aljazeera", "dw", "nhk", "reuters", "lemonde", "rt", "alarabiya", "spiegel"};
        String[] entities = {"Baghdad", "Berlin", "Tokyo", "United Nations", "WHO", "Lagos", "Gaza", "Kyiv"};
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        System.gc();
        long heapBefore = usedHeap();
        long chars = 0;
        long started = System.nanoTime();
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"))) {
            for (int i = 1; i <= count; i++) {
                String lang = languages.get(random.nextInt(languages.size()));
                List<String> pool = sentences.get(lang);
                String title = pool.get(random.nextInt(pool.size()));
                StringBuilder body = new StringBuilder();
                for (int s = 0, n = 3 + random.nextInt(10); s < n; s++) {
                    body.append(pool.get(random.nextInt(pool.size()))).append(lang.equals("ja") ? "。" : ". ");
                }
                chars += title.length() + body.length();
                Instant published = t0.plusSeconds(i * 30L);
                URI url = URI.create("https://example.org/" + i);
                StoredItem item = new StoredItem(i, url, url, title, null, body.toString(), lang, published, published,
                        "h" + i, List.of(sources[random.nextInt(sources.length)]));
                index.upsert(ItemDocuments.of(item, List.of(random.nextBoolean() ? "news" : "fact-check"),
                        random.nextInt(3) == 0 ? List.of(entities[random.nextInt(entities.length)]) : List.of()));
            }
            index.commit();
            double indexSeconds = (System.nanoTime() - started) / 1e9;
            index.refresh();
            System.gc();
            long heapAfter = usedHeap();
            System.out.printf("BENCH items=%d chars/item=%d index: %.1f s, %.0f items/s; size %.1f MB; heap used after %.0f MB (before %.0f MB)%n",
                    count, chars / count, indexSeconds, count / indexSeconds, size(dir.resolve("index")) / 1e6,
                    heapAfter / 1e6, heapBefore / 1e6);

            ItemSearch search = new ItemSearch(index);
            Map<String, List<String>> words = new LinkedHashMap<>();
            for (String lang : languages) {
                words.put(lang, words(sentences.get(lang), lang));
            }
            Random q = new Random(7);
            Function<String, String> word = lang -> pick(q, words.get(lang));
            Map<String, Function<Integer, SearchRequest>> shapes = new LinkedHashMap<>();
            shapes.put("one word (any language), top 20 + facets", i -> SearchRequest.of(word.apply(languages.get(i % 4))));
            shapes.put("one word, no facets", i -> SearchRequest.of(word.apply(languages.get(i % 4))).facets(false));
            shapes.put("two words AND", i -> SearchRequest.of(word.apply(languages.get(i % 4)) + " " + word.apply(languages.get(i % 4))));
            shapes.put("two words OR", i -> SearchRequest.of(word.apply("en") + " OR " + word.apply("de")));
            shapes.put("phrase (two adjacent words)", i -> SearchRequest.of("\"" + phrase(q, sentences.get("en")) + "\""));
            shapes.put("word -exclude", i -> SearchRequest.of(word.apply("ar") + " -" + word.apply("ar")));
            shapes.put("word + lang/source filter + 7-day range", i -> SearchRequest.of(word.apply("de"))
                    .withLanguages(Set.of("de")).withSources(Set.of("dw", "spiegel"))
                    .between(t0.plus(Duration.ofDays(q.nextInt(30))), t0.plus(Duration.ofDays(37))));
            shapes.put("word sorted by time", i -> SearchRequest.of(word.apply("en")).orderedBy(SearchOrder.NEWEST));
            shapes.put("prefix word*", i -> SearchRequest.of(word.apply("en").substring(0, 3) + "*"));
            shapes.put("everything by time (browse) + facets", i -> SearchRequest.of("").orderedBy(SearchOrder.NEWEST));
            for (var shape : shapes.entrySet()) {
                for (int i = 0; i < 50; i++) {
                    search.search(shape.getValue().apply(i)); // warm-up
                }
                long[] nanos = new long[300];
                long hits = 0;
                for (int i = 0; i < nanos.length; i++) {
                    SearchRequest request = shape.getValue().apply(i);
                    long s = System.nanoTime();
                    hits += search.search(request).totalHits();
                    nanos[i] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                System.out.printf("BENCH %-42s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (avg hits %d)%n", shape.getKey(),
                        nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 95 / 100] / 1e6,
                        nanos[nanos.length * 99 / 100] / 1e6, hits / nanos.length);
            }
            long s = System.nanoTime();
            long n = search.countNewMatches(SearchRequest.of(word.apply("en")), count - 1000);
            System.out.printf("BENCH watch count (new since id N-1000): %.2f ms (%d)%n", (System.nanoTime() - s) / 1e6, n);
        }
        long s = System.nanoTime();
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"))) {
            System.out.printf("BENCH reopen with checksum verification: %.0f ms, state %s%n",
                    (System.nanoTime() - s) / 1e6, index.stateAtOpen());
        }
        System.out.printf("BENCH machine: %d cores, %s, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<String> sentences(Path dir, String... files) throws IOException {
        List<String> out = new ArrayList<>();
        for (String file : files) {
            for (String s : Files.readString(dir.resolve(file)).split("[.!?。؟\\n]+")) {
                String t = s.strip();
                if (t.codePointCount(0, t.length()) >= 12) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static List<String> words(List<String> sentences, String lang) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            if (lang.equals("ja")) {
                // runs of kanji or katakana: what a Japanese user types as a search word
                for (String w : s.split("[^\\p{IsHan}\\p{IsKatakana}]+")) {
                    if (w.length() >= 2) {
                        out.add(w);
                    }
                }
            } else {
                for (String w : s.split("[^\\p{L}]+")) {
                    if (w.length() >= 5) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    private static String phrase(Random random, List<String> sentences) {
        String[] w = pick(random, sentences).split("\\s+");
        int at = w.length > 2 ? random.nextInt(w.length - 1) : 0;
        return (w[at] + " " + (w.length > 1 ? w[at + 1] : "")).replaceAll("[\"\\\\:()*?~^\\[\\]{}!+-]", "").strip();
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static long size(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
