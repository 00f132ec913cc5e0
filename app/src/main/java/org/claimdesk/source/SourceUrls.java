package org.claimdesk.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Source addresses: absolute http or https URLs with a host, nothing else (no file:, no ftp:). */
public final class SourceUrls {
    private SourceUrls() {
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static URI parse(String text) {
        String t = text.strip();
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute http(s) URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute http(s) URL (no host name)");
        }
        return uri;
    }
}
