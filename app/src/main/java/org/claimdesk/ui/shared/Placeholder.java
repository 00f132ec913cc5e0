package org.claimdesk.ui.shared;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;

/** The hint an empty list or pane shows instead of its content ("No items yet…"). */
public final class Placeholder {
    private Placeholder() {
    }

    /** A centred label that wraps: the hints are in the window's language, never right-to-left item text. */
    public static Label of(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPadding(new Insets(16));
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
