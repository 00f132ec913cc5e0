package org.claimdesk.ingest;

import org.claimdesk.pipeline.ArticleStage;
import org.claimdesk.pipeline.StageListener;
import org.claimdesk.pipeline.StageRunner;
import org.claimdesk.store.ArticleStore;
import org.claimdesk.store.StageLedger;
import java.util.HashMap;
import java.util.Optional;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.extract.SectionPage;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.ArticleFetching;
import org.claimdesk.source.ArticleHosts;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.ProxyServer;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.Database;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StoredItem;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls real feeds and pages from a loopback HTTP server into a real H2 database. */
class IngestServiceTest {
    @TempDir
    Path tmp;
    LoopbackServer server;
    Database database;
    ItemStore items;
    SourceStore sources;
    HttpFetcher fetcher;
    IngestService ingest;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        server.serveResourceFolder("/", "web");
        server.serveResource("/feeds/ar-header.xml", "web/feeds/ar-rss-windows1256-header-charset.xml",
                "application/rss+xml; charset=windows-1256");
        database = Database.open(tmp.resolve("db"));
        items = new ItemStore(database);
        sources = new SourceStore(database);
        fetcher = new HttpFetcher(new FetchSettings(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(1500),
                5L * 1024 * 1024, 3, "ClaimDesk-test", 8));
        ingest = new IngestService(fetcher, new FeedParser(), new ArticleExtractor(), new SectionPage(), items, sources,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        database.close();
        server.close();
    }

    private Source feed(String id, String path, String language) {
        return feedAt(id, server.uri(path), language);
    }

    private static Source feedAt(String id, java.net.URI url, String language) {
        return new Source(id, id, url, SourceKind.FEED, language, List.of(), Duration.ofMinutes(30),
                true, PageSelectors.NONE, false);
    }

    /** Polls, then fetches the article pages the poll queued, as {@code ingest --once} does. */
    private PollReport poll(List<Source> list) throws InterruptedException {
        sources.sync(list);
        list.forEach(source -> configured.put(source.id(), source));
        PollReport report = ingest.poll(list, PollProgress.NONE);
        fetchQueuedArticles();
        return report;
    }

    /** Source ids as feeds.yml would give them to the article stage. */
    private final Map<String, Source> configured = new HashMap<>();

    private long fetchQueuedArticles() throws InterruptedException {
        ArticleStage stage = new ArticleStage(new ArticleStore(database), sources, () -> fetcher,
                new ArticleExtractor(), id -> Optional.ofNullable(configured.get(id)), Clock.systemUTC());
        try (StageRunner runner = new StageRunner(new StageLedger(database), List.of(stage), 1, Clock.systemUTC(),
                StageListener.NONE)) {
            return runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE);
        }
    }

    private StoredItem itemTitled(String title) {
        ItemSummary summary = items.newest(100).stream().filter(i -> title.equals(i.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no item titled " + title + " in " + items.newest(100)));
        return items.find(summary.id()).orElseThrow();
    }

    @Test
    void feedsInFourLanguagesAndEncodingsBecomeItemsWithTheirArticles() throws Exception {
        PollReport report = poll(List.of(
                feed("ar", "/feeds/ar-rss-windows1256.xml", null),
                feed("ja", "/feeds/ja-atom-shift_jis.xml", null),
                feed("de", "/feeds/de-rss-utf8.xml", null),
                feed("en", "/feeds/en-atom.xml", null)));

        assertThat(report.failedSources()).isZero();
        assertThat(report.newItems()).isEqualTo(8);
        assertThat(items.count()).isEqualTo(8);

        List<String> titles = items.newest(20).stream().map(ItemSummary::title).toList();
        // No mojibake: Arabic from windows-1256 and Japanese from Shift_JIS arrive as written.
        assertThat(titles).anyMatch(t -> t.matches(".*[\\u0600-\\u06FF]{3,}.*"));
        assertThat(titles).anyMatch(t -> t.matches(".*[\\u3040-\\u30FF\\u4E00-\\u9FFF]{3,}.*"));
        assertThat(String.join(" ", titles)).doesNotContain("\uFFFD", "Ã", "ï¿½");

        // The Japanese feed gives summaries only: each article page was fetched once and its body stored.
        assertThat(server.requestCount("/articles/ja-1.html")).isEqualTo(1);
        ItemSummary ja = items.newest(20).stream().filter(i -> "ja".equals(i.sourceId())).findFirst().orElseThrow();
        StoredItem japanese = items.find(ja.id()).orElseThrow();
        assertThat(japanese.language()).startsWith("ja");
        assertThat(japanese.text().length()).isGreaterThan(150);
        assertThat(japanese.url().toString()).startsWith(server.uri("/articles/").toString());

        StoredItem arabic = items.find(items.newest(20).stream().filter(i -> "ar".equals(i.sourceId()))
                .findFirst().orElseThrow().id()).orElseThrow();
        assertThat(arabic.language()).isEqualTo("ar");
        assertThat(arabic.text()).matches("(?s).*[\\u0600-\\u06FF]{3,}.*");

        Map<String, SourceHealth> health = healthById();
        assertThat(health.get("ja").itemCount()).isEqualTo(2);
        assertThat(health.get("ja").lastSuccess()).isNotNull();
        assertThat(health.get("ja").failing()).isFalse();
    }

    @Test
    void theCharsetCanComeFromTheHttpHeaderAlone() throws Exception {
        poll(List.of(feed("ar-header", "/feeds/ar-header.xml", "ar")));
        assertThat(items.newest(10)).hasSize(2)
                .allSatisfy(i -> assertThat(i.title()).matches(".*[\\u0600-\\u06FF]{3,}.*"));
    }

    @Test
    void everyKindOfFailureIsRecordedForItsSourceAndTheOthersGoOn() throws Exception {
        server.status("/gone.xml", 404);
        server.status("/broken-server.xml", 500);
        server.redirectLoop("/loop-a.xml", "/loop-b.xml");
        server.serveAfterDelay("/slow.xml", Duration.ofSeconds(5), "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        server.serveGenerated("/huge.xml", "application/rss+xml", 50L * 1024 * 1024, true);

        PollReport report = poll(List.of(
                feed("malformed", "/feeds/malformed.xml", null),
                feed("bomb", "/feeds/billion-laughs.xml", null),
                feed("xxe", "/feeds/xxe-file.xml", null),
                feed("gone", "/gone.xml", null),
                feed("broken-server", "/broken-server.xml", null),
                feed("loop", "/loop-a.xml", null),
                feed("slow", "/slow.xml", null),
                feed("huge", "/huge.xml", null),
                feedAt("refused", java.net.URI.create("http://127.0.0.1:" + LoopbackServer.unusedPort() + "/feed.xml"), null),
                feed("en", "/feeds/en-atom.xml", null)));

        Map<String, SourcePollResult> results = report.results().stream()
                .collect(Collectors.toMap(SourcePollResult::sourceId, Function.identity()));
        assertThat(results.get("en").failed()).isFalse();
        assertThat(results.get("en").newItems()).isEqualTo(2);
        assertThat(results.get("malformed").failure()).isEqualTo("MALFORMED_FEED");
        assertThat(results.get("malformed").message()).containsPattern("malformed XML at line \\d+, column \\d+");
        assertThat(results.get("bomb").failed()).isTrue();
        assertThat(results.get("gone").failure()).isEqualTo("HTTP_STATUS");
        assertThat(results.get("gone").message()).contains("404");
        assertThat(results.get("broken-server").message()).contains("500");
        assertThat(results.get("loop").failure()).isEqualTo("REDIRECT_LOOP");
        assertThat(results.get("slow").failure()).isEqualTo("TIMEOUT");
        assertThat(results.get("huge").failure()).isEqualTo("TOO_LARGE");
        assertThat(results.get("refused").failure()).isEqualTo("CONNECT");
        assertThat(report.failedSources()).isEqualTo(9);

        // Nothing of /etc/passwd ever reaches an item, whatever the parser decided.
        items.newest(100).forEach(i -> assertThat(items.find(i.id()).orElseThrow().text()).doesNotContain("root:"));

        Map<String, SourceHealth> health = healthById();
        assertThat(health.get("gone").failing()).isTrue();
        assertThat(health.get("gone").lastError()).contains("404");
        assertThat(health.get("en").failing()).isFalse();
        assertThat(sources.recentFailures(20)).extracting(a -> a.sourceId())
                .contains("malformed", "gone", "slow", "huge", "loop", "refused");
    }

    @Test
    void theSameArticleFromTwoFeedsIsStoredOnceAndRemembersBoth() throws Exception {
        server.serveResource("/mirror/en.xml", "web/feeds/en-atom.xml", "application/atom+xml");
        poll(List.of(feed("en", "/feeds/en-atom.xml", null), feed("mirror", "/mirror/en.xml", null)));

        assertThat(items.count()).isEqualTo(2);
        for (ItemSummary summary : items.newest(10)) {
            assertThat(items.find(summary.id()).orElseThrow().sourceIds()).containsExactlyInAnyOrder("en", "mirror");
        }
    }

    @Test
    void aSecondPollAsksConditionallyAndFetchesNothingAgain() throws Exception {
        byte[] atom = LoopbackServer.resourceBytes("web/feeds/en-atom.xml");
        server.serveConditional("/cond/en.xml", "application/atom+xml", atom, "\"v1\"", "Fri, 20 Nov 2026 10:00:00 GMT");
        Source source = feed("cond", "/cond/en.xml", null);

        PollReport first = poll(List.of(source));
        PollReport second = poll(List.of(source));

        assertThat(first.newItems()).isEqualTo(2);
        assertThat(second.newItems()).isZero();
        assertThat(second.failedSources()).isZero();
        List<LoopbackServer.RecordedRequest> requests = server.requests("/cond/en.xml");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requestCount("/articles/en-2.html")).isLessThanOrEqualTo(1);
    }

    @Test
    void aPageSourceFollowsItsArticleLinks() throws Exception {
        server.serveText("/section/latest.html", "text/html; charset=utf-8", """
                <!doctype html><html lang="en"><head><title>Latest checks</title></head><body>
                <nav><a href="/about.html">About</a><a href="/section/2.html">Next</a></nav>
                <ul class="latest">
                  <li><a href="/articles/en-1.html?utm_source=home">Ballot video</a></li>
                  <li><a href="/articles/en-2.html">Bridge closure</a></li>
                </ul></body></html>
                """);
        Source page = new Source("checks", "Checks", server.uri("/section/latest.html"), SourceKind.PAGE, "en",
                List.of(), Duration.ofMinutes(30), true, new PageSelectors("ul.latest a", null, null, null, null), false);

        PollReport report = poll(List.of(page));

        assertThat(report.failedSources()).isZero();
        assertThat(report.newItems()).isEqualTo(2);
        assertThat(server.requestCount("/about.html")).isZero();
        assertThat(items.newest(10)).extracting(ItemSummary::sourceId).containsOnly("checks");
        assertThat(items.newest(10)).allSatisfy(i -> assertThat(i.title()).isNotBlank());
    }

    @Test
    void cancellingStopsAPollPromptlyAndKeepsWhatWasStored() throws Exception {
        // The slow feed answers only when the test lets it (never, here): the poll cannot end by
        // itself, and the interrupt comes once it is surely in flight, not after a guessed delay.
        CountDownLatch slowAsked = new CountDownLatch(1);
        CountDownLatch answerSlow = new CountDownLatch(1);
        byte[] slowFeed = LoopbackServer.resourceBytes("web/feeds/en-atom.xml");
        server.handle("/slow.xml", exchange -> {
            slowAsked.countDown();
            try {
                answerSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return; // the server is closing
            }
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, slowFeed.length);
            exchange.getResponseBody().write(slowFeed);
        });
        // a read timeout that cannot end the slow fetch before the test interrupts the poll
        HttpFetcher patient = new HttpFetcher(new FetchSettings(Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofMinutes(2), 5L * 1024 * 1024, 3, "ClaimDesk-test", 8));
        IngestService ingest = new IngestService(patient, new FeedParser(), new ArticleExtractor(), new SectionPage(),
                items, sources, Clock.systemUTC());
        List<Source> list = List.of(feed("de", "/feeds/de-rss-utf8.xml", null), feed("slow", "/slow.xml", null));
        sources.sync(list);
        CountDownLatch fastDone = new CountDownLatch(1);
        PollProgress progress = new PollProgress() {
            @Override
            public void sourceFinished(SourcePollResult result, int done, int total) {
                if (result.sourceId().equals("de")) {
                    fastDone.countDown();
                }
            }
        };
        AtomicReference<PollReport> report = new AtomicReference<>();
        Thread poller = Thread.ofPlatform().start(() -> {
            try {
                report.set(ingest.poll(list, progress));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(slowAsked.await(30, TimeUnit.SECONDS)).as("slow feed requested").isTrue();
            assertThat(fastDone.await(30, TimeUnit.SECONDS)).as("fast feed polled").isTrue();
            poller.interrupt();
            poller.join(Duration.ofSeconds(5));

            assertThat(poller.isAlive()).isFalse();
            assertThat(report.get()).isNotNull();
            assertThat(report.get().cancelled()).isTrue();
        } finally {
            answerSlow.countDown();
            patient.close();
        }
    }

    private Map<String, SourceHealth> healthById() {
        return sources.health().stream().collect(Collectors.toMap(SourceHealth::sourceId, Function.identity()));
    }

    // ---- what may be fetched, what is stored (issue 10) --------------------------------------

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test</title>"
                + "<link>http://127.0.0.1/</link>" + String.join("", items) + "</channel></rss>";
    }

    private static String item(String title, String link, String description) {
        return "<item>" + (title == null ? "" : "<title>" + title + "</title>")
                + (link == null ? "" : "<link>" + link.replace("&", "&amp;").replace("<", "&lt;") + "</link>")
                + (description == null ? "" : "<description>" + description + "</description>") + "</item>";
    }

    private Source feedWith(String id, String path, ArticleFetching articles, ArticleHosts hosts) {
        return new Source(id, id, server.uri(path), SourceKind.FEED, "en", List.of(), Duration.ofMinutes(30), true,
                PageSelectors.NONE, articles, hosts);
    }

    private java.util.Optional<FetchAttempt> failedAttemptFor(java.net.URI url) {
        return sources.recentFailures(50).stream().filter(a -> url.equals(a.url())).findFirst();
    }

    @Test
    void anArticleLinkToAnotherAddressOnThisComputerIsRefusedAndTheReasonRecorded() throws Exception {
        try (LoopbackServer other = LoopbackServer.start("127.0.0.2")) {
            other.serveText("/internal-admin", "text/html; charset=utf-8",
                    "<html><body><article><h1>Admin</h1><p>" + "secret-admin-token ".repeat(60) + "</p></article></body></html>");
            server.serveText("/ssrf/feed.xml", "application/rss+xml", rss(
                    item("Inside", other.uri("/internal-admin").toString(), "A short summary of the inside story."),
                    item("Own", server.uri("/articles/en-1.html").toString(), "A short summary of our own story.")));

            PollReport report = poll(List.of(feedWith("ssrf", "/ssrf/feed.xml", ArticleFetching.AUTO, ArticleHosts.ANY)));

            assertThat(report.failedSources()).isZero();
            assertThat(other.requests()).as("requests to 127.0.0.2").isEmpty();
            assertThat(server.requestCount("/articles/en-1.html")).isEqualTo(1);
            FetchAttempt refused = failedAttemptFor(other.uri("/internal-admin")).orElseThrow();
            assertThat(refused.failure()).isEqualTo("REFUSED");
            assertThat(refused.message()).contains("127.0.0.2 is a loopback address",
                    "only the source's own host (127.0.0.1)");
            StoredItem inside = itemTitled("Inside");
            assertThat(inside.text()).isEqualTo("A short summary of the inside story.").doesNotContain("secret-admin-token");
        }
    }

    @Test
    void aRedirectFromTheSourcesOwnHostToAnotherAddressIsRefused() throws Exception {
        try (LoopbackServer other = LoopbackServer.start("127.0.0.2")) {
            other.serveText("/internal-admin", "text/html", "<p>secret-admin-token</p>");
            server.redirect("/go/story", other.uri("/internal-admin").toString(), 302);
            server.serveText("/redirect/feed.xml", "application/rss+xml",
                    rss(item("Moved", server.uri("/go/story").toString(), "Short.")));

            poll(List.of(feedWith("redirect", "/redirect/feed.xml", ArticleFetching.AUTO, ArticleHosts.ANY)));

            assertThat(server.requestCount("/go/story")).isEqualTo(1);
            assertThat(other.requests()).isEmpty();
            FetchAttempt refused = failedAttemptFor(server.uri("/go/story")).orElseThrow();
            assertThat(refused.failure()).isEqualTo("REFUSED");
            assertThat(refused.message()).contains("(redirect from " + server.uri("/go/story") + ")", "127.0.0.2");
        }
    }

    @Test
    void byDefaultArticlePagesComeOnlyFromTheFeedsOwnSite() throws Exception {
        try (LoopbackServer other = LoopbackServer.start("127.0.0.2")) {
            other.serveResource("/articles/en-2.html", "web/articles/en-2.html", "text/html");
            server.serveText("/site/feed.xml", "application/rss+xml", rss(
                    item("Elsewhere", other.uri("/articles/en-2.html").toString(), "Short."),
                    item("Here", server.uri("/articles/en-1.html").toString(), "Short.")));

            poll(List.of(feedWith("site", "/site/feed.xml", ArticleFetching.AUTO, ArticleHosts.SAME_SITE)));

            assertThat(other.requests()).isEmpty();
            assertThat(server.requestCount("/articles/en-1.html")).isEqualTo(1);
            assertThat(failedAttemptFor(other.uri("/articles/en-2.html")).orElseThrow().message())
                    .contains("127.0.0.2 is not the source's own site (127.0.0.1)", "article_hosts");
        }
    }

    @Test
    void fetchArticlesNeverKeepsWhatTheFeedSays() throws Exception {
        server.serveText("/never/feed.xml", "application/rss+xml",
                rss(item("Short", server.uri("/articles/en-1.html").toString(), "Short.")));

        poll(List.of(feedWith("never", "/never/feed.xml", ArticleFetching.NEVER, ArticleHosts.SAME_SITE)));

        assertThat(server.requestCount("/articles/en-1.html")).isZero();
        assertThat(itemTitled("Short").text()).isEqualTo("Short.");
    }

    @Test
    void fetchArticlesAlwaysFetchesEvenEntriesWithTheirWholeText() throws Exception {
        String longText = "A full story told in the feed itself. ".repeat(30);
        server.serveText("/always2/feed.xml", "application/rss+xml", rss(
                item("Long", server.uri("/articles/en-2.html").toString(), longText)));
        // another text: the same text from two feeds would be one item, whose first source decides
        server.serveText("/auto2/feed.xml", "application/rss+xml", rss(
                item("Long too", server.uri("/articles/en-1.html").toString(), "Another story. " + longText)));

        poll(List.of(feedWith("auto2", "/auto2/feed.xml", ArticleFetching.AUTO, ArticleHosts.SAME_SITE),
                feedWith("always2", "/always2/feed.xml", ArticleFetching.ALWAYS, ArticleHosts.SAME_SITE)));

        assertThat(server.requestCount("/articles/en-1.html")).as("auto, whole text in the feed").isZero();
        assertThat(server.requestCount("/articles/en-2.html")).as("always").isEqualTo(1);
    }

    @Test
    void onlyHttpLinksWithoutCredentialsAreStored() throws Exception {
        String longText = "Text long enough that the page is not fetched. ".repeat(20);
        server.serveText("/links/feed.xml", "application/rss+xml", rss(
                item("Script link", "javascript:alert(document.cookie)", "A script instead of a link."),
                item(null, "file:///etc/passwd", null),
                item("Data link", "data:text/html,<script>alert(1)</script>", "A data link."),
                item("Credentials", "http://user:password@127.0.0.1:" + server.port() + "/articles/en-2.html", longText)));

        PollReport report = poll(List.of(feedWith("links", "/links/feed.xml", ArticleFetching.AUTO, ArticleHosts.SAME_SITE)));

        assertThat(report.failedSources()).isZero();
        assertThat(items.count()).as("the entry with only a file: link is skipped").isEqualTo(3);
        assertThat(itemTitled("Script link").url()).isNull();
        assertThat(itemTitled("Data link").url()).isNull();
        assertThat(itemTitled("Credentials").url()).isEqualTo(server.uri("/articles/en-2.html"));
        for (ItemSummary summary : items.newest(10)) {
            StoredItem item = items.find(summary.id()).orElseThrow();
            String stored = item.url() + " " + item.canonicalUrl();
            assertThat(stored).doesNotContain("javascript", "file:", "data:", "password");
        }
    }

    @Test
    void aProxyThatIsDownFailsThePollWithAClearErrorAndNothingGoesDirect() throws Exception {
        int down = LoopbackServer.unusedPort();
        HttpFetcher viaProxy = new HttpFetcher(new FetchSettings(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(1500),
                5L * 1024 * 1024, 3, "ClaimDesk-test", 8, new ProxyServer(ProxyServer.Type.SOCKS5, "127.0.0.1", down)));
        try {
            IngestService throughProxy = new IngestService(viaProxy, new FeedParser(), new ArticleExtractor(),
                    new SectionPage(), items, sources, Clock.systemUTC());
            Source en = feed("en", "/feeds/en-atom.xml", null);
            sources.sync(List.of(en));

            PollReport report = throughProxy.poll(List.of(en), PollProgress.NONE);

            SourcePollResult result = report.results().getFirst();
            assertThat(result.failure()).isEqualTo("PROXY");
            assertThat(result.message()).isEqualTo("proxy 127.0.0.1:" + down
                    + " refused the connection; is it running? (nothing was fetched directly)");
            assertThat(server.requests()).isEmpty();
            assertThat(healthById().get("en").lastError()).contains("refused the connection");
        } finally {
            viaProxy.close();
        }
    }
}
