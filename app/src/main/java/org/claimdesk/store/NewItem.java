package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;

/**
 * An item as ingest hands it to the store.
 *
 * @param sourceId     the source it arrived from
 * @param url          the address it was fetched from / the feed's link (may be null for a
 *                     feed entry with no link)
 * @param canonicalUrl the de-duplication key for the address (may be null with url)
 * @param entryId      the feed entry id (guid), or null for pages
 * @param contentHash  {@code ContentHash.of(text)}, the second de-duplication key
 */
public record NewItem(String sourceId, URI url, URI canonicalUrl, String entryId, String title,
                      String byline, String text, String language, Instant publishedAt,
                      Instant fetchedAt, String contentHash) {
}
