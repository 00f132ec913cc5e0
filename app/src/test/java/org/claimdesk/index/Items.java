package org.claimdesk.index;

import org.claimdesk.store.StoredItem;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Items as the store returns them, for index tests. */
final class Items {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Items() {
    }

    static StoredItem item(long id, String language, String title, String text, String... sources) {
        return item(id, language, title, text, T0.plusSeconds(id * 3600), sources);
    }

    static StoredItem item(long id, String language, String title, String text, Instant published, String... sources) {
        URI url = URI.create("https://news.example.org/" + id);
        return new StoredItem(id, url, url, title, null, text, language, published, published,
                "hash" + id, sources.length == 0 ? List.of("wire") : List.of(sources));
    }
}
