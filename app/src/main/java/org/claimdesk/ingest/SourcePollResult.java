package org.claimdesk.ingest;

/**
 * What polling one source gave.
 *
 * @param seen     entries or links found in the feed or page
 * @param newItems items stored for the first time
 * @param failure  null when the source's own fetch and parse worked, else the failure category
 * @param message  null on success, else a message for the analyst
 */
public record SourcePollResult(String sourceId, int seen, int newItems, String failure, String message) {
    public boolean failed() {
        return failure != null;
    }
}
