package org.claimdesk.fetch;

import org.claimdesk.source.Source;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one request, and every redirect it is answered with, may reach. Public addresses are
 * always allowed, private ones (this computer, private networks, link-local) only on
 * {@code ownHost}: the host of the source the user configured. With {@code sites} set, every
 * address must also be on one of those sites ({@link Sites}).
 *
 * @param ownHost the source's own host (lower case), which may be private; null for none
 * @param sites   the sites allowed, or null for any public site
 */
public record FetchScope(String ownHost, Set<String> sites) {

    /** No private host at all, any public site. */
    public static final FetchScope NOWHERE_PRIVATE = new FetchScope(null, null);

    public FetchScope {
        ownHost = ownHost == null ? null : normalise(ownHost);
        sites = sites == null ? null : Set.copyOf(sites);
    }

    /** For fetching a source (or an address the user typed): its host may be private, its redirects go to any public site. */
    public static FetchScope ownHostOf(URI url) {
        return new FetchScope(url.getHost(), null);
    }

    /** For a source's article pages: from its own host, on the sites its article_hosts allows. */
    public static FetchScope articlesOf(Source source) {
        String host = source.url().getHost();
        if (source.articleHosts().any() || host == null) {
            return new FetchScope(host, null);
        }
        Set<String> sites = new LinkedHashSet<>();
        sites.add(Sites.of(host));
        source.articleHosts().sites().forEach(site -> sites.add(Sites.of(site)));
        return new FetchScope(host, sites);
    }

    /** Whether the host is the source's own (same name; the address check compares addresses too). */
    boolean isOwnHost(String host) {
        return ownHost != null && host != null && ownHost.equals(normalise(host));
    }

    /** Why this address is on a site the scope does not allow, or null when it may be fetched. */
    public String siteRefusal(URI uri) {
        if (sites == null || uri.getHost() == null) {
            return null;
        }
        String site = Sites.of(normalise(uri.getHost()));
        if (sites.contains(site)) {
            return null;
        }
        String own = ownHost == null ? null : Sites.of(ownHost);
        Set<String> others = new LinkedHashSet<>(sites);
        others.remove(own);
        return site + " is not the source's own site (" + own + ")"
                + (others.isEmpty() ? "" : " nor one of " + String.join(", ", others))
                + "; article_hosts in feeds.yml can allow it";
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
