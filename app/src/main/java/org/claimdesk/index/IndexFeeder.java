package org.claimdesk.index;

import org.claimdesk.store.ItemStore;
import org.claimdesk.store.StoredItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the search index in step with H2, the source of truth. At start it rebuilds a missing or
 * damaged index, or catches a healthy one up with what was stored while it was closed; then it
 * indexes every newly stored item within about half a second, whichever path stored it (a poll,
 * the scheduler, an import). Reading H2 for new ids is one indexed query and needs no hook in
 * every writer, so nothing that reaches the database can be missed by the index for long.
 */
public final class IndexFeeder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);
    static final Duration FEED_EVERY = Duration.ofMillis(500);
    private static final int BATCH = 500;

    private final ItemIndex index;
    private final ItemStore items;
    /** Items with ids up to here are in the index. */
    private final AtomicLong indexedUpTo = new AtomicLong(-1);
    private volatile Thread thread;

    public IndexFeeder(ItemIndex index, ItemStore items) {
        this.index = index;
        this.items = items;
    }

    /**
     * Rebuilds or catches up the index so it holds every stored item; blocks. Safe to call again:
     * later calls only index what is new. Interrupting stops a rebuild (the index stays marked
     * incomplete and is rebuilt at the next start).
     */
    public synchronized RebuildReport bringUpToDate(RebuildProgress progress) {
        if (indexedUpTo.get() >= 0) {
            long fed = feedNewItems();
            index.refresh();
            return new RebuildReport(fed, 0, Duration.ZERO, false);
        }
        // Read before scanning: items stored during the scan have higher ids and are fed afterwards.
        long last = items.lastId();
        RebuildReport report;
        if (index.needsRebuild()) {
            LOG.info("Search index in {} is {}{}: rebuilding it from the database", index.path(),
                    index.stateAtOpen(), index.problemAtOpen() == null ? "" : " (" + index.problemAtOpen() + ")");
            report = index.rebuild(items, progress);
        } else {
            report = index.catchUp(items);
        }
        if (!report.cancelled()) {
            indexedUpTo.set(last);
            feedNewItems();
            // Whoever asked searches next: they must see what was just indexed, not wait for the reopen thread.
            index.refresh();
        }
        return report;
    }

    /** Indexes the items stored since the last call; returns how many. */
    public synchronized long feedNewItems() {
        long after = indexedUpTo.get();
        if (after < 0) {
            return 0;
        }
        long fed = 0;
        Map<String, List<String>> tags = null;
        for (List<StoredItem> page; !(page = items.itemsAfter(after, BATCH)).isEmpty(); ) {
            if (tags == null) {
                tags = items.tagsBySource();
            }
            for (StoredItem item : page) {
                // an item stored and analysed before the feeder saw it brings its entities along
                index.upsert(item, ItemIndex.tagsOf(item, tags), ItemIndex.entitiesOf(item));
            }
            fed += page.size();
            after = page.getLast().id();
            indexedUpTo.set(after);
        }
        return fed;
    }

    /** Brings the index up to date, then feeds new items every half second on its own daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Thread.ofPlatform().name("index-feeder").daemon(true).start(() -> {
            try {
                bringUpToDate(RebuildProgress.NONE);
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(FEED_EVERY);
                    try {
                        feedNewItems();
                    } catch (RuntimeException e) {
                        // The next round tries again; the database still holds everything.
                        LOG.warn("Indexing new items failed: {}", e.getMessage(), e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("The search index could not be brought up to date", e);
            }
        });
    }

    /**
     * The highest item id the index is known to hold (every lower id too), or -1 before the index
     * was brought up to date. Analysis only touches items up to here, so that the feeder never
     * overwrites an item's analysed document with its first, entity-less one.
     */
    public long indexedUpTo() {
        return indexedUpTo.get();
    }

    /** True once the index holds every item stored before it started. */
    public boolean upToDate() {
        return indexedUpTo.get() >= 0;
    }

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
    }
}
