package org.claimdesk.fetch;

import crawlercommons.domains.EffectiveTldFinder;

import java.util.Locale;

/**
 * The site a host belongs to: its registrable domain by the public suffix list
 * ({@code www.bbc.co.uk} and {@code feeds.bbc.co.uk} are both {@code bbc.co.uk}, while
 * {@code a.github.io} and {@code b.github.io} are two sites). The list ships inside
 * crawler-commons; nothing is downloaded.
 */
public final class Sites {
    private Sites() {
    }

    /**
     * The registrable domain of a host; for IP addresses, {@code localhost} and names under no
     * known suffix, the host itself (lower case, without a trailing dot).
     */
    public static String of(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") || AddressRule.literal(h) != null) {
            return h;
        }
        // strict: a name under no known suffix is its own site; private suffixes (github.io) count
        String domain = EffectiveTldFinder.getAssignedDomain(h, true, false);
        return domain == null || domain.isEmpty() ? h : domain;
    }
}
