package org.claimdesk.pipeline;

import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Items in a real workspace database for pipeline tests, from one feed that declares English. */
final class StoredItems {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ItemStore items;

    StoredItems(Database database) {
        new SourceStore(database).sync(List.of(new Source("s", "Source", URI.create("https://s.example.org/feed.xml"),
                SourceKind.FEED, "en", List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE, false)));
        this.items = new ItemStore(database);
    }

    /** Stores item {@code n} with this title and text; returns its id. */
    long store(int n, String title, String text) {
        URI url = URI.create("https://s.example.org/" + n);
        items.save(new NewItem("s", url, url, "e" + n, title, null, text, "en", T0, T0, "h" + n));
        return items.lastId();
    }

    long store(int n) {
        return store(n, "Item " + n, "Text of item " + n + ".");
    }

    ItemStore items() {
        return items;
    }
}
