package org.claimdesk.index;

import org.claimdesk.nlp.AnalysisEngine;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.TextAnalysis;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.IndexChangeLog;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SaveOutcome;
import org.claimdesk.store.SourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeder on real H2 and Lucene: every committed change reaches the index, whatever order
 * transactions commit in and whether or not the change brought a new id.
 */
class IndexFeederTest {
    @TempDir
    Path dir;

    private Database database;
    private SourceStore sources;
    private ItemStore items;
    private IndexChangeLog changes;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"));
        sources = new SourceStore(database);
        sources.sync(List.of(source("afp", List.of("wire")), source("reuters", List.of("wire"))));
        items = new ItemStore(database);
        changes = new IndexChangeLog(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Source source(String id, List<String> tags) {
        return new Source(id, id, URI.create("https://" + id + ".example.org/feed"), SourceKind.FEED, "en", tags,
                Duration.ofMinutes(30), true, PageSelectors.NONE, false);
    }

    private SaveOutcome save(String source, String key, String title) {
        URI url = URI.create("https://news.example.org/" + key);
        return items.save(new NewItem(source, url, url, null, title, null, title + ". Officials said so on Monday.",
                "en", Items.T0, Items.T0, key));
    }

    private static List<Long> ids(ItemIndex index, String query) {
        index.refresh();
        return new ItemSearch(index).search(SearchRequest.of(query).page(0, 100).facets(false)).hits().stream()
                .map(SearchHit::itemId).sorted().toList();
    }

    @Test
    void anItemCommittedAfterAHigherIdIsIndexedAllTheSame() throws Exception {
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"))) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            feeder.bringUpToDate(RebuildProgress.NONE);

            // A slow save: its id is handed out now, its commit comes after a later save's.
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch mayCommit = new CountDownLatch(1);
            CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> database.inTransaction(connection -> {
                long id = insertItemAsTheStoreDoes(connection, "slow", "Bridge closure rumour");
                inserted.countDown();
                try {
                    if (!mayCommit.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("test never let the slow save commit");
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return id;
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            save("afp", "fast", "Ferry strike rumour");
            long fast = items.lastId();
            feeder.applyChanges();
            assertThat(ids(index, "ferry")).containsExactly(fast);

            mayCommit.countDown();
            long slowId = slow.get(30, TimeUnit.SECONDS);
            assertThat(slowId).isLessThan(fast);
            feeder.applyChanges();
            assertThat(ids(index, "bridge")).containsExactly(slowId);
        }
    }

    /** What ItemStore.save writes for a new item, by hand, so the test can hold the transaction open. */
    private static long insertItemAsTheStoreDoes(java.sql.Connection connection, String key, String title)
            throws java.sql.SQLException {
        OffsetDateTime time = OffsetDateTime.ofInstant(Items.T0, ZoneOffset.UTC);
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO item (url, canonical_url, title, body_text, language, published_at, fetched_at, sort_time,
                                  content_hash, first_source_id)
                VALUES (?, ?, ?, ?, 'en', ?, ?, ?, ?, 'afp')
                """, Statement.RETURN_GENERATED_KEYS)) {
            String url = "https://news.example.org/" + key;
            insert.setString(1, url);
            insert.setString(2, url);
            insert.setString(3, title);
            insert.setString(4, title + ". Officials said so on Monday.");
            insert.setObject(5, time);
            insert.setObject(6, time);
            insert.setObject(7, time);
            insert.setString(8, key);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO item_source (item_id, source_id, first_seen_at) VALUES (" + id
                    + ", 'afp', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00')");
            statement.executeUpdate("INSERT INTO index_change (item_id, reason) VALUES (" + id + ", 'STORED')");
        }
        return id;
    }

    @Test
    void aSecondSourceAndNewTagsReachTheFiltersOfAStoredItem() {
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"))) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            feeder.bringUpToDate(RebuildProgress.NONE);
            assertThat(save("afp", "quote", "Fabricated quote spreads")).isEqualTo(SaveOutcome.INSERTED);
            long id = items.lastId();
            feeder.applyChanges();
            assertThat(ids(index, "source:reuters")).isEmpty();

            assertThat(save("reuters", "quote", "Fabricated quote spreads")).isEqualTo(SaveOutcome.ADDED_SOURCE);
            feeder.applyChanges();
            assertThat(ids(index, "source:reuters")).containsExactly(id);
            assertThat(ids(index, "source:afp")).containsExactly(id);

            // the analyst retags a source in feeds.yml: its items follow
            sources.sync(List.of(source("afp", List.of("wire", "priority")), source("reuters", List.of("wire"))));
            feeder.applyChanges();
            assertThat(ids(index, "tag:priority")).containsExactly(id);
        }
    }

    @Test
    void changesStayLoggedUntilTheIndexCommitsThemSoARestartAppliesThem() {
        AnalysisStore analyses = new AnalysisStore(database);
        Path indexDir = dir.resolve("index");
        long id;
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            feeder.bringUpToDate(RebuildProgress.NONE);
            save("afp", "minister", "Minister denies flood rumour");
            id = items.lastId();
            assertThat(feeder.applyChanges()).isEqualTo(1);
            assertThat(ids(index, "flood")).containsExactly(id);
            // searchable, not yet durable: a crash now would lose the document, so the change stays
            assertThat(changes.count()).isEqualTo(1);
            index.commit();
            feeder.applyChanges();
            assertThat(changes.count()).isZero();
        }

        // analysed while no index was open (another command, or the index process died): the next start applies it
        analyses.save(id, new TextAnalysis(new DetectedLanguage("en", true, DetectedLanguage.Basis.TEXT),
                AnalysisPath.FAST, AnalysisEngine.CORENLP, List.of(), 7, List.of(),
                List.of(new NamedEntity("Jane Doe", EntityType.PERSON, 0, 8))), Instant.now());
        assertThat(changes.count()).isEqualTo(1);
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            assertThat(index.needsRebuild()).isFalse();
            feeder.bringUpToDate(RebuildProgress.NONE);
            assertThat(ids(index, "entity:\"jane doe\"")).containsExactly(id);
            // closing commits what it applied, so the start after this one has nothing to redo
            assertThat(changes.count()).isEqualTo(1);
            feeder.close();
            assertThat(changes.count()).isZero();
        }
    }

    @Test
    void itemsImportedWhileNoIndexWasOpenAreIndexedOnceByTheCatchUp() {
        Path indexDir = dir.resolve("index");
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            new IndexFeeder(index, items, changes).bringUpToDate(RebuildProgress.NONE);
        }
        save("afp", "a", "Old photos shared as new");
        save("afp", "b", "Minister denies flood rumour");
        save("reuters", "b", "Minister denies flood rumour"); // and a second source for one of them
        assertThat(changes.count()).isEqualTo(3);
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            RebuildReport report = feeder.bringUpToDate(RebuildProgress.NONE);
            assertThat(report.indexed()).isEqualTo(2);
            assertThat(changes.count()).isZero();
            assertThat(ids(index, "source:reuters")).hasSize(1);
            assertThat(ids(index, "photos OR flood")).hasSize(2);
        }
    }

    @Test
    void anItemTheIndexRefusesIsPassedOverAndTheOthersGoOn() {
        // a tag longer than Lucene takes as one term (32 KB): every document of that source is refused
        sources.sync(List.of(source("afp", List.of("x".repeat(40_000))), source("reuters", List.of("wire"))));
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"))) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            feeder.bringUpToDate(RebuildProgress.NONE);
            save("afp", "refused", "Refused flood rumour");
            save("reuters", "fine", "Accepted flood rumour");
            for (int round = 0; round < IndexFeeder.MAX_ATTEMPTS + 2; round++) {
                feeder.applyChanges(); // never throws: one bad item does not stop the round
            }
            assertThat(ids(index, "flood")).hasSize(1);
            assertThat(ids(index, "accepted")).hasSize(1);
            // its row stays for the next start or a rebuild
            index.commit();
            feeder.applyChanges();
            assertThat(changes.count()).isEqualTo(1);
        }
    }

    @Test
    void aRebuildTakesTheChangesItCoversAndLeavesLaterOnes() {
        save("afp", "a", "Old photos shared as new");
        save("afp", "b", "Minister denies flood rumour");
        assertThat(changes.count()).isEqualTo(2);
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"))) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            RebuildReport report = feeder.rebuild(RebuildProgress.NONE);
            assertThat(report.indexed()).isEqualTo(2);
            assertThat(changes.count()).isZero();
            save("afp", "c", "Fabricated quote spreads");
            assertThat(feeder.applyChanges()).isEqualTo(1);
            assertThat(ids(index, "quote OR photos OR flood")).hasSize(3);
        }
    }

    @Test
    void listenersAreToldOnceAStoredItemIsSearchableWithoutAnyoneRefreshing() throws Exception {
        save("afp", "old", "Old photos shared as new");
        try (ItemIndex index = ItemIndex.open(dir.resolve("index"));
             IndexFeeder feeder = new IndexFeeder(index, items, changes)) {
            BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
            feeder.onSearchable(heard::add);
            feeder.start();

            // the start rebuilds the missing index, then says so
            Long rebuilt = heard.poll(30, TimeUnit.SECONDS);
            assertThat(rebuilt).as("told after the rebuild").isNotNull();
            assertThat(found(index, "photos")).hasSize(1);

            save("afp", "ferry", "Ferry strike rumour");
            long id = items.lastId();
            Long applied = heard.poll(30, TimeUnit.SECONDS);
            assertThat(applied).as("told after the change was applied").isNotNull().isGreaterThan(rebuilt);
            // no refresh here: the searcher searches use already shows the item
            assertThat(found(index, "ferry")).containsExactly(id);
        }
    }

    /** Searches the searcher as it is, without asking the index to reopen first. */
    private static List<Long> found(ItemIndex index, String query) {
        return new ItemSearch(index).search(SearchRequest.of(query).facets(false)).hits().stream()
                .map(SearchHit::itemId).toList();
    }

    @Test
    void aRebuildAndACatchUpTellTheListenersToo() {
        save("afp", "a", "Old photos shared as new");
        Path indexDir = dir.resolve("index");
        List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            feeder.onSearchable(heard::add);
            feeder.rebuild(RebuildProgress.NONE);
            assertThat(heard).hasSize(1);
            assertThat(found(index, "photos")).hasSize(1);
        }
        save("afp", "b", "Minister denies flood rumour");
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            IndexFeeder feeder = new IndexFeeder(index, items, changes);
            feeder.onSearchable(heard::add);
            feeder.bringUpToDate(RebuildProgress.NONE);
            assertThat(heard).hasSize(2);
            assertThat(found(index, "flood")).hasSize(1);
        }
    }
}
