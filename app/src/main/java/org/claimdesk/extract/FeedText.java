package org.claimdesk.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

import java.nio.charset.Charset;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain text from the text fields of a feed: markup removed with jsoup, entities decoded,
 * whitespace collapsed, paragraph breaks kept as blank lines (in multi-line fields).
 */
final class FeedText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul");
    private static final Set<String> INVISIBLE = Set.of(
            "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u2028\\u2029]+");
    private static final Pattern ANY_WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HTML_TAG = Pattern.compile("<[A-Za-z/!]");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\r?\\n[ \\t\\r]*\\n\\s*");
    private static final Pattern MANY_BREAKS = Pattern.compile("\\n{3,}");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedText() {
    }

    /** A one-line text (titles, names): markup removed, all whitespace runs made one space. */
    static String line(String value, boolean markup) {
        String text = multiLine(value, markup);
        return text == null ? null : ANY_WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * A text with paragraphs (summaries, content), or null when nothing is left.
     *
     * @param markup whether the value may carry HTML (false only for Atom type="text")
     */
    static String multiLine(String value, boolean markup) {
        if (value == null) {
            return null;
        }
        String text = demoronize(value);
        if (markup && HTML_TAG.matcher(text).find()) {
            text = htmlToText(text);
        } else {
            if (markup && text.indexOf('&') >= 0) {
                text = Parser.unescapeEntities(text, false);
            }
            text = plainParagraphs(text);
        }
        String normalised = normaliseWhitespace(text);
        return normalised.isEmpty() ? null : normalised;
    }

    /**
     * C1 control characters are never meant in a feed: they come from windows-1252 text
     * (curly quotes, dashes, euro) decoded as ISO-8859-1 somewhere upstream. Map them back.
     */
    static String demoronize(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (out == null) {
                    out = new StringBuilder(value.length()).append(value, 0, i);
                }
                String mapped = new String(new byte[]{(byte) c}, WINDOWS_1252);
                out.append(mapped.charAt(0) == '\uFFFD' ? "" : mapped);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    private static String htmlToText(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    boolean inPre = text.parent() instanceof Element parent
                            && parent.closest("pre") != null;
                    out.append(inPre ? text.getWholeText() : ANY_WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (INVISIBLE.contains(tag)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append("\n\n");
                }
                return FilterResult.CONTINUE;
            }
        });
        return out.toString();
    }

    /** Plain text: single line breaks are wrapping, blank lines separate paragraphs. */
    private static String plainParagraphs(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            out.append(ANY_WHITESPACE.matcher(paragraph).replaceAll(" ").strip()).append("\n\n");
        }
        return out.toString();
    }

    /** Spaces collapsed within lines, lines trimmed, at most one blank line between paragraphs. */
    private static String normaliseWhitespace(String text) {
        String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unixLines.length());
        for (String line : unixLines.split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return MANY_BREAKS.matcher(out).replaceAll("\n\n").strip();
    }
}
