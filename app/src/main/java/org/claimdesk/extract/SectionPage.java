package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The article links on a section or front page (a site without a feed): from the source's
 * {@code articleLinks} selector, or found automatically (same-site links that look like articles).
 */
public final class SectionPage {
    /** Path words that name listing, account or utility pages, never an article. */
    private static final Set<String> NOT_ARTICLE_SEGMENTS = Set.of("tag", "tags", "category", "categories",
            "author", "authors", "topic", "topics", "section", "sections", "login", "logout", "signin", "sign-in",
            "signup", "sign-up", "register", "account", "subscribe", "subscription", "newsletter", "newsletters",
            "search", "share", "sharer", "about", "about-us", "contact", "contact-us", "privacy", "privacy-policy",
            "terms", "terms-of-use", "terms-of-service", "cookies", "cookie-policy", "imprint", "impressum", "feed",
            "rss", "page", "archive", "archives", "help", "faq", "jobs", "careers", "advertise", "shop", "store",
            "user", "users", "profile", "cart", "wp-login.php", "wp-admin", "comments", "print", "email");
    private static final Pattern FILE_EXTENSION = Pattern.compile(
            "(?i).*\\.(jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp3|mp4|webm|css|js|json|xml|rss|atom|txt|docx?|xlsx?)$");
    private static final Pattern DATE_PATH = Pattern.compile("/(19|20)\\d{2}/(0?[1-9]|1[0-2])(/|$)|/(19|20)\\d{2}-?[01]\\d-?[0-3]\\d(/|$|[-_])");
    private static final Pattern NUMERIC_ID = Pattern.compile("(^|[-_/.])\\d{4,}($|[-_/.]|\\.html?$)");
    private static final Pattern ID_PARAMETER = Pattern.compile("(?i)(^|&)(p|id|article|story|articleid|storyid|newsid)=\\d+");

    /** Absolute, canonicalised article URLs in page order, without duplicates. */
    public List<URI> articleLinks(byte[] html, String contentType, URI url, PageSelectors selectors) throws ExtractException {
        Document doc = HtmlPage.parse(html, contentType, url);
        String query = selectors == null ? null : selectors.articleLinks();
        if (query != null && !query.isBlank()) {
            List<URI> selected = selectedLinks(doc, query, url);
            if (!selected.isEmpty()) {
                return selected;
            }
            // A selector that matches nothing usually means the site changed; automatic is better than nothing.
        }
        return automaticLinks(doc, url);
    }

    private static List<URI> selectedLinks(Document doc, String query, URI page) throws ExtractException {
        Elements matched;
        try {
            matched = doc.select(query);
        } catch (Selector.SelectorParseException e) {
            throw new ExtractException("the articleLinks selector \"" + query + "\" for "
                    + (page == null ? "the page" : page) + " is not valid CSS: " + e.getMessage(), e);
        }
        Set<URI> links = new LinkedHashSet<>();
        for (Element e : matched) {
            List<Element> anchors = e.is("a[href]") ? List.of(e) : e.select("a[href]");
            for (Element a : anchors) {
                URI link = webLink(a);
                if (link != null) links.add(link);
            }
        }
        return new ArrayList<>(links);
    }

    private static List<URI> automaticLinks(Document doc, URI page) {
        Set<URI> links = new LinkedHashSet<>();
        URI pageCanonical = page == null ? null : UrlCanonicalizer.canonical(page);
        for (Element a : doc.select("a[href]")) {
            if (inPageFurniture(a) || isNotAnArticleLink(a)) continue;
            URI link = webLink(a);
            if (link == null || link.equals(pageCanonical)) continue;
            if (page != null && page.getHost() != null && !sameSite(page.getHost(), link.getHost())) continue;
            if (looksLikeArticle(link)) links.add(link);
        }
        return new ArrayList<>(links);
    }

    private static URI webLink(Element a) {
        String href = a.attr("abs:href");
        if (href.isEmpty()) return null;
        try {
            URI uri = new URI(href.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                return null;
            }
            return UrlCanonicalizer.canonical(uri);
        } catch (URISyntaxException e) {
            return null; // one malformed link does not spoil the page
        }
    }

    private static boolean inPageFurniture(Element a) {
        for (Element e = a; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("footer") || tag.equals("header") || tag.equals("aside")) return true;
            String role = e.attr("role").toLowerCase(Locale.ROOT);
            if (role.equals("navigation") || role.equals("menubar") || role.equals("menu") || role.equals("contentinfo")) return true;
            List<String> words = ClassHints.words(e);
            if (words.contains("nav") || words.contains("menu") || words.contains("footer") || words.contains("breadcrumb")
                    || words.contains("breadcrumbs") || words.contains("share") || words.contains("social")
                    || words.contains("pagination") || words.contains("pager") || words.contains("navbar")) return true;
        }
        return false;
    }

    private static boolean isNotAnArticleLink(Element a) {
        String rel = a.attr("rel").toLowerCase(Locale.ROOT);
        return rel.contains("author") || rel.contains("tag") || rel.contains("prev") || rel.contains("next")
                || rel.contains("bookmark") && a.text().isBlank();
    }

    static boolean sameSite(String pageHost, String linkHost) {
        if (linkHost == null) return false;
        String a = withoutWww(pageHost.toLowerCase(Locale.ROOT));
        String b = withoutWww(linkHost.toLowerCase(Locale.ROOT));
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** Article URLs carry a date, a numeric id, a long slug or a deep path; listings do not. */
    static boolean looksLikeArticle(URI link) {
        String path = link.getRawPath() == null ? "" : decode(link.getRawPath());
        if (FILE_EXTENSION.matcher(path).matches()) return false;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) segments.add(segment.toLowerCase(Locale.ROOT));
        }
        for (String segment : segments) {
            if (NOT_ARTICLE_SEGMENTS.contains(segment)) return false;
        }
        String query = link.getRawQuery();
        if (segments.isEmpty()) {
            return query != null && ID_PARAMETER.matcher(query).find();
        }
        String last = segments.getLast().replaceFirst("(?i)\\.(html?|php|aspx?|shtml)$", "");
        if (DATE_PATH.matcher(path).find() || NUMERIC_ID.matcher(path).find()) return true;
        if (query != null && ID_PARAMETER.matcher(query).find()) return true;
        int words = last.split("[-_+]").length;
        boolean longSlug = words >= 4 || (words >= 3 && last.length() >= 20) || longNonLatinSlug(last);
        return longSlug || (segments.size() >= 3 && last.length() >= 8);
    }

    /** Arabic, Japanese and other slugs often have no hyphens; their length still says "headline". */
    private static boolean longNonLatinSlug(String slug) {
        long nonAscii = slug.codePoints().filter(c -> c > 0x7F && Character.isLetter(c)).count();
        return nonAscii >= 8;
    }

    private static String decode(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }
}
