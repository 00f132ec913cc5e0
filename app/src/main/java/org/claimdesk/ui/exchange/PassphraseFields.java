package org.claimdesk.ui.exchange;

import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import org.claimdesk.ui.shared.Messages;

import java.util.function.Consumer;

/**
 * "Encrypt with a passphrase", typed twice: what the export dialogs share. Nothing is kept once
 * read; the fields are cleared.
 */
final class PassphraseFields {
    /** The answer: not encrypted, a passphrase, or refused (the reason was said). */
    record Answer(boolean refused, char[] passphrase) {
    }

    private final Messages messages;
    final CheckBox encrypt;
    final PasswordField passphrase = new PasswordField();
    final PasswordField again = new PasswordField();

    /** @param idPrefix ids "PREFIXEncrypt", "PREFIXPassphrase", "PREFIXPassphraseAgain", for tests and accessibility */
    PassphraseFields(Messages messages, String idPrefix) {
        this.messages = messages;
        encrypt = new CheckBox(messages.get("export.encrypt"));
        encrypt.setId(idPrefix + "Encrypt");
        passphrase.setId(idPrefix + "Passphrase");
        passphrase.setPromptText(messages.get("key.passphrase"));
        again.setId(idPrefix + "PassphraseAgain");
        again.setPromptText(messages.get("export.passphraseAgain"));
        passphrase.disableProperty().bind(encrypt.selectedProperty().not());
        again.disableProperty().bind(encrypt.selectedProperty().not());
    }

    HBox row() {
        return new HBox(8, encrypt, passphrase, again);
    }

    /** Reads the passphrase when encrypting; says why not through {@code refused}. Clears the fields when accepted. */
    Answer read(Consumer<String> refused) {
        if (!encrypt.isSelected()) {
            clear();
            return new Answer(false, null);
        }
        if (passphrase.getText().isEmpty() || !passphrase.getText().equals(again.getText())) {
            refused.accept(messages.get(passphrase.getText().isEmpty() ? "export.passphraseMissing" : "export.passphraseDiffers"));
            return new Answer(true, null);
        }
        char[] secret = passphrase.getText().toCharArray();
        clear();
        return new Answer(false, secret);
    }

    void clear() {
        passphrase.clear();
        again.clear();
    }
}
