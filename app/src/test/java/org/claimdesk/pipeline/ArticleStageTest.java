package org.claimdesk.pipeline;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.ArticleFetching;
import org.claimdesk.source.ArticleHosts;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.ArticleStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.IndexChangeLog;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.RetryPolicy;
import org.claimdesk.store.StageLedger.TaskState;
import org.claimdesk.store.StoredItem;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The article stage on the real runner, a real H2 and pages served on loopback. */
class ArticleStageTest {
    private static final String BODY = "The council approved the new bridge budget after a long debate. ".repeat(20);

    @TempDir
    Path tmp;
    LoopbackServer server;
    Database database;
    ItemStore items;
    SourceStore sources;
    StageLedger ledger;
    HttpFetcher fetcher;
    MutableClock clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));
    Source source;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        database = Database.open(tmp.resolve("db"));
        items = new ItemStore(database);
        sources = new SourceStore(database);
        ledger = new StageLedger(database);
        fetcher = new HttpFetcher(new FetchSettings(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(1500),
                5L * 1024 * 1024, 3, "ClaimDesk-test", 8));
        source = new Source("news", "News", server.uri("/feed.xml"), SourceKind.FEED, "en", List.of(),
                Duration.ofMinutes(30), true, PageSelectors.NONE, ArticleFetching.AUTO, ArticleHosts.SAME_SITE);
        sources.sync(List.of(source));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        database.close();
        server.close();
    }

    private static String page(String title, String text) {
        return "<html lang=\"en\"><head><title>" + title + "</title><meta name=\"author\" content=\"Ada Reporter\">"
                + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + title
                + "</h1><p>" + text + "</p></article><footer>Related: more stories</footer></body></html>";
    }

    private long store(String path, String summary) {
        URI link = server.uri(path);
        items.save(new NewItem(source.id(), link, link, path, "Bridge " + path, null, summary, "en", null,
                clock.instant(), ContentHash.of(summary)), java.util.Set.of());
        return items.newest(100).stream().filter(i -> ("Bridge " + path).equals(i.title())).findFirst().orElseThrow().id();
    }

    /** The workspace's two stages, as the session declares them: analysis after the article. */
    private StageRunner runner(RetryPolicy retries) {
        ArticleStage articles = new ArticleStage(new ArticleStore(database), sources, () -> fetcher,
                new ArticleExtractor(), id -> id.equals(source.id()) ? Optional.of(source) : Optional.empty(), clock,
                4, retries);
        AnalysisStage analysis = new AnalysisStage((text, hint, path) -> {
            throw new AssertionError("not analysed in these tests");
        }, new org.claimdesk.store.AnalysisStore(database), org.claimdesk.nlp.AnalysisPath.FAST, clock)
                .runningAfter(ArticleStage.NAME);
        return new StageRunner(ledger, List.of(articles, analysis), 1, clock, StageListener.NONE);
    }

    @Test
    void aSummaryItemGetsItsArticleIsReindexedAndThenQueuedForAnalysis() throws Exception {
        server.serveText("/a1.html", "text/html; charset=utf-8", page("Bridge budget approved", BODY));
        long id = store("/a1.html", "Council votes on bridge.");
        assertThat(ledger.task(AnalysisStage.NAME, id)).as("not analysed on its summary").isEmpty();
        long changesBefore = new IndexChangeLog(database).count();

        try (StageRunner runner = runner(RetryPolicy.DEFAULT)) {
            assertThat(runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE)).isEqualTo(1);
        }

        StoredItem item = items.find(id).orElseThrow();
        assertThat(item.text()).contains("approved the new bridge budget");
        assertThat(item.byline()).isEqualTo("Ada Reporter");
        assertThat(new ArticleStore(database).articleProblem(id)).isEmpty();
        assertThat(new IndexChangeLog(database).count()).isGreaterThan(changesBefore);
        assertThat(ledger.task(ArticleStage.NAME, id).orElseThrow().state()).isEqualTo(TaskState.DONE);
        assertThat(ledger.task(AnalysisStage.NAME, id).orElseThrow().state()).isEqualTo(TaskState.WAITING);

        // a restart finds nothing to fetch: the queue is in the database
        try (StageRunner runner = runner(RetryPolicy.DEFAULT)) {
            assertThat(runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE)).isZero();
        }
        assertThat(server.requestCount("/a1.html")).isEqualTo(1);
    }

    @Test
    void anItemThatWantsNoArticlePassesAtOnceAndKeepsItsAnalysis() throws Exception {
        String whole = BODY + BODY;
        items.save(new NewItem(source.id(), server.uri("/long.html"), server.uri("/long.html"), "l", "Long", null, whole,
                "en", null, clock.instant(), ContentHash.of(whole)), java.util.Set.of(ArticleStage.NAME));
        long id = items.newest(1).getFirst().id();
        try (StageRunner runner = runner(RetryPolicy.DEFAULT)) {
            assertThat(runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE)).isZero();
        }
        assertThat(ledger.task(ArticleStage.NAME, id).orElseThrow().state()).isEqualTo(TaskState.DONE);
        assertThat(ledger.task(AnalysisStage.NAME, id).orElseThrow().state()).isEqualTo(TaskState.WAITING);
        assertThat(server.requestCount("/long.html")).isZero();
    }

    @Test
    void aPaywallKeepsTheSummaryAndSaysWhy() throws Exception {
        server.serveText("/paid.html", "text/html", page("Bridge", "Subscribe to continue reading this story."));
        long id = store("/paid.html", "Council votes on bridge.");
        try (StageRunner runner = runner(RetryPolicy.DEFAULT)) {
            runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE);
        }
        assertThat(items.find(id).orElseThrow().text()).isEqualTo("Council votes on bridge.");
        assertThat(new ArticleStore(database).articleProblem(id)).hasValueSatisfying(p -> assertThat(p).contains("paywall"));
        assertThat(ledger.task(AnalysisStage.NAME, id).orElseThrow().state()).as("analysed on its summary")
                .isEqualTo(TaskState.WAITING);
    }

    @Test
    void aShortArticleThatMentionsASubscriptionOrKeepsACookieNoticeIsNoWall() {
        String summary = "The council approved the bridge budget on Tuesday after a long debate.";
        String article = summary + "\n\nWork on the new span starts in March and should end within two years, the city said."
                + "\n\nResidents asked for a footpath on both sides, and the engineers agreed to look at it again."
                + "\n\nThe ferry, which costs commuters a monthly subscription of 40 euros, will run until the bridge opens.";
        assertThat(ArticleStage.problemOf(article, summary.length())).isNull();
        String withNotice = article.replace(", which costs commuters a monthly subscription of 40 euros,", "")
                + "\n\nWe use cookies to improve your experience. Accept all or manage your privacy settings.";
        assertThat(ArticleStage.problemOf(withNotice, summary.length())).isNull();

        // A wall shows the opening and its request, and nothing more.
        assertThat(ArticleStage.problemOf(summary + "\n\nSubscribe to continue reading: 1 euro for the first month.",
                summary.length())).startsWith("paywall");
        assertThat(ArticleStage.problemOf(summary + " Already a subscriber? Sign in to continue.", summary.length()))
                .startsWith("paywall");
        assertThat(ArticleStage.problemOf("We use cookies and similar technologies. Accept all to continue to the site.",
                summary.length())).startsWith("consent wall");
    }

    @Test
    void aFailureIsRetriedWithBackoffThenRecordedInTheSourcesHealth() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/flaky.html", exchange -> {
            byte[] bytes = (calls.incrementAndGet() == 1 ? "down" : page("Bridge", BODY))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(calls.get() == 1 ? 503 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.status("/gone.html", 503);
        long flaky = store("/flaky.html", "Council votes.");
        long gone = store("/gone.html", "Council votes again.");
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMinutes(1));

        try (StageRunner runner = runner(twice)) {
            runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE);
            assertThat(ledger.task(ArticleStage.NAME, flaky).orElseThrow().attempts()).isEqualTo(1);
            assertThat(runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE)).as("not due before its backoff").isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE)).isEqualTo(2);
        }

        assertThat(items.find(flaky).orElseThrow().text()).contains("bridge budget");
        assertThat(new ArticleStore(database).articleProblem(gone)).hasValueSatisfying(p -> assertThat(p).contains("503"));
        assertThat(ledger.task(AnalysisStage.NAME, gone).orElseThrow().state()).isEqualTo(TaskState.WAITING);
        assertThat(sources.recentFailures(10)).anySatisfy(attempt -> {
            assertThat(attempt.sourceId()).isEqualTo("news");
            assertThat(attempt.url()).isEqualTo(server.uri("/gone.html"));
        });
    }

    @Test
    void twoArticlesBehindTheSameTeaserAreTwoItemsEachWithItsOwnText() throws Exception {
        // feeds often give every entry the same long teaser; the pages are different articles
        String teaser = "Read the full story on our website, where you will find all the details, pictures and the "
                + "reactions of readers from across the region to the latest developments in this story, as they happen, every hour of the day.";
        server.serveText("/t1.html", "text/html; charset=utf-8", page("Bridge budget approved", BODY));
        server.serveText("/t2.html", "text/html; charset=utf-8",
                page("School reopens", "The primary school reopened on Monday after the flood repairs. ".repeat(20)));
        long first = store("/t1.html", teaser);
        long second = store("/t2.html", teaser);
        assertThat(second).as("not taken for a copy of the first").isNotEqualTo(first);

        try (StageRunner runner = runner(RetryPolicy.DEFAULT)) {
            assertThat(runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE)).isEqualTo(2);
        }

        assertThat(items.find(first).orElseThrow().text()).contains("bridge budget");
        assertThat(items.find(second).orElseThrow().text()).contains("school reopened");
    }

    @Test
    void aSummaryWhoseArticleIsAStoredItemsTextBecomesOneItemWithBothSources() throws Exception {
        Source wire = new Source("wire", "Wire", server.uri("/wire.xml"), SourceKind.FEED, "en", List.of(),
                Duration.ofMinutes(30), true, PageSelectors.NONE, ArticleFetching.NEVER, ArticleHosts.SAME_SITE);
        sources.sync(List.of(source, wire));
        String html = page("Bridge budget approved", BODY);
        server.serveText("/dup.html", "text/html; charset=utf-8", html);
        String extracted = new ArticleExtractor().extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/html; charset=utf-8", server.uri("/dup.html"), PageSelectors.NONE).text();
        // the wire delivered the whole text under its own address
        items.save(new NewItem(wire.id(), server.uri("/wire/1"), server.uri("/wire/1"), "w1", "Wire copy", null,
                extracted, "en", null, clock.instant(), ContentHash.of(extracted)), java.util.Set.of(ArticleStage.NAME));
        long wireId = items.newest(1).getFirst().id();
        long summary = store("/dup.html", "Council votes on bridge.");

        try (StageRunner runner = runner(RetryPolicy.DEFAULT)) {
            runner.runUntilIdle(ArticleStage.NAME, Long.MAX_VALUE);
        }

        assertThat(items.count()).isEqualTo(1);
        assertThat(items.find(wireId)).isEmpty();
        StoredItem merged = items.find(summary).orElseThrow();
        assertThat(merged.text()).isEqualTo(extracted);
        assertThat(merged.sourceIds()).containsExactly("news", "wire");
        assertThat(items.containsUrl(server.uri("/wire/1"))).as("the wire's address still finds it").isTrue();
        assertThat(ledger.task(AnalysisStage.NAME, summary).orElseThrow().state()).isEqualTo(TaskState.WAITING);
    }
}
