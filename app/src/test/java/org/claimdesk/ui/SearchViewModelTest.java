package org.claimdesk.ui;

import org.claimdesk.index.FacetCount;
import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.index.Snippet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search panel's model without a screen: a single-thread executor stands in for the FX
 * thread, the backend answers from a list of hits so the tests control when each search returns.
 */
class SearchViewModelTest {
    private final ScheduledExecutorService searches = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final List<SearchRequest> asked = new CopyOnWriteArrayList<>();
    private final SearchViewModel model = new SearchViewModel(searches, fx, Duration.ofMillis(100),
            Duration.ofMillis(500), Messages.forLocale(Locale.ENGLISH));

    @AfterEach
    void stop() {
        searches.shutdownNow();
        fx.shutdownNow();
    }

    @Test
    void typingAWordRunsOneSearchForTheWholeWord() throws Exception {
        onFx(() -> model.attach(recording(r -> results(r.query())), null));
        for (String typed : List.of("w", "wa", "wat", "wate", "water")) {
            onFx(() -> model.queryProperty().set(typed));
        }
        waitFor(() -> onFx(() -> titles().equals(List.of("hit for water"))));
        Thread.sleep(300); // nothing else is still coming
        assertThat(asked).extracting(SearchRequest::query).containsExactly("water");
        assertThat(onFx(() -> model.hitCountProperty().get())).isEqualTo("1 hit");
    }

    @Test
    void aSlowAnswerToAnOldQueryIsNeverShown() throws Exception {
        CountDownLatch slowMayAnswer = new CountDownLatch(1);
        onFx(() -> model.attach(recording(r -> {
            if (r.query().equals("slow")) {
                await(slowMayAnswer);
            }
            return results(r.query());
        }), null));
        onFx(() -> model.queryProperty().set("slow"));
        waitFor(() -> !asked.isEmpty());
        onFx(() -> model.queryProperty().set("fast"));
        slowMayAnswer.countDown();

        List<List<String>> shown = new CopyOnWriteArrayList<>();
        onFx(() -> model.hits().addListener((javafx.collections.ListChangeListener<SearchHit>) c -> shown.add(titles())));
        waitFor(() -> onFx(() -> titles().equals(List.of("hit for fast"))));
        assertThat(shown).doesNotContain(List.of("hit for slow"));
        assertThat(onFx(() -> model.searchingProperty().get())).isFalse();
    }

    @Test
    void clickingAFacetFiltersAndClickingItAgainRemovesTheFilter() throws Exception {
        onFx(() -> model.attach(recording(r -> results(r.query())), id -> "Source " + id));
        onFx(() -> model.queryProperty().set("water"));
        waitFor(() -> onFx(() -> model.languageFacets().size() == 2));
        SearchViewModel.FacetChip arabic = onFx(() -> model.languageFacets().getFirst());
        assertThat(arabic).isEqualTo(new SearchViewModel.FacetChip(SearchViewModel.FacetKind.LANGUAGE, "ar", "Arabic", 1, false));
        assertThat(onFx(() -> model.sourceFacets().getFirst().label())).isEqualTo("Source desk-ar");

        onFx(() -> model.toggle(arabic));
        waitFor(() -> asked.getLast().languages().equals(java.util.Set.of("ar")));
        waitFor(() -> onFx(() -> model.languageFacets().getFirst().selected()));

        onFx(() -> model.toggle(model.languageFacets().getFirst()));
        waitFor(() -> asked.getLast().languages().isEmpty() && onFx(() -> !model.languageFacets().getFirst().selected()));
        assertThat(asked.getLast().query()).isEqualTo("water");

        onFx(() -> model.orderProperty().set(org.claimdesk.index.SearchOrder.NEWEST));
        waitFor(() -> asked.getLast().order() == org.claimdesk.index.SearchOrder.NEWEST);
        assertThat(asked.getLast().query()).isEqualTo("water");
    }

    @Test
    void aCustomRangeSearchesWholeDaysInTheAnalystsZoneAndASavedRangeComesBack() throws Exception {
        java.time.ZoneId beirut = java.time.ZoneId.of("Asia/Beirut");
        SearchViewModel local = new SearchViewModel(searches, fx, Duration.ofMillis(50), Duration.ofMillis(500),
                Messages.forLocale(Locale.ENGLISH), beirut);
        onFx(() -> local.attach(recording(r -> results(r.query())), null));
        onFx(() -> local.queryProperty().set("water"));
        waitFor(() -> !asked.isEmpty() && asked.getLast().query().equals("water"));
        assertThat(asked.getLast().from()).isNull();

        onFx(() -> {
            local.sinceProperty().set(SearchViewModel.Since.CUSTOM);
            local.customFromProperty().set(java.time.LocalDate.of(2026, 11, 20));
            local.customToProperty().set(java.time.LocalDate.of(2026, 11, 22));
        });
        waitFor(() -> asked.getLast().until() != null);
        // 20 November 00:00 in Beirut (UTC+2) up to the end of 22 November
        assertThat(asked.getLast().from()).isEqualTo(Instant.parse("2026-11-19T22:00:00Z"));
        assertThat(asked.getLast().until()).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));

        // A saved fixed range opens as the same days.
        onFx(() -> local.show("dam", java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                SearchViewModel.Since.ANY, Instant.parse("2026-11-19T22:00:00Z"), Instant.parse("2026-11-22T22:00:00Z")));
        waitFor(() -> asked.getLast().query().equals("dam"));
        assertThat(onFx(() -> local.sinceProperty().get())).isEqualTo(SearchViewModel.Since.CUSTOM);
        assertThat(onFx(() -> local.customFromProperty().get())).isEqualTo(java.time.LocalDate.of(2026, 11, 20));
        assertThat(onFx(() -> local.customToProperty().get())).isEqualTo(java.time.LocalDate.of(2026, 11, 22));
        assertThat(asked.getLast().from()).isEqualTo(Instant.parse("2026-11-19T22:00:00Z"));

        // Esc forgets the days too.
        onFx(local::clear);
        assertThat(onFx(() -> local.customFromProperty().get())).isNull();
        assertThat(onFx(() -> local.sinceProperty().get())).isEqualTo(SearchViewModel.Since.ANY);
    }

    @Test
    void onlyTheMostFrequentEntitiesBecomeChipsButAnAppliedOneStays() throws Exception {
        List<FacetCount> twelve = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new FacetCount("Name " + i, 12 - i)).toList();
        SearchResults many = new SearchResults(1, true, results("x").hits(), List.of(), List.of(), List.of(), twelve);
        onFx(() -> model.attach(recording(r -> many), null));
        onFx(() -> model.queryProperty().set("x"));
        waitFor(() -> onFx(() -> model.entityFacets().size() == SearchViewModel.MAX_CHIPS_PER_FACET));
        assertThat(onFx(() -> model.entityFacets().getFirst().label())).isEqualTo("Name 0");

        // A filter on a rarer name keeps its chip (with its real count) so it can be removed again.
        SearchViewModel.FacetChip rare = new SearchViewModel.FacetChip(SearchViewModel.FacetKind.ENTITY, "Name 11", "Name 11", 1, false);
        onFx(() -> model.toggle(rare));
        waitFor(() -> onFx(() -> model.entityFacets().stream().anyMatch(c -> c.value().equals("Name 11") && c.selected())));
        assertThat(onFx(() -> model.entityFacets().stream().filter(c -> c.value().equals("Name 11")).findFirst().orElseThrow().count()))
                .isEqualTo(1);
    }

    @Test
    void aRefusedQueryShowsTheParsersMessageAndClearingShowsTheItemStreamAgain() throws Exception {
        onFx(() -> model.attach(recording(r -> {
            throw new SearchQueryException("Cannot read the query: Encountered \"<EOF>\" at line 1, column 11.", null);
        }), null));
        onFx(() -> model.queryProperty().set("water AND ("));
        waitFor(() -> onFx(() -> !model.errorProperty().get().isEmpty()));
        assertThat(onFx(() -> model.errorProperty().get())).isEqualTo("Cannot read the query: Encountered \"<EOF>\" at line 1, column 11.");
        assertThat(onFx(() -> model.activeProperty().get())).isTrue();

        onFx(model::clear);
        assertThat(onFx(() -> model.activeProperty().get())).isFalse();
        assertThat(onFx(() -> model.errorProperty().get())).isEmpty();
        int before = asked.size();
        Thread.sleep(300);
        assertThat(asked).hasSize(before); // an empty box searches nothing
    }

    @Test
    void newItemsReRunTheCurrentSearch() throws Exception {
        onFx(() -> model.attach(recording(r -> results(r.query())), null));
        onFx(() -> model.queryProperty().set("water"));
        waitFor(() -> onFx(() -> !model.hits().isEmpty()));
        int before = asked.size();
        model.itemsStored(); // from a background thread, as the session calls it
        waitFor(() -> asked.size() == before + 1);
        onFx(model::clear);
        model.itemsStored();
        Thread.sleep(300);
        assertThat(asked).hasSize(before + 1);
    }

    @Test
    void aSearchRightAfterItemsWereStoredRunsAgainOnceTheyAreSearchable() throws Exception {
        onFx(() -> model.attach(recording(r -> results(r.query())), null));
        model.itemsStored(); // a poll just stored items; the index makes them searchable a little later
        onFx(() -> model.queryProperty().set("water"));
        waitFor(() -> asked.size() == 2);
        Thread.sleep(800);
        assertThat(asked).extracting(SearchRequest::query).containsExactly("water", "water");
    }

    @Test
    void showMoreAsksForTheNextPageAndANewQueryStartsAtTheFirstAgain() throws Exception {
        int total = SearchViewModel.PAGE * 2 + 10;
        onFx(() -> model.attach(recording(r -> {
            List<SearchHit> page = java.util.stream.IntStream.range(0, Math.min(total, r.limit()))
                    .mapToObj(i -> new SearchHit(i + 1, new Snippet(r.query() + " " + i, List.of()), List.of(), "en", false,
                            List.of("s"), List.of(), List.of(), Instant.parse("2026-03-02T10:00:00Z"), "https://example.org/" + i, 1f))
                    .toList();
            return new SearchResults(total, true, page, List.of(), List.of(), List.of(), List.of());
        }), null));
        onFx(() -> model.queryProperty().set("flood"));
        waitFor(() -> onFx(() -> model.hits().size() == SearchViewModel.PAGE));
        assertThat(onFx(() -> model.moreAvailableProperty().get())).isTrue();

        onFx(model::showMore);
        waitFor(() -> onFx(() -> model.hits().size() == SearchViewModel.PAGE * 2));
        onFx(model::showMore);
        waitFor(() -> onFx(() -> model.hits().size() == total));
        assertThat(onFx(() -> model.moreAvailableProperty().get())).isFalse();

        onFx(() -> model.queryProperty().set("fire"));
        waitFor(() -> onFx(() -> titles().contains("fire 0")));
        assertThat(asked.getLast().limit()).isEqualTo(SearchViewModel.PAGE);
        assertThat(onFx(() -> model.hits().size())).isEqualTo(SearchViewModel.PAGE);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private SearchViewModel.Backend recording(SearchViewModel.Backend answer) {
        return request -> {
            asked.add(request);
            return answer.search(request);
        };
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T onFx(Callable<T> action) throws Exception {
        return fx.submit(action).get(10, TimeUnit.SECONDS);
    }

    private void onFx(Runnable action) throws Exception {
        fx.submit(action).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(10);
        }
    }
}
