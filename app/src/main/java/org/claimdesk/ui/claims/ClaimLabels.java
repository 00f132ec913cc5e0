package org.claimdesk.ui.claims;

import javafx.scene.control.Label;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.ui.shared.ScriptedLabel;

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
        return ScriptedLabel.of(fonts, text);
    }
}
