package org.claimdesk.index;

import java.util.regex.Pattern;

/**
 * What a document in the index stands for. Every kind shares the one writer, reopen and commit
 * of {@link ItemIndex}; each has its own keys (its rows' ids in the database) and its own
 * searches, which filter to it so that one kind never shows up in another's results. Kinds are
 * named here, as constants.
 */
public final class DocumentKind {
    private static final Pattern NAME = Pattern.compile("[a-z]+");

    /** A stored item (an article, a post); its key is the item's id. */
    public static final DocumentKind ITEM = new DocumentKind("item");
    /** An imported fact-check (a ClaimReview record); its key is the fact_check row's id. */
    public static final DocumentKind FACT_CHECK = new DocumentKind("factcheck");
    /** One of the team's rebuttals, as an earlier answer to match new claims against; its key is the rebuttal's id. */
    public static final DocumentKind REBUTTAL = new DocumentKind("rebuttal");

    private final String value;

    /** Package-private: a kind is declared above, where its value is written to disk. */
    DocumentKind(String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a document kind is lower-case letters: " + value);
        }
        this.value = value;
    }

    /** The value of {@link IndexFields#KIND}; written to disk, so never renamed without a new schema version. */
    String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentKind kind && kind.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
