package org.claimdesk.ui.exchange;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.ui.shared.Messages;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks what opens an encrypted file: its passphrase, or the secret key it was encrypted to (with
 * that key's passphrase). Not modal to the FX thread: the answer comes through a callback, so the
 * window keeps drawing while the analyst types.
 */
public final class KeyDialog {
    private KeyDialog() {
    }

    /**
     * @param why     what the last attempt said (no passphrase given, a wrong one)
     * @param opened  given the keys when the analyst chooses Open; the passphrase array is theirs to wipe
     * @param dropped called when the analyst cancels
     */
    public static Dialog<ButtonType> show(Window owner, Messages messages, Path file, String why,
                                          Consumer<OpenPgpEnvelope.Keys> opened, Runnable dropped) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("key.title"));
        dialog.setHeaderText(messages.format("key.header", file.getFileName()));
        Label reason = new Label(why);
        reason.setId("keyReason");
        reason.setWrapText(true);
        reason.getStyleClass().add(Styles.WARNING);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("keyPassphrase");
        passphrase.setPromptText(messages.get("key.passphrase"));
        List<Path> secretKeys = new ArrayList<>();
        Label keysChosen = new Label(messages.get("key.noSecretKey"));
        keysChosen.setId("keySecretKeys");
        Button chooseKey = new Button(messages.get("key.chooseSecretKey"));
        chooseKey.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("key.chooseSecretKey"));
            File key = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (key != null) {
                secretKeys.add(key.toPath());
                keysChosen.setText(String.join(", ", secretKeys.stream().map(p -> p.getFileName().toString()).toList()));
            }
        });
        Label hint = new Label(messages.get("key.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(8, reason, passphrase, new HBox(8, chooseKey, keysChosen), hint);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        ButtonType open = new ButtonType(messages.get("key.open"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(open).setId("keyOpen");
        dialog.setOnShown(event -> passphrase.requestFocus());
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == open) {
                char[] typed = passphrase.getText().toCharArray();
                passphrase.clear();
                opened.accept(new OpenPgpEnvelope.Keys(typed.length == 0 ? null : typed, secretKeys));
            } else {
                passphrase.clear();
                dropped.run();
            }
        });
        dialog.show();
        return dialog;
    }
}
