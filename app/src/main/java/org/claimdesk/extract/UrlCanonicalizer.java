package org.claimdesk.extract;

import java.net.URI;

/**
 * The one form of a URL used to tell whether two links are the same article: lower-case scheme
 * and host, no default port, no fragment, tracking parameters (utm_*, fbclid, gclid, ...) removed,
 * remaining query parameters kept in their order.
 */
public final class UrlCanonicalizer {
    private UrlCanonicalizer() {
    }

    public static URI canonical(URI url) {
        throw new UnsupportedOperationException("TODO");
    }
}
