package org.claimdesk.export;

import java.io.IOException;

/**
 * Why a file could not be encrypted or decrypted, in words a user can act on, with the kind of
 * problem for a caller that wants to add a hint (which option gives a passphrase) or pick an exit code.
 */
public final class EncryptionException extends IOException {
    /** What went wrong. */
    public enum Reason {
        /** A passphrase or a secret key is needed and none was given. */
        NEEDS_KEY,
        /** The passphrase does not open the file, or does not unlock the secret key. */
        WRONG_PASSPHRASE,
        /** The file is encrypted to keys of which none was given. */
        WRONG_KEY,
        /** The file is cut short, changed or damaged: its integrity check failed or it does not parse. */
        DAMAGED,
        /** It decrypts to more than the limits allow (a decompression bomb, or simply too big). */
        TOO_LARGE,
        /** OpenPGP, but not something we open: no integrity protection, a signature or key instead of a message. */
        UNSUPPORTED,
        /** A key file to encrypt to or decrypt with cannot be used. */
        BAD_KEY_FILE
    }

    private final Reason reason;

    public EncryptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
