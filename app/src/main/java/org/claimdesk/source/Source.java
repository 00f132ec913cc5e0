package org.claimdesk.source;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One place ClaimDesk watches, as configured in feeds.yml (or imported from OPML).
 *
 * @param id           stable identifier, unique in the configuration; items remember it
 * @param name         human name shown in the UI
 * @param url          the feed or page address (http or https)
 * @param kind         feed or page
 * @param languageHint BCP 47 tag the source is expected to publish in, or null if unknown
 * @param tags         free labels for filtering (e.g. "fact-check", "ar", "social")
 * @param pollInterval how often to poll
 * @param enabled      false keeps the source configured but not polled
 * @param selectors    CSS selectors for page sources; {@link PageSelectors#NONE} when automatic
 * @param articles     for feeds: which entries get their article page fetched
 * @param articleHosts which sites article pages may come from (feeds and pages)
 */
public record Source(String id, String name, URI url, SourceKind kind, String languageHint,
                     List<String> tags, Duration pollInterval, boolean enabled,
                     PageSelectors selectors, ArticleFetching articles, ArticleHosts articleHosts) {

    /** A feed entry with less text than this is a summary: {@link ArticleFetching#AUTO} fetches its page. */
    public static final int SUMMARY_BELOW_CHARS = 600;

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        tags = tags == null ? List.of() : List.copyOf(tags);
        pollInterval = pollInterval == null ? Duration.ofMinutes(30) : pollInterval;
        selectors = selectors == null ? PageSelectors.NONE : selectors;
        articles = articles == null ? ArticleFetching.AUTO : articles;
        articleHosts = articleHosts == null ? ArticleHosts.SAME_SITE : articleHosts;
    }

    /**
     * The form of feeds.yml before {@code fetch_articles: auto|always|never}: true meant always,
     * false auto; article pages from the source's own site only.
     */
    public Source(String id, String name, URI url, SourceKind kind, String languageHint, List<String> tags,
                  Duration pollInterval, boolean enabled, PageSelectors selectors, boolean fetchArticles) {
        this(id, name, url, kind, languageHint, tags, pollInterval, enabled, selectors,
                fetchArticles ? ArticleFetching.ALWAYS : ArticleFetching.AUTO, ArticleHosts.SAME_SITE);
    }

    /**
     * Whether a feed entry's page is worth fetching, by {@link #articles()}: with {@code auto}
     * only when the feed gives a summary (less than {@value #SUMMARY_BELOW_CHARS} characters).
     * Where the page may come from is the fetcher's decision (article_hosts, the address rule).
     */
    public boolean wantsArticlePage(int feedTextChars) {
        return switch (articles) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> feedTextChars < SUMMARY_BELOW_CHARS;
        };
    }
}
