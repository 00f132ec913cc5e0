package org.claimdesk.index;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.nlp.AnalysisEngine;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.TextAnalysis;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.IndexChangeLog;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The index as derived data: rebuilt from real H2, damage detected, missed items caught up. */
class ItemIndexRebuildTest {
    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private Path indexDir;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"));
        new SourceStore(database).sync(List.of(
                source("afp", "en", List.of("fact-check")), source("aljazeera", "ar", List.of("news", "ar"))));
        items = new ItemStore(database);
        indexDir = dir.resolve("index");
        String[] arabic = {"الحكومة تنفي شائعة عن الإرهاب", "صور قديمة للفيضان", "تصريح مفبرك للوزير"};
        String[] english = {"Minister denies flood rumour", "Old photos shared as new", "Fabricated quote spreads"};
        for (int i = 0; i < 1200; i++) {
            boolean ar = i % 2 == 0;
            String title = (ar ? arabic : english)[i % 3] + " " + i;
            String text = (ar ? "تقرير رقم " : "Report number ") + i + ". " + title + " " + (ar ? "والحقيقة" : "and the facts");
            URI url = URI.create("https://example.org/" + i);
            items.save(new NewItem(ar ? "aljazeera" : "afp", url, url, null, title, null, text, ar ? "ar" : "en",
                    Items.T0.plusSeconds(i * 60L), Items.T0, "h" + i));
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Source source(String id, String language, List<String> tags) {
        return new Source(id, id, URI.create("https://" + id + ".example.org/feed"), SourceKind.FEED, language, tags,
                Duration.ofMinutes(30), true, PageSelectors.NONE, false);
    }

    /** Rebuilds go through the feeder, the part that reads the database. */
    private IndexFeeder feeder(ItemIndex index) {
        return new IndexFeeder(index, items, new IndexChangeLog(database));
    }

    private static List<Long> ids(ItemIndex index, String query) {
        return new ItemSearch(index).search(SearchRequest.of(query).page(0, 2000).facets(false)).hits().stream()
                .map(SearchHit::itemId).sorted().toList();
    }

    @Test
    void aMissingIndexIsRebuiltFromTheDatabaseWithTheSameHits() throws IOException {
        List<Long> before;
        AtomicLong lastDone = new AtomicLong();
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.MISSING);
            assertThat(index.needsRebuild()).isTrue();
            RebuildReport report = feeder(index).rebuild((done, total) -> {
                assertThat(total).isEqualTo(1200);
                lastDone.set(done);
            });
            assertThat(report.indexed()).isEqualTo(1200);
            assertThat(report.cancelled()).isFalse();
            assertThat(lastDone.get()).isEqualTo(1200);
            assertThat(index.needsRebuild()).isFalse();
            before = ids(index, "ارهاب OR flood");
            assertThat(before).hasSize(400);
            assertThat(new ItemSearch(index).search(SearchRequest.of("tag:fact-check")).totalHits()).isEqualTo(600);
        }
        deleteTree(indexDir);

        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.MISSING);
            feeder(index).rebuild(RebuildProgress.NONE);
            assertThat(ids(index, "ارهاب OR flood")).isEqualTo(before);
        }
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.READY);
            assertThat(index.count()).isEqualTo(1200);
        }
    }

    @Test
    void aGarbledSegmentFileIsDetectedAndTheRebuildLosesNothing() throws IOException {
        List<Long> before;
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            feeder(index).rebuild(RebuildProgress.NONE);
            before = ids(index, "rumour OR شائعة");
        }
        Path largest;
        try (Stream<Path> files = Files.list(indexDir)) {
            largest = files.filter(f -> !f.getFileName().toString().startsWith("segments")
                            && !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(ItemIndexRebuildTest::size)).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[] {0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37});
        }

        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.CORRUPT);
            assertThat(index.problemAtOpen()).isNotBlank();
            assertThat(index.count()).isZero();
            feeder(index).rebuild(RebuildProgress.NONE);
            assertThat(index.count()).isEqualTo(1200);
            assertThat(ids(index, "rumour OR شائعة")).isEqualTo(before).hasSize(400);
        }
    }

    @Test
    void aCancelledRebuildIsReportedAndTheNextOpenAsksForAnother() {
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            RebuildReport report = feeder(index).rebuild((done, total) -> {
                if (done >= 500) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(Thread.interrupted()).isTrue();
            assertThat(report.cancelled()).isTrue();
            assertThat(report.indexed()).isLessThan(1200);
            assertThat(index.needsRebuild()).isTrue();
        }
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.INCOMPLETE);
        }
    }

    @Test
    void rebuildingACompleteIndexKeepsEveryItemSearchableThroughoutAndACancelLeavesItComplete() {
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            feeder(index).rebuild(RebuildProgress.NONE);
            index.upsert(ItemDocuments.of(Items.item(99_999, "en", "Stale document", "An item the database never had."),
                    List.of(), List.of()));
            index.refresh();
            AtomicLong smallestSeen = new AtomicLong(Long.MAX_VALUE);
            RebuildReport report = feeder(index).rebuild((done, total) -> {
                // mid-rebuild, a search still finds all of them (old documents until rewritten)
                index.refresh();
                smallestSeen.accumulateAndGet(ids(index, "ارهاب OR flood").size(), Math::min);
            });
            assertThat(smallestSeen.get()).isEqualTo(400);
            assertThat(report.removed()).isEqualTo(1);
            assertThat(ids(index, "stale")).isEmpty();
            assertThat(index.count()).isEqualTo(1200);

            RebuildReport cancelled = feeder(index).rebuild((done, total) -> {
                if (done >= 500) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(Thread.interrupted()).isTrue();
            assertThat(cancelled.cancelled()).isTrue();
            assertThat(index.needsRebuild()).isFalse();
            index.refresh();
            assertThat(index.count()).isEqualTo(1200);
        }
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.READY);
        }
    }

    @Test
    void itemsStoredWhileTheIndexWasClosedAreCaughtUp() {
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            feeder(index).rebuild(RebuildProgress.NONE);
        }
        URI url = URI.create("https://example.org/late");
        items.save(new NewItem("afp", url, url, null, "Late bridge rumour", null, "A bridge rumour arrived late.",
                "en", Items.T0, Items.T0, "late"));

        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.READY);
            assertThat(ids(index, "bridge")).isEmpty();
            IndexFeeder feeder = feeder(index);
            RebuildReport report = feeder.bringUpToDate(RebuildProgress.NONE);
            assertThat(report.indexed()).isEqualTo(1);
            assertThat(ids(index, "bridge")).hasSize(1);
            assertThat(new ItemSearch(index).search(SearchRequest.of("bridge")).hits().getFirst().tags())
                    .containsExactly("fact-check");
            assertThat(feeder.bringUpToDate(RebuildProgress.NONE).indexed()).isZero();
        }
    }

    @Test
    void whatAnalysisStoredComesAlongInCatchUpAndTheFeeder() {
        AnalysisStore analyses = new AnalysisStore(database);
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            feeder(index).rebuild(RebuildProgress.NONE);
        }
        // declared English by its feed, written in German; analysed before the index saw it
        long late = saveAnalysed(analyses, "late", "Gerücht über die Brücke", "Angela Merkel");
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            IndexFeeder feeder = feeder(index);
            assertThat(feeder.bringUpToDate(RebuildProgress.NONE).indexed()).isEqualTo(1);
            assertThat(ids(index, "entity:\"angela merkel\"")).containsExactly(late);
            assertThat(ids(index, "lang:de")).containsExactly(late);
            // dates are stored but are not names: no entity filter for them
            assertThat(ids(index, "entity:montag")).isEmpty();

            long fed = saveAnalysed(analyses, "fed", "Neues Gerücht", "Olaf Scholz");
            // stored, then analysed: two changes, one document written
            assertThat(feeder.applyChanges()).isEqualTo(1);
            index.refresh();
            assertThat(ids(index, "entity:\"olaf scholz\"")).containsExactly(fed);
        }
    }

    @Test
    void anIndexFromBeforeDocumentKindsIsRebuiltAndNoKindlessDocumentSurvives() throws IOException {
        // what schema 1 wrote: documents keyed by an "id" term, no kind
        try (FSDirectory directory = FSDirectory.open(indexDir);
             IndexWriter old = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(IndexFields.ID, "1", Field.Store.YES));
            doc.add(new TextField(IndexFields.title(TextLanguage.of("en")), "Minister denies flood rumour 1", Field.Store.YES));
            old.addDocument(doc);
            old.setLiveCommitData(Map.of(ItemIndex.USER_DATA_SCHEMA, "1", ItemIndex.USER_DATA_STATE, "complete").entrySet());
            old.commit();
        }

        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.OUTDATED);
            assertThat(index.needsRebuild()).isTrue();
            RebuildReport report = feeder(index).bringUpToDate(RebuildProgress.NONE);
            assertThat(report.indexed()).isEqualTo(1200);
            assertThat(index.count()).isEqualTo(1200);
            assertThat(ids(index, "flood")).hasSize(200).doesNotHaveDuplicates();
        }
        try (ItemIndex index = ItemIndex.open(indexDir)) {
            assertThat(index.stateAtOpen()).isEqualTo(IndexState.READY);
        }
    }

    private long saveAnalysed(AnalysisStore analyses, String key, String title, String person) {
        URI url = URI.create("https://example.org/" + key);
        items.save(new NewItem("afp", url, url, null, title, null, person + " sprach am Montag über das Gerücht.",
                "en", Items.T0, Items.T0, key));
        long id = items.lastId();
        analyses.save(id, new TextAnalysis(new DetectedLanguage("de", true, DetectedLanguage.Basis.TEXT),
                AnalysisPath.FULL, AnalysisEngine.CORENLP, List.of(), 7, List.of(), List.of(
                new NamedEntity(person, EntityType.PERSON, 0, person.length()),
                new NamedEntity("Montag", EntityType.DATE, person.length() + 10, person.length() + 16))), Instant.now());
        return id;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
