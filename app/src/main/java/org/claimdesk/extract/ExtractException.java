package org.claimdesk.extract;

/**
 * Content that could not be understood (malformed XML, not a feed, unreadable page), with a
 * message that says where (line and column where known) and what is wrong.
 */
public final class ExtractException extends Exception {
    public ExtractException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExtractException(String message) {
        super(message);
    }
}
