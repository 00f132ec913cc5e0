package org.claimdesk.extract;

import java.net.URI;
import java.time.Instant;

/**
 * The article found in a web page.
 *
 * @param url          where the page was fetched from
 * @param canonicalUrl the page's own {@code <link rel=canonical>} if sane, else {@code url}, both
 *                     cleaned by {@link UrlCanonicalizer}
 * @param title        the headline, or null
 * @param byline       the author line, or null
 * @param published    the publication time, or null
 * @param language     the declared language ({@code <html lang>}, meta), or null
 * @param text         the clean body text: paragraphs separated by blank lines, no navigation,
 *                     ads, comments, scripts or styles
 * @param siteName     the site's own name (og:site_name and the like), or null
 */
public record Article(URI url, URI canonicalUrl, String title, String byline, Instant published,
                      String language, String text, String siteName) {
}
