package org.claimdesk.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one form of a URL used to tell whether two links are the same article: lower-case scheme
 * and host, no default port, no user name or password, no fragment, tracking parameters (utm_*,
 * fbclid, gclid, ...) removed, remaining query parameters kept in their order.
 */
public final class UrlCanonicalizer {
    /** Parameters that only say where a click came from, never which page it is. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "ref_src", "ref_url", "yclid", "twclid",
            "ttclid", "li_fat_id", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
            "s_cid", "cmpid", "ncid", "ocid", "sr_share", "at_medium", "at_campaign", "spm",
            "__twitter_impression", "rb_clickid", "epik", "pk_campaign", "pk_kwd", "pk_source",
            "pk_medium", "mtm_campaign", "mtm_source", "mtm_medium", "mtm_keyword", "hsctatracking");

    private UrlCanonicalizer() {
    }

    public static URI canonical(URI url) {
        if (url == null || url.isOpaque() || url.getScheme() == null) {
            return url;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String authority = canonicalAuthority(url, scheme);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (authority != null && path.isEmpty()) {
            path = "/";
        }
        path = removeDotSegments(normalisePercentEncoding(path, false));
        String query = cleanQuery(url.getRawQuery());

        StringBuilder out = new StringBuilder(scheme).append(':');
        if (authority != null) {
            out.append("//").append(authority);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        try {
            return new URI(out.toString());
        } catch (URISyntaxException e) {
            // Every part came out of a parsed URI; if rebuilding still fails, the input is the best answer.
            return url;
        }
    }

    private static String canonicalAuthority(URI url, String scheme) {
        String rawAuthority = url.getRawAuthority();
        if (rawAuthority == null) {
            return null;
        }
        String host = url.getHost();
        int port = url.getPort();
        if (host == null) {
            // Server-based parsing failed (e.g. an underscore in the host): lower-case the whole
            // authority, without what stands before an '@' (a user name or password).
            return rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        boolean defaultPort = (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        // Credentials never name a different article, and are never kept.
        StringBuilder out = new StringBuilder(host);
        if (port >= 0 && !defaultPort) {
            out.append(':').append(port);
        }
        return out.toString();
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || name.startsWith("utm%5f") || TRACKING_PARAMETERS.contains(name)) {
                continue;
            }
            kept.add(normalisePercentEncoding(parameter, true));
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    /**
     * Upper-case hex in escapes and decode escaped unreserved characters, so that {@code %7e},
     * {@code %7E} and {@code ~} become the same URL. Reserved characters stay escaped.
     */
    private static String normalisePercentEncoding(String raw, boolean inQuery) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                if (isUnreserved(value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(Character.toUpperCase(raw.charAt(i + 1)))
                            .append(Character.toUpperCase(raw.charAt(i + 2)));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 3986 section 5.2.4, for absolute paths: "/a/./b/../c" becomes "/a/c". */
    private static String removeDotSegments(String path) {
        if (!path.startsWith("/") || !(path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/.."))) {
            return path;
        }
        ArrayDeque<String> kept = new ArrayDeque<>();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) kept.addLast("");
            } else if (segment.equals("..")) {
                kept.pollLast();
                if (last) kept.addLast("");
            } else {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
