package org.claimdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a pipeline stage stores for one item, not written yet: made by the store that owns the
 * stage's tables (e.g. {@link AnalysisStore#analysed}) and written by {@link StageLedger#markDone}
 * in the transaction that marks the item done, so the result and the mark commit together or not
 * at all. Only the store makes them: SQL stays in this package.
 */
public final class ItemWrite {
    /** Writes into the caller's transaction. */
    @FunctionalInterface
    interface Work {
        void writeTo(Connection connection) throws SQLException;
    }

    /** A stage whose result is its DONE mark alone. */
    public static final ItemWrite NOTHING = new ItemWrite(connection -> {
    }, List.of(), false);

    /**
     * A stage that found nothing to change in the item (e.g. no article page wanted): the stages
     * after it keep what they did with the item, and get it only if they have no record of it.
     */
    public static final ItemWrite UNCHANGED = new ItemWrite(connection -> {
    }, List.of(), true);

    private final Work work;
    private final List<String> requeued;
    private final boolean keepsDependents;

    private ItemWrite(Work work, List<String> requeued, boolean keepsDependents) {
        this.work = work;
        this.requeued = requeued;
        this.keepsDependents = keepsDependents;
    }

    static ItemWrite of(Work work) {
        return new ItemWrite(Objects.requireNonNull(work, "work"), List.of(), false);
    }

    /** A write that leaves what the item is made of as it was: see {@link #UNCHANGED}. */
    static ItemWrite unchanged(Work work) {
        return new ItemWrite(Objects.requireNonNull(work, "work"), List.of(), true);
    }

    /**
     * This write, and in the same transaction the item queued again for {@code stage} and, once that
     * is done again, for the stages after it (e.g. a fetched article makes the item due for analysis
     * again). The stage may be the one writing: then it runs on the item once more.
     */
    public ItemWrite requeueing(String stage) {
        Objects.requireNonNull(stage, "stage");
        List<String> stages = new ArrayList<>(requeued);
        stages.add(stage);
        return new ItemWrite(work, List.copyOf(stages), keepsDependents);
    }

    void writeTo(Connection connection) throws SQLException {
        work.writeTo(connection);
    }

    /** True when the stages after the writing one keep their record of the item. */
    boolean keepsDependents() {
        return keepsDependents;
    }

    /** Stages to queue the item for again after the write. */
    List<String> requeued() {
        return requeued;
    }
}
