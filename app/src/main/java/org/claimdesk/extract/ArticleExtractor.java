package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;

import java.net.URI;

/**
 * Finds the article in a web page with jsoup: title, byline, date, language and clean body
 * text. Selectors from feeds.yml win over automatic extraction where given. Never runs scripts
 * and never loads anything.
 */
public final class ArticleExtractor {

    /**
     * @param html        raw page bytes; the charset comes from contentType, the BOM or
     *                    {@code <meta charset>}, in that order
     * @param contentType the Content-Type header, or null (a file)
     */
    public Article extract(byte[] html, String contentType, URI url, PageSelectors selectors) throws ExtractException {
        throw new UnsupportedOperationException("TODO");
    }
}
