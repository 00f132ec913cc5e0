package org.claimdesk.ingest;

import org.claimdesk.extract.Article;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.extract.ExtractException;
import org.claimdesk.extract.FeedEntry;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.extract.ParsedFeed;
import org.claimdesk.extract.SectionPage;
import org.claimdesk.extract.UrlCanonicalizer;
import org.claimdesk.fetch.FetchException;
import org.claimdesk.fetch.FetchRequest;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.FetchScope;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.Source;
import org.claimdesk.store.ArticleStore;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SaveOutcome;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls sources: fetch, parse or extract, store. Sources are polled in parallel on virtual
 * threads; a failing or slow source is recorded and never holds up the others (the fetcher
 * spaces requests per host, so sources on different hosts do not wait for each other).
 */
public final class IngestService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /**
     * Article pages of a section page (a PAGE source) fetched per source and poll, so a first poll
     * of a big site stays polite. Feed entries' pages go to the article stage instead, uncapped.
     */
    static final int MAX_ARTICLE_FETCHES_PER_POLL = 40;
    /** The article stage's name in the ledger (pipeline.ArticleStage): entries that want no page skip it. */
    public static final String ARTICLE_STAGE = ArticleStore.STAGE;
    /** A page source's items are their article pages already. */
    private static final Set<String> ALREADY_AN_ARTICLE = Set.of(ARTICLE_STAGE);

    private final HttpFetcher fetcher;
    private final FeedParser feedParser;
    private final ArticleExtractor articleExtractor;
    private final SectionPage sectionPage;
    private final ItemStore items;
    private final SourceStore sources;
    private final Clock clock;

    public IngestService(HttpFetcher fetcher, FeedParser feedParser, ArticleExtractor articleExtractor,
                         SectionPage sectionPage, ItemStore items, SourceStore sources, Clock clock) {
        this.fetcher = fetcher;
        this.feedParser = feedParser;
        this.articleExtractor = articleExtractor;
        this.sectionPage = sectionPage;
        this.items = items;
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * Polls the given sources once and blocks until all are done. Cancel by interrupting the
     * calling thread: sources in flight stop, what was already stored stays, and the report says
     * it was cancelled (the thread's interrupt flag stays set).
     */
    public PollReport poll(List<Source> toPoll, PollProgress progress) throws InterruptedException {
        int total = toPoll.size();
        AtomicInteger done = new AtomicInteger();
        List<SourcePollResult> results = new ArrayList<>();
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("poll-", 0).factory());
        try {
            List<Future<SourcePollResult>> futures = new ArrayList<>();
            for (Source source : toPoll) {
                futures.add(workers.submit(() -> {
                    progress.sourceStarted(source.id(), total);
                    SourcePollResult result = pollSource(source);
                    progress.sourceFinished(result, done.incrementAndGet(), total);
                    return result;
                }));
            }
            for (Future<SourcePollResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    // pollSource records its own failures; reaching here is a bug, not bad input.
                    LOG.error("poll worker failed", e.getCause());
                }
            }
            return new PollReport(results, false);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            return new PollReport(results, true);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Polls one source and records the attempt; never throws for bad input or network trouble. */
    SourcePollResult pollSource(Source source) throws InterruptedException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        int status = 0;
        long bytes = 0;
        try {
            SourceStore.Validators known = sources.validators(source.url()).orElse(null);
            FetchResult result = fetcher.fetch(new FetchRequest(source.url(),
                    known == null ? null : known.etag(), known == null ? null : known.lastModified()));
            if (result instanceof FetchResult.NotModified) {
                record(source, started, t0, 304, 0, 0, null, null);
                return new SourcePollResult(source.id(), 0, 0, null, null);
            }
            FetchResult.Body body = (FetchResult.Body) result;
            status = body.status();
            bytes = body.body().length;
            Harvest harvest = switch (source.kind()) {
                case FEED -> harvestFeed(source, body);
                case PAGE -> harvestPage(source, body);
            };
            // Validators are saved only once the content was understood, so a feed that failed to
            // parse is fetched whole again next time rather than answered "not modified".
            if (body.etag() != null || body.lastModified() != null) {
                sources.saveValidators(source.url(), new SourceStore.Validators(body.etag(), body.lastModified()));
            }
            record(source, started, t0, status, bytes, harvest.newItems, null, null);
            return new SourcePollResult(source.id(), harvest.seen, harvest.newItems, null, null);
        } catch (FetchException e) {
            return failed(source, started, t0, e.status(), bytes, e.failure().name(), e.getMessage());
        } catch (ExtractException e) {
            String kind = source.kind() == org.claimdesk.source.SourceKind.FEED ? "MALFORMED_FEED" : "UNREADABLE_PAGE";
            return failed(source, started, t0, status, bytes, kind, e.getMessage());
        } catch (StoreException e) {
            LOG.error("storing items of {} failed", source.id(), e);
            return failed(source, started, t0, status, bytes, "STORE", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("unexpected failure polling {}", source.id(), e);
            return failed(source, started, t0, status, bytes, "INTERNAL",
                    "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private record Harvest(int seen, int newItems) {
    }

    private Harvest harvestFeed(Source source, FetchResult.Body body) throws ExtractException, InterruptedException {
        ParsedFeed feed = feedParser.parse(body.body(), body.contentType(), body.finalUri());
        int newItems = 0;
        Instant fetchedAt = clock.instant();
        for (FeedEntry entry : feed.entries()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (isEmpty(entry)) {
                continue; // no text, no title and no usable link: nothing to show or to find
            }
            URI canonical = entry.link() == null ? null : UrlCanonicalizer.canonical(entry.link());
            // the page is fetched by the article stage, queued in the transaction that stores the
            // item (decision 0011); an item that wants none is marked done for it at once
            boolean wantArticle = entry.link() != null && source.wantsArticlePage(entry.bestText().length());
            if (items.save(fromEntry(source, entry, canonical, fetchedAt),
                    wantArticle ? Set.of() : Set.of(ARTICLE_STAGE)) == SaveOutcome.INSERTED) {
                newItems++;
            }
        }
        return new Harvest(feed.entries().size(), newItems);
    }

    private Harvest harvestPage(Source source, FetchResult.Body body) throws ExtractException, InterruptedException {
        List<URI> links = sectionPage.articleLinks(body.body(), body.contentType(), body.finalUri(), source.selectors());
        Instant fetchedAt = clock.instant();
        if (links.isEmpty()) {
            // No article links: the page is itself the article being watched.
            Article article = articleExtractor.extract(body.body(), body.contentType(), body.finalUri(), source.selectors());
            boolean inserted = items.save(fromArticle(source, article, null, fetchedAt), ALREADY_AN_ARTICLE) == SaveOutcome.INSERTED;
            return new Harvest(1, inserted ? 1 : 0);
        }
        int newItems = 0;
        int articleFetches = 0;
        FetchScope scope = FetchScope.articlesOf(source);
        for (URI link : links) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (scope.siteRefusal(link) != null) {
                continue; // a link to another site on the page: not what this source watches (article_hosts)
            }
            if (items.containsUrl(UrlCanonicalizer.canonical(link)) || articleFetches >= MAX_ARTICLE_FETCHES_PER_POLL) {
                continue;
            }
            articleFetches++;
            Article article = fetchArticle(source, link);
            if (article != null && items.save(fromArticle(source, article, null, fetchedAt), ALREADY_AN_ARTICLE) == SaveOutcome.INSERTED) {
                newItems++;
            }
        }
        return new Harvest(links.size(), newItems);
    }

    /** Fetches and extracts one article page; a failure is recorded against the source and gives null. */
    private Article fetchArticle(Source source, URI link) throws InterruptedException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try {
            FetchResult result = fetcher.fetch(FetchRequest.of(link, FetchScope.articlesOf(source)));
            if (!(result instanceof FetchResult.Body body)) {
                return null;
            }
            return articleExtractor.extract(body.body(), body.contentType(), body.finalUri(), source.selectors());
        } catch (FetchException e) {
            recordArticleFailure(source, link, started, t0, e.status(), e.failure().name(), e.getMessage());
        } catch (ExtractException e) {
            recordArticleFailure(source, link, started, t0, 200, "UNREADABLE_PAGE", e.getMessage());
        }
        return null;
    }

    /** An entry with neither text nor title nor an http(s) link (a javascript: one is dropped by the parser). */
    static boolean isEmpty(FeedEntry entry) {
        return entry.link() == null && entry.bestText().isBlank() && (entry.title() == null || entry.title().isBlank());
    }

    /** An item from a feed entry's own text (polled or imported); an entry with no text is keyed by its title and id. */
    static NewItem fromEntry(Source source, FeedEntry entry, URI canonical, Instant fetchedAt) {
        String text = entry.bestText();
        return new NewItem(source.id(), entry.link(), canonical, entry.id(), entry.title(), entry.author(), text,
                firstNonBlank(entry.language(), source.languageHint()), entry.published(), fetchedAt,
                ContentHash.of(text.isBlank() ? nullToEmpty(entry.title()) + "\n" + entry.id() : text));
    }

    private NewItem fromArticle(Source source, Article article, FeedEntry entry, Instant fetchedAt) {
        String title = firstNonBlank(article.title(), entry == null ? null : entry.title());
        String byline = firstNonBlank(article.byline(), entry == null ? null : entry.author());
        Instant published = article.published() != null ? article.published() : entry == null ? null : entry.published();
        String text = article.text();
        if (entry != null && entry.bestText().length() > text.length()) {
            text = entry.bestText();
        }
        String language = firstNonBlank(article.language(), entry == null ? null : entry.language(), source.languageHint());
        return new NewItem(source.id(), article.url(), article.canonicalUrl(), entry == null ? null : entry.id(),
                title, byline, text, language, published, fetchedAt, ContentHash.of(text));
    }

    private void recordArticleFailure(Source source, URI link, Instant started, long t0, int status,
                                      String failure, String message) {
        sources.record(new FetchAttempt(0, source.id(), link, started, elapsedMillis(t0), status, 0, 0, failure, message));
    }

    private SourcePollResult failed(Source source, Instant started, long t0, int status, long bytes,
                                    String failure, String message) {
        try {
            record(source, started, t0, status, bytes, 0, failure, message);
        } catch (StoreException e) {
            LOG.error("could not record the failure of {}: {}", source.id(), message, e);
        }
        return new SourcePollResult(source.id(), 0, 0, failure, message);
    }

    /**
     * Records the source's own attempt, stamped when it finished: failures of single article pages
     * recorded during the poll are then older, and do not mark a source that works as failing.
     */
    private void record(Source source, Instant started, long t0, int status, long bytes, int newItems,
                        String failure, String message) {
        Instant finished = clock.instant();
        sources.record(new FetchAttempt(0, source.id(), source.url(), finished.isBefore(started) ? started : finished,
                elapsedMillis(t0), status, bytes, newItems, failure, message));
    }

    private static long elapsedMillis(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
