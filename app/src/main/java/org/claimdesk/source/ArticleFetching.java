package org.claimdesk.source;

/** Whether a feed's entries get their web page fetched ({@code fetch_articles:} in feeds.yml). */
public enum ArticleFetching {
    /** Only entries whose feed text is a summary. */
    AUTO,
    /** Every entry, even when the feed carries the whole text. */
    ALWAYS,
    /** None: items keep what the feed says. */
    NEVER;

    /** The word used in feeds.yml and OPML. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
