package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;

import java.net.URI;
import java.util.List;

/**
 * The article links on a section or front page (a site without a feed): from the source's
 * {@code articleLinks} selector, or found automatically (same-site links that look like articles).
 */
public final class SectionPage {

    /** Absolute, canonicalised article URLs in page order, without duplicates. */
    public List<URI> articleLinks(byte[] html, String contentType, URI url, PageSelectors selectors) throws ExtractException {
        throw new UnsupportedOperationException("TODO");
    }
}
