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
 * @param fetchArticles for feeds: fetch each item's article page even when the feed carries text
 */
public record Source(String id, String name, URI url, SourceKind kind, String languageHint,
                     List<String> tags, Duration pollInterval, boolean enabled,
                     PageSelectors selectors, boolean fetchArticles) {

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        tags = tags == null ? List.of() : List.copyOf(tags);
        pollInterval = pollInterval == null ? Duration.ofMinutes(30) : pollInterval;
        selectors = selectors == null ? PageSelectors.NONE : selectors;
    }
}
