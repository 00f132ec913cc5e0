package org.claimdesk.store;

import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

/** Paging through every item with its text and sources, as the index rebuild does. */
class ItemPagingTest {

    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        Source tagged = new Source("t", "Tagged", URI.create("https://t.example.org/feed"), SourceKind.FEED, "ar",
                List.of("fact-check", "ar"), Duration.ofMinutes(30), true, PageSelectors.NONE, false);
        new SourceStore(database).sync(List.of(feed("a"), feed("b"), tagged));
        items = new ItemStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void pagesVisitEveryItemOnceWithTextAndAllSources() {
        for (int i = 0; i < 7; i++) {
            items.save(item("a", "https://x.example.org/" + i, longText("story " + i)));
        }
        // story 3 also arrives from b and t: the page must list it once, with its three sources
        items.save(item("b", "https://x.example.org/3", "short"));
        items.save(item("t", "https://x.example.org/3", "short"));

        List<StoredItem> all = new ArrayList<>();
        long after = 0;
        int pages = 0;
        for (List<StoredItem> page; !(page = items.itemsAfter(after, 3)).isEmpty(); pages++) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            all.addAll(page);
            after = page.getLast().id();
        }

        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(StoredItem::title)
                .containsExactly("Title of https://x.example.org/0", "Title of https://x.example.org/1",
                        "Title of https://x.example.org/2", "Title of https://x.example.org/3",
                        "Title of https://x.example.org/4", "Title of https://x.example.org/5",
                        "Title of https://x.example.org/6");
        StoredItem third = all.get(3);
        assertThat(third.sourceIds()).containsExactly("a", "b", "t");
        assertThat(third.text()).isEqualTo(longText("story 3"));
        assertThat(third).isEqualTo(items.find(third.id()).orElseThrow());
        assertThat(all.get(0).sourceIds()).containsExactly("a");
    }

    @Test
    void idsAfterAndSourceTags() {
        for (int i = 0; i < 5; i++) {
            items.save(item("a", "https://y.example.org/" + i, longText("y " + i)));
        }
        long[] first = items.idsAfter(0, 3);
        assertThat(first).hasSize(3).isSorted();
        long[] rest = items.idsAfter(first[2], 10);
        assertThat(rest).hasSize(2);
        assertThat(items.idsAfter(rest[1], 10)).isEmpty();
        assertThat(items.itemsAfter(0, 0)).isEmpty();

        assertThat(items.tagsBySource())
                .containsEntry("t", List.of("fact-check", "ar"))
                .containsEntry("a", List.of("news"));
    }
}
