package org.claimdesk.ui.search;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
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
import org.claimdesk.ui.errors.ErrorWording;
import org.claimdesk.ui.task.Debounce;
import org.claimdesk.ui.task.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The search panel: the query box, the filters picked from facets, the sort order and what the
 * last search found. Every change re-runs the search after a quiet period (typing a word is one
 * search, not one per key); searches run on the search scheduler and a result is only shown when
 * it answers the newest request (latest wins). Methods are called on the FX thread; results come
 * back through {@code fx}.
 */
public final class SearchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);
    /** Hits shown at once; the analyst narrows the query or filters rather than scrolling thousands. */
    public static final int PAGE = 50;
    /** A pause in typing this long runs the search. */
    static final Duration TYPING_QUIET = Duration.ofMillis(250);
    /**
     * The most frequent values of each facet, plus any applied filter: a long tail of chips would
     * push the hits off the screen, and the query box reaches every other value (entity:"…").
     */
    static final int MAX_CHIPS_PER_FACET = 8;

    /** What runs a search; blocks, called on the search scheduler only. */
    @FunctionalInterface
    public interface Backend {
        SearchResults search(SearchRequest request);
    }

    /** Which facet a filter chip belongs to. */
    public enum FacetKind {LANGUAGE, SOURCE, TAG, ENTITY}

    /**
     * How far back the results reach, by the items' published (else fetched) time; CUSTOM takes
     * the days chosen in {@link #customFromProperty()} and {@link #customToProperty()}.
     */
    public enum Since {
        ANY(null), DAY(Duration.ofHours(24)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)), CUSTOM(null);

        private final Duration reach;

        Since(Duration reach) {
            this.reach = reach;
        }

        /** The earliest time kept when searching at {@code now}, or null for any time. */
        public Instant from(Instant now) {
            return reach == null ? null : now.minus(reach);
        }

        /** How far back it reaches, or null for any time. */
        public Duration reach() {
            return reach;
        }

        /** The choice for a saved reach: the shortest one that covers it (a saved "2d" shows as the last 7 days). */
        public static Since covering(Duration wanted) {
            if (wanted == null) {
                return ANY;
            }
            for (Since choice : values()) {
                if (choice.reach != null && choice.reach.compareTo(wanted) >= 0) {
                    return choice;
                }
            }
            return ANY;
        }
    }

    /** One clickable filter: a facet value, how many hits carry it, whether it is applied. */
    public record FacetChip(FacetKind kind, String value, String label, int count, boolean selected) {
    }

    private final Executor fx;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final Debounce searchSoon;
    private Function<String, String> sourceNames = id -> id;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<SearchOrder> order = new SimpleObjectProperty<>(this, "order", SearchOrder.RELEVANCE);
    private final ObservableSet<String> languages = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> sources = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> tags = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> entities = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<Since> since = new SimpleObjectProperty<>(this, "since", Since.ANY);
    /** First and last day of a custom range, in the analyst's time zone; null leaves that end open. */
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final BooleanBinding active;
    private final BooleanBinding queryRightToLeft;

    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> languageFacets = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> sourceFacets = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> tagFacets = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> entityFacets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hitCount = new ReadOnlyStringWrapper(this, "hitCount", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper(this, "moreAvailable");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    /** Hits asked for: PAGE, one more PAGE per "Show more". */
    private int shownLimit = PAGE;
    /** New items became searchable while a search that started before was running: run it once more. */
    private boolean searchAgain;

    /** Written on the FX thread, read by the search thread to see what is wanted. */
    private volatile SearchRequest wanted;
    /** The request the search thread is running, set when it starts. */
    private volatile SearchRequest running;
    private volatile Backend backend;

    /**
     * @param searches where searches run; one thread keeps them in order
     * @param fx       where results are applied ({@code Platform::runLater} in the window)
     * @param clock    "now" for the "since" choices, and the analyst's time zone for custom days
     */
    public SearchViewModel(Scheduler searches, Executor fx, Messages messages, Clock clock) {
        this.fx = fx;
        this.messages = messages;
        this.clock = clock;
        this.zone = clock.getZone();
        this.searchSoon = new Debounce("search", searches, TYPING_QUIET, null, this::runWanted);
        this.active = Bindings.createBooleanBinding(
                () -> !query.get().isBlank() || !languages.isEmpty() || !sources.isEmpty() || !tags.isEmpty()
                        || !entities.isEmpty() || since.get() != Since.ANY,
                query, languages, sources, tags, entities, since);
        this.queryRightToLeft = Bindings.createBooleanBinding(
                () -> WritingSystem.byFirstStrongCharacter(query.get()).rightToLeft(), query);
        query.addListener((obs, before, now) -> changed());
        since.addListener((obs, before, now) -> changed());
        customFrom.addListener((obs, before, now) -> changedRange());
        customTo.addListener((obs, before, now) -> changedRange());
        order.addListener((obs, before, now) -> changed());
    }

    // ---- what the view and the workbench call ------------------------------------------------

    /** Searches this workspace from now on (null: none open). Filters and results are cleared. */
    public void attach(Backend newBackend, Function<String, String> sourceNameOf) {
        backend = newBackend;
        sourceNames = sourceNameOf == null ? id -> id : sourceNameOf;
        enabled.set(newBackend != null);
        languages.clear();
        sources.clear();
        tags.clear();
        entities.clear();
        since.set(Since.ANY);
        customFrom.set(null);
        customTo.set(null);
        query.set("");
        changed();
    }

    /**
     * Stops searching (the window is closing); safe from any thread as it changes nothing the
     * screen shows. Searches still waiting or running are dropped.
     */
    public void detach() {
        backend = null;
        wanted = null;
        searchSoon.cancel();
    }

    /** Adds the facet's value to the filters, or removes it when already applied; re-runs the search. */
    public void toggle(FacetChip chip) {
        ObservableSet<String> set = filters(chip.kind());
        if (!set.remove(chip.value())) {
            set.add(chip.value());
        }
        changed();
    }

    /** Puts a saved search's query, filters and time range into the panel and runs it. */
    public void show(SavedSearch saved) {
        show(saved.query(), saved.languages(), saved.sourceIds(), saved.tags(), saved.entities(),
                Since.covering(saved.since()), saved.from(), saved.until());
    }

    /**
     * Puts this query and these filters into the panel and runs it; a fixed range ({@code from}
     * inclusive, {@code until} exclusive, either may be null) shows as a custom range of days.
     */
    public void show(String newQuery, Set<String> newLanguages, Set<String> newSources, Set<String> newTags,
                     Set<String> newEntities, Since newSince, Instant from, Instant until) {
        boolean fixed = from != null || until != null;
        customFrom.set(from == null ? null : LocalDate.ofInstant(from, zone));
        customTo.set(until == null ? null : LocalDate.ofInstant(until.minusNanos(1), zone));
        languages.clear();
        languages.addAll(newLanguages);
        sources.clear();
        sources.addAll(newSources);
        tags.clear();
        tags.addAll(newTags);
        since.set(fixed ? Since.CUSTOM : newSince == null ? Since.ANY : newSince);
        entities.clear();
        entities.addAll(newEntities);
        query.set(newQuery == null ? "" : newQuery);
        changed();
    }

    /** Empties the query box and drops every filter (Esc): the item stream shows again. */
    public void clear() {
        languages.clear();
        sources.clear();
        tags.clear();
        entities.clear();
        since.set(Since.ANY);
        customFrom.set(null);
        customTo.set(null);
        query.set("");
        changed();
    }

    /**
     * The index now shows items it did not before (stored or analysed): the results follow.
     * A search that is about to start sees them anyway; one already running is run once more.
     */
    public void itemsSearchable() {
        if (!active.get() || backend == null) {
            return;
        }
        if (!searching.get()) {
            searchNow();
        } else if (running != null && running == wanted) {
            searchAgain = true;
        }
    }

    /** Runs the current search again now (the index changed under it, e.g. after a rebuild). */
    public void rerun() {
        if (active.get()) {
            searchNow();
        }
    }

    /** Shows the next page of hits below those shown ("Show more"); the search runs again at once. */
    public void showMore() {
        if (moreAvailable.get()) {
            shownLimit += PAGE;
            searchNow();
        }
    }

    /** The query and filters as they stand, for running or saving. */
    public SearchRequest request() {
        return SearchRequest.of(query.get().strip())
                .withLanguages(Set.copyOf(languages))
                .withSources(Set.copyOf(sources))
                .withTags(Set.copyOf(tags))
                .withEntities(Set.copyOf(entities))
                .between(from(), until())
                .orderedBy(order.get())
                .page(0, shownLimit);
    }

    // ---- running searches -------------------------------------------------------------------

    private void changed() {
        shownLimit = PAGE; // a new question starts with its first page
        searchAgain = false;
        if (!active.get() || backend == null) {
            searchSoon.cancel();
            wanted = null;
            moreAvailable.set(false);
            clearResults();
            error.set("");
            searching.set(false);
            return;
        }
        wanted = request();
        searching.set(true);
        searchSoon.request(); // each change pushes the search back by the quiet period
    }

    private void searchNow() {
        if (!active.get() || backend == null) {
            return;
        }
        wanted = request();
        searching.set(true);
        searchSoon.requestNow();
    }

    private Instant from() {
        if (since.get() == Since.CUSTOM) {
            return customFrom.get() == null ? null : customFrom.get().atStartOfDay(zone).toInstant();
        }
        return since.get().from(clock.instant());
    }

    /** The day after the last chosen day, at its start: the range ends exclusive. */
    private Instant until() {
        if (since.get() != Since.CUSTOM || customTo.get() == null) {
            return null;
        }
        return customTo.get().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void changedRange() {
        if (since.get() == Since.CUSTOM) {
            changed();
        }
    }

    /** On the search thread: runs whatever is wanted now; older requests were superseded while waiting. */
    private void runWanted() {
        SearchRequest request = wanted;
        Backend b = backend;
        if (request == null || b == null) {
            return;
        }
        running = request;
        String problem = null;
        SearchResults results = null;
        try {
            results = b.search(request);
        } catch (SearchQueryException e) {
            problem = messages.format("search.badQuery", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Search for '{}' failed: {}", request.query(), e.toString(), e);
            problem = messages.format("search.failed", ErrorWording.reason(e));
        }
        SearchResults found = results;
        String failed = problem;
        fx.execute(() -> {
            // Latest wins: the analyst may have typed on, or switched workspace, meanwhile.
            if (request == wanted && b == backend) {
                apply(request, found, failed);
            }
        });
    }

    private void apply(SearchRequest request, SearchResults results, String problem) {
        searching.set(false);
        if (searchAgain) {
            searchAgain = false;
            searchNow();
        }
        if (problem != null) {
            error.set(problem);
            moreAvailable.set(false);
            clearResults();
            return;
        }
        error.set("");
        hits.setAll(results.hits());
        moreAvailable.set(results.totalHits() > results.hits().size());
        languageFacets.setAll(chips(FacetKind.LANGUAGE, results.languages(), request.languages()));
        sourceFacets.setAll(chips(FacetKind.SOURCE, results.sources(), request.sourceIds()));
        tagFacets.setAll(chips(FacetKind.TAG, results.tags(), request.tags()));
        entityFacets.setAll(chips(FacetKind.ENTITY, results.entities(), request.entities()));
        hitCount.set(results.totalIsExact()
                ? messages.format("search.hits", results.totalHits())
                : messages.format("search.hitsAtLeast", results.totalHits()));
    }

    private void clearResults() {
        hits.clear();
        languageFacets.clear();
        sourceFacets.clear();
        tagFacets.clear();
        entityFacets.clear();
        hitCount.set("");
    }

    /** Counted values, the most frequent first, plus applied filters that no hit carries (so they can still be removed). */
    private List<FacetChip> chips(FacetKind kind, List<FacetCount> counts, Set<String> applied) {
        List<FacetChip> chips = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (FacetCount count : counts) {
            if (shown.size() >= MAX_CHIPS_PER_FACET && !applied.contains(count.value())) {
                continue;
            }
            chips.add(new FacetChip(kind, count.value(), label(kind, count.value()), count.count(),
                    applied.contains(count.value())));
            shown.add(count.value());
        }
        for (String value : applied) {
            if (!shown.contains(value)) {
                chips.add(new FacetChip(kind, value, label(kind, value), 0, true));
            }
        }
        return chips;
    }

    private String label(FacetKind kind, String value) {
        return switch (kind) {
            case LANGUAGE -> languageName(value);
            case SOURCE -> sourceNames.apply(value);
            case TAG, ENTITY -> value;
        };
    }

    /** "Arabic" for "ar" in the window's language; the code itself when Java does not know it. */
    private String languageName(String code) {
        if (code == null || code.isBlank() || code.equals("und")) {
            return messages.get("search.languageUnknown");
        }
        Locale ui = messages.bundle().getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : messages.bundle().getLocale();
        String name = Locale.forLanguageTag(code).getDisplayLanguage(ui);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private ObservableSet<String> filters(FacetKind kind) {
        return switch (kind) {
            case LANGUAGE -> languages;
            case SOURCE -> sources;
            case TAG -> tags;
            case ENTITY -> entities;
        };
    }

    // ---- how a hit and a chip read --------------------------------------------------------------

    /** The hit's title with its marks; a placeholder for untitled items. */
    public Snippet titleOf(SearchHit hit) {
        return hit.title().text().isBlank() ? new Snippet(messages.get("items.untitled"), List.of()) : hit.title();
    }

    /**
     * The script a hit is drawn in: its title's, but right-to-left in an Arabic-capable font when
     * the index found right-to-left text the title does not show (a Latin headline over Arabic).
     */
    public WritingSystem scriptOf(SearchHit hit) {
        WritingSystem script = WritingSystem.of(hit.language(), hit.title().text());
        return hit.rightToLeft() && !script.rightToLeft() ? WritingSystem.ARABIC : script;
    }

    /** "Source · time · language" under a hit. */
    public String metaOf(SearchHit hit) {
        String names = hit.sourceIds().stream().map(sourceNames).collect(Collectors.joining(", "));
        return messages.format("search.hitMeta", names, messages.time(hit.time()), hit.language());
    }

    /** "Arabic (3)". */
    public String chipText(FacetChip chip) {
        return messages.format("search.facet.chip", chip.label(), chip.count());
    }

    /** "Last 7 days". */
    public String sinceText(Since choice) {
        return choice == null ? "" : messages.get("search.since." + choice.name());
    }

    // ---- what the view binds to ---------------------------------------------------------------

    public StringProperty queryProperty() {
        return query;
    }

    /** True while the query starts with right-to-left script: the box is typed and read that way. */
    public BooleanBinding queryRightToLeftProperty() {
        return queryRightToLeft;
    }

    public ObjectProperty<SearchOrder> orderProperty() {
        return order;
    }

    /** True while there is a query or a filter: the results show above the item stream. */
    public BooleanBinding activeProperty() {
        return active;
    }

    /** False while no workspace is open. */
    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ObservableList<FacetChip> languageFacets() {
        return languageFacets;
    }

    public ObservableList<FacetChip> sourceFacets() {
        return sourceFacets;
    }

    public ObservableList<FacetChip> tagFacets() {
        return tagFacets;
    }

    public ObservableList<FacetChip> entityFacets() {
        return entityFacets;
    }

    /** How far back the results reach; "any time" unless the analyst narrows it. */
    public ObjectProperty<Since> sinceProperty() {
        return since;
    }

    /** First day of a custom range (Since.CUSTOM), or null for no lower end. */
    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    /** Last day of a custom range, included, or null for no upper end. */
    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public Set<String> languageFilters() {
        return languages;
    }

    public Set<String> sourceFilters() {
        return sources;
    }

    public Set<String> tagFilters() {
        return tags;
    }

    public Set<String> entityFilters() {
        return entities;
    }

    /** True when the search has more hits than those shown. */
    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    /** "3 hits", or "" before the first answer. */
    public ReadOnlyStringProperty hitCountProperty() {
        return hitCount.getReadOnlyProperty();
    }

    /** Why the last search gave nothing (a query the parser refuses, a broken index), else "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True from a change until its answer is shown. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }
}
