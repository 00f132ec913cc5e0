package org.claimdesk.ingest;

import org.claimdesk.app.ClaimDesk;
import org.claimdesk.extract.TokenOverlap;
import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.ingest.LoopbackNewsWorld.Reference;
import org.claimdesk.ingest.LoopbackNewsWorld.Site;
import org.claimdesk.store.ArticleStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.StoredItem;
import org.claimdesk.testing.SharedFixtures;
import org.claimdesk.workspace.Stages;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's loopback world: at least 50 news sites and 10,000 articles in eight languages and
 * five scripts ({@link LoopbackNewsWorld}), served on loopback with page furniture and feeds that
 * carry only summaries, politeness 0. ClaimDesk runs as {@code claimdesk ingest --once} does,
 * through {@link ClaimDesk#openForCommand}: poll every source, run the article stage until idle,
 * then bring the search index up to date. Measured: wall time from the first request until every
 * stored item is searchable, articles per second, the share of generated articles stored, the
 * share stored with their full text (body token F1 ≥ 0.9 by {@link TokenOverlap}, the extraction
 * benchmark's definition), and heap and resident memory. Run with
 * {@code mvn -B -pl app -am -Pbench verify -Dtest=ArticleWorldBench -Dsurefire.failIfNoSpecifiedTests=false};
 * results on stdout and in target/article-world.txt, by hand into docs/benchmarks.md. Skipped
 * without ../shared/fixtures.
 */
@Tag("bench")
class ArticleWorldBench {
    private static final int SITES = Integer.getInteger("bench.sites", 50);
    private static final int FEEDS_PER_SITE = 4;
    private static final int ENTRIES_PER_FEED = Integer.getInteger("bench.entries", 50);
    private static final double FULL_TEXT_F1 = 0.9;
    /** Eight languages in five scripts, in about the shares a multilingual desk would watch. */
    private static final List<String> LANGUAGE_SHARES = List.of("en", "en", "en", "en", "ar", "ar", "ar", "de", "de",
            "ja", "ja", "ru", "ru", "fr", "fr", "es", "es", "zh", "zh", "ar", "en", "de", "ja", "ru", "en");

    @TempDir
    Path tmp;

    @Test
    void wholeArticlesFromALoopbackWorld() throws Exception {
        Path fixtures = SharedFixtures.require("sample-articles").getParent();
        SharedFixtures.require("readability-test-pages");
        SharedFixtures.require("feeds/feedparser-tests");
        Map<String, List<String>> sentences = RealSentences.load(fixtures);
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            languages.add(LANGUAGE_SHARES.get(i % LANGUAGE_SHARES.size()));
        }
        Collections.shuffle(languages, new Random(42));

        long generating = System.nanoTime();
        try (LoopbackNewsWorld world = LoopbackNewsWorld.start(tmp.resolve("world"), sentences, languages,
                FEEDS_PER_SITE, ENTRIES_PER_FEED, 42)) {
            double generatedSeconds = seconds(generating);
            Path feedsFile = Files.writeString(tmp.resolve("feeds.yml"), world.feedsYml());
            Workspace workspace = new Workspace(tmp.resolve("workspace"));
            ClaimDesk desk = new ClaimDesk(new WorkspaceDirectory(tmp.resolve("claimdesk-home")));
            System.gc(); // the generator's garbage is not ClaimDesk's
            Run run;
            try (MemorySampler memory = MemorySampler.start(); WorkspaceSession session = desk.openForCommand(workspace, feedsFile)) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                PollReport poll = session.ingest().pollNow(PollProgress.NONE);
                double pollSeconds = seconds(t0);
                long articlesTaken = session.stages().runUntilIdle(Stages.ARTICLES, Long.MAX_VALUE);
                double articlesSeconds = seconds(t0);
                session.search().bringUpToDate(RebuildProgress.NONE);
                double searchableSeconds = seconds(t0);
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                SearchResults everything = session.search().search(SearchRequest.of(""));
                run = new Run(poll, articlesTaken, pollSeconds, articlesSeconds, searchableSeconds, cpuSeconds,
                        session.items().count(), everything.totalHits(), memory.peakHeap(), memory.peakRss(),
                        session.stages().status(Stages.ARTICLES).waiting(), score(session, world));
            }
            Map<Long, String> problems = articleProblems(workspace, run.score.misses());
            Map<String, Integer> pools = new TreeMap<>();
            sentences.forEach((language, list) -> pools.put(language, list.size()));
            String report = report(world, run, generatedSeconds, problems) + "real sentences per language: " + pools + "\n";
            System.out.print(report);
            Files.writeString(Path.of("target", "article-world.txt"), report);
            assertThat(run.poll.failedSources()).isZero();
            assertThat(run.searchable).as("every stored item searchable").isEqualTo(run.stored);
        }
    }

    // ---------------------------------------------------------------- scoring

    /** One stored item that is one of the generated articles, scored against its reference. */
    record Scored(long itemId, String url, Site site, TokenOverlap overlap, boolean titleAgrees) {
    }

    record Score(List<Scored> articles, int notGenerated) {
        List<Scored> misses() {
            return articles.stream().filter(s -> s.overlap.f1() < FULL_TEXT_F1).toList();
        }

        long fullText() {
            return articles.stream().filter(s -> s.overlap.f1() >= FULL_TEXT_F1).count();
        }
    }

    record Run(PollReport poll, long articlesTaken, double pollSeconds, double articlesSeconds, double searchableSeconds,
               double cpuSeconds, long stored, long searchable, long peakHeap, long peakRss, long stillWaiting, Score score) {
    }

    private static Score score(WorkspaceSession session, LoopbackNewsWorld world) {
        Map<String, Site> sitesByAddress = new HashMap<>();
        world.sites().forEach(site -> sitesByAddress.put(site.address(), site));
        List<Scored> scored = new ArrayList<>();
        int notGenerated = 0;
        for (ItemSummary summary : session.items().newest(Integer.MAX_VALUE)) {
            StoredItem item = session.items().find(summary.id()).orElseThrow();
            Reference reference = item.url() == null ? null : world.reference(item.url().toString());
            if (reference == null) {
                notGenerated++;
                continue;
            }
            scored.add(new Scored(item.id(), item.url().toString(), sitesByAddress.get(item.url().getHost()),
                    TokenOverlap.of(item.text(), reference.body()), sameTitle(item.title(), reference.title())));
        }
        return new Score(scored, notGenerated);
    }

    private static boolean sameTitle(String stored, String generated) {
        return stored != null && normalised(stored).equals(normalised(generated));
    }

    private static String normalised(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Why the stage kept the summary, for the items below the bar (read after the session closed). */
    private static Map<Long, String> articleProblems(Workspace workspace, List<Scored> misses) {
        Map<Long, String> problems = new HashMap<>();
        try (Database database = Database.open(workspace.databaseDir())) {
            ArticleStore store = new ArticleStore(database);
            for (Scored miss : misses) {
                problems.put(miss.itemId(), store.articleProblem(miss.itemId()).orElse(null));
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- the report

    private static String report(LoopbackNewsWorld world, Run run, double generatedSeconds, Map<Long, String> problems) {
        int generated = world.articles();
        List<Scored> articles = run.score.articles();
        double[] f1 = articles.stream().mapToDouble(s -> s.overlap.f1()).sorted().toArray();
        long titles = articles.stream().filter(Scored::titleAgrees).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, """
                        loopback world (%s; %d cores; max heap %d MB; Java %s)
                        world: %d sites, %d feeds (summaries only), %d articles in %s; pages %.1f MB as served; generated in %.1f s
                        poll: %d sources, %d new items, %d failing, %.1f s
                        article stage: %d taken, %d still waiting, done at %.1f s
                        searchable: %d of %d stored items, at %.1f s from the first request
                        throughput: %.1f articles/s (stored generated articles / time to searchable); process CPU %.1f s = %.2f cores busy
                        stored: %d of %d generated articles (%.2f %%), %d other items
                        full text (body token F1 >= %.1f): %d of %d generated (%.2f %%)
                        F1 over stored articles: mean %.3f, median %.3f, p5 %.3f, min %.3f
                        precision mean %.3f, recall mean %.3f; titles equal %d of %d (%.1f %%)
                        memory: peak used heap %d MB (sampled every 100 ms), peak RSS %d MB
                        """,
                Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), world.sites().size(), world.feeds().size(), generated, languagesOf(world),
                world.pageBytes() / 1e6, generatedSeconds,
                run.poll.results().size(), run.poll.newItems(), run.poll.failedSources(), run.pollSeconds,
                run.articlesTaken, run.stillWaiting, run.articlesSeconds,
                run.searchable, run.stored, run.searchableSeconds,
                articles.size() / run.searchableSeconds, run.cpuSeconds, run.cpuSeconds / run.searchableSeconds,
                articles.size(), generated, 100.0 * articles.size() / generated, run.score.notGenerated(),
                FULL_TEXT_F1, run.score.fullText(), generated, 100.0 * run.score.fullText() / generated,
                mean(f1), percentile(f1, 0.5), percentile(f1, 0.05), f1.length == 0 ? 0 : f1[0],
                articles.stream().mapToDouble(s -> s.overlap.precision()).average().orElse(0),
                articles.stream().mapToDouble(s -> s.overlap.recall()).average().orElse(0),
                titles, articles.size(), 100.0 * titles / Math.max(1, articles.size()),
                run.peakHeap >> 20, run.peakRss >> 20));
        out.append("by template (sites: full text / stored, mean F1):\n");
        breakdown(out, articles, s -> s.site().template().name());
        out.append("by language:\n");
        breakdown(out, articles, s -> s.site().language());
        Map<String, Integer> reasons = new TreeMap<>();
        for (Scored miss : run.score.misses()) {
            String problem = problems.get(miss.itemId());
            String reason = problem != null ? "kept summary: " + problem.replaceAll("\\d+", "N")
                    : miss.overlap.precision() < FULL_TEXT_F1 ? "extracted too much (precision < 0.9)" : "extracted too little (recall < 0.9)";
            reasons.merge(reason, 1, Integer::sum);
        }
        out.append("below F1 ").append(FULL_TEXT_F1).append(": ").append(run.score.misses().size()).append('\n');
        reasons.forEach((reason, n) -> out.append(String.format(Locale.ROOT, "  %5d  %s%n", n, reason)));
        run.score.misses().stream().sorted((a, b) -> Double.compare(a.overlap.f1(), b.overlap.f1())).limit(15)
                .forEach(miss -> out.append(String.format(Locale.ROOT, "  P %.2f R %.2f F1 %.2f  %s %s %s%n",
                        miss.overlap.precision(), miss.overlap.recall(), miss.overlap.f1(), miss.site().template(),
                        miss.site().language(), miss.url())));
        return out.toString();
    }

    private static String languagesOf(LoopbackNewsWorld world) {
        Map<String, Integer> sites = new TreeMap<>();
        world.sites().forEach(site -> sites.merge(site.language(), 1, Integer::sum));
        return sites.toString().replace("=", ":") + " (sites per language)";
    }

    private static void breakdown(StringBuilder out, List<Scored> articles, java.util.function.Function<Scored, String> key) {
        Map<String, List<Scored>> groups = new TreeMap<>();
        articles.forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
        groups.forEach((name, group) -> {
            long sites = group.stream().map(s -> s.site().index()).distinct().count();
            long full = group.stream().filter(s -> s.overlap.f1() >= FULL_TEXT_F1).count();
            out.append(String.format(Locale.ROOT, "  %-15s %2d sites  %5d / %5d  (%.1f %%)  mean F1 %.3f%n", name, sites, full,
                    group.size(), 100.0 * full / group.size(), group.stream().mapToDouble(s -> s.overlap.f1()).average().orElse(0)));
        });
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(0);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Samples used heap and resident set size every 100 ms on a thread of its own and keeps the peaks. */
    static final class MemorySampler implements AutoCloseable {
        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicLong peakRss = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private MemorySampler() {
            thread = Thread.ofPlatform().daemon().name("bench-memory").start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static MemorySampler start() {
            return new MemorySampler();
        }

        private void sample() {
            peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            peakRss.accumulateAndGet(residentBytes(), Math::max);
        }

        long peakHeap() {
            sample();
            return peakHeap.get();
        }

        long peakRss() {
            sample();
            return peakRss.get();
        }

        private static long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux: resident size unknown
            }
            return 0;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }
}
