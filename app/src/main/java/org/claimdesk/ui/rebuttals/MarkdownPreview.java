package org.claimdesk.ui.rebuttals;

import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.VBox;
import org.claimdesk.rebuttals.MarkdownBlocks;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.ScriptStyles;

import java.util.List;

/**
 * The full text as its readers will see it: headings, paragraphs, lists, quotes, code, one label
 * each, right to left when the rebuttal's language is. Labels rather than a web view: nothing to
 * load, and right-to-left lines are broken by {@link RightToLeftWrapper} (JavaFX's own wrapping
 * fails on Arabic and Hebrew).
 */
final class MarkdownPreview {
    private final VBox blocks = new VBox(6);
    private final ScriptStyles fonts;

    MarkdownPreview(ScriptStyles fonts) {
        this.fonts = fonts;
        blocks.setId("rebuttalPreview");
        blocks.getStyleClass().add("markdown-preview");
        blocks.setPadding(new Insets(6));
    }

    Node node() {
        return blocks;
    }

    /** Shows a text in a language ("ar", "ja"…; the text's own script decides when it is not known). */
    void show(String markdown, String language) {
        List<MarkdownBlocks.Block> parsed = MarkdownBlocks.of(markdown);
        WritingSystem script = WritingSystem.of(language, markdown == null ? "" : markdown);
        blocks.setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        String style = fonts.styleFor(script);
        blocks.getChildren().setAll(parsed.stream().map(block -> nodeOf(block, style)).toList());
    }

    private static Node nodeOf(MarkdownBlocks.Block block, String style) {
        if (block.kind() == MarkdownBlocks.Kind.RULE) {
            return new Separator();
        }
        String text = switch (block.kind()) {
            case BULLET -> "\u2022 " + block.text();
            case NUMBERED -> block.number() + ". " + block.text();
            default -> block.text();
        };
        Label label = new Label();
        label.setMaxWidth(Double.MAX_VALUE);
        label.setStyle(style);
        label.getStyleClass().add("md-" + block.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (block.kind() == MarkdownBlocks.Kind.HEADING) {
            label.getStyleClass().add("md-h" + block.level());
        }
        if (block.level() > 1 && (block.kind() == MarkdownBlocks.Kind.BULLET || block.kind() == MarkdownBlocks.Kind.NUMBERED)) {
            VBox.setMargin(label, new Insets(0, 0, 0, 18 * (block.level() - 1)));
        }
        RightToLeftWrapper.wrapInto(label, text);
        return label;
    }
}
