package org.claimdesk.index;

import org.claimdesk.store.IndexChangeLog;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.StoreException;
import org.claimdesk.store.StoredItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Keeps the search index in step with H2, the source of truth: the one place that reads the
 * database for {@link ItemIndex}. At start it rebuilds a missing or damaged index, or catches a
 * healthy one up with what was stored while it was closed; then it applies, every half second,
 * the changes the stores logged in {@link IndexChangeLog}: new items, items with one more source,
 * analysed items, items whose source changed its tags, whichever path wrote them (a poll, an
 * import, analysis, an edit of feeds.yml). Once searches show what it applied it tells its
 * {@link SearchableListener}s.
 *
 * <p>Why a log and not "items with an id above the last one seen": ids are handed out when a
 * transaction inserts, not when it commits, so concurrent saves can commit a lower id after a
 * higher one; and a second source or an analysis changes an item without a new id. A change is
 * removed from the log only once the index has committed it, so a crash at any moment costs a
 * little work at the next start, never a stale document.
 */
public final class IndexFeeder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);
    static final Duration FEED_EVERY = Duration.ofMillis(500);
    private static final int BATCH = 500;
    /**
     * Applied, uncommitted changes are re-read past on every round; past this many a commit is
     * forced (a long import) so that the log and each round stay short.
     */
    static final int MAX_UNCOMMITTED = 5_000;
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** Rounds a change may fail before it is left alone for the session. */
    static final int MAX_ATTEMPTS = 3;
    /** How long a round waits for the reopen thread to show what it applied; the next round waits again. */
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(5);

    /** Changes applied with writes up to {@code sequence}, waiting for a commit that covers them. */
    private record Applied(List<Long> changeIds, long sequence) {
    }

    private final ItemIndex index;
    private final ItemStore items;
    private final IndexChangeLog changes;
    private final Deque<Applied> uncommitted = new ArrayDeque<>();
    private final Set<Long> inProgress = new HashSet<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final Set<Long> givenUp = new HashSet<>();
    private volatile boolean upToDate;
    private volatile Thread thread;
    private final List<SearchableListener> searchableListeners = new CopyOnWriteArrayList<>();
    /** The highest sequence number of a write that applied changes; announced once searchable. */
    private final AtomicLong appliedUpTo = new AtomicLong(-1);
    private final Object announcing = new Object();
    private long announcedUpTo = -1; // guarded by announcing

    public IndexFeeder(ItemIndex index, ItemStore items, IndexChangeLog changes) {
        this.index = index;
        this.items = items;
        this.changes = changes;
    }

    /**
     * Tells {@code listener} each time searches show what the feeder wrote: changes it applied
     * (once a reopened searcher holds them, within a second of their store), and a finished
     * rebuild or catch-up.
     */
    public void onSearchable(SearchableListener listener) {
        searchableListeners.add(listener);
    }

    /**
     * Rebuilds or catches up the index so it holds every stored item as stored now; blocks. Safe
     * to call again: later calls only apply what changed. Interrupting stops a rebuild (the index
     * stays marked incomplete and is rebuilt at the next start).
     */
    public RebuildReport bringUpToDate(RebuildProgress progress) {
        RebuildReport report = bringUpToDateNow(progress);
        if (!report.cancelled()) {
            announce(true);
        }
        return report;
    }

    private synchronized RebuildReport bringUpToDateNow(RebuildProgress progress) {
        if (upToDate) {
            long applied = applyChanges();
            index.refresh();
            return new RebuildReport(applied, 0, Duration.ZERO, false);
        }
        RebuildReport report;
        if (index.needsRebuild()) {
            LOG.info("Search index in {} is {}{}: rebuilding it from the database", index.path(),
                    index.stateAtOpen(), index.problemAtOpen() == null ? "" : " (" + index.problemAtOpen() + ")");
            report = rebuildFromDatabase(progress);
        } else {
            // Rows about items that catch-up writes from their current state are done once it commits:
            // an offline import of many items is then not indexed twice.
            List<IndexChangeLog.Change> before = changes.waiting(Integer.MAX_VALUE, Set.of());
            Set<Long> caughtUp = new HashSet<>();
            report = catchUp(caughtUp::add);
            changes.remove(before.stream().filter(c -> caughtUp.contains(c.itemId())).map(IndexChangeLog.Change::id).toList());
        }
        if (!report.cancelled()) {
            upToDate = true;
            applyChanges();
            // Whoever asked searches next: they must see what was just indexed, not wait for the reopen thread.
            index.refresh();
        }
        return report;
    }

    /**
     * Recreates the index from the database with progress ("rebuild index"); blocks, and new
     * changes wait meanwhile, so a document written by the rebuild from an older read of an item
     * is replaced right after it. Interrupting stops it: the index is then incomplete until the
     * next rebuild (at the latest, the next start).
     */
    public RebuildReport rebuild(RebuildProgress progress) {
        RebuildReport report;
        synchronized (this) {
            report = rebuildFromDatabase(progress);
            if (!report.cancelled()) {
                upToDate = true;
            }
        }
        if (!report.cancelled()) {
            announce(true);
        }
        return report;
    }

    private RebuildReport rebuildFromDatabase(RebuildProgress progress) {
        // Changes committed before the rebuild reads anything are in what it reads; later ones are applied after it.
        List<Long> covered = changes.waitingIds();
        RebuildReport report = rewriteIndex(progress);
        if (!report.cancelled()) {
            changes.remove(covered);
            inProgress.clear();
            uncommitted.clear();
            givenUp.clear(); // the rebuild wrote those items from the database too
            failures.clear();
        }
        return report;
    }

    /**
     * Writes every item in the database into the index, in batches, with progress (see
     * {@link ItemIndex#startRebuild}: in place when the index is complete, so searching goes on).
     * Interrupting the thread stops it; the report then says cancelled.
     */
    private RebuildReport rewriteIndex(RebuildProgress progress) {
        long started = System.nanoTime();
        long done = 0;
        long removed = 0;
        boolean cancelled = false;
        boolean inPlace;
        try (ItemIndex.Rebuild rebuild = index.startRebuild()) {
            inPlace = rebuild.inPlace();
            Map<String, List<String>> tags = items.tagsBySource();
            long total = items.count();
            progress.indexed(0, total);
            long after = 0;
            for (List<StoredItem> page; !(page = items.itemsAfter(after, BATCH)).isEmpty(); ) {
                if (Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                    break;
                }
                rebuild.write(page.stream().map(item -> ItemDocuments.of(item, tags)).toList());
                done += page.size();
                after = page.getLast().id();
                progress.indexed(done, Math.max(total, done));
            }
            if (!cancelled) {
                if (inPlace) {
                    // documents of items the database no longer has were not rewritten: drop them
                    for (long id : notInDatabase(index.keys(DocumentKind.ITEM), new ArrayList<>())) {
                        index.delete(DocumentKind.ITEM, id);
                        removed++;
                    }
                }
                rebuild.finish();
            }
        } catch (IndexException e) {
            throw new IndexException("Rebuilding the search index in " + index.path() + " failed after " + done
                    + " items: " + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Search index rebuilt from the database{}: {} items in {} ms{}", inPlace ? " in place" : "", done,
                took.toMillis(), cancelled ? " (cancelled)" : "");
        return new RebuildReport(done, removed, took, cancelled);
    }

    /**
     * Brings a READY index in line with the database by item id: indexes items it lacks (stored
     * while the index was closed, or written after its last commit before a crash) and removes
     * documents of items the database no longer has, telling {@code indexed} each item it wrote
     * once committed. Changes to items it holds (a new source, an analysis) come from the change
     * log, which is applied after this.
     */
    private RebuildReport catchUp(LongConsumer indexed) {
        long started = System.nanoTime();
        List<Long> missing = new ArrayList<>();
        long removed = 0;
        for (long id : notInDatabase(index.keys(DocumentKind.ITEM), missing)) {
            index.delete(DocumentKind.ITEM, id);
            removed++;
        }
        Map<String, List<String>> tags = missing.isEmpty() ? Map.of() : items.tagsBySource();
        for (long id : missing) {
            items.find(id).ifPresent(item -> index.upsert(ItemDocuments.of(item, tags)));
        }
        if (!missing.isEmpty() || removed > 0) {
            index.commit();
            LOG.info("Search index caught up with the database: {} items added, {} removed", missing.size(), removed);
        }
        missing.forEach(indexed::accept);
        return new RebuildReport(missing.size(), removed, Duration.ofNanos(System.nanoTime() - started), false);
    }

    /**
     * The ids among {@code indexed} (sorted) that the database does not hold; the database's ids
     * the index lacks are added to {@code missing}.
     */
    private List<Long> notInDatabase(long[] indexed, List<Long> missing) {
        Set<Long> inDatabase = new HashSet<>();
        long after = 0;
        for (long[] page; (page = items.idsAfter(after, 10_000)).length > 0; after = page[page.length - 1]) {
            for (long id : page) {
                inDatabase.add(id);
                if (Arrays.binarySearch(indexed, id) < 0) {
                    missing.add(id);
                }
            }
        }
        List<Long> orphans = new ArrayList<>();
        for (long id : indexed) {
            if (!inDatabase.contains(id)) {
                orphans.add(id);
            }
        }
        return orphans;
    }

    /** Applies the logged changes the index has not applied yet; returns how many items it wrote. */
    public synchronized long applyChanges() {
        if (!upToDate) {
            return 0;
        }
        forgetCommitted();
        long written = 0;
        for (List<IndexChangeLog.Change> batch; !(batch = changes.waiting(BATCH, passedOver())).isEmpty(); ) {
            // read after the batch: a retag's rows and the new tags were committed together
            Map<String, List<String>> tags = items.tagsBySource();
            long sequence = -1;
            Set<Long> itemIds = new HashSet<>();
            List<Long> changeIds = new ArrayList<>(batch.size());
            Map<IndexChangeLog.Change, RuntimeException> failedHere = new LinkedHashMap<>();
            for (IndexChangeLog.Change change : batch) {
                try {
                    long[] ids = change.wholeSource() ? items.idsFromSource(change.sourceId()) : new long[]{change.itemId()};
                    for (long id : ids) {
                        if (!itemIds.add(id)) {
                            continue; // one write per item: it is read as it is now
                        }
                        Optional<StoredItem> item = items.find(id);
                        sequence = Math.max(sequence, item.isPresent()
                                ? index.upsert(ItemDocuments.of(item.get(), tags))
                                : index.delete(DocumentKind.ITEM, id));
                    }
                    changeIds.add(change.id());
                } catch (IndexException | StoreException e) {
                    failedHere.put(change, e);
                }
            }
            if (failedHere.size() == batch.size() && batch.size() > 1) {
                // nothing went through: the index or the database is failing, not one item; the next round tries all again
                RuntimeException first = failedHere.values().iterator().next();
                throw new IndexException("Indexing changed items failed for a whole batch: " + first.getMessage(), first);
            }
            failedHere.forEach(this::passOver);
            written += itemIds.size();
            appliedUpTo.accumulateAndGet(sequence, Math::max);
            if (index.needsRebuild()) {
                // an incomplete index (a cancelled rebuild) is rebuilt from the database anyway
                changes.remove(changeIds);
            } else {
                uncommitted.addLast(new Applied(changeIds, sequence));
                inProgress.addAll(changeIds);
                if (inProgress.size() >= MAX_UNCOMMITTED) {
                    index.commit();
                    forgetCommitted();
                }
            }
        }
        forgetCommitted();
        return written;
    }

    /**
     * Changes not to read this round: those applied and waiting for a commit, and those that
     * failed too often this session (their rows stay, for the next start or a rebuild).
     */
    private Set<Long> passedOver() {
        if (givenUp.isEmpty()) {
            return inProgress;
        }
        Set<Long> both = new HashSet<>(inProgress);
        both.addAll(givenUp);
        return both;
    }

    /**
     * One change failed (an item the index refuses, say): it is tried again next round, and after
     * {@link #MAX_ATTEMPTS} it is left for the rest of the session, so it cannot hold up the others.
     */
    private void passOver(IndexChangeLog.Change change, RuntimeException e) {
        int attempts = failures.merge(change.id(), 1, Integer::sum);
        if (attempts >= MAX_ATTEMPTS) {
            givenUp.add(change.id());
            failures.remove(change.id());
            LOG.error("Indexing {} failed {} times; left until the next start or rebuild: {}", describe(change),
                    attempts, e.getMessage(), e);
            tellFailure("indexing " + describe(change) + " (left until the next start or rebuild)", e);
        } else {
            LOG.warn("Indexing {} failed (attempt {}); trying again: {}", describe(change), attempts, e.getMessage());
        }
    }

    private static String describe(IndexChangeLog.Change change) {
        return change.wholeSource() ? "the items of source '" + change.sourceId() + "'" : "item " + change.itemId();
    }

    /** Removes from the log the changes that a commit of the index now holds. */
    private void forgetCommitted() {
        long committed = index.committedUpTo();
        List<Long> done = new ArrayList<>();
        while (!uncommitted.isEmpty() && uncommitted.peekFirst().sequence() <= committed) {
            done.addAll(uncommitted.removeFirst().changeIds());
        }
        if (!done.isEmpty()) {
            changes.remove(done);
            done.forEach(inProgress::remove);
        }
    }

    /** Told when the feeder's background work fails; see {@link #onFailure}. */
    @FunctionalInterface
    public interface FailureListener {
        /** @param what what failed, in a person's words; the feeder keeps trying */
        void failed(String what, RuntimeException cause);
    }

    private final List<FailureListener> failureListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Tells {@code listener} when background indexing starts failing (once per run of failures,
     * not every half second), already logged. Searching stays possible on what the index holds.
     */
    public void onFailure(FailureListener listener) {
        failureListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    private void tellFailure(String what, RuntimeException cause) {
        for (FailureListener listener : failureListeners) {
            try {
                listener.failed(what, cause);
            } catch (RuntimeException e) {
                LOG.warn("A listener for indexing failures failed: {}", e.getMessage(), e);
            }
        }
    }

    /** Like {@link #start(RebuildProgress)} without progress. */
    public void start() {
        start(RebuildProgress.NONE);
    }

    /**
     * Brings the index up to date (reporting a rebuild's progress), then applies changes every
     * half second on its own daemon thread. When bringing it up to date fails (a full disk, say)
     * it tries again every {@link #RETRY_AFTER}: searching stays possible on what the index holds.
     */
    public synchronized void start(RebuildProgress progress) {
        if (thread != null) {
            return;
        }
        thread = Thread.ofPlatform().name("index-feeder").daemon(true).start(() -> {
            try {
                boolean failing = false;
                while (!upToDate) {
                    try {
                        bringUpToDate(progress);
                    } catch (RuntimeException e) {
                        LOG.error("The search index could not be brought up to date; trying again in {} s",
                                RETRY_AFTER.toSeconds(), e);
                        if (!failing) {
                            failing = true;
                            tellFailure("bringing the search index up to date (trying again every "
                                    + RETRY_AFTER.toSeconds() + " s)", e);
                        }
                        Thread.sleep(RETRY_AFTER);
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(FEED_EVERY);
                    try {
                        applyChanges();
                        failing = false;
                    } catch (RuntimeException e) {
                        // The next round tries again; the log still holds every change.
                        LOG.warn("Indexing changed items failed: {}", e.getMessage(), e);
                        if (!failing) {
                            failing = true;
                            tellFailure("indexing changed items (trying again)", e);
                        }
                    }
                    announceWhenSearchable();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Waits for the reopen thread to show what was applied (a waiting caller gets its reopen at
     * once rather than within the usual quarter second), then tells the listeners.
     */
    private void announceWhenSearchable() throws InterruptedException {
        long target = appliedUpTo.get();
        synchronized (announcing) {
            if (target <= announcedUpTo) {
                return;
            }
        }
        if (index.awaitSearchable(target, SEARCHABLE_WITHIN)) {
            announce(false);
        }
    }

    /**
     * Tells the listeners that searches show everything up to the searcher's sequence number now;
     * {@code always} after a rebuild or catch-up, else only when that got past the last announcement.
     * One announcement at a time, so listeners see the number grow.
     */
    private void announce(boolean always) {
        synchronized (announcing) {
            if (index.isClosed()) {
                return; // nothing will be searched any more, and its reopen thread no longer says how far it got
            }
            long upTo = Math.max(index.searchableUpTo(), announcedUpTo);
            if (!always && upTo <= announcedUpTo) {
                return;
            }
            announcedUpTo = upTo;
            for (SearchableListener listener : searchableListeners) {
                try {
                    listener.searchable(upTo);
                } catch (RuntimeException e) {
                    // one failing view must not stop the others, nor the feeder
                    LOG.warn("A listener for searchable changes failed: {}", e.getMessage(), e);
                }
            }
        }
    }

    /** True once the index holds every item stored before it started. */
    public boolean upToDate() {
        return upToDate;
    }

    /**
     * Stops the feeding thread, then commits the index and clears from the log what it applied,
     * so the next start does not apply it again. The index itself stays open (its owner closes it).
     */
    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (uncommitted.isEmpty()) {
                return;
            }
            try {
                index.commit();
                forgetCommitted();
            } catch (RuntimeException e) {
                // the log keeps the rows: the next start applies them again
                LOG.warn("Could not commit the search index on close: {}", e.getMessage());
            }
        }
    }
}
