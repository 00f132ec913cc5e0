package org.claimdesk.ui.shared;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text area for writing that breaks right-to-left lines itself. JavaFX 25 and 26 (Linux, Pango
 * glyph layout) throw ArrayIndexOutOfBoundsException in PrismTextLayout.computeTrailingSpaceWidth
 * whenever they break an Arabic or Hebrew line softly, and a TextArea measures its lines at a
 * narrower width even with wrapping off, so a long Arabic paragraph takes the window down. Here
 * such text is shown with line breaks of our own at word boundaries, narrower than the area, and
 * JavaFX never has to break a line.
 *
 * <p>{@link #writtenProperty()} is what the writer wrote, without those breaks; every edit (typing,
 * pasting, deleting across a break) is mapped onto it, and copying copies from it. Text that needs
 * no bidirectional layout is wrapped by JavaFX as usual and what was written is the text itself.
 */
public final class SelfWrappingTextArea extends TextArea {
    /** Room for the vertical scroll bar and the area's insets. */
    private static final double CHROME = 48;
    /** Until the area has a width, lines are broken at this width so that none is ever too long. */
    private static final double FIRST_WIDTH = 240;

    private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper(this, "written", "");
    private final RightToLeftWrapper measure = new RightToLeftWrapper();
    /** Offsets in what was written before which a break of ours is shown, ascending. */
    private int[] breaks = new int[0];
    private boolean showing;

    public SelfWrappingTextArea() {
        setWrapText(true);
        setTextFormatter(new TextFormatter<>(this::edit));
        widthProperty().addListener((obs, before, now) -> reshow());
        fontProperty().addListener((obs, before, now) -> reshow());
        nodeOrientationProperty().addListener((obs, before, now) -> reshow());
    }

    /** The text as written, without the breaks this area adds for showing it. */
    public ReadOnlyStringProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    public String getWritten() {
        return written.get();
    }

    /** Replaces what is written (from the model, not from the keyboard); the caret goes to the start. */
    public void setWritten(String text) {
        String value = text == null ? "" : text;
        if (value.equals(written.get()) && !showing) {
            return;
        }
        show(value, 0, 0);
        written.set(value);
    }

    /**
     * Keeps what is written and {@code text} the same both ways (a model's property): the model's
     * changes are shown, the writer's edits reach the model.
     */
    public void bindWritten(StringProperty text) {
        setWritten(text.get());
        text.addListener((obs, before, now) -> {
            if (!Objects.equals(now, written.get())) {
                setWritten(now);
            }
        });
        written.addListener((obs, before, now) -> {
            if (!Objects.equals(now, text.get())) {
                text.set(now);
            }
        });
    }

    /*
     * With JavaFX's wrapping off, a text area asks for the width of its widest line; ours are as
     * wide as the area was, so it would never shrink again (and push the panes beside it away).
     * Ask for what a wrapping area asks instead: its columns.
     */
    @Override
    protected double computePrefWidth(double height) {
        double pref = super.computePrefWidth(height);
        return isWrapText() ? pref : Math.min(pref, columnsWidth());
    }

    @Override
    protected double computeMinWidth(double height) {
        double min = super.computeMinWidth(height);
        return isWrapText() ? min : Math.min(min, CHROME + 50);
    }

    private double columnsWidth() {
        return getPrefColumnCount() * measure.widthOf("m", getFont()) + snappedLeftInset() + snappedRightInset() + CHROME;
    }

    /** Copies what was written, not the breaks shown. */
    @Override
    public void copy() {
        int from = toWritten(getSelection().getStart());
        int to = toWritten(getSelection().getEnd());
        if (from < to) {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(written.get().substring(from, to));
            Clipboard.getSystemClipboard().setContent(clip);
        }
    }

    /** The offset in what was written of an offset in the shown text. */
    public int toWritten(int shown) {
        int before = 0;
        while (before < breaks.length && breaks[before] + before < shown) {
            before++;
        }
        return Math.min(shown - before, written.get().length());
    }

    /** The offset in the shown text of an offset in what was written (after a break shown there). */
    public int toShown(int offset) {
        int before = 0;
        while (before < breaks.length && breaks[before] <= offset) {
            before++;
        }
        return offset + before;
    }

    private TextFormatter.Change edit(TextFormatter.Change change) {
        if (showing || !change.isContentChange()) {
            return change;
        }
        String before = written.get();
        int from = toWritten(change.getRangeStart());
        int to = Math.max(from, toWritten(change.getRangeEnd()));
        String added = change.getText();
        if (from == to && added.isEmpty() && change.getRangeStart() < change.getRangeEnd()) {
            // only one of our breaks was deleted: backspace means the letter before it, Delete the one after
            if (getCaretPosition() >= change.getRangeEnd()) {
                from = Math.max(0, from - 1);
            } else {
                to = Math.min(before.length(), to + 1);
            }
        }
        String now = before.substring(0, from) + added + before.substring(to);
        int caret = from + added.length();
        Layout layout = layout(now);
        breaks = layout.breaks();
        written.set(now);
        setWrapText(!layout.ownBreaks());
        if (layout.shown().equals(change.getControlNewText())) {
            return change; // our breaks did not move: the edit goes through as it is, and undo stays fine-grained
        }
        change.setRange(0, change.getControlText().length());
        change.setText(layout.shown());
        int shownCaret = toShown(caret);
        change.selectRange(shownCaret, shownCaret);
        return change;
    }

    private void reshow() {
        if (!showing) {
            int caret = toWritten(getCaretPosition());
            int anchor = toWritten(getAnchor());
            show(written.get(), anchor, caret);
        }
    }

    private void show(String text, int anchor, int caret) {
        Layout layout = layout(text);
        showing = true;
        try {
            breaks = layout.breaks();
            setWrapText(!layout.ownBreaks());
            if (!layout.shown().equals(getText())) {
                setText(layout.shown());
            }
            selectRange(toShown(Math.min(anchor, text.length())), toShown(Math.min(caret, text.length())));
        } finally {
            showing = false;
        }
    }

    private Layout layout(String text) {
        if (!RightToLeftWrapper.needsOwnWrapping(text)) {
            return new Layout(text, new int[0], false);
        }
        double width = getWidth() > CHROME + 50 ? getWidth() - CHROME : FIRST_WIDTH;
        int[] at = breakOffsets(text, width);
        StringBuilder shown = new StringBuilder(text.length() + at.length);
        int last = 0;
        for (int offset : at) {
            shown.append(text, last, offset).append('\n');
            last = offset;
        }
        shown.append(text, last, text.length());
        return new Layout(shown.toString(), at, true);
    }

    /** Where lines longer than {@code width} get a break: after the spaces that end a word. */
    private int[] breakOffsets(String text, double width) {
        List<Integer> offsets = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getLineInstance(Locale.ROOT);
        int paragraphStart = 0;
        while (paragraphStart <= text.length()) {
            int paragraphEnd = text.indexOf('\n', paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            String paragraph = text.substring(paragraphStart, paragraphEnd);
            boundaries.setText(paragraph);
            double lineWidth = 0;
            boolean lineHasWord = false;
            int start = boundaries.first();
            for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
                String segment = paragraph.substring(start, end);
                double segmentWidth = measure.widthOf(segment.stripTrailing(), getFont());
                // shaping joins letters across segments a little differently: keep a margin
                if (lineHasWord && lineWidth + segmentWidth > width * 0.95) {
                    offsets.add(paragraphStart + start);
                    lineWidth = 0;
                }
                lineWidth += measure.widthOf(segment, getFont());
                lineHasWord = true;
            }
            paragraphStart = paragraphEnd + 1;
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text as shown, the offsets in what was written of our breaks in it, and whether we broke the lines. */
    private record Layout(String shown, int[] breaks, boolean ownBreaks) {
    }
}
