package org.claimdesk.ingest;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.extract.SectionPage;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.SourceStore;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest throughput, from fetched bytes to committed rows, for feeds and for pages separately:
 * a loopback server serves generated feeds (full text in content:encoded, so no article fetch)
 * and a section page linking to generated article pages. Run with
 * {@code mvn -pl app -am -Pbench verify -Dtest=IngestThroughputBench}; results go to stdout and
 * target/ingest-throughput.txt, and by hand into docs/benchmarks.md.
 */
@Tag("bench")
class IngestThroughputBench {
    static final int FEEDS = 40;
    static final int ENTRIES_PER_FEED = 100;
    static final int PAGES = 1_000;

    @TempDir
    Path tmp;

    /** Words of several scripts, drawn at random into sentences of real-looking length. */
    static final String[] WORDS = ("the minister said water supply was safe after tests claims spread online video "
            + "election count officials denied report fact check evidence photo from 2019 flood city council "
            + "Regierung sagte Wasser sicher Behauptung Video Wahl Stadt "
            + "الحكومة نفت شائعة تلوث المياه الانتخابات فيديو مدينة "
            + "政府 水道 安全 デマ 動画 選挙 市役所 否定").split(" ");

    static String paragraph(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(i % 14 == 13 ? ". " : " ");
        }
        return sb.toString().strip() + ".";
    }

    static byte[] feed(Random random, int feedNo) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Bench feed " + feedNo + "</title><link>http://bench.example.org/</link>");
        for (int e = 0; e < ENTRIES_PER_FEED; e++) {
            sb.append("<item><title>").append(paragraph(random, 9)).append("</title>")
                    .append("<link>http://bench.example.org/").append(feedNo).append('/').append(e).append("</link>")
                    .append("<guid>bench-").append(feedNo).append('-').append(e).append("</guid>")
                    .append("<pubDate>Fri, 20 Nov 2026 10:").append(String.format("%02d", e % 60)).append(":00 GMT</pubDate>")
                    .append("<content:encoded><![CDATA[");
            for (int p = 0; p < 5; p++) {
                sb.append("<p>").append(paragraph(random, 40 + random.nextInt(40))).append("</p>");
            }
            sb.append("]]></content:encoded></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] article(Random random, int n) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append("Article ").append(n).append(" | Bench</title></head><body><nav><a href=\"/\">Home</a></nav>")
                .append("<article><h1>").append(paragraph(random, 9)).append("</h1>");
        for (int p = 0; p < 6; p++) {
            sb.append("<p>").append(paragraph(random, 40 + random.nextInt(50))).append("</p>");
        }
        return sb.append("</article><aside><a href=\"/x\">Related</a></aside><footer>Bench</footer></body></html>")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void measureFeedsAndPages() throws Exception {
        Random random = new Random(42);
        try (LoopbackServer server = LoopbackServer.start()) {
            List<Source> feeds = new ArrayList<>();
            long feedBytes = 0;
            for (int f = 0; f < FEEDS; f++) {
                byte[] body = feed(random, f);
                feedBytes += body.length;
                server.serve("/feed/" + f + ".xml", "application/rss+xml", body);
                feeds.add(source("feed-" + f, server.uri("/feed/" + f + ".xml"), SourceKind.FEED, PageSelectors.NONE));
            }
            StringBuilder section = new StringBuilder("<html><body><ul class=\"list\">");
            long pageBytes = 0;
            for (int p = 0; p < PAGES; p++) {
                byte[] body = article(random, p);
                pageBytes += body.length;
                server.serve("/a/" + p + ".html", "text/html; charset=utf-8", body);
                section.append("<li><a href=\"/a/").append(p).append(".html\">a</a></li>");
            }
            server.serveText("/section.html", "text/html; charset=utf-8", section.append("</ul></body></html>").toString());
            Source pageSource = source("pages", server.uri("/section.html"), SourceKind.PAGE,
                    new PageSelectors("ul.list a", null, null, null, null));

            Result feedResult = run("feeds", feeds, feedBytes);
            // One section page: article fetches run one after another, as they would for one real site.
            Result pageResult = runPages(pageSource, pageBytes);

            String report = String.format("""
                    ingest throughput (%s, %d cores, Java %s)
                    feeds: %d feeds x %d entries, %.1f MB: %d items in %.2f s = %.0f items/s, %.1f MB/s
                    pages: %d article pages, %.1f MB: %d items in %.2f s = %.0f items/s, %.1f MB/s
                    """, Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                    FEEDS, ENTRIES_PER_FEED, feedResult.mb(), feedResult.items, feedResult.seconds, feedResult.itemsPerSecond(), feedResult.mbPerSecond(),
                    PAGES, pageResult.mb(), pageResult.items, pageResult.seconds, pageResult.itemsPerSecond(), pageResult.mbPerSecond());
            System.out.println(report);
            Files.writeString(Path.of("target", "ingest-throughput.txt"), report);
            assertThat(feedResult.items).isEqualTo(FEEDS * ENTRIES_PER_FEED);
            assertThat(pageResult.items).isEqualTo(PAGES);
        }
    }

    record Result(long items, double seconds, long bytes) {
        double mb() {
            return bytes / 1e6;
        }

        double itemsPerSecond() {
            return items / seconds;
        }

        double mbPerSecond() {
            return mb() / seconds;
        }
    }

    private Result run(String name, List<Source> sources, long bytes) throws IOException, InterruptedException {
        Path db = tmp.resolve(name);
        try (Database database = Database.open(db); HttpFetcher fetcher = new HttpFetcher(settings())) {
            ItemStore items = new ItemStore(database);
            SourceStore sourceStore = new SourceStore(database);
            sourceStore.sync(sources);
            IngestService ingest = new IngestService(fetcher, new FeedParser(), new ArticleExtractor(), new SectionPage(),
                    items, sourceStore, Clock.systemUTC());
            long t0 = System.nanoTime();
            PollReport report = ingest.poll(sources, PollProgress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(report.failedSources()).isZero();
            return new Result(items.count(), seconds, bytes);
        }
    }

    private Result runPages(Source pageSource, long bytes) throws IOException, InterruptedException {
        // The per-poll cap on article fetches is a politeness rule; the benchmark polls until all are in.
        Path db = tmp.resolve("pages");
        try (Database database = Database.open(db); HttpFetcher fetcher = new HttpFetcher(settings())) {
            ItemStore items = new ItemStore(database);
            SourceStore sourceStore = new SourceStore(database);
            sourceStore.sync(List.of(pageSource));
            IngestService ingest = new IngestService(fetcher, new FeedParser(), new ArticleExtractor(), new SectionPage(),
                    items, sourceStore, Clock.systemUTC());
            long t0 = System.nanoTime();
            while (items.count() < PAGES) {
                PollReport report = ingest.poll(List.of(pageSource), PollProgress.NONE);
                assertThat(report.failedSources()).isZero();
                if (report.newItems() == 0) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(items.count(), seconds, bytes);
        }
    }

    private static FetchSettings settings() {
        return new FetchSettings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30), 20L * 1024 * 1024, 5,
                "ClaimDesk-bench", 16);
    }

    private static Source source(String id, java.net.URI url, SourceKind kind, PageSelectors selectors) {
        return new Source(id, id, url, kind, "en", List.of(), Duration.ofMinutes(30), true, selectors, false);
    }
}
