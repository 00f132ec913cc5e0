package org.claimdesk.workspace;

import org.claimdesk.index.ItemSearch;
import org.claimdesk.index.SearchOrder;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.SavedSearchStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Saved searches that watch for new items: each counts the matches among items stored since the
 * analyst last marked it seen. Counting is one Lucene count per watch, cheap enough to re-run
 * whenever items arrive.
 */
public final class WatchQueries {

    /** A saved search with the number of matches the analyst has not seen yet. */
    public record WatchCount(SavedSearch search, long newMatches) {
    }

    private final SavedSearchStore store;
    private final ItemStore items;
    private final Supplier<ItemSearch> search;
    private final Clock clock;

    WatchQueries(SavedSearchStore store, ItemStore items, Supplier<ItemSearch> search, Clock clock) {
        this.store = store;
        this.items = items;
        this.search = search;
        this.clock = clock;
    }

    /**
     * Saves a search under a name; only items stored from now on count as new. A query the parser
     * refuses is refused here too (SearchQueryException), so no broken watch is ever saved.
     *
     * @param since only items published this far back count, whenever the search runs; null to keep
     *              the request's own range (fixed dates, or none)
     */
    public SavedSearch save(String name, SearchRequest request, Duration since) {
        if (since != null && (since.isNegative() || since.isZero())) {
            throw new IllegalArgumentException("a saved search reaches back a positive time, not " + since);
        }
        search.get().countNewMatches(request, Long.MAX_VALUE - 1);
        return store.add(name, request.query(), request.languages(), request.sourceIds(), request.tags(),
                request.entities(), since, since == null ? request.from() : null, since == null ? request.until() : null,
                items.lastId());
    }

    public List<SavedSearch> all() {
        return store.all();
    }

    public Optional<SavedSearch> find(String name) {
        return store.find(name);
    }

    /** Every saved search with its count of new matches, by name. */
    public List<WatchCount> counts() {
        ItemSearch itemSearch = search.get();
        return store.all().stream()
                .map(s -> new WatchCount(s, itemSearch.countNewMatches(request(s, 0, clock.instant()), s.seenUpToItemId())))
                .toList();
    }

    /** The new matches of a saved search, newest first. */
    public SearchResults newMatches(SavedSearch saved, int limit) {
        return search.get().search(request(saved, limit, clock.instant()).storedAfter(saved.seenUpToItemId()));
    }

    /**
     * Marks every match the index can show now as seen for this search. Not "everything stored":
     * an item stored a moment ago and not yet searchable was not seen, and stays new.
     */
    public void markSeen(SavedSearch saved) {
        store.markSeen(saved.id(), Math.max(saved.seenUpToItemId(), search.get().newestIndexedItemId()));
    }

    public boolean remove(SavedSearch saved) {
        return store.remove(saved.id());
    }

    /** The search a saved one stands for, run at {@code now} (its date range reaches back from there). */
    public static SearchRequest request(SavedSearch s, int limit, Instant now) {
        return new SearchRequest(s.query(), s.languages(), s.sourceIds(), s.tags(), s.entities(),
                s.since() == null ? s.from() : now.minus(s.since()), s.until(), SearchOrder.NEWEST, 0, limit, 0, false);
    }
}
