package org.claimdesk.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The only links ClaimDesk keeps: absolute http and https addresses with a host, without a user
 * name or password. A feed or page can carry {@code javascript:}, {@code file:}, {@code data:}
 * links or credentials; none of them is stored, so nothing shown or opened later can be one.
 */
public final class WebLinks {
    private WebLinks() {
    }

    /** The link without user-info, or null when it is not an absolute http(s) address with a host. */
    public static URI safe(URI link) {
        if (link == null || link.isOpaque() || link.getScheme() == null || link.getHost() == null
                || link.getHost().isEmpty()) {
            return null;
        }
        String scheme = link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (link.getRawUserInfo() == null) {
            return link;
        }
        try {
            return new URI(link.getScheme() + "://" + link.getHost() + (link.getPort() >= 0 ? ":" + link.getPort() : "")
                    + (link.getRawPath() == null ? "" : link.getRawPath())
                    + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery())
                    + (link.getRawFragment() == null ? "" : "#" + link.getRawFragment()));
        } catch (URISyntaxException e) {
            return null; // rebuilt from parts of a parsed URI; if even that fails, keep nothing
        }
    }
}
