package org.claimdesk.ui.shared;

import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.text.Bidi;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Breaks text that contains right-to-left script into lines itself. JavaFX 25.0.4 (Linux, Pango
 * glyph layout) throws ArrayIndexOutOfBoundsException in PrismTextLayout.computeTrailingSpaceWidth
 * whenever it soft-wraps Arabic, Persian or Hebrew text (Text, TextFlow, wrapping Labels and
 * TextAreas alike), so such text would not show at all. Text without wrapping lays out fine,
 * hard line breaks included, so the reader inserts the breaks and turns JavaFX's wrapping off.
 */
public final class RightToLeftWrapper {
    private final Text measure = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private Font measuredFont;

    /**
     * Shows fixed text in a label, wrapped by JavaFX or, when it holds right-to-left script, by a
     * wrapper of its own that follows the label's width and font.
     */
    public static void wrapInto(Label label, String text) {
        if (!needsOwnWrapping(text)) {
            label.setWrapText(true);
            label.setText(text);
            return;
        }
        label.setWrapText(false);
        RightToLeftWrapper wrapper = new RightToLeftWrapper();
        Runnable update = () -> {
            double width = label.getWidth() - 4;
            label.setText(width > 50 ? wrapper.wrap(text, label.getFont(), width) : text);
        };
        label.widthProperty().addListener((obs, before, now) -> update.run());
        label.fontProperty().addListener((obs, before, now) -> update.run());
        update.run();
    }

    /** True when JavaFX must not wrap this text itself. */
    public static boolean needsOwnWrapping(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char[] chars = text.toCharArray();
        return Bidi.requiresBidi(chars, 0, chars.length);
    }

    /**
     * The text with line breaks at word boundaries so that no line is wider than {@code width}
     * in {@code font} (a single word wider than that gets a line of its own). Spaces at the end
     * of a line are dropped: JavaFX trips over those as well.
     */
    public String wrap(String text, Font font, double width) {
        useFont(font);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 40);
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            wrapParagraph(paragraphs[p], width, out);
        }
        return out.toString();
    }

    private void wrapParagraph(String paragraph, double width, StringBuilder out) {
        BreakIterator boundaries = BreakIterator.getLineInstance(Locale.ROOT);
        boundaries.setText(paragraph);
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            String segment = paragraph.substring(start, end);
            double segmentWidth = widthOf(segment.stripTrailing());
            // Shaping joins letters across segments a little differently: keep a small margin.
            if (!line.isEmpty() && lineWidth + segmentWidth > width * 0.97) {
                out.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                lineWidth = 0;
            }
            line.append(segment);
            lineWidth += widthOf(segment);
        }
        out.append(line.toString().stripTrailing());
    }

    /** How wide a piece of text is in {@code font}, laid out on one line. */
    public double widthOf(String segment, Font font) {
        useFont(font);
        return widthOf(segment);
    }

    private void useFont(Font font) {
        if (!font.equals(measuredFont)) {
            widths.clear();
            measuredFont = font;
            measure.setFont(font);
        }
    }

    private double widthOf(String segment) {
        return widths.computeIfAbsent(segment, s -> {
            measure.setText(s);
            return measure.getLayoutBounds().getWidth();
        });
    }
}
