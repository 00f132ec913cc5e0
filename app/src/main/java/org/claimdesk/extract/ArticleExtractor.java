package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the article in a web page with jsoup: title, byline, date, language and clean body
 * text. Selectors from feeds.yml win over automatic extraction where given. Never runs scripts
 * and never loads anything.
 */
public final class ArticleExtractor {
    /** Below this many (Latin-equivalent) characters, strict pruning probably cut the article. */
    private static final int ENOUGH_TEXT = 500;
    /** A strict attempt's text shorter than this is no article to hold on to. */
    private static final int MIN_SHORT_ARTICLE = 150;
    private static final int FAR_LONGER = 3;
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-\u2013\u2014\u00BB\u00B7/:~]\\s+|\\s+::\\s+");

    /**
     * @param html        raw page bytes; the charset comes from contentType, the BOM or
     *                    {@code <meta charset>}, in that order
     * @param contentType the Content-Type header, or null (a file)
     */
    public Article extract(byte[] html, String contentType, URI url, PageSelectors selectors) throws ExtractException {
        PageSelectors chosen = selectors == null ? PageSelectors.NONE : selectors;
        Document doc = HtmlPage.parse(html, contentType, url);
        String where = url == null ? "the page" : url.toString();
        PageMetadata meta = PageMetadata.read(doc, url);

        String title = firstText(doc, chosen.title(), "title", where);
        if (title == null) {
            title = automaticTitle(doc, meta);
        }
        String byline = PageMetadata.cleanByline(firstText(doc, chosen.byline(), "byline", where));
        if (byline == null) {
            byline = meta.byline() != null ? meta.byline() : PageMetadata.bylineFromBody(doc.body());
        }
        Instant published = selectedDate(doc, chosen.date(), where);
        if (published == null) {
            published = meta.published();
        }

        String text = selectedBody(doc, chosen.body(), where);
        if (text == null) {
            text = automaticBody(doc, title);
        }
        if (text.isBlank()) {
            throw new ExtractException(where + " has no extractable text: no paragraphs found after removing "
                    + "scripts, navigation and other page furniture");
        }
        URI canonical = meta.canonical() == null ? null : UrlCanonicalizer.canonical(meta.canonical());
        return new Article(url, canonical, title, byline, published, meta.language(), text,
                meta.siteName() == null || meta.siteName().isBlank() ? null : meta.siteName().strip());
    }

    private static String automaticBody(Document doc, String title) {
        String best = "";
        for (MainContent.Strictness strictness : MainContent.Strictness.ATTEMPTS) {
            Document copy = doc.clone();
            String text = BlockText.of(MainContent.find(copy, strictness, title));
            if (isBetterText(text, best)) {
                best = text;
            }
            if (TextMeasure.weightedLength(best) >= ENOUGH_TEXT) {
                return best;
            }
        }
        return best;
    }

    /**
     * Whether a laxer attempt's text beats the stricter one's short text: only when the stricter found
     * next to nothing or the laxer finds far more. Of two texts of similar length the stricter is the
     * article; what the laxer adds is mostly what strict pruning rightly left out, such as the reader
     * comments under a short article (often longer than the article itself).
     */
    private static boolean isBetterText(String laxer, String stricter) {
        int laxerLength = TextMeasure.weightedLength(laxer);
        int stricterLength = TextMeasure.weightedLength(stricter);
        return laxerLength > stricterLength
                && (stricterLength < MIN_SHORT_ARTICLE || laxerLength >= stricterLength * FAR_LONGER);
    }

    // --- title ---------------------------------------------------------------------------------

    static String automaticTitle(Document doc, PageMetadata meta) {
        if (meta.title() != null) {
            return withoutSiteName(meta.title(), meta.siteName());
        }
        String documentTitle = meta.documentTitle();
        List<String> headings = new ArrayList<>();
        for (Element h : doc.select("h1, h2")) {
            String text = PageMetadata.clean(h.text());
            if (text != null) headings.add(text);
        }
        if (documentTitle == null) {
            return headings.isEmpty() ? null : headings.getFirst();
        }
        // A heading that is the <title> or one part of it is the headline without the site name.
        for (String heading : headings) {
            if (sameText(heading, documentTitle)) return heading;
        }
        String[] parts = TITLE_SEPARATOR.split(documentTitle);
        if (parts.length > 1) {
            String longestPart = parts[0];
            for (String part : parts) {
                if (wordCount(part) > wordCount(longestPart)) longestPart = part;
            }
            for (String heading : headings) {
                // Only the headline part counts: a logo heading often repeats the site name part.
                if (sameText(heading, longestPart)) return heading;
            }
            String cut = withoutSiteName(documentTitle, meta.siteName());
            if (!cut.equals(documentTitle)) return cut;
            // "Headline | Site" is far more common than "Site | Headline": keep the first part when it is
            // a real headline, otherwise the longest part.
            String first = documentTitle.substring(0, documentTitle.length() - lastSeparatorTail(documentTitle)).strip();
            if (wordCount(first) >= 3) return first;
            String longest = parts[0];
            for (String part : parts) {
                if (wordCount(part) > wordCount(longest)) longest = part;
            }
            return longest.strip();
        }
        return documentTitle;
    }

    /** Length of " | Site" at the end of a title, or 0. */
    private static int lastSeparatorTail(String title) {
        var m = TITLE_SEPARATOR.matcher(title);
        int start = -1;
        while (m.find()) start = m.start();
        return start < 0 ? 0 : title.length() - start;
    }

    private static String withoutSiteName(String title, String siteName) {
        if (siteName == null) return title;
        var m = TITLE_SEPARATOR.matcher(title);
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart > 0 && sameText(title.substring(lastEnd), siteName)) {
            return title.substring(0, lastStart).strip();
        }
        var first = TITLE_SEPARATOR.matcher(title);
        if (first.find() && first.start() > 0 && sameText(title.substring(0, first.start()), siteName)) {
            return title.substring(first.end()).strip();
        }
        return title;
    }

    private static boolean sameText(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .equals(b.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    private static int wordCount(String s) {
        String t = s.strip();
        if (t.isEmpty()) return 0;
        int cjk = (int) t.codePoints().filter(TextMeasure::isCjk).count();
        return t.split("\\s+").length + cjk / 2;
    }

    // --- selectors -------------------------------------------------------------------------------

    private static Elements select(Document doc, String query, String field, String where) throws ExtractException {
        try {
            return doc.select(query);
        } catch (Selector.SelectorParseException e) {
            throw new ExtractException("the " + field + " selector \"" + query + "\" for " + where
                    + " is not valid CSS: " + e.getMessage(), e);
        }
    }

    private static String firstText(Document doc, String query, String field, String where) throws ExtractException {
        if (query == null || query.isBlank()) return null;
        for (Element e : select(doc, query, field, where)) {
            String text = PageMetadata.clean(e.is("meta") ? e.attr("content") : e.text());
            if (text != null) return text;
        }
        return null;
    }

    private static Instant selectedDate(Document doc, String query, String where) throws ExtractException {
        if (query == null || query.isBlank()) return null;
        for (Element e : select(doc, query, "date", where)) {
            for (String value : List.of(e.attr("datetime"), e.attr("content"), e.text())) {
                Instant parsed = LenientDates.parse(value);
                if (parsed != null) return parsed;
            }
        }
        return null;
    }

    /** Text of the body selector's matches, or null when it matches nothing with text. */
    private static String selectedBody(Document doc, String query, String where) throws ExtractException {
        if (query == null || query.isBlank()) return null;
        List<Element> outermost = new ArrayList<>();
        Elements matched = select(doc, query, "body", where);
        for (Element e : matched) {
            boolean nested = false;
            for (Element p = e.parent(); p != null && !nested; p = p.parent()) {
                nested = matched.contains(p);
            }
            if (!nested) outermost.add(e);
        }
        for (Element e : outermost) {
            for (Element inner : e.select("script, style, noscript, template, iframe, svg, button, input, select, textarea")) {
                inner.remove();
            }
        }
        String text = BlockText.of(outermost);
        return text.isBlank() ? null : text;
    }
}
