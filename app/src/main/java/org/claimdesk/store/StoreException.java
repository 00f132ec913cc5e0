package org.claimdesk.store;

/** The workspace database could not be opened, migrated, read or written. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
