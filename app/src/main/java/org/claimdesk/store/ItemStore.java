package org.claimdesk.store;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Items and the sources they came from. An item is the same as a stored one when its canonical
 * URL, or (failing that) its content hash, matches; then only the source link is added.
 */
public final class ItemStore {

    public ItemStore(Database database) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Saves one item in its own transaction. */
    public SaveOutcome save(NewItem item) {
        throw new UnsupportedOperationException("TODO");
    }

    /** True when an item with this canonical URL is stored (to skip fetching its page again). */
    public boolean containsUrl(URI canonicalUrl) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<StoredItem> find(long id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Newest first by published time (else fetched time), for the item list. */
    public List<ItemSummary> newest(int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Items stored after the one with id {@code afterId}, in id order (for live list updates). */
    public List<ItemSummary> storedAfter(long afterId, int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    public long count() {
        throw new UnsupportedOperationException("TODO");
    }
}
