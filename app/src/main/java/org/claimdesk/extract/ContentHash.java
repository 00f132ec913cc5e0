package org.claimdesk.extract;

/** A fingerprint of an article's text that ignores whitespace and case, to spot the same story twice. */
public final class ContentHash {
    private ContentHash() {
    }

    /** Hex SHA-256 of the normalised text (NFKC, lower case, whitespace collapsed). */
    public static String of(String text) {
        throw new UnsupportedOperationException("TODO");
    }
}
