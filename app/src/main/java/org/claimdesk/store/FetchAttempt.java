package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;

/**
 * One request made for a source, successful or not.
 *
 * @param failure  null on success, else the failure category (e.g. "TIMEOUT", "MALFORMED_FEED")
 * @param message  null on success, else what went wrong, for the analyst
 * @param newItems items the attempt added
 */
public record FetchAttempt(long id, String sourceId, URI url, Instant at, long durationMillis, int httpStatus,
                           long bytes, int newItems, String failure, String message) {
    public boolean failed() {
        return failure != null;
    }
}
