package org.claimdesk.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns text written as runs separated by {@code <br><br>} into paragraphs. Old CMSs and forum
 * software put an article's text straight into a table cell or div with blank lines between its
 * paragraphs; left as it is, that text belongs to the cell itself, and scoring, which credits a
 * paragraph's container, would credit the row or table around it (with its menu columns) instead.
 * A single {@code <br>} stays a line break inside its paragraph.
 */
final class LineBreakParagraphs {
    /** Containers that hold flowing text; lists, tables' rows and preformatted text keep their structure. */
    private static final Set<String> CONTAINERS = Set.of("div", "td", "th", "section", "article", "main", "body",
            "blockquote", "center", "form", "dd");

    private LineBreakParagraphs() {
    }

    static void apply(Element root) {
        List<Element> containers = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (CONTAINERS.contains(e.normalName()) && hasBlankLine(e)) {
                containers.add(e);
            }
        }
        for (Element container : containers) {
            wrapRuns(container);
        }
    }

    /** Whether two {@code <br>}s follow each other among the element's own children (whitespace between). */
    private static boolean hasBlankLine(Element e) {
        boolean afterBreak = false;
        for (Node child : e.childNodes()) {
            if (isBreak(child)) {
                if (afterBreak) return true;
                afterBreak = true;
            } else if (!isBlank(child)) {
                afterBreak = false;
            }
        }
        return false;
    }

    private static void wrapRuns(Element container) {
        List<Node> run = new ArrayList<>();
        List<Node> children = new ArrayList<>(container.childNodes());
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            if (child instanceof Element e && !MainContent.INLINE.contains(e.normalName())) {
                wrap(run);
            } else if (isBreak(child) && isBreak(nextNonBlank(children, i))) {
                wrap(run);
                child.remove();
            } else if (isBreak(child) && run.isEmpty()) {
                child.remove(); // the rest of a blank line: a break that would start a paragraph
            } else {
                run.add(child);
            }
        }
        wrap(run);
    }

    private static Node nextNonBlank(List<Node> nodes, int from) {
        for (int i = from + 1; i < nodes.size(); i++) {
            if (!isBlank(nodes.get(i))) return nodes.get(i);
        }
        return null;
    }

    /** Moves a run of inline nodes into a new paragraph, when it holds any text. */
    private static void wrap(List<Node> run) {
        while (!run.isEmpty() && (isBreak(run.getLast()) || isBlank(run.getLast()))) {
            run.removeLast();
        }
        boolean hasText = false;
        for (Node node : run) {
            hasText |= node instanceof TextNode t ? !t.isBlank() : node instanceof Element e && !e.text().isBlank();
        }
        if (hasText) {
            Element paragraph = new Element("p");
            run.getFirst().before(paragraph);
            for (Node node : run) {
                paragraph.appendChild(node); // moves the node
            }
        }
        run.clear();
    }

    private static boolean isBreak(Node node) {
        return node instanceof Element e && e.normalName().equals("br");
    }

    private static boolean isBlank(Node node) {
        return node instanceof TextNode t && t.isBlank();
    }
}
