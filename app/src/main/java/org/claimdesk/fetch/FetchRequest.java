package org.claimdesk.fetch;

import java.net.URI;

/**
 * One GET to make. The validators come from the previous successful fetch of the same URL
 * and make the request conditional (If-None-Match / If-Modified-Since); null when unknown.
 */
public record FetchRequest(URI uri, String etag, String lastModified) {
    public static FetchRequest of(URI uri) {
        return new FetchRequest(uri, null, null);
    }
}
