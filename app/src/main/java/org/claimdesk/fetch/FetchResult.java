package org.claimdesk.fetch;

import java.net.URI;
import java.time.Duration;

/** What a successful GET gave: a body, or "not modified" for a conditional request. */
public sealed interface FetchResult permits FetchResult.Body, FetchResult.NotModified {

    URI requestedUri();

    /** Time from sending the request to having the whole body. */
    Duration elapsed();

    /**
     * A 2xx response.
     *
     * @param finalUri     where the body came from after redirects
     * @param contentType  the Content-Type header as sent (may carry a charset), or null
     * @param body         the body, already decompressed (gzip/deflate), at most maxPageBytes
     * @param etag         the ETag header, or null
     * @param lastModified the Last-Modified header, or null
     */
    record Body(URI requestedUri, URI finalUri, int status, String contentType, byte[] body,
                String etag, String lastModified, Duration elapsed) implements FetchResult {
    }

    /** A 304 answer to a conditional request: nothing new since last time. */
    record NotModified(URI requestedUri, Duration elapsed) implements FetchResult {
    }
}
