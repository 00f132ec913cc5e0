package org.claimdesk.ui.search;

import org.claimdesk.index.FacetCount;
import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchOrder;
import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.index.Snippet;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search panel's model without a screen: the search thread's clock is moved by hand and the
 * FX thread is a queue the test runs, so "no other search ran" is read off the backend's log.
 */
class SearchViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final ManualScheduler searches = new ManualScheduler();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<SearchRequest> asked = new ArrayList<>();
    private final SearchViewModel model = new SearchViewModel(searches, fx, Messages.forLocale(Locale.ENGLISH),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void typingAWordRunsOneSearchForTheWholeWord() {
        model.attach(recording(r -> results(r.query())), null);
        for (String typed : List.of("w", "wa", "wat", "wate", "water")) {
            model.queryProperty().set(typed);
            searches.advance(Duration.ofMillis(200)); // a slow typist still types one word
        }
        assertThat(asked).isEmpty();
        assertThat(model.searchingProperty().get()).isTrue();

        searches.advance(Duration.ofMillis(50));
        fx.runAll();
        assertThat(titles()).containsExactly("hit for water");
        assertThat(model.hitCountProperty().get()).isEqualTo("1 hit");
        assertThat(model.searchingProperty().get()).isFalse();

        searches.advance(Duration.ofMinutes(1));
        assertThat(asked).extracting(SearchRequest::query).containsExactly("water");
    }

    @Test
    void aSlowAnswerToAnOldQueryIsNeverShown() {
        model.attach(recording(r -> results(r.query())), null);
        List<List<String>> shown = new ArrayList<>();
        model.hits().addListener((javafx.collections.ListChangeListener<SearchHit>) c -> shown.add(titles()));

        model.queryProperty().set("slow");
        searches.advance(SearchViewModel.TYPING_QUIET); // searched; the answer waits for the FX thread
        model.queryProperty().set("fast");              // the analyst typed on meanwhile
        fx.runAll();
        assertThat(titles()).isEmpty();

        searches.advance(SearchViewModel.TYPING_QUIET);
        fx.runAll();
        assertThat(titles()).containsExactly("hit for fast");
        assertThat(shown).doesNotContain(List.of("hit for slow"));
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void clickingAFacetFiltersAndClickingItAgainRemovesTheFilter() {
        model.attach(recording(r -> results(r.query())), id -> "Source " + id);
        search("water");
        assertThat(model.languageFacets()).hasSize(2);
        SearchViewModel.FacetChip arabic = model.languageFacets().getFirst();
        assertThat(arabic).isEqualTo(new SearchViewModel.FacetChip(SearchViewModel.FacetKind.LANGUAGE, "ar", "Arabic", 1, false));
        assertThat(model.chipText(arabic)).isEqualTo("Arabic (1)");
        assertThat(model.sourceFacets().getFirst().label()).isEqualTo("Source desk-ar");

        model.toggle(arabic);
        settle();
        assertThat(asked.getLast().languages()).containsExactly("ar");
        assertThat(model.languageFacets().getFirst().selected()).isTrue();

        model.toggle(model.languageFacets().getFirst());
        settle();
        assertThat(asked.getLast().languages()).isEmpty();
        assertThat(model.languageFacets().getFirst().selected()).isFalse();
        assertThat(asked.getLast().query()).isEqualTo("water");

        model.orderProperty().set(SearchOrder.NEWEST);
        settle();
        assertThat(asked.getLast().order()).isEqualTo(SearchOrder.NEWEST);
        assertThat(asked.getLast().query()).isEqualTo("water");
        assertThat(asked).hasSize(4);
    }

    @Test
    void theLastDayReachesBackFromTheClocksNow() {
        model.attach(recording(r -> results(r.query())), null);
        model.sinceProperty().set(SearchViewModel.Since.DAY);
        settle();
        assertThat(asked.getLast().from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(asked.getLast().until()).isNull();
        assertThat(model.sinceText(SearchViewModel.Since.DAY)).isEqualTo("Last 24 hours");
    }

    @Test
    void aCustomRangeSearchesWholeDaysInTheAnalystsZoneAndASavedRangeComesBack() {
        ZoneId beirut = ZoneId.of("Asia/Beirut");
        SearchViewModel local = new SearchViewModel(searches, fx, Messages.forLocale(Locale.ENGLISH), Clock.fixed(NOW, beirut));
        local.attach(recording(r -> results(r.query())), null);
        local.queryProperty().set("water");
        settle();
        assertThat(asked.getLast().from()).isNull();

        local.sinceProperty().set(SearchViewModel.Since.CUSTOM);
        local.customFromProperty().set(LocalDate.of(2026, 11, 20));
        local.customToProperty().set(LocalDate.of(2026, 11, 22));
        settle();
        // 20 November 00:00 in Beirut (UTC+2) up to the end of 22 November
        assertThat(asked.getLast().from()).isEqualTo(Instant.parse("2026-11-19T22:00:00Z"));
        assertThat(asked.getLast().until()).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));

        // A saved fixed range opens as the same days.
        local.show(new SavedSearch(1, "Dam", "dam", Set.of(), Set.of(), Set.of(), Set.of(), null,
                Instant.parse("2026-11-19T22:00:00Z"), Instant.parse("2026-11-22T22:00:00Z"), NOW, 0));
        settle();
        assertThat(asked.getLast().query()).isEqualTo("dam");
        assertThat(local.sinceProperty().get()).isEqualTo(SearchViewModel.Since.CUSTOM);
        assertThat(local.customFromProperty().get()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(local.customToProperty().get()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(asked.getLast().from()).isEqualTo(Instant.parse("2026-11-19T22:00:00Z"));

        // Esc forgets the days too.
        local.clear();
        assertThat(local.customFromProperty().get()).isNull();
        assertThat(local.sinceProperty().get()).isEqualTo(SearchViewModel.Since.ANY);
    }

    @Test
    void aSavedSearchWithAReachOpensWithTheChoiceThatCoversIt() {
        model.attach(recording(r -> results(r.query())), null);
        model.show(new SavedSearch(1, "Official", "water", Set.of("en"), Set.of(), Set.of("official"), Set.of(),
                Duration.ofDays(2), null, null, NOW, 0));
        settle();
        assertThat(model.sinceProperty().get()).isEqualTo(SearchViewModel.Since.WEEK);
        assertThat(model.tagFilters()).containsExactly("official");
        assertThat(asked.getLast().languages()).containsExactly("en");
        assertThat(asked.getLast().from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
    }

    @Test
    void onlyTheMostFrequentEntitiesBecomeChipsButAnAppliedOneStays() {
        List<FacetCount> twelve = IntStream.range(0, 12).mapToObj(i -> new FacetCount("Name " + i, 12 - i)).toList();
        SearchResults many = new SearchResults(1, true, results("x").hits(), List.of(), List.of(), List.of(), twelve);
        model.attach(recording(r -> many), null);
        search("x");
        assertThat(model.entityFacets()).hasSize(SearchViewModel.MAX_CHIPS_PER_FACET);
        assertThat(model.entityFacets().getFirst().label()).isEqualTo("Name 0");

        // A filter on a rarer name keeps its chip (with its real count) so it can be removed again.
        model.toggle(new SearchViewModel.FacetChip(SearchViewModel.FacetKind.ENTITY, "Name 11", "Name 11", 1, false));
        settle();
        assertThat(model.entityFacets()).filteredOn(c -> c.value().equals("Name 11"))
                .singleElement().satisfies(c -> {
                    assertThat(c.selected()).isTrue();
                    assertThat(c.count()).isEqualTo(1);
                });
    }

    @Test
    void aRefusedQueryShowsTheParsersMessageAndClearingShowsTheItemStreamAgain() {
        model.attach(recording(r -> {
            throw new SearchQueryException("Cannot read the query: Encountered \"<EOF>\" at line 1, column 11.", null);
        }), null);
        search("water AND (");
        assertThat(model.errorProperty().get()).isEqualTo("Cannot read the query: Encountered \"<EOF>\" at line 1, column 11.");
        assertThat(model.activeProperty().get()).isTrue();

        model.clear();
        assertThat(model.activeProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
        int before = asked.size();
        searches.advance(Duration.ofMinutes(1));
        fx.runAll();
        assertThat(asked).hasSize(before); // an empty box searches nothing
    }

    @Test
    void aBrokenIndexIsSaidInOneLine() {
        model.attach(recording(r -> {
            throw new IllegalStateException("this IndexWriter is closed");
        }), null);
        search("water");
        assertThat(model.errorProperty().get()).isEqualTo("The search failed: this IndexWriter is closed");
    }

    @Test
    void itemsBecomingSearchableReRunTheCurrentSearchAtOnce() {
        model.attach(recording(r -> results(r.query())), null);
        search("water");
        int before = asked.size();

        model.itemsSearchable();
        searches.runDue();
        assertThat(asked).hasSize(before + 1);

        model.clear();
        model.itemsSearchable();
        searches.advance(Duration.ofMinutes(1));
        assertThat(asked).hasSize(before + 1); // nothing to re-run
    }

    @Test
    void itemsThatBecomeSearchableDuringASearchGetOneMoreSearch() {
        model.attach(recording(r -> {
            if (asked.size() == 1) {
                model.itemsSearchable(); // arrives while the first search reads the index
            }
            return results(r.query());
        }), null);
        search("water");
        assertThat(asked).extracting(SearchRequest::query).containsExactly("water", "water");
        assertThat(titles()).containsExactly("hit for water");
        searches.advance(Duration.ofMinutes(1));
        assertThat(asked).hasSize(2);
    }

    @Test
    void itemsThatBecomeSearchableBeforeAWaitingSearchStartsAddNoSearch() {
        model.attach(recording(r -> results(r.query())), null);
        model.queryProperty().set("water");
        model.itemsSearchable(); // the search has not started: it will see them anyway
        settle();
        assertThat(asked).hasSize(1);
    }

    @Test
    void showMoreAsksForTheNextPageAndANewQueryStartsAtTheFirstAgain() {
        int total = SearchViewModel.PAGE * 2 + 10;
        model.attach(recording(r -> {
            List<SearchHit> page = IntStream.range(0, Math.min(total, r.limit()))
                    .mapToObj(i -> hit(i + 1, r.query() + " " + i, "en", false)).toList();
            return new SearchResults(total, true, page, List.of(), List.of(), List.of(), List.of());
        }), null);
        search("flood");
        assertThat(model.hits()).hasSize(SearchViewModel.PAGE);
        assertThat(model.moreAvailableProperty().get()).isTrue();

        model.showMore();
        settle();
        assertThat(model.hits()).hasSize(SearchViewModel.PAGE * 2);
        model.showMore();
        settle();
        assertThat(model.hits()).hasSize(total);
        assertThat(model.moreAvailableProperty().get()).isFalse();

        search("fire");
        assertThat(titles()).contains("fire 0");
        assertThat(asked.getLast().limit()).isEqualTo(SearchViewModel.PAGE);
        assertThat(model.hits()).hasSize(SearchViewModel.PAGE);
    }

    @Test
    void aHitReadsInItsOwnScriptAndNamesItsSources() {
        model.attach(recording(r -> results(r.query())), id -> id.equals("desk-ar") ? "Loopback Arabic" : id);
        SearchHit latinTitleOverArabic = hit(1, "Cairo water", "ar", true);
        SearchHit untitled = hit(2, " ", "ja", false);
        assertThat(model.scriptOf(latinTitleOverArabic)).isEqualTo(WritingSystem.ARABIC);
        assertThat(model.scriptOf(hit(3, "Reservoirs are full", "en", false))).isEqualTo(WritingSystem.DEFAULT);
        assertThat(model.titleOf(untitled).text()).isEqualTo("(untitled)");
        assertThat(model.metaOf(latinTitleOverArabic)).startsWith("Loopback Arabic \u00b7 ").endsWith(" \u00b7 ar");

        model.queryProperty().set("مياه");
        assertThat(model.queryRightToLeftProperty().get()).isTrue();
        model.queryProperty().set("water");
        assertThat(model.queryRightToLeftProperty().get()).isFalse();
    }

    @Test
    void nothingIsSearchedWithoutAWorkspaceAndDetachDropsWhatWaits() {
        model.queryProperty().set("water");
        settle();
        assertThat(model.enabledProperty().get()).isFalse();
        assertThat(asked).isEmpty();

        model.attach(recording(r -> results(r.query())), null);
        model.queryProperty().set("water");
        model.detach();
        settle();
        assertThat(asked).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Types a query and lets its search run and its answer show. */
    private void search(String query) {
        model.queryProperty().set(query);
        settle();
    }

    /** Runs the search thread past the typing pause and the FX thread, until both are idle. */
    private void settle() {
        do {
            searches.advance(SearchViewModel.TYPING_QUIET);
        } while (fx.runAll() > 0);
    }

    private SearchViewModel.Backend recording(SearchViewModel.Backend answer) {
        return request -> {
            asked.add(request);
            return answer.search(request);
        };
    }

    private static SearchHit hit(long id, String title, String language, boolean rightToLeft) {
        return new SearchHit(id, new Snippet(title, List.of()), List.of(), language, rightToLeft, List.of("desk-ar"),
                List.of(), List.of(), Instant.parse("2026-03-02T10:00:00Z"), "https://example.org/" + id, 1f);
    }

    private static SearchResults results(String query) {
        SearchHit hit = new SearchHit(1, new Snippet("hit for " + query, List.of(new Snippet.Mark(8, 8 + query.length()))),
                List.of(), "en", false, List.of("desk-ar"), List.of(), List.of(), Instant.parse("2026-03-02T10:00:00Z"),
                "https://example.org/1", 1f);
        return new SearchResults(1, true, List.of(hit),
                List.of(new FacetCount("ar", 1), new FacetCount("en", 3)), List.of(new FacetCount("desk-ar", 1)),
                List.of(), List.of());
    }

    private List<String> titles() {
        return model.hits().stream().map(h -> h.title().text()).toList();
    }
}
