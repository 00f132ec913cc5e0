package org.claimdesk.pipeline;

import org.claimdesk.store.ItemWrite;
import org.claimdesk.store.StageLedger.RetryPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of work on stored items (language analysis; later claim detection, clustering,
 * flagging, article fetching), run by {@link StageRunner}. A stage says what it needs of an item,
 * what it makes of it and how that is stored; the runner decides when, on which thread, how many
 * at a time, and records what is done and what failed (decision 0007 says how to add one).
 *
 * @param <W> what the stage reads of one item
 */
public interface Stage<W> {
    /** Longest one item may take unless the stage says otherwise. */
    Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(2);

    /** Unique, stored in the database: 1 to 50 of a-z, 0-9 and '-'. Never rename a shipped stage. */
    String name();

    /** The stage that must have finished an item before this one takes it, if any. */
    default Optional<String> after() {
        return Optional.empty();
    }

    /**
     * Reads what {@link #process} needs of these items (one batch, newest first), by item id;
     * items that are gone are left out. Runs on the runner's coordinating thread.
     */
    Map<Long, W> load(List<Long> itemIds);

    /**
     * Works on one item, on one of the runner's threads, and returns what to store, made by the
     * store that owns the stage's tables; the runner writes it in the transaction that marks the
     * item done. An exception fails this item only (it is tried again as {@link #retries()} says);
     * throw {@link StageStoppedException} when the stage cannot work at all. The thread is
     * interrupted when the item runs past {@link #timeLimit()} or the runner closes.
     */
    ItemWrite process(W work) throws Exception;

    /** How long one item may take before it is stopped and counted as failed. */
    default Duration timeLimit() {
        return DEFAULT_TIME_LIMIT;
    }

    /**
     * Items this stage works on at once on threads of its own, not counted against the runner's
     * shared (CPU) threads; 0 (the default) for a stage that computes and so shares them. A stage
     * that mostly waits on the network (the article fetcher) says how many waits it allows.
     */
    default int ownThreads() {
        return 0;
    }

    /**
     * True for a stage that contacts the network: a command that runs a later stage on the
     * caller's behalf ({@code analyse}) does not run this one for it, so it stays offline.
     */
    default boolean usesNetwork() {
        return false;
    }

    /** How often an item that failed is tried again before the stage gives up on it. */
    default RetryPolicy retries() {
        return RetryPolicy.DEFAULT;
    }
}
