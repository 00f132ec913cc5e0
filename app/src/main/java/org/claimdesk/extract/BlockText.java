package org.claimdesk.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain text of elements with their paragraph structure kept: each block (paragraph, heading,
 * list item, quote, table row) becomes a paragraph, paragraphs are separated by a blank line, a
 * single {@code <br>} is a line break, whitespace is collapsed except inside {@code <pre>}.
 */
final class BlockText {
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int preDepth;

    private BlockText() {
    }

    static String of(List<Element> elements) {
        BlockText text = new BlockText();
        for (Element e : elements) {
            text.append(e);
        }
        text.flush();
        return String.join("\n\n", text.paragraphs);
    }

    private void append(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    current.append(preDepth > 0 ? text.replace("\n", "\u2028") : text.replace('\n', ' '));
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        current.append('\u2028');
                    } else if (tag.equals("img")) {
                        current.append(' ');
                    } else if (CELLS.contains(tag)) {
                        current.append(' ');
                    } else if (!MainContent.INLINE.contains(tag)) {
                        flush();
                        if (tag.equals("pre")) preDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (CELLS.contains(tag)) {
                        current.append(' ');
                    } else if (!MainContent.INLINE.contains(tag)) {
                        flush();
                        if (tag.equals("pre")) preDepth--;
                    }
                }
            }
        }, root);
    }

    /** Ends the current block; blank lines inside it (double {@code <br>}) split it into paragraphs. */
    private void flush() {
        if (current.isEmpty()) return;
        String block = INVISIBLE.matcher(current).replaceAll("");
        current.setLength(0);
        List<String> lines = new ArrayList<>();
        for (String line : block.split("\u2028", -1)) {
            lines.add(SPACES.matcher(line).replaceAll(" ").strip());
        }
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                endParagraph(paragraph);
            } else {
                if (!paragraph.isEmpty()) paragraph.append('\n');
                paragraph.append(line);
            }
        }
        endParagraph(paragraph);
    }

    private void endParagraph(StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
