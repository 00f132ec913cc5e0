package org.claimdesk.rebuttals;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rebuttal's Markdown read into plain blocks (headings, paragraphs, list items, quotes, code),
 * the shape the editor's preview shows and a pack's page will be built from. Inline marks are
 * flattened to their text and a link keeps its address beside its words, so that nothing a reader
 * of the published answer would see is hidden in the preview. Raw HTML is shown as text, never run.
 */
public final class MarkdownBlocks {
    /** What a block is; the preview styles each kind its own way. */
    public enum Kind { HEADING, PARAGRAPH, BULLET, NUMBERED, QUOTE, CODE, RULE }

    /**
     * One block.
     *
     * @param level  a heading's level (1–6), a list item's depth (1 for the outermost), else 0
     * @param number a numbered item's number, else 0
     * @param text   its words, inline marks flattened; a link as "words (address)"
     */
    public record Block(Kind kind, int level, int number, String text) {
        public Block {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownBlocks() {
    }

    /** The blocks of a Markdown text, in order; none for blank text. */
    public static List<Block> of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        collect(PARSER.parse(markdown), blocks, 0, false);
        return List.copyOf(blocks);
    }

    private static void collect(Node parent, List<Block> blocks, int depth, boolean quoted) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, blocks, depth, quoted);
        }
    }

    private static void block(Node node, List<Block> blocks, int depth, boolean quoted) {
        switch (node) {
            case Heading heading -> blocks.add(new Block(Kind.HEADING, heading.getLevel(), 0, inline(heading)));
            case Paragraph paragraph -> blocks.add(new Block(quoted ? Kind.QUOTE : Kind.PARAGRAPH, 0, 0, inline(paragraph)));
            case BlockQuote quote -> collect(quote, blocks, depth, true);
            case BulletList list -> items(list, blocks, depth + 1, quoted, false, 0);
            case OrderedList list -> items(list, blocks, depth + 1, quoted, true,
                    list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
            case FencedCodeBlock code -> blocks.add(new Block(Kind.CODE, 0, 0, stripEnd(code.getLiteral())));
            case IndentedCodeBlock code -> blocks.add(new Block(Kind.CODE, 0, 0, stripEnd(code.getLiteral())));
            case HtmlBlock html -> blocks.add(new Block(Kind.CODE, 0, 0, stripEnd(html.getLiteral())));
            case ThematicBreak rule -> blocks.add(new Block(Kind.RULE, 0, 0, ""));
            default -> collect(node, blocks, depth, quoted);
        }
    }

    /** Each item's first paragraph is the item; what follows in it (more paragraphs, a nested list) comes after. */
    private static void items(Node list, List<Block> blocks, int depth, boolean quoted, boolean numbered, int start) {
        int number = start;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Node first = item.getFirstChild();
            boolean leadingParagraph = first instanceof Paragraph;
            blocks.add(new Block(numbered ? Kind.NUMBERED : Kind.BULLET, depth, numbered ? number : 0,
                    leadingParagraph ? inline(first) : ""));
            number++;
            for (Node rest = leadingParagraph ? first.getNext() : first; rest != null; rest = rest.getNext()) {
                block(rest, blocks, depth, quoted);
            }
        }
    }

    /** A block's inline content as plain words. */
    private static String inline(Node block) {
        StringBuilder text = new StringBuilder();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append('\n');
            }

            @Override
            public void visit(HtmlInline node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Link node) {
                int start = text.length();
                visitChildren(node);
                String words = text.substring(start).strip();
                String address = node.getDestination();
                if (address != null && !address.isBlank() && !words.equals(address)) {
                    text.append(" (").append(address).append(')');
                }
            }

            @Override
            public void visit(Image node) {
                int start = text.length();
                visitChildren(node);
                String alt = text.substring(start).strip();
                text.setLength(start);
                text.append("[").append(alt.isEmpty() ? "image" : alt).append(": ").append(node.getDestination()).append(']');
            }
        });
        return text.toString().strip();
    }

    private static String stripEnd(String literal) {
        return literal == null ? "" : literal.stripTrailing();
    }
}
