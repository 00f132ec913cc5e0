package org.claimdesk.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a page says about itself in meta tags, JSON-LD and microdata: title, byline, date,
 * language, canonical URL and site name. Read before the page is cleaned, since JSON-LD lives in
 * script elements.
 */
record PageMetadata(String title, String documentTitle, String siteName, String byline, Instant published,
                    String language, URI canonical) {

    private static final Logger LOG = LoggerFactory.getLogger(PageMetadata.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
            "liveblogposting", "medicalwebpage", "posting", "discussionforumposting");
    private static final Pattern BYLINE_PREFIX = Pattern.compile(
            "(?iu)^(?:written\\s+by|posted\\s+by|by|von|par|por|di|door|av|автор|بقلم|كتب)\\s*[:：]?\\s+");
    /** What follows a name in a byline: a date, a time, "Updated ...", "• 8h", "před 2 hodinami". */
    private static final Pattern TRAILING_BYLINE_NOISE = Pattern.compile(
            "(?iu)\\s*(?:[•|·,–—-]\\s*)?(?:(?:updated|published|posted|on)\\s+)?"
                    + "(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}"
                    + "|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d+\\s*(?:h|m|min|hours?|minutes?|days?)\\b(?:\\s+ago)?"
                    + "|před\\s+\\d+.*|vor\\s+\\d+.*|il y a\\s+\\d+.*|hace\\s+\\d+.*).*$");
    /** Link and button texts that sit where bylines sit. */
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)^(skip|follow|share|subscribe|register|sign|log ?in|menu|search|account|read more|more from)\\b");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("(?i)^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$");

    static PageMetadata read(Document doc, URI pageUrl) {
        String documentTitle = clean(doc.title());
        JsonLd jsonLd = JsonLd.read(doc, documentTitle);
        Map<String, String> metas = metaValues(doc);
        String siteName = firstMeta(metas, "og:site_name", "application-name", "twitter:site:name");
        String title = firstNonBlank(
                firstMeta(metas, "og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title"),
                jsonLd.headline);
        String byline = cleanByline(firstNonBlank(jsonLd.author,
                notUrl(firstMeta(metas, "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
                        "byl", "article:author_name", "twitter:creator:name"))));
        String dateText = firstNonBlank(
                firstMeta(metas, "article:published_time", "og:published_time", "datepublished", "date",
                        "pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date",
                        "dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
                        "article.published", "published_time", "originalpublicationdate"),
                jsonLd.datePublished);
        Instant published = LenientDates.parse(dateText);
        if (published == null) {
            published = fromDocumentDate(doc);
        }
        return new PageMetadata(title, documentTitle, siteName, byline, published, language(doc),
                canonical(doc, pageUrl));
    }

    /** A byline found in the page body (rel=author, microdata, byline/author classes), for when meta has none. */
    static String bylineFromBody(Element root) {
        for (Element e : root.select("[itemprop~=(?i)^author$], [rel~=(?i)^author$]")) {
            Element name = e.selectFirst("[itemprop=name]");
            String text = cleanByline(name != null ? name.text() : e.text());
            if (text != null) return text;
        }
        for (Element e : root.getAllElements()) {
            List<String> words = ClassHints.words(e);
            if (!(words.contains("byline") || words.contains("author") || words.contains("writtenby"))
                    || words.contains("comment") || words.contains("avatar") || words.contains("image")) {
                continue;
            }
            String text = cleanByline(e.text());
            if (text != null && text.length() <= 60) return text;
            // A long author box: the name is the link to the author's page.
            for (Element link : e.select("a[href]")) {
                String name = cleanByline(link.text());
                if (name != null && name.length() <= 60) return name;
            }
        }
        return null;
    }

    private static Instant fromDocumentDate(Document doc) {
        for (Element e : doc.select("[itemprop=datePublished], time[datetime][pubdate], article time[datetime], time[datetime]")) {
            String value = firstNonBlank(e.attr("datetime"), e.attr("content"), e.text());
            Instant parsed = LenientDates.parse(value);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    static String cleanByline(String raw) {
        String text = clean(raw);
        if (text == null) {
            return null;
        }
        text = BYLINE_PREFIX.matcher(text).replaceFirst("").strip();
        text = TRAILING_BYLINE_NOISE.matcher(text).replaceFirst("").strip();
        if (text.endsWith(",") || text.endsWith("|")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        // A byline is a name or a few names, not a paragraph, a URL or a date.
        if (text.isEmpty() || text.length() > 100 || NOT_A_NAME.matcher(text).find() || text.startsWith("http") || text.startsWith("@")
                && !text.contains(" ") || LenientDates.parse(text) != null && text.length() < 20) {
            return null;
        }
        return text;
    }

    private static String notUrl(String value) {
        return value != null && (value.startsWith("http://") || value.startsWith("https://")) ? null : value;
    }

    static String language(Document doc) {
        Element html = doc.selectFirst("html");
        List<String> candidates = new ArrayList<>();
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        candidates.add(metaContent(doc, "meta[http-equiv~=(?i)^content-language$]"));
        candidates.add(firstMeta(metaValues(doc), "language", "dc.language", "dcterms.language", "og:locale"));
        for (String candidate : candidates) {
            String normalised = normaliseLanguage(candidate);
            if (normalised != null) {
                return normalised;
            }
        }
        return null;
    }

    /** "en_us" -> "en-US", "AR" -> "ar", "pt_BR" -> "pt-BR"; null for junk. */
    static String normaliseLanguage(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String first = raw.strip().split("[,;\\s]")[0].replace('_', '-');
        if (!LANGUAGE_TAG.matcher(first).matches()) {
            return null;
        }
        String tag = Locale.forLanguageTag(first).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    static URI canonical(Document doc, URI pageUrl) {
        Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        if (link == null) {
            return pageUrl;
        }
        String href = link.attr("abs:href");
        if (href.isEmpty()) {
            href = link.attr("href");
        }
        try {
            URI candidate = new URI(href.strip());
            String scheme = candidate.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            boolean sameWebScheme = pageUrl == null || pageUrl.getScheme() == null
                    || !(pageUrl.getScheme().equalsIgnoreCase("http") || pageUrl.getScheme().equalsIgnoreCase("https"))
                    || web;
            if (candidate.isAbsolute() && web && sameWebScheme && candidate.getHost() != null) {
                return WebLinks.safe(candidate);
            }
        } catch (java.net.URISyntaxException e) {
            LOG.debug("ignoring malformed canonical link {}", href);
        }
        return pageUrl;
    }

    /**
     * First content per meta key. Keys come from name, property and itemprop; a property may list
     * several ("og:title twitter:title"); "DC.title" and "dc:title" are the same key.
     */
    private static Map<String, String> metaValues(Document doc) {
        Map<String, String> values = new HashMap<>();
        for (Element meta : doc.select("meta[content]")) {
            String content = clean(meta.attr("content"));
            if (content == null) continue;
            for (String attribute : List.of("property", "name", "itemprop")) {
                for (String key : meta.attr(attribute).split("\\s+")) {
                    if (!key.isEmpty()) values.putIfAbsent(metaKey(key), content);
                }
            }
        }
        return values;
    }

    private static String metaKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace(':', '.');
    }

    private static String firstMeta(Map<String, String> metas, String... names) {
        for (String name : names) {
            String value = metas.get(metaKey(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String metaContent(Document doc, String query) {
        for (Element meta : doc.select(query)) {
            String content = clean(meta.attr("content"));
            if (content != null) {
                return content;
            }
        }
        return null;
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String collapsed = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** The article object of the page's JSON-LD, if any: headline, author names, datePublished. */
    private record JsonLd(String headline, String author, String datePublished) {
        static JsonLd read(Document doc, String documentTitle) {
            for (String json : JsonLdScripts.texts(doc)) {
                try {
                    JsonNode article = findArticle(JSON.readTree(json), 0);
                    if (article != null) {
                        return new JsonLd(headline(article, documentTitle),
                                authors(article.get("author")), text(article.get("datePublished")));
                    }
                } catch (JsonProcessingException e) {
                    LOG.debug("ignoring malformed JSON-LD: {}", e.getOriginalMessage());
                }
            }
            return new JsonLd(null, null, null);
        }

        /** headline, or name when the two differ and only name is what the page's title says. */
        private static String headline(JsonNode article, String documentTitle) {
            String headline = clean(text(article.get("headline")));
            String name = clean(text(article.get("name")));
            if (headline == null) return name;
            if (name == null || name.equals(headline) || documentTitle == null) return headline;
            String title = documentTitle.toLowerCase(Locale.ROOT);
            boolean headlineInTitle = title.contains(headline.toLowerCase(Locale.ROOT));
            boolean nameInTitle = title.contains(name.toLowerCase(Locale.ROOT));
            return nameInTitle && !headlineInTitle ? name : headline;
        }

        private static JsonNode findArticle(JsonNode node, int depth) {
            if (node == null || depth > 6) {
                return null;
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    JsonNode found = findArticle(item, depth + 1);
                    if (found != null) return found;
                }
                return null;
            }
            if (!node.isObject()) {
                return null;
            }
            if (isArticleType(node.get("@type"))) {
                return node;
            }
            JsonNode found = findArticle(node.get("@graph"), depth + 1);
            return found != null ? found : findArticle(node.get("mainEntity"), depth + 1);
        }

        private static boolean isArticleType(JsonNode type) {
            if (type == null) return false;
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (isArticleType(t)) return true;
                }
                return false;
            }
            return type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
        }

        private static String authors(JsonNode author) {
            if (author == null) return null;
            Set<String> names = new LinkedHashSet<>();
            if (author.isArray()) {
                for (JsonNode a : author) {
                    String name = authorName(a);
                    if (name != null) names.add(name);
                }
            } else {
                String name = authorName(author);
                if (name != null) names.add(name);
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }

        private static String authorName(JsonNode a) {
            String name = a.isTextual() ? a.asText() : text(a.get("name"));
            name = clean(name);
            return name == null || name.startsWith("http") ? null : name;
        }

        private static String text(JsonNode node) {
            if (node == null) return null;
            if (node.isTextual()) return node.asText();
            if (node.isArray() && !node.isEmpty()) return text(node.get(0));
            return null;
        }

        private static String text(JsonNode node, String fallback) {
            String t = text(node);
            return t == null || t.isBlank() ? fallback : t;
        }
    }
}
