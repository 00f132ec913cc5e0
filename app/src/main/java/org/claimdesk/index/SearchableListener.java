package org.claimdesk.index;

/**
 * Told when searches show what the index was given: after the changes {@link IndexFeeder}
 * applied became visible to a reopened searcher, and after it rebuilt or caught up the index.
 * Views refresh their results on it instead of guessing how long indexing takes.
 */
@FunctionalInterface
public interface SearchableListener {
    /**
     * Every search started from now on shows each change applied so far. {@code upToSequence} is
     * the index's write sequence number up to which that holds; it never decreases. Called on the
     * feeder's thread, or on the thread that rebuilt the index or brought it up to date: return
     * quickly.
     */
    void searchable(long upToSequence);
}
