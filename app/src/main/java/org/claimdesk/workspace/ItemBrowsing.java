package org.claimdesk.workspace;

import org.claimdesk.store.ItemStore;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.StoredItem;

import java.util.List;
import java.util.Optional;

/** What the window and the command line may read of stored items. Blocks: call it off the UI thread. */
public final class ItemBrowsing {
    private final ItemStore items;

    ItemBrowsing(ItemStore items) {
        this.items = items;
    }

    /** The newest items, newest first, for the live list. */
    public List<ItemSummary> newest(int limit) {
        return items.newest(limit);
    }

    /** One item with its text, sources, detected language and entities, for the reader. */
    public Optional<StoredItem> find(long id) {
        return items.find(id);
    }

    public long count() {
        return items.count();
    }
}
