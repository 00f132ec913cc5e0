package org.claimdesk.pipeline;

import org.claimdesk.extract.Article;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.extract.ExtractException;
import org.claimdesk.fetch.FetchException;
import org.claimdesk.fetch.FetchFailure;
import org.claimdesk.fetch.FetchRequest;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.FetchScope;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.Source;
import org.claimdesk.store.ArticleStore;
import org.claimdesk.store.ArticleStore.ArticleText;
import org.claimdesk.store.ArticleStore.PendingArticle;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.ItemWrite;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StageLedger.RetryPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The article queue (decision 0011): fetches the page of every stored item whose feed gave only a
 * summary ({@code fetch_articles: auto}) or whose source wants every page ({@code always}), and
 * completes the item from it. The ledger is the queue, so it survives restarts and kills and
 * nothing is fetched twice; ingest marks items that want no page done when it stores them.
 *
 * <p>Politeness is the fetcher's: it spaces requests to one host by the source's delay. This
 * stage waits on the network, so it has threads of its own ({@link #ownThreads()}), several hosts
 * at once, not the runner's CPU threads. A failure that may pass (timeout, connection, 5xx) is
 * tried again by the ledger with backoff; the last one, and every failure that will not pass (404,
 * refused by the address rule), is recorded in the source's health and the item keeps its
 * summary with the reason, and goes on to analysis.
 */
public final class ArticleStage implements Stage<PendingArticle> {
    /** Stored in the database: never rename. */
    public static final String NAME = ArticleStore.STAGE;
    /** Hosts (items) waited on at once: bounded, so that a first poll of 50 sites stays gentle. */
    public static final int DEFAULT_THREADS = 16;
    /**
     * Longer than analysis's limit: an item may wait its turn behind others of the same host
     * (the politeness delay) before its own request, which has the fetcher's timeouts.
     */
    static final Duration TIME_LIMIT = Duration.ofMinutes(5);
    /** 3 attempts, the retries 2 and 8 minutes after: a site that is down for a while is tried again. */
    static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofMinutes(2));
    /** Failures that will be the same next time: not retried. */
    private static final Set<FetchFailure> FINAL = Set.of(FetchFailure.BAD_URL, FetchFailure.REFUSED,
            FetchFailure.TOO_LARGE, FetchFailure.REDIRECT_LOOP, FetchFailure.TOO_MANY_REDIRECTS);
    /** Below this many characters an extracted page is not an article. */
    static final int MIN_ARTICLE_CHARS = 200;
    /** A page text below this that asks to subscribe or accept cookies is the wall, not the article. */
    static final int SHORT_PAGE_CHARS = 1_000;
    private static final String[] PAYWALL_WORDS = {"subscribe", "subscription", "subscriber", "sign in to continue",
            "log in to continue", "paywall", "premium content", "abonn", "suscr"};
    private static final String[] ERROR_WORDS = {"not found", "404", "page unavailable", "error", "does not exist",
            "no longer available"};
    private static final String[] CONSENT_WORDS = {"cookie", "consent", "accept all", "privacy settings", "datenschutz"};

    private final ArticleStore articles;
    private final SourceStore sources;
    private final Supplier<HttpFetcher> fetcher;
    private final ArticleExtractor extractor;
    private final Function<String, Optional<Source>> configured;
    private final Clock clock;
    private final int threads;
    private final RetryPolicy retries;

    /**
     * @param fetcher    the workspace's current fetcher (it changes when feeds.yml's settings do)
     * @param configured a source of feeds.yml by id, as configured now
     */
    public ArticleStage(ArticleStore articles, SourceStore sources, Supplier<HttpFetcher> fetcher,
                        ArticleExtractor extractor, Function<String, Optional<Source>> configured, Clock clock) {
        this(articles, sources, fetcher, extractor, configured, clock, DEFAULT_THREADS, RETRIES);
    }

    ArticleStage(ArticleStore articles, SourceStore sources, Supplier<HttpFetcher> fetcher, ArticleExtractor extractor,
                 Function<String, Optional<Source>> configured, Clock clock, int threads, RetryPolicy retries) {
        this.articles = Objects.requireNonNull(articles, "articles");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.configured = Objects.requireNonNull(configured, "configured");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = threads;
        this.retries = Objects.requireNonNull(retries, "retries");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<Long, PendingArticle> load(List<Long> itemIds) {
        return articles.toFetch(itemIds);
    }

    @Override
    public ItemWrite process(PendingArticle item) throws Exception {
        Optional<Source> source = configured.apply(item.sourceId());
        if (item.url() == null || source.isEmpty() || !source.get().wantsArticlePage(item.textChars())) {
            // imported, removed from feeds.yml, or a full-text entry: nothing to fetch
            return ItemWrite.UNCHANGED;
        }
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        boolean lastAttempt = item.attempts() + 1 >= retries.maxAttempts();
        FetchResult.Body body;
        try {
            FetchResult result = fetcher.get().fetch(FetchRequest.of(item.url(), FetchScope.articlesOf(source.get())));
            if (!(result instanceof FetchResult.Body b)) {
                return articles.keptSummary(item.itemId(), "the site answered \"not modified\" with no page");
            }
            body = b;
        } catch (FetchException e) {
            if (!lastAttempt && !FINAL.contains(e.failure())
                    && !(e.failure() == FetchFailure.HTTP_STATUS && e.status() >= 400 && e.status() < 500 && e.status() != 429)) {
                throw e; // the ledger tries again after its delay
            }
            record(source.get(), item, started, t0, e.status(), e.failure().name(), e.getMessage());
            return articles.keptSummary(item.itemId(), "article page not fetched: " + e.getMessage());
        }
        Article article;
        try {
            article = extractor.extract(body.body(), body.contentType(), body.finalUri(), source.get().selectors());
        } catch (ExtractException e) {
            return articles.keptSummary(item.itemId(), "no article on the page: " + e.getMessage());
        }
        String problem = problemOf(article.text(), item.textChars());
        if (problem != null) {
            return articles.keptSummary(item.itemId(), problem);
        }
        String text = article.text();
        return articles.completed(item.itemId(), new ArticleText(article.title(), article.byline(), article.published(),
                article.language(), text, ContentHash.of(text)));
    }

    /**
     * Why the extracted text is not the article, or null when it is: pages that stand in for the
     * article (paywalls, consent walls, error pages served with status 200) are short and say so.
     */
    static String problemOf(String text, int summaryChars) {
        String stripped = text == null ? "" : text.strip();
        int chars = stripped.codePointCount(0, stripped.length());
        if (chars == 0) {
            return "no article on the page";
        }
        String lower = stripped.toLowerCase(Locale.ROOT);
        if (chars < SHORT_PAGE_CHARS && containsAny(lower, PAYWALL_WORDS) && isTeaserBeside(lower, PAYWALL_WORDS, summaryChars)) {
            return "paywall: the page asks to subscribe or sign in";
        }
        if (chars < SHORT_PAGE_CHARS && containsAny(lower, CONSENT_WORDS) && isTeaserBeside(lower, CONSENT_WORDS, summaryChars)) {
            return "consent wall: the page asks to accept cookies first";
        }
        if (chars < MIN_ARTICLE_CHARS && containsAny(lower, ERROR_WORDS)) {
            return "error page served as a normal page (status 200)";
        }
        if (chars * 2 < summaryChars || (chars < MIN_ARTICLE_CHARS && chars <= summaryChars)) {
            // a short page that adds nothing to the feed's summary (a real short article gives more)
            return "no article on the page (only " + chars + " characters of text)";
        }
        return null;
    }

    /**
     * Whether the paragraphs that do not ask for anything are at most a teaser: a wall shows the
     * opening (about the feed's summary) and its request. A short article that mentions a
     * subscription, or keeps a cookie notice beside its text, says more than that.
     */
    private static boolean isTeaserBeside(String text, String[] wallWords, int summaryChars) {
        int rest = 0;
        for (String paragraph : text.split("\n\n")) {
            if (!containsAny(paragraph, wallWords)) {
                rest += paragraph.codePointCount(0, paragraph.length());
            }
        }
        return rest <= Math.max(MIN_ARTICLE_CHARS, summaryChars + summaryChars / 2);
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A failed article fetch in the source's health (fetch_attempt), the item's address with it. */
    private void record(Source source, PendingArticle item, Instant started, long t0, int status, String failure,
                        String message) {
        sources.record(new FetchAttempt(0, source.id(), item.url(), started,
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), status, 0, 0, failure, "article: " + message));
    }

    @Override
    public int ownThreads() {
        return threads;
    }

    @Override
    public boolean usesNetwork() {
        return true;
    }

    @Override
    public Duration timeLimit() {
        return TIME_LIMIT;
    }

    @Override
    public RetryPolicy retries() {
        return retries;
    }
}
