package org.claimdesk.extract;

import java.net.URI;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with Rome. XML is parsed safely: no DTDs fetched, no
 * external entities, no entity-expansion bombs. The charset comes from the Content-Type
 * header, the BOM or the XML declaration, in that order.
 */
public final class FeedParser {

    /**
     * @param body        the raw bytes as fetched or read from disk
     * @param contentType the Content-Type header (may be null, e.g. for a file)
     * @param base        where the document came from; relative links resolve against it
     * @throws ExtractException malformed XML (with line and column), not a feed, or hostile content
     */
    public ParsedFeed parse(byte[] body, String contentType, URI base) throws ExtractException {
        throw new UnsupportedOperationException("TODO");
    }
}
