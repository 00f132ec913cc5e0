package org.claimdesk.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One GET to make. The validators come from the previous successful fetch of the same URL
 * and make the request conditional (If-None-Match / If-Modified-Since); null when unknown.
 * The scope says what the request and its redirects may reach.
 */
public record FetchRequest(URI uri, String etag, String lastModified, FetchScope scope) {

    public FetchRequest {
        if (scope == null) {
            scope = uri == null ? FetchScope.NOWHERE_PRIVATE : FetchScope.ownHostOf(uri);
        }
    }

    /** A request on behalf of its own address: that host may be private, redirects may go to any public site. */
    public FetchRequest(URI uri, String etag, String lastModified) {
        this(uri, etag, lastModified, null);
    }

    public static FetchRequest of(URI uri) {
        return new FetchRequest(uri, null, null, null);
    }

    public static FetchRequest of(URI uri, FetchScope scope) {
        return new FetchRequest(uri, null, null, Objects.requireNonNull(scope, "scope"));
    }
}
