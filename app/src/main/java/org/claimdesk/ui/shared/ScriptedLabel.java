package org.claimdesk.ui.shared;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import org.claimdesk.script.WritingSystem;

/** A label for text in any script: its script's font and direction, wrapped (right-to-left text by us). */
public final class ScriptedLabel {
    private ScriptedLabel() {
    }

    public static Label of(ScriptStyles fonts, String text) {
        Label label = new Label();
        RightToLeftWrapper.wrapInto(label, text);
        WritingSystem script = WritingSystem.of(null, text);
        label.setStyle(fonts.styleFor(script));
        label.setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
