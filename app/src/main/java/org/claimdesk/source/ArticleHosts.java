package org.claimdesk.source;

import java.util.List;
import java.util.Objects;

/**
 * Which sites a source's article pages may be fetched from ({@code article_hosts:} in feeds.yml):
 * the source's own site, plus the listed sites, or any site. A site is a registrable domain
 * ({@code www.bbc.co.uk} and {@code feeds.bbc.co.uk} are both {@code bbc.co.uk}); the fetcher
 * decides with the public suffix list.
 *
 * @param any   true for any public site
 * @param sites host names of other sites allowed besides the source's own (lower case), when not {@code any}
 */
public record ArticleHosts(boolean any, List<String> sites) {
    /** Only the source's own site: the default. */
    public static final ArticleHosts SAME_SITE = new ArticleHosts(false, List.of());
    /** Any public site. */
    public static final ArticleHosts ANY = new ArticleHosts(true, List.of());

    public ArticleHosts {
        sites = any ? List.of() : List.copyOf(Objects.requireNonNull(sites, "sites"));
    }

    /** The own site and these. */
    public static ArticleHosts sameSiteAnd(List<String> sites) {
        return new ArticleHosts(false, sites);
    }

    /** As written in feeds.yml: same-site, any, or [site, …]. */
    @Override
    public String toString() {
        return any ? "any" : sites.isEmpty() ? "same-site" : "[" + String.join(", ", sites) + "]";
    }
}
