package org.claimdesk.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.T0;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.hash;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

class ItemStoreTest {

    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        new SourceStore(database).sync(List.of(feed("a"), feed("b"), feed("c"), feed("d")));
        items = new ItemStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void insertedItemReadsBackWithEveryField() {
        NewItem item = new NewItem("a", URI.create("https://news.example.org/a/1?utm_source=x"),
                URI.create("https://news.example.org/a/1"), "guid-1", "Minister denies claim", "Jane Roe",
                longText("the claim"), "en", Instant.parse("2026-03-01T09:15:30.123456Z"),
                Instant.parse("2026-03-01T10:00:00Z"), hash(longText("the claim")));

        assertThat(items.save(item)).isEqualTo(SaveOutcome.INSERTED);

        assertThat(items.count()).isEqualTo(1);
        assertThat(items.containsUrl(URI.create("https://news.example.org/a/1"))).isTrue();
        assertThat(items.containsUrl(URI.create("https://news.example.org/a/2"))).isFalse();
        long id = items.newest(1).getFirst().id();
        StoredItem stored = items.find(id).orElseThrow();
        assertThat(stored.url()).isEqualTo(item.url());
        assertThat(stored.canonicalUrl()).isEqualTo(item.canonicalUrl());
        assertThat(stored.title()).isEqualTo("Minister denies claim");
        assertThat(stored.byline()).isEqualTo("Jane Roe");
        assertThat(stored.text()).isEqualTo(item.text());
        assertThat(stored.language()).isEqualTo("en");
        assertThat(stored.publishedAt()).isEqualTo(item.publishedAt());
        assertThat(stored.fetchedAt()).isEqualTo(item.fetchedAt());
        assertThat(stored.contentHash()).isEqualTo(item.contentHash());
        assertThat(stored.sourceIds()).containsExactly("a");
        assertThat(items.find(id + 1)).isEmpty();
    }

    @Test
    void sameCanonicalUrlFromTwoSourcesIsOneItemRememberingBoth() {
        assertThat(items.save(item("b", "https://x.example.org/story", longText("x")))).isEqualTo(SaveOutcome.INSERTED);
        // the second feed carries only a summary, so only the URL can match
        NewItem summary = item("a", "https://x.example.org/story", "Short summary.");

        assertThat(items.save(summary)).isEqualTo(SaveOutcome.ADDED_SOURCE);

        assertThat(items.count()).isEqualTo(1);
        StoredItem stored = items.find(items.newest(1).getFirst().id()).orElseThrow();
        assertThat(stored.sourceIds()).containsExactly("b", "a");
        assertThat(stored.text()).isEqualTo(longText("x"));
    }

    @Test
    void sameTextUnderDifferentUrlsIsOneItem() {
        String text = longText("a rumour");
        assertThat(items.save(item("a", "https://one.example.org/p/1", text))).isEqualTo(SaveOutcome.INSERTED);

        assertThat(items.save(item("b", "https://two.example.org/mirror/9", text))).isEqualTo(SaveOutcome.ADDED_SOURCE);

        assertThat(items.count()).isEqualTo(1);
        StoredItem stored = items.find(items.newest(1).getFirst().id()).orElseThrow();
        assertThat(stored.sourceIds()).containsExactly("a", "b");
        assertThat(stored.canonicalUrl()).hasToString("https://one.example.org/p/1");
    }

    @Test
    void shortIdenticalSummariesUnderDifferentUrlsStayDifferentItems() {
        assertThat(items.save(item("a", "https://one.example.org/p/1", "Read more."))).isEqualTo(SaveOutcome.INSERTED);
        assertThat(items.save(item("a", "https://one.example.org/p/2", "Read more."))).isEqualTo(SaveOutcome.INSERTED);
        assertThat(items.save(item("a", "https://one.example.org/p/3", ""))).isEqualTo(SaveOutcome.INSERTED);
        assertThat(items.save(item("a", "https://one.example.org/p/4", ""))).isEqualTo(SaveOutcome.INSERTED);

        assertThat(items.count()).isEqualTo(4);
    }

    @Test
    void itemWithoutUrlIsMatchedByItsText() {
        NewItem noLink = new NewItem("a", null, null, "entry-7", "No link", null, longText("no link"), "en",
                null, T0, hash(longText("no link")));
        assertThat(items.save(noLink)).isEqualTo(SaveOutcome.INSERTED);
        assertThat(items.save(noLink)).isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(items.count()).isEqualTo(1);
    }

    @Test
    void sameItemFromSameSourceAgainIsDuplicate() {
        NewItem item = item("a", "https://x.example.org/1", longText("x"));
        items.save(item);

        assertThat(items.save(item)).isEqualTo(SaveOutcome.DUPLICATE);

        assertThat(items.count()).isEqualTo(1);
        assertThat(items.find(items.newest(1).getFirst().id()).orElseThrow().sourceIds()).containsExactly("a");
    }

    @Test
    void newestListsByPublishedTimeElseFetchedTimeThenNewestId() {
        items.save(at("https://x.example.org/old", T0.minusSeconds(3600), T0));
        items.save(at("https://x.example.org/unpublished", null, T0.plusSeconds(30)));
        items.save(at("https://x.example.org/new", T0.plusSeconds(60), T0));
        items.save(at("https://x.example.org/tie-first", T0, T0));
        items.save(at("https://x.example.org/tie-second", T0, T0));

        List<ItemSummary> newest = items.newest(10);

        assertThat(newest).extracting(ItemSummary::title).containsExactly(
                "Title of https://x.example.org/new", "Title of https://x.example.org/unpublished",
                "Title of https://x.example.org/tie-second", "Title of https://x.example.org/tie-first",
                "Title of https://x.example.org/old");
        assertThat(newest.get(1).publishedAt()).isNull();
        assertThat(newest.get(1).time()).isEqualTo(T0.plusSeconds(30));
        assertThat(newest).allSatisfy(s -> {
            assertThat(s.sourceId()).isEqualTo("a");
            assertThat(s.sourceName()).isEqualTo("Feed a");
        });
        assertThat(items.newest(2)).hasSize(2);
    }

    /** The item list must stay instant with a year of items: read newest-first from the index, never sort them all. */
    @Test
    void listsReadTheirIndexInOrderInsteadOfSortingEveryItem() {
        for (String sql : List.of(ItemStore.NEWEST_SQL, ItemStore.STORED_AFTER_SQL)) {
            String plan = database.inTransaction(connection -> {
                try (var statement = connection.createStatement();
                     var rows = statement.executeQuery("EXPLAIN " + sql.replace("?", "200"))) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(plan).as(plan).contains("index sorted").contains("FROM \"PUBLIC\".\"ITEM\"");
        }
    }

    private static NewItem at(String url, Instant published, Instant fetched) {
        NewItem base = item("a", url, "short " + url);
        return new NewItem(base.sourceId(), base.url(), base.canonicalUrl(), base.entryId(), base.title(), base.byline(),
                base.text(), base.language(), published, fetched, base.contentHash());
    }

    @Test
    void storedAfterListsLaterItemsInIdOrder() {
        for (int i = 0; i < 5; i++) {
            items.save(at("https://x.example.org/" + i, T0.minusSeconds(i * 60L), T0));
        }
        long firstId = items.storedAfter(0, 1).getFirst().id();

        List<ItemSummary> after = items.storedAfter(firstId + 1, 10);

        assertThat(after).extracting(ItemSummary::id).containsExactly(firstId + 2, firstId + 3, firstId + 4);
        assertThat(after).extracting(ItemSummary::title).first().isEqualTo("Title of https://x.example.org/2");
        assertThat(items.storedAfter(firstId, 2)).extracting(ItemSummary::id).containsExactly(firstId + 1, firstId + 2);
        assertThat(items.storedAfter(firstId + 4, 10)).isEmpty();
    }

    @Test
    void itemsSurviveClosingAndReopening() {
        items.save(item("a", "https://x.example.org/1", longText("one")));
        items.save(item("b", "https://x.example.org/1", longText("one")));
        database.close();

        database = Database.open(dir);
        items = new ItemStore(database);

        assertThat(items.count()).isEqualTo(1);
        assertThat(items.containsUrl(URI.create("https://x.example.org/1"))).isTrue();
        assertThat(items.find(items.newest(1).getFirst().id()).orElseThrow().sourceIds()).containsExactly("a", "b");
        assertThat(items.save(item("b", "https://x.example.org/1", longText("one")))).isEqualTo(SaveOutcome.DUPLICATE);
    }

    @Test
    void concurrentSavesOfOverlappingItemsEndWithOneItemEach() throws Exception {
        int threads = 8;
        int urls = 40;
        int sharedTexts = 10;
        Map<SaveOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            // two threads per source: the same (URL, source) pair is saved twice at once
            String source = List.of("a", "b", "c", "d").get(t % 4);
            workers.add(Thread.ofVirtual().start(() -> {
                List<NewItem> mine = new ArrayList<>();
                IntStream.range(0, urls).forEach(u ->
                        mine.add(item(source, "https://x.example.org/story/" + u, "summary " + u)));
                // the same long text under a URL only this thread uses: only the hash can match
                IntStream.range(0, sharedTexts).forEach(k ->
                        mine.add(item(source, "https://mirror" + thread + ".example.org/" + k, longText("shared " + k))));
                // the same order in every thread: they keep colliding on the same item

                try {
                    start.await();
                    for (NewItem item : mine) {
                        outcomes.computeIfAbsent(items.save(item), o -> new AtomicInteger()).incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(errors).isEmpty();
        assertThat(items.count()).isEqualTo(urls + sharedTexts);
        assertThat(outcomes.get(SaveOutcome.INSERTED)).hasValue(urls + sharedTexts);
        // per item: 4 sources, each saved by 2 threads -> 1 insert, 3 added sources, 4 duplicates
        assertThat(outcomes.get(SaveOutcome.ADDED_SOURCE)).hasValue(3 * (urls + sharedTexts));
        assertThat(outcomes.get(SaveOutcome.DUPLICATE)).hasValue(4 * (urls + sharedTexts));
        for (ItemSummary summary : items.newest(1000)) {
            assertThat(items.find(summary.id()).orElseThrow().sourceIds()).containsExactlyInAnyOrder("a", "b", "c", "d");
        }
    }

    @Test
    void veryLongTitleAndTextAreStoredWhole() {
        String text = "Paragraph with the full record of the session. ".repeat(100_000); // 4.7 million characters
        String title = "A headline that goes on ".repeat(2_000);
        NewItem item = new NewItem("a", URI.create("https://x.example.org/long"), URI.create("https://x.example.org/long"),
                null, title, null, text, "en", T0, T0, hash(text));

        items.save(item);

        StoredItem stored = items.find(items.newest(1).getFirst().id()).orElseThrow();
        assertThat(stored.text()).hasSize(text.length()).isEqualTo(text);
        assertThat(stored.title()).isEqualTo(title);
    }

    @Test
    void arabicAndJapaneseTextComeBackExactly() {
        String arabic = "\u200Fالحكومة تنفي الشائعات حول نقص الخبز في الأسواق — «بيان رسمي» ١٢٣\u200F 🇪🇬";
        String japanese = "政府は噂を否定しました。東京都の発表によると、ｶﾀｶﾅ半角と𠮷野家の異体字も含まれます。";
        items.save(new NewItem("a", URI.create("https://ar.example.org/%D8%AE%D8%A8%D8%B1"),
                URI.create("https://ar.example.org/%D8%AE%D8%A8%D8%B1"), null, arabic, "محمد علي",
                arabic.repeat(10), "ar", T0, T0, hash(arabic.repeat(10))));
        items.save(new NewItem("b", URI.create("https://ja.example.org/記事/1"), URI.create("https://ja.example.org/記事/1"),
                null, japanese, "山田太郎", japanese.repeat(10), "ja", T0.plusSeconds(1), T0, hash(japanese.repeat(10))));

        List<ItemSummary> newest = items.newest(2);
        StoredItem ja = items.find(newest.get(0).id()).orElseThrow();
        StoredItem ar = items.find(newest.get(1).id()).orElseThrow();

        assertThat(ar.title()).isEqualTo(arabic);
        assertThat(ar.text()).isEqualTo(arabic.repeat(10));
        assertThat(ar.byline()).isEqualTo("محمد علي");
        assertThat(ar.language()).isEqualTo("ar");
        assertThat(ja.title()).isEqualTo(japanese);
        assertThat(ja.text()).isEqualTo(japanese.repeat(10));
        assertThat(ja.canonicalUrl()).isEqualTo(URI.create("https://ja.example.org/記事/1"));
        assertThat(items.containsUrl(URI.create("https://ja.example.org/記事/1"))).isTrue();
    }

    @Test
    void itemFromUnknownSourceIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> items.save(item("nowhere", "https://x.example.org/1", "text")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("https://x.example.org/1")
                .hasMessageContaining("'nowhere'")
                .hasMessageContaining("not in the database");
        assertThat(items.count()).isZero();
    }
}
