package org.claimdesk.index;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.index.Items.T0;
import static org.claimdesk.index.Items.item;

/** Search on a real on-disk index: languages, query syntax, filters, order, highlights, facets, NRT. */
class ItemSearchTest {
    @TempDir
    Path dir;

    private ItemIndex index;
    private ItemSearch search;

    @BeforeEach
    void open() {
        index = ItemIndex.open(dir.resolve("index"));
        search = new ItemSearch(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private void add(org.claimdesk.store.StoredItem... items) {
        for (var item : items) {
            index.upsert(ItemDocuments.of(item, List.of(), List.of()));
        }
        index.commit();
        refresh();
    }

    private void refresh() {
        index.refresh();
    }

    private List<Long> ids(String query) {
        return ids(SearchRequest.of(query));
    }

    private List<Long> ids(SearchRequest request) {
        return search.search(request).hits().stream().map(SearchHit::itemId).toList();
    }

    @Test
    void arabicWordFindsInflectedAndNormalisedForms() {
        add(item(1, "ar", "مكافحة الإرهاب في العراق", "تقرير عن الحرب على الإرهاب والعنف."),
                item(2, "ar", "عمل إرهابي جديد", "هجوم وصفته الحكومة بأنه إرهابي."),
                item(3, "ar", "نقاش", "قال إن الارهاب لا دين له."),
                item(4, "ar", "بالتشكيل", "مواجهة الإِرْهَابِ مسؤولية الجميع."),
                item(5, "ar", "الاقتصاد", "أسعار النفط ترتفع."),
                item(6, "en", "Terrorism report", "The ministry published figures."));

        assertThat(ids("ارهاب")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(ids("الإرهاب")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(ids("إرهابي")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(ids("النفط")).containsExactly(5L);
        // tatweel stretching a word, teh marbuta typed as heh
        assertThat(ids("إرهـــاب")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(ids("الحكومه")).containsExactly(2L);
    }

    @Test
    void germanCompoundFindsItsPartsAndAPartFindsTheCompound() {
        add(item(1, "de", "Die Flüchtlingskrise verschärft sich", "Der Bericht der Regierung erschien am Montag."),
                item(2, "de", "Eine neue Krise", "Die Flüchtlinge warten an der Grenze."),
                item(3, "de", "Wetter", "Morgen wird es sonnig."),
                item(4, "de", "Die Krise der Autoindustrie", "Die Werke stehen still."));

        assertThat(ids("Krise")).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(ids("Flüchtlinge")).containsExactlyInAnyOrder(1L, 2L);
        // the compound, or all of its parts: not every item about some other crisis
        assertThat(ids("Flüchtlingskrise")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("Regierungsbericht")).containsExactly(1L);
    }

    @Test
    void japaneseQueryWithoutSpacesMatches() {
        add(item(1, "ja", "東京都庁で記者会見", "東京都は本日、記者会見を開き、新しい対策を発表しました。"),
                item(2, "ja", "大阪の天気", "大阪では明日雨が降る見込みです。"));

        assertThat(ids("記者会見")).containsExactly(1L);
        assertThat(ids("新しい対策を発表")).containsExactly(1L);
        assertThat(ids("東京都")).containsExactly(1L);
        assertThat(ids("雨が降る")).containsExactly(2L);
        assertThat(ids("京都")).isEmpty();
    }

    @Test
    void chineseIsSearchedByBigrams() {
        add(item(1, "zh", "疫苗谣言", "网络上流传的疫苗谣言已被辟谣。"), item(2, "zh", "天气", "北京明天有雨。"));
        assertThat(ids("谣言")).containsExactly(1L);
        assertThat(ids("北京")).containsExactly(2L);
    }

    @Test
    void englishStemmingPhrasesExclusionAndFields() {
        add(item(1, "en", "Minister denies claims", "Officials were denying the viral claims about a fake video.", "afp"),
                item(2, "en", "Video is not fake", "The video that circulated is not fake, experts said.", "bbc"),
                item(3, "en", "Election rumours", "A fake video about the election spread quickly.", "afp"));

        assertThat(ids("deny claim")).containsExactly(1L);
        assertThat(ids("\"fake video\"")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids("\"fake video\" -election")).containsExactly(1L);
        assertThat(ids("title:video")).containsExactly(2L);
        assertThat(ids("source:afp video")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids("experts OR election")).containsExactlyInAnyOrder(2L, 3L);
        assertThat(ids("lang:en -fake")).isEmpty();
        assertThat(ids("-election")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("vid*")).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void exclusionWorksAcrossLanguages() {
        add(item(1, "en", "Vaccine rumour", "A vaccine rumour spread.", "x"),
                item(2, "de", "Impfstoff", "Ein Gerücht über den Impfstoff. vaccine", "y"));
        assertThat(ids("vaccine")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("vaccine -rumour")).containsExactly(2L);
        assertThat(ids("vaccine -Gerücht")).containsExactly(1L);
    }

    @Test
    void aQueryThatCannotBeReadSaysWhy() {
        add(item(1, "en", "x", "y"));
        assertThatThrownBy(() -> ids("\"unclosed phrase")).isInstanceOf(SearchQueryException.class)
                .hasMessageStartingWith("Cannot read the query");
        assertThatThrownBy(() -> ids("colour:red")).isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("unknown field 'colour:'").hasMessageNotContaining("Cannot parse");
        // the usual slips, in words an analyst can act on rather than the parser's grammar states
        assertThatThrownBy(() -> ids("\"unclosed phrase")).hasMessage("Cannot read the query: a quotation mark (\") is not closed");
        assertThatThrownBy(() -> ids("(flood OR fire")).hasMessage("Cannot read the query: a \"(\" is not closed");
        assertThatThrownBy(() -> ids("flood)")).hasMessage("Cannot read the query: a \")\" has no \"(\" before it");
        assertThatThrownBy(() -> ids("flood OR")).hasMessage("Cannot read the query: AND, OR and NOT need a word on each side");
        assertThatThrownBy(() -> ids("flood title:")).hasMessage("Cannot read the query: \"title:\" needs a value after it");
    }

    @Test
    void filtersAndDateRangeAndSortByTime() {
        Instant day = Instant.parse("2026-05-01T00:00:00Z");
        index.upsert(ItemDocuments.of(item(1, "en", "Flood claim", "Photos of the flood are old.", day.minus(Duration.ofDays(3)), "afp"),
                List.of("fact-check"), List.of("Lagos")));
        index.upsert(ItemDocuments.of(item(2, "ar", "فيضان", "صور الفيضان flood قديمة.", day.minus(Duration.ofDays(1)), "aljazeera"),
                List.of("news", "ar"), List.of("Lagos", "الأمم المتحدة")));
        index.upsert(ItemDocuments.of(item(3, "en", "Flood warning", "A flood warning was issued.", day.plus(Duration.ofDays(1)), "bbc", "afp"),
                List.of("news"), List.of()));
        index.commit();
        refresh();

        SearchRequest flood = SearchRequest.of("flood");
        assertThat(ids(flood.orderedBy(SearchOrder.NEWEST))).containsExactly(3L, 2L, 1L);
        assertThat(ids(flood.withLanguages(Set.of("ar")))).containsExactly(2L);
        assertThat(ids(flood.withSources(Set.of("afp")).orderedBy(SearchOrder.NEWEST))).containsExactly(3L, 1L);
        assertThat(ids(flood.withTags(Set.of("Fact-Check")))).containsExactly(1L);
        assertThat(ids(flood.withEntities(Set.of("Lagos")).orderedBy(SearchOrder.NEWEST))).containsExactly(2L, 1L);
        assertThat(ids(flood.between(day.minus(Duration.ofDays(2)), day.plus(Duration.ofDays(1)))))
                .containsExactly(2L);
        assertThat(ids(flood.between(day.minus(Duration.ofDays(2)), null).orderedBy(SearchOrder.NEWEST)))
                .containsExactly(3L, 2L);
        assertThat(ids("entity:lagos tag:news")).containsExactly(2L);
        assertThat(ids(SearchRequest.of("").withSources(Set.of("bbc")))).containsExactly(3L);
        // paging
        assertThat(ids(flood.orderedBy(SearchOrder.NEWEST).page(1, 1))).containsExactly(2L);
    }

    @Test
    void facetsCountEveryHitPerLanguageSourceTagAndEntity() {
        index.upsert(ItemDocuments.of(item(1, "en", "Flood", "flood", "afp"), List.of("fact-check"), List.of("Lagos")));
        index.upsert(ItemDocuments.of(item(2, "ar", "فيضان", "flood", "aljazeera", "afp"), List.of("news"), List.of("Lagos", "Abuja")));
        index.upsert(ItemDocuments.of(item(3, "en", "Flood", "flood", "bbc"), List.of("news"), List.of()));
        index.upsert(ItemDocuments.of(item(4, "en", "Storm", "storm", "bbc"), List.of("news"), List.of("Lagos")));
        index.commit();
        refresh();

        SearchResults results = search.search(SearchRequest.of("flood").page(0, 1));

        assertThat(results.totalHits()).isEqualTo(3);
        assertThat(results.hits()).hasSize(1);
        assertThat(results.languages()).containsExactly(new FacetCount("en", 2), new FacetCount("ar", 1));
        assertThat(results.sources()).containsExactly(new FacetCount("afp", 2), new FacetCount("aljazeera", 1),
                new FacetCount("bbc", 1));
        assertThat(results.tags()).containsExactly(new FacetCount("news", 2), new FacetCount("fact-check", 1));
        assertThat(results.entities()).containsExactly(new FacetCount("Lagos", 2), new FacetCount("Abuja", 1));
    }

    @Test
    void highlightsMarkTheMatchedWordsInArabicAndJapanese() {
        add(item(1, "ar", "مكافحة الإرهاب", "في بغداد، ناقش المؤتمر سبل مكافحة الإرهاب عبر مواقع التواصل الاجتماعي. "
                        + "وقال المتحدث إن الجماعات الإرهابية تنشر الشائعات."),
                item(2, "ja", "記者会見", "東京都は本日、記者会見を開きました。新しい対策を発表しました。"));

        SearchHit arabic = search.search(SearchRequest.of("ارهاب")).hits().getFirst();
        assertThat(arabic.rightToLeft()).isTrue();
        assertThat(marked(arabic.title())).containsExactly("الإرهاب");
        assertThat(arabic.snippets()).isNotEmpty();
        assertThat(arabic.snippets().stream().flatMap(s -> marked(s).stream()))
                .contains("الإرهاب", "الإرهابية");

        SearchHit japanese = search.search(SearchRequest.of("記者会見")).hits().getFirst();
        assertThat(japanese.rightToLeft()).isFalse();
        assertThat(japanese.title().marked("<", ">")).isEqualTo("<記者会見>");
        assertThat(japanese.snippets().getFirst().marked("<", ">")).contains("<記者会見>");
    }

    private static List<String> marked(Snippet snippet) {
        return snippet.marks().stream().map(m -> snippet.text().substring(m.start(), m.end())).toList();
    }

    @Test
    void anUpsertedItemIsFoundWithinASecondWithoutACommit() throws InterruptedException {
        add(item(1, "en", "Old", "old news"));
        index.upsert(ItemDocuments.of(item(2, "en", "Fresh rumour", "a fresh rumour about the bridge"), List.of(), List.of()));

        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        List<Long> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = ids("bridge");
            Thread.sleep(10); // polling, not spinning: a busy loop on two cores starves the reopen thread
        }
        assertThat(found).as("found within a second of the upsert").containsExactly(2L);
    }

    @Test
    void upsertReplacesAndDeleteRemoves() {
        add(item(1, "en", "First title", "about a bridge"));
        add(item(1, "en", "Second title", "about a tunnel"));

        assertThat(ids("bridge")).isEmpty();
        assertThat(ids("tunnel")).containsExactly(1L);
        assertThat(index.count()).isEqualTo(1);

        index.delete(DocumentKind.ITEM, 1);
        index.commit();
        refresh();
        assertThat(ids("tunnel")).isEmpty();
    }

    @Test
    void aWatchQueryCountsOnlyNewMatches() {
        add(item(1, "en", "Bridge", "bridge collapse rumour"), item(2, "en", "Bridge", "bridge photo"));
        long seen = 2;
        assertThat(search.countNewMatches(SearchRequest.of("bridge"), seen)).isZero();
        add(item(3, "en", "Bridge", "another bridge"), item(4, "en", "Tunnel", "tunnel"), item(5, "ar", "جسر", "bridge"));
        assertThat(search.countNewMatches(SearchRequest.of("bridge"), seen)).isEqualTo(2);
        assertThat(search.countNewMatches(SearchRequest.of("bridge").withLanguages(Set.of("en")), seen)).isEqualTo(1);
    }

    @Test
    void sampleArticlesAreFoundInTheirOwnLanguages() throws Exception {
        Path articles = SharedFixtures.require("sample-articles");
        String[][] files = {{"ar-news-feature.txt", "ar"}, {"ar-forum-reply.txt", "ar"}, {"de-essay.txt", "de"},
                {"en-web-special.txt", "en"}, {"ja-essay.txt", "ja"}};
        for (int i = 0; i < files.length; i++) {
            String text = Files.readString(articles.resolve(files[i][0]));
            index.upsert(ItemDocuments.of(item(i + 1, files[i][1], files[i][0], text), List.of(), List.of()));
        }
        index.commit();
        refresh();

        assertThat(ids("الإرهاب")).contains(1L).doesNotContain(3L, 4L, 5L);
        assertThat(ids("Intelligenz")).containsExactly(3L);
        assertThat(ids("capitalism")).contains(4L);
        assertThat(ids("資本主義")).containsExactly(5L);
        assertThat(ids("技術の意識的")).containsExactly(5L);
        SearchResults results = search.search(SearchRequest.of("資本主義"));
        assertThat(results.hits().getFirst().snippets().getFirst().marked("<", ">")).contains("<資本主義>");
    }

    @Test
    void documentsOfAnotherKindShareTheIndexButNeverItemResults() {
        add(item(1, "en", "Flood claim", "Photos of the flood are old.", "afp"));
        // a later kind (a claim, say) with the fields an item has and the same key
        DocumentKind claim = new DocumentKind("claim");
        TextLanguage en = TextLanguage.of("en");
        Instant later = T0.plus(Duration.ofDays(30));
        index.upsert(new IndexDocument(claim, 1, List.of(
                new StringField(IndexFields.ANALYSIS, en.key(), Field.Store.YES),
                new KeywordField(IndexFields.LANGUAGE, "en", Field.Store.YES),
                new KeywordField(IndexFields.SOURCE, "claims-desk", Field.Store.YES),
                new LongField(IndexFields.TIME, later.toEpochMilli(), Field.Store.YES),
                new TextField(IndexFields.title(en), "The flood photos are old", Field.Store.YES))));
        index.upsert(new IndexDocument(claim, 99, List.of(
                new StringField(IndexFields.ANALYSIS, en.key(), Field.Store.YES),
                new TextField(IndexFields.title(en), "Another flood claim", Field.Store.YES))));
        index.commit();
        refresh();

        assertThat(index.count()).isEqualTo(1);
        assertThat(index.count(claim)).isEqualTo(2);
        assertThat(index.keys(DocumentKind.ITEM)).containsExactly(1L);
        assertThat(index.keys(claim)).containsExactly(1L, 99L);
        SearchResults results = search.search(SearchRequest.of("flood"));
        assertThat(results.totalHits()).isEqualTo(1);
        assertThat(results.hits()).extracting(SearchHit::itemId).containsExactly(1L);
        assertThat(results.sources()).containsExactly(new FacetCount("afp", 1));
        assertThat(ids(SearchRequest.of("").orderedBy(SearchOrder.NEWEST))).containsExactly(1L);
        assertThat(search.newestIndexedItemId()).isEqualTo(1L);
        assertThat(search.countNewMatches(SearchRequest.of("flood"), 0)).isEqualTo(1);

        // keyed by kind and key: removing the claim leaves the item with the same key
        index.delete(claim, 1);
        index.delete(claim, 99);
        refresh();
        assertThat(index.count(claim)).isZero();
        assertThat(ids("flood")).containsExactly(1L);
    }
}
