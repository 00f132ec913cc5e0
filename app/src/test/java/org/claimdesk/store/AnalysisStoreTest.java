package org.claimdesk.store;

import org.claimdesk.nlp.AnalysisEngine;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.Sentence;
import org.claimdesk.nlp.TextAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.T0;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

/** Analysis results on a real H2 database on disk. */
class AnalysisStoreTest {

    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private AnalysisStore analyses;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        new SourceStore(database).sync(List.of(feed("a")));
        items = new ItemStore(database);
        analyses = new AnalysisStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long store(int n) {
        items.save(item("a", "https://a.example.org/" + n, longText("topic " + n)));
        return items.lastId();
    }

    private static TextAnalysis analysis(String language, boolean reliable, NamedEntity... entities) {
        return new TextAnalysis(new DetectedLanguage(language, reliable, reliable ? DetectedLanguage.Basis.TEXT
                : DetectedLanguage.Basis.HINT), AnalysisPath.FULL, AnalysisEngine.CORENLP,
                List.of(new Sentence(0, 10, "A sentence"), new Sentence(11, 20, "Another.")), 42, List.of(),
                List.of(entities));
    }

    @Test
    void readsWhatTheAnalyserNeedsOfTheAskedItemsInTheirOrderLeavingOutItemsThatAreGone() {
        long first = store(1);
        long second = store(2);

        assertThat(analyses.toAnalyse(List.of(second, 999L, first)).keySet()).containsExactly(second, first);
        PendingItem pending = analyses.toAnalyse(List.of(first)).get(first);
        assertThat(pending.id()).isEqualTo(first);
        assertThat(pending.title()).isEqualTo("Title of https://a.example.org/1");
        assertThat(pending.text()).isEqualTo(longText("topic 1"));
        assertThat(pending.language()).isEqualTo("en");
        assertThat(analyses.toAnalyse(List.of())).isEmpty();
    }

    @Test
    void savedAnalysisReadsBackWithEntitiesCountedOncePerTypeAndText() {
        long id = store(1);
        Instant at = Instant.parse("2026-03-02T08:00:00.123456Z");
        analyses.save(id, analysis("de", true,
                new NamedEntity("Angela Merkel", EntityType.PERSON, 0, 13),
                new NamedEntity("Berlin", EntityType.LOCATION, 20, 26),
                new NamedEntity("Angela  Merkel", EntityType.PERSON, 40, 54),
                new NamedEntity("Berlin", EntityType.ORGANIZATION, 60, 66)), at);

        ItemAnalysis stored = analyses.analysisOf(id).orElseThrow();
        assertThat(stored).isEqualTo(new ItemAnalysis(id, "de", true, AnalysisPath.FULL, "CORENLP", 2, 42, at, null));
        assertThat(analyses.entitiesOf(id)).containsExactly(
                new StoredEntity("Angela Merkel", EntityType.PERSON, 2),
                new StoredEntity("Berlin", EntityType.LOCATION, 1),
                new StoredEntity("Berlin", EntityType.ORGANIZATION, 1));

        // the item as the index and the reader see it: detected language wins over the declared "en"
        StoredItem item = items.find(id).orElseThrow();
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.detectedLanguage()).isEqualTo("de");
        assertThat(item.effectiveLanguage()).isEqualTo("de");
        assertThat(item.entities()).extracting(StoredEntity::text).containsExactly("Angela Merkel", "Berlin", "Berlin");
        assertThat(items.itemsAfter(0, 10).getFirst()).isEqualTo(item);
    }

    @Test
    void analysingAgainReplacesTheEarlierResult() {
        long id = store(1);
        analyses.save(id, analysis("en", true, new NamedEntity("Old Name", EntityType.PERSON, 0, 8)), T0);
        analyses.save(id, analysis("fr", true, new NamedEntity("Paris", EntityType.LOCATION, 0, 5)), T0.plusSeconds(5));

        assertThat(analyses.analysisOf(id).orElseThrow().language()).isEqualTo("fr");
        assertThat(analyses.entitiesOf(id)).containsExactly(new StoredEntity("Paris", EntityType.LOCATION, 1));
    }

    @Test
    void theItemListShowsTheLanguageAnalysisFoundAndTheIndexIsToldOfIt() {
        long declaredOnly = store(1);
        long detectedGerman = store(2);
        long unsure = store(3);
        IndexChangeLog changes = new IndexChangeLog(database);
        long before = changes.count();
        analyses.save(detectedGerman, analysis("de", true), T0);
        analyses.save(unsure, analysis("fr", false), T0);
        assertThat(changes.count()).isEqualTo(before + 2);

        java.util.Map<Long, String> shown = new java.util.HashMap<>();
        items.newest(10).forEach(summary -> shown.put(summary.id(), summary.language()));
        assertThat(shown).containsEntry(declaredOnly, "en").containsEntry(detectedGerman, "de")
                .containsEntry(unsure, "en");
        assertThat(items.storedAfter(0, 10)).filteredOn(s -> s.id() == detectedGerman)
                .extracting(ItemSummary::language).containsExactly("de");
    }

    @Test
    void unreliableDetectionDoesNotOverrideTheDeclaredLanguage() {
        long id = store(1);
        analyses.save(id, analysis("fr", false), T0);

        StoredItem item = items.find(id).orElseThrow();
        assertThat(item.detectedLanguage()).isEqualTo("fr");
        assertThat(item.languageReliable()).isFalse();
        assertThat(item.effectiveLanguage()).isEqualTo("en");

        // with nothing declared, an unsure detection is still the best there is
        StoredItem undeclared = new StoredItem(item.id(), item.url(), item.canonicalUrl(), item.title(), item.byline(),
                item.text(), null, item.publishedAt(), item.fetchedAt(), item.contentHash(), item.sourceIds(),
                "fr", false, List.of());
        assertThat(undeclared.effectiveLanguage()).isEqualTo("fr");
        assertThat(new StoredItem(1, null, null, "t", null, "x", null, null, null, null, List.of(), "und", false, List.of())
                .effectiveLanguage()).isNull();
    }

    @Test
    void analysisOfAnItemThatIsGoneFailsClearlyAndStoresNothing() {
        assertThatThrownBy(() -> analyses.save(999, analysis("en", true,
                new NamedEntity("X", EntityType.PERSON, 0, 1)), T0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save the analysis of item 999");
        assertThat(analyses.entitiesOf(999)).isEmpty();
        assertThat(analyses.analysisOf(999)).isEmpty();
    }

    @Test
    void veryLongMentionsAreCutToTheColumnSize() {
        long id = store(1);
        String huge = "Name ".repeat(300);
        analyses.save(id, analysis("en", true, new NamedEntity(huge, EntityType.MISC, 0, huge.length())), T0);

        assertThat(analyses.entitiesOf(id).getFirst().text()).hasSize(AnalysisStore.MAX_ENTITY_CHARS);
    }

    @Test
    void entitiesOfItemsInAPageStayWithTheirItems() {
        long first = store(1);
        long second = store(2);
        long third = store(3);
        analyses.save(first, analysis("en", true, new NamedEntity("Alice", EntityType.PERSON, 0, 5)), T0);
        analyses.save(third, analysis("en", true, new NamedEntity("Carol", EntityType.PERSON, 0, 5)), T0);

        List<StoredItem> page = items.itemsAfter(0, 10);
        assertThat(page).extracting(StoredItem::id).containsExactly(first, second, third);
        assertThat(page.get(0).entities()).containsExactly(new StoredEntity("Alice", EntityType.PERSON, 1));
        assertThat(page.get(1).entities()).isEmpty();
        assertThat(page.get(1).detectedLanguage()).isNull();
        assertThat(page.get(2).entities()).containsExactly(new StoredEntity("Carol", EntityType.PERSON, 1));
    }
}
