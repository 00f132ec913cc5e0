package org.claimdesk.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the elements that hold a page's article. Text blocks are scored by length and clause
 * marks; each block's score flows up to its ancestors with decreasing weight; the best ancestor
 * (after a link-density penalty) is the article, joined by siblings that look like more of it.
 * Boilerplate (navigation, comments, share bars, ads, related links) is removed before and after.
 */
final class MainContent {
    /** Elements whose content is never article text. */
    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "iframe",
            "svg", "object", "embed", "canvas", "button", "input", "select", "textarea", "option", "link",
            "meta", "dialog", "audio", "video", "source", "map", "frame", "frameset", "applet", "head");
    /** Page furniture, removed unless it holds most of the page's text (some sites wrap everything in a form). */
    private static final Set<String> FURNITURE = Set.of("nav", "header", "footer", "aside", "form", "menu");
    static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn",
            "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
            "var", "wbr", "img", "label", "del", "ins", "strike", "tt", "big", "nobr", "#root");
    private static final double[] ANCESTOR_SHARE = {1.0, 0.5, 0.25, 0.125, 0.0625};
    private static final int MIN_BLOCK_LENGTH = 25;
    /** Short lines ("Advertisement", "Read more") may well repeat; only longer repeats are copies. */
    private static final int MIN_REPEATED_BLOCK = 40;

    /** How hard to prune; relaxed on retry when strict pruning left too little text. */
    record Strictness(boolean removeUnlikely, boolean useClassWeights, boolean cleanConditionally) {
        static final List<Strictness> ATTEMPTS = List.of(
                new Strictness(true, true, true),
                new Strictness(false, true, true),
                new Strictness(false, false, true),
                new Strictness(false, false, false));
    }

    /** Per-element text counts, gathered in one pass so scoring stays linear in page size. */
    private static final class Counts {
        int ownLength;        // text whose nearest block ancestor is this element
        int ownLinkLength;
        int ownMarks;
        int totalLength;      // all text below
        int linkLength;       // text below inside links
        int totalMarks;
        int totalStamps;      // text runs below with a time or date, and <time> elements
        double score;
        boolean candidate;
    }

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private MainContent() {
    }

    /** The article's elements (in page order) in a document that this call may modify. */
    static List<Element> find(Document doc, Strictness strictness, String title) {
        return new MainContent().run(doc, strictness, title);
    }

    private List<Element> run(Document doc, Strictness strictness, String title) {
        Element body = doc.body();
        if (strictness.removeUnlikely()) {
            FormBoxes.remove(body);
        }
        removeNeverText(doc);
        LineBreakParagraphs.apply(body);
        count(body);
        int pageLength = Math.max(1, countsOf(body).totalLength);
        removeBoilerplate(body, strictness, pageLength);

        counts.clear();
        count(body);
        Element top = bestCandidate(body, strictness);
        List<Element> parts = top == null ? List.of(body) : withSiblings(top, strictness);
        for (Element part : parts) {
            clean(part, strictness, title);
        }
        if (strictness.cleanConditionally()) {
            removeRepeatedBlocks(parts);
            removeLeadingMetaLines(parts, title);
        }
        return parts;
    }

    private static void removeNeverText(Document doc) {
        for (Element e : doc.getAllElements()) {
            if (e.parent() != null && NEVER_TEXT.contains(e.normalName())) {
                e.remove();
            }
        }
    }

    private void removeBoilerplate(Element body, Strictness strictness, int pageLength) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            Counts c = counts.get(e);
            int length = c == null ? 0 : c.totalLength;
            // Hidden is hidden, unless it wraps nearly everything (pages hidden until a script shows them).
            if (isHidden(e) && length <= pageLength * 0.8) {
                doomed.add(e);
                continue;
            }
            // Class names can lie; the retry without them catches a page where they removed the article.
            if (strictness.removeUnlikely() && !isStructural(e) && ClassHints.isUnlikely(e)) {
                doomed.add(e);
                continue;
            }
            boolean holdsArticle = length > pageLength * 0.4 && length >= 250;
            if (!holdsArticle && FURNITURE.contains(e.normalName())) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            e.remove(); // removing an already-detached descendant is harmless
        }
    }

    private static boolean isStructural(Element e) {
        String tag = e.normalName();
        return tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("a")
                || tag.equals("table") || tag.equals("tbody") || tag.equals("tr") || tag.equals("td");
    }

    static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || e.attr("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) return false;
        String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    // --- counting -------------------------------------------------------------------------------

    private Counts countsOf(Element e) {
        return counts.computeIfAbsent(e, k -> new Counts());
    }

    private void count(Element root) {
        ArrayDeque<Element> blocks = new ArrayDeque<>();
        int[] linkDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (!INLINE.contains(e.normalName()) || blocks.isEmpty()) blocks.push(e);
                    if (e.normalName().equals("time")) countsOf(e).totalStamps++;
                    if (e.normalName().equals("a")) linkDepth[0]++;
                } else if (node instanceof TextNode t && !blocks.isEmpty()) {
                    String text = t.getWholeText();
                    int length = TextMeasure.weightedLength(text);
                    if (length == 0) return;
                    int marks = TextMeasure.clauseMarks(text);
                    Counts own = countsOf(blocks.peek());
                    own.ownLength += length;
                    own.ownMarks += marks;
                    Counts parent = countsOf((Element) t.parent());
                    parent.totalLength += length;
                    parent.totalMarks += marks;
                    if (CommentThreads.hasStamp(text)) parent.totalStamps++;
                    if (linkDepth[0] > 0) {
                        own.ownLinkLength += length;
                        parent.linkLength += length;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (!blocks.isEmpty() && blocks.peek() == e) blocks.pop();
                    if (e.normalName().equals("a")) linkDepth[0]--;
                }
            }
        }, root);
        // Children before parents: add each element's totals into its parent.
        Elements all = root.getAllElements();
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            Counts c = counts.get(e);
            if (c == null || e.parent() == null) continue;
            Counts p = countsOf(e.parent());
            p.totalLength += c.totalLength;
            p.linkLength += c.linkLength;
            p.totalMarks += c.totalMarks;
            p.totalStamps += c.totalStamps;
        }
    }

    private double linkDensity(Element e) {
        Counts c = counts.get(e);
        return c == null || c.totalLength == 0 ? 0 : (double) c.linkLength / c.totalLength;
    }

    private int length(Element e) {
        Counts c = counts.get(e);
        return c == null ? 0 : c.totalLength;
    }

    // --- scoring --------------------------------------------------------------------------------

    private Element bestCandidate(Element body, Strictness strictness) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            Counts c = counts.get(e);
            if (c == null || c.ownLength < MIN_BLOCK_LENGTH || isHeading(e)) continue;
            if (c.ownLinkLength > c.ownLength * 0.5) continue; // a link list, not prose
            double blockScore = 1 + c.ownMarks + Math.min(c.ownLength / 100.0, 3);
            // A block's own score goes to its container, not to itself: the container is the article.
            Element ancestor = e.parent();
            for (int level = 0; level < ANCESTOR_SHARE.length && ancestor != null; level++) {
                if (ancestor.normalName().equals("html")) break;
                Counts a = countsOf(ancestor);
                if (!a.candidate) {
                    a.candidate = true;
                    a.score = initialScore(ancestor, strictness);
                    candidates.add(ancestor);
                }
                a.score += blockScore * ANCESTOR_SHARE[level];
                ancestor = ancestor.parent();
            }
        }
        if (candidates.isEmpty()) return null;
        for (Element e : candidates) {
            Counts c = counts.get(e);
            c.score *= 1 - linkDensity(e);
        }
        candidates.sort(Comparator.comparingDouble((Element e) -> counts.get(e).score).reversed());
        Element top = candidates.getFirst();
        double topScore = counts.get(top).score;

        // Close runners-up that share an ancestor with the winner mean the article is split up:
        // take the nearest ancestor that holds the winner and two of them.
        List<Element> close = new ArrayList<>();
        for (int i = 1; i < Math.min(candidates.size(), 6); i++) {
            Element other = candidates.get(i);
            if (counts.get(other).score >= topScore * 0.75 && !isAncestor(other, top) && !isAncestor(top, other)) {
                close.add(other);
            }
        }
        if (close.size() >= 2) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent(); ancestor = ancestor.parent()) {
                int contained = 0;
                for (Element other : close) {
                    if (isAncestor(ancestor, other)) contained++;
                }
                if (contained >= 2) {
                    top = ancestor;
                    break;
                }
            }
        }
        // A wrapper with a single child says nothing more than its child; siblings are found one level up.
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1
                && top.parent().normalName().matches("div|section|article|main")) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) return true;
        }
        return false;
    }

    private static double initialScore(Element e, Strictness strictness) {
        double score = switch (e.normalName()) {
            case "div", "section" -> 5;
            case "article", "main" -> 10;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        // The body's class names describe the whole page (a "page" or "single-post" template), not a part of it.
        if (strictness.useClassWeights() && !e.normalName().equals("body")) {
            score += ClassHints.weight(e);
        }
        return score;
    }

    private static boolean isHeading(Element e) {
        String t = e.normalName();
        return t.length() == 2 && t.charAt(0) == 'h' && t.charAt(1) >= '1' && t.charAt(1) <= '6';
    }

    private List<Element> withSiblings(Element top, Strictness strictness) {
        Element parent = top.parent();
        if (parent == null) return List.of(top);
        double topScore = counts.get(top).score;
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                parts.add(sibling);
                continue;
            }
            Counts c = counts.get(sibling);
            double bonus = strictness.useClassWeights() && !top.className().isEmpty()
                    && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            if (c != null && c.candidate && c.score + bonus >= threshold) {
                parts.add(sibling);
            } else if (c != null && c.totalLength > 0 && isWrapperLikeTop(sibling, top) && linkDensity(sibling) < 0.25
                    && (TextMeasure.endsLikeSentence(sibling.text()) || sibling.selectFirst("h2, h3, h4") != null)) {
                // Sites that wrap every paragraph in a div of its own: a short paragraph's wrapper scores
                // too little on its own, but it is one more of the article's wrappers.
                parts.add(sibling);
            } else if (c != null && (sibling.normalName().equals("p") || c.ownLength == c.totalLength)
                    && c.totalLength > 0) {
                double density = linkDensity(sibling);
                String text = sibling.text();
                if ((c.totalLength > 80 && density < 0.25)
                        || (density == 0 && TextMeasure.endsLikeSentence(text))) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    private static boolean isWrapperLikeTop(Element sibling, Element top) {
        return !top.className().isEmpty() && sibling.normalName().equals(top.normalName())
                && sibling.className().equals(top.className());
    }

    // --- cleaning the chosen content ----------------------------------------------------------------

    private void clean(Element content, Strictness strictness, String title) {
        removeDuplicateTitle(content, title);
        if (!strictness.cleanConditionally()) return;
        int contentLength = length(content);
        Elements all = content.getAllElements();
        // Innermost first, so a list of links is judged before the section around it.
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            if (e.parent() == null) continue;
            if (shouldDrop(e, strictness, contentLength)) {
                e.remove();
            }
        }
    }

    /**
     * Drops the short lines above the article's first paragraph that repeat the headline or give a
     * date or time: the headline, byline and dateline of layouts that put them in the same container
     * as the text (an old CMS's table cell, a div of generated class names).
     */
    private void removeLeadingMetaLines(List<Element> parts, String title) {
        String wanted = title == null ? null : normalised(title);
        int seen = 0;
        List<Element> blocks = new ArrayList<>();
        parts.forEach(part -> blocks.addAll(part.getAllElements()));
        for (Element block : blocks) {
            Counts c = counts.get(block);
            if (c == null || c.ownLength == 0 || block.ownerDocument() == null) continue;
            String text = block.text();
            if (c.ownLength >= 80 && TextMeasure.endsLikeSentence(text)) return; // the first paragraph
            if (++seen > 4) return;
            if (TextMeasure.endsLikeSentence(text) || !isOwnTextOnly(block)) continue;
            boolean repeatsTitle = wanted != null && BlockText.of(List.of(block)).lines()
                    .anyMatch(line -> normalised(line).equals(wanted));
            int mostLength = repeatsTitle ? 250 : 120;
            if (c.totalLength <= mostLength && (repeatsTitle || CommentThreads.hasStamp(text))) {
                block.remove();
            }
        }
    }

    /**
     * Drops a paragraph that the next paragraph of the text, in another container, repeats word for
     * word: the standfirst in the header that is the first paragraph of the body again (lines
     * between them that are no sentences, a byline or a caption, do not count). Repeats far apart or
     * in one container are left alone; that is how the text was written.
     */
    private void removeRepeatedBlocks(List<Element> parts) {
        Element previous = null;
        List<Element> copies = new ArrayList<>();
        for (Element part : parts) {
            for (Element block : part.getAllElements()) {
                Counts c = counts.get(block);
                if (c == null || c.ownLength < MIN_REPEATED_BLOCK || !isOwnTextOnly(block)) continue;
                String text = block.text();
                if (previous != null && previous.parent() != block.parent()
                        && normalised(previous.text()).equals(normalised(text))) {
                    copies.add(previous);
                }
                if (TextMeasure.endsLikeSentence(text) || previous == null) {
                    previous = block;
                }
            }
        }
        copies.forEach(Element::remove);
    }

    /** Whether all of the element's text is its own (no block inside it carries text). */
    private boolean isOwnTextOnly(Element e) {
        Counts c = counts.get(e);
        return c != null && c.ownLength == c.totalLength;
    }

    private void removeDuplicateTitle(Element content, String title) {
        if (title == null) return;
        String wanted = normalised(title);
        for (Element heading : content.select("h1, h2, h3")) {
            String text = normalised(heading.text());
            if (text.equals(wanted) || (!text.isEmpty() && wanted.startsWith(text) && text.length() > wanted.length() / 2)) {
                heading.remove();
            }
            return; // only the first heading can be the page title repeated
        }
    }

    private static String normalised(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private boolean shouldDrop(Element e, Strictness strictness, int contentLength) {
        String tag = e.normalName();
        boolean container = switch (tag) {
            case "div", "section", "ul", "ol", "table", "form", "aside", "figure", "dl", "header", "footer", "nav" -> true;
            default -> false;
        };
        if (isHeading(e)) {
            return (strictness.useClassWeights() && ClassHints.weight(e) < 0) || linkDensity(e) > 0.33;
        }
        if (!container) return false;
        int weight = strictness.useClassWeights() ? ClassHints.weight(e) : 0;
        if (weight < 0) return true;
        Counts c = counts.get(e);
        if (c == null || c.totalLength == 0) {
            return e.select("img, picture, figure").isEmpty();
        }
        // Reader comments are prose too: known by their repeated "who and when" lines, when they are not the page.
        if (c.totalStamps >= 2 && c.totalLength < contentLength * 0.5 && CommentThreads.isThread(e)) return true;
        if (c.totalMarks >= 10) return false; // long prose survives
        double density = linkDensity(e);
        if (density > (weight >= 25 ? 0.5 : 0.33) && !isDataTable(e)) return true;
        int paragraphs = e.select("p").size();
        int items = e.select("li").size();
        if (!tag.equals("ul") && !tag.equals("ol") && items > 5 && items > paragraphs * 2 && density > 0.2) return true;
        int images = e.select("img").size();
        if (images > 2 && paragraphs == 0 && c.totalLength < 100 * images && !tag.equals("figure")) return true;
        return false;
    }

    /** A table of data rather than layout: headed, or rows of several cells. A one-column list of links is a list. */
    private static boolean isDataTable(Element e) {
        if (!e.normalName().equals("table")) return false;
        if (e.selectFirst("th, caption, thead") != null) return true;
        Elements rows = e.select("tr");
        if (rows.size() <= 3) return false;
        for (Element row : rows) {
            if (row.select("td").size() >= 2) return true;
        }
        return false;
    }
}
