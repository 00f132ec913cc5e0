package org.claimdesk.ui.exchange;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.claimdesk.ui.shared.Messages;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The file an export dialog writes: a field with the path (typed or chosen) and "Choose…". */
final class ZipTarget {
    final TextField field;
    private final Button choose;

    ZipTarget(Messages messages, String id, Path suggested, String title, Supplier<Window> owner) {
        field = new TextField(suggested.toString());
        field.setId(id);
        HBox.setHgrow(field, Priority.ALWAYS);
        choose = new Button(messages.get("pack.chooseTarget"));
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Zip", "*.zip"));
            File chosen = chooser.showSaveDialog(owner.get());
            if (chosen != null) {
                field.setText(chosen.getPath());
            }
        });
    }

    HBox row() {
        HBox row = new HBox(8, field, choose);
        HBox.setHgrow(row, Priority.ALWAYS);
        return row;
    }

    /** The path written, or null when the field is empty. */
    Path path() {
        String text = field.getText() == null ? "" : field.getText().strip();
        return text.isEmpty() ? null : Path.of(text);
    }
}
