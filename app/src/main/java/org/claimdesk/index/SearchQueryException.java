package org.claimdesk.index;

/** The query box text cannot be understood; the message says where and why, for the analyst. */
public class SearchQueryException extends IllegalArgumentException {
    public SearchQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
