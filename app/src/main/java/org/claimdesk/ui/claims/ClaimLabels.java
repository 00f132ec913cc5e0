package org.claimdesk.ui.claims;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.ScriptStyles;

/** Labels the claim views share: a heading, and text shown in its own script and direction. */
final class ClaimLabels {
    private ClaimLabels() {
    }

    static Label heading(Messages messages, String key) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().add("cluster-heading");
        return heading;
    }

    /** A label in its text's own script and direction (Arabic right to left, wrapped by us). */
    static Label scripted(ScriptStyles fonts, String text) {
        Label label = new Label();
        RightToLeftWrapper.wrapInto(label, text);
        WritingSystem script = WritingSystem.of(null, text);
        label.setStyle(fonts.styleFor(script));
        label.setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
