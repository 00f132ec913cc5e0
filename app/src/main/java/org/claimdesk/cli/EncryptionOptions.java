package org.claimdesk.cli;

import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.workspace.EncryptedFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The options that encrypt what a command writes out (decision 0025), the same on every export:
 * {@code --encrypt-to}, {@code --passphrase-file}, {@code --encrypt} and {@code --armor}. The
 * passphrase never comes from an argument, see {@link Passphrases}.
 */
final class EncryptionOptions {
    @Option(names = "--encrypt-to", paramLabel = "KEYFILE", description = {"Encrypt the file (OpenPGP) to the public key in",
            "this file (.asc or binary, as gpg --export writes it); repeat for more recipients."})
    List<Path> encryptTo = List.of();

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = {"Encrypt the file (OpenPGP) with the passphrase",
            "on this file's first line."})
    Path passphraseFile;

    @Option(names = "--encrypt", description = {"Encrypt the file with a passphrase from $" + Passphrases.VARIABLE + ",",
            "or asked on the terminal. Never give a passphrase as an argument."})
    boolean encrypt;

    @Option(names = "--armor", description = "Write the encrypted file as ASCII text (.asc) instead of binary (.pgp).")
    boolean armor;

    /**
     * What the options ask for: a plain file, or one encrypted to a passphrase and/or keys. Closing it
     * wipes the passphrase from memory.
     */
    static final class Choice implements AutoCloseable {
        private final char[] passphrase;
        private final List<Path> keys;
        private final boolean armored;

        private Choice(char[] passphrase, List<Path> keys, boolean armored) {
            this.passphrase = passphrase;
            this.keys = keys;
            this.armored = armored;
        }

        boolean encrypted() {
            return passphrase != null || !keys.isEmpty();
        }

        /** Whom to encrypt to; null for a plain file. */
        OpenPgpEnvelope.Recipients recipients() {
            return encrypted() ? new OpenPgpEnvelope.Recipients(passphrase, keys, armored) : null;
        }

        /** Where the file goes: {@code out}, with {@code .pgp} or {@code .asc} added when encrypted. */
        Path target(Path out) {
            return encrypted() ? EncryptedFiles.encryptedName(out, armored) : out;
        }

        /** Tells whom the file was encrypted to, in a line on {@code out}; nothing for a plain file. */
        void tellWhom(PrintWriter out) {
            if (encrypted()) {
                out.println("encrypted (OpenPGP) to " + (passphrase != null ? "a passphrase" : "")
                        + (passphrase != null && !keys.isEmpty() ? " and " : "")
                        + (keys.isEmpty() ? "" : keys.size() + (keys.size() == 1 ? " key" : " keys"))
                        + "; gpg --decrypt opens it too");
            }
        }

        @Override
        public void close() {
            Passphrases.forget(passphrase);
        }
    }

    /**
     * Reads the passphrase when one is asked for (a file, the environment, else the terminal, twice).
     * When the options do not fit together, says why on {@code err} as {@code claimdesk COMMAND: …}
     * and returns null: wrong usage, nothing was written.
     *
     * @param what what is written, as the messages name it ("pack", "bundle")
     */
    Choice choose(String command, String what, PrintWriter err) throws IOException {
        char[] passphrase = null;
        if (encrypt || passphraseFile != null) {
            Passphrases passphrases = Passphrases.ofThisProcess();
            passphrase = passphrases.given(passphraseFile);
            if (passphrase == null) {
                passphrase = passphrases.ask("Passphrase for the " + what, true);
            }
            if (passphrase == null) {
                err.println("claimdesk " + command + ": --encrypt needs a passphrase: set $" + Passphrases.VARIABLE
                        + " or give --passphrase-file FILE; nothing was written");
                return null;
            }
        }
        if (passphrase == null && encryptTo.isEmpty() && armor) {
            err.println("claimdesk " + command + ": --armor is for an encrypted " + what
                    + ": add --encrypt-to, --passphrase-file or --encrypt");
            return null;
        }
        return new Choice(passphrase, List.copyOf(encryptTo), armor);
    }
}
