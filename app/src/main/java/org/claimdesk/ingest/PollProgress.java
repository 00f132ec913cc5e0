package org.claimdesk.ingest;

/**
 * Progress of a poll, called from worker threads (a UI must hop to its own thread).
 * {@code total} is the number of sources in the poll.
 */
public interface PollProgress {
    PollProgress NONE = new PollProgress() {
    };

    default void sourceStarted(String sourceId, int total) {
    }

    default void sourceFinished(SourcePollResult result, int done, int total) {
    }
}
