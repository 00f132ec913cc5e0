package org.claimdesk.rebuttals;

import org.claimdesk.extract.UrlCanonicalizer;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a rebuttal was published, and how to tell a link to it in an item's text. Two links are the
 * same when they name the same host (without "www.") and path (without a closing slash), and the
 * same query once tracking parameters (utm_*, fbclid, …) are dropped: http or https, a fragment, a
 * default port and upper- or lower-case host make no difference. A link is found as written, with
 * or without "https://" in front; a shortened link (t.co, bit.ly) cannot be told offline.
 */
public final class PublishedAddress {
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"*";

    private final URI url;
    private final String host;
    private final String key;

    private PublishedAddress(URI url, String host, String key) {
        this.url = url;
        this.host = host;
        this.key = key;
    }

    /**
     * @throws IllegalArgumentException when it is not an http(s) address with a host
     */
    public static PublishedAddress of(URI url) {
        Objects.requireNonNull(url, "url");
        String key = key(url);
        if (key == null) {
            throw new IllegalArgumentException("'" + url + "' is not a web address (http or https, with a site)");
        }
        return new PublishedAddress(url, key.substring(0, key.indexOf('/')), key);
    }

    /** Checks an address an analyst typed, and returns it as a URI. */
    public static URI parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("the published address is empty");
        }
        try {
            URI url = new URI(typed.strip());
            of(url);
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + typed.strip() + "' is not a web address: " + e.getReason());
        }
    }

    public URI url() {
        return url;
    }

    /**
     * The first link to this address in the text, as written there; empty when there is none.
     * Looks for the host, then reads the link from there to where it ends.
     */
    public Optional<String> linkIn(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = lowerCaseSameLength(text);
        for (int at = lower.indexOf(host); at >= 0; at = lower.indexOf(host, at + 1)) {
            int start = startOfLink(lower, at);
            if (start < 0) {
                continue; // part of another host name (notexample.org, sub.example.org)
            }
            int end = at + host.length();
            while (end < text.length() && isLinkChar(text.charAt(end))) {
                end++;
            }
            String link = trimEnd(text.substring(start, end));
            String candidate = link.contains("://") ? link : "https://" + link;
            try {
                if (key.equals(key(new URI(candidate)))) {
                    return Optional.of(link);
                }
            } catch (java.net.URISyntaxException e) {
                // not an address after all: look further
            }
        }
        return Optional.empty();
    }

    /** Whether this is the address itself (an item that is the published rebuttal, not a link to it). */
    public boolean isSameAs(URI other) {
        return other != null && key.equals(key(other));
    }

    /** Where a link that names the host at {@code at} starts (its scheme or "www."), or -1 when the host is part of another name. */
    private static int startOfLink(String lower, int at) {
        int start = at;
        if (start >= 4 && lower.startsWith("www.", start - 4)) {
            start -= 4;
        }
        if (start >= 3 && lower.startsWith("://", start - 3)) {
            int scheme = start - 3;
            while (scheme > 0 && Character.isLetter(lower.charAt(scheme - 1))) {
                scheme--;
            }
            return scheme;
        }
        if (start == 0) {
            return 0;
        }
        char before = lower.charAt(start - 1);
        return Character.isLetterOrDigit(before) || before == '.' || before == '-' || before == '@' || before == '/' ? -1 : start;
    }

    /** Lower case char by char, so that positions in it are positions in the text (String.toLowerCase may grow it). */
    private static String lowerCaseSameLength(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    private static boolean isLinkChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0);
    }

    private static String trimEnd(String link) {
        String trimmed = link;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unbalanced = last == ')' && trimmed.chars().filter(c -> c == '(').count()
                    < trimmed.chars().filter(c -> c == ')').count();
            if (TRAILING_PUNCTUATION.indexOf(last) < 0 && !unbalanced) {
                break;
            }
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** "host/path?query" as compared, or null when it is not an http(s) address with a host. */
    static String key(URI url) {
        URI canonical = UrlCanonicalizer.canonical(url);
        if (canonical == null || canonical.getScheme() == null || canonical.getHost() == null) {
            return null;
        }
        String scheme = canonical.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String host = canonical.getHost();
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String path = canonical.getPath() == null ? "" : canonical.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = canonical.getRawQuery();
        return host + "/" + (path.startsWith("/") ? path.substring(1) : path) + (query == null ? "" : "?" + query);
    }
}
