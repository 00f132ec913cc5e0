package org.claimdesk.ui;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The search panel: the query box, the filters picked from facets, the sort order and what the
 * last search found. Every change re-runs the search after a quiet period (typing a word is one
 * search, not one per key); searches run on the given background executor and a result is only
 * shown when it answers the newest request (latest wins). Methods are called on the FX thread;
 * results come back through {@code fxThread}.
 */
public final class SearchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);
    /** Hits shown at once; the analyst narrows the query or filters rather than scrolling thousands. */
    public static final int PAGE = 50;

    /** What runs a search; blocks, called on the background executor only. */
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

    private final ScheduledExecutorService executor;
    private final Executor fxThread;
    private final Duration typingQuietPeriod;
    private final Duration newItemsDelay;
    private final Messages messages;
    private Function<String, String> sourceNames = id -> id;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<SearchOrder> order = new SimpleObjectProperty<>(this, "order", SearchOrder.RELEVANCE);
    private final ObservableSet<String> languages = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> sources = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> tags = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<Since> since = new SimpleObjectProperty<>(this, "since", Since.ANY);
    /** First and last day of a custom range, in the analyst's time zone; null leaves that end open. */
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final ZoneId zone;
    private final ObservableSet<String> entities = FXCollections.observableSet(new LinkedHashSet<>());
    private final BooleanBinding active;

    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> languageFacets = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> sourceFacets = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> tagFacets = FXCollections.observableArrayList();
    private final ObservableList<FacetChip> entityFacets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hitCount = new ReadOnlyStringWrapper(this, "hitCount", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper(this, "moreAvailable");
    /** Hits asked for: PAGE, one more PAGE per "Show more". FX thread only. */
    private int shownLimit = PAGE;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");

    /** Written on the FX thread, read by the background search to see whether it is still wanted. */
    private volatile SearchRequest wanted;
    private volatile Backend backend;
    private ScheduledFuture<?> pending;
    /** When items were last stored (System.nanoTime), 0 for never: the index may not have them yet. */
    private volatile long lastItemsStored;

    /**
     * @param executor          where searches run; one thread keeps them in order
     * @param fxThread          where results are applied ({@code Platform::runLater} in the window)
     * @param typingQuietPeriod how long the query must stay unchanged before it runs
     * @param newItemsDelay     how long after "items stored" to re-run: the index takes up to a
     *                          second to make new items searchable
     */
    public SearchViewModel(ScheduledExecutorService executor, Executor fxThread, Duration typingQuietPeriod,
                           Duration newItemsDelay, Messages messages) {
        this(executor, fxThread, typingQuietPeriod, newItemsDelay, messages, ZoneId.systemDefault());
    }

    /** @param zone where a custom range's days begin and end */
    public SearchViewModel(ScheduledExecutorService executor, Executor fxThread, Duration typingQuietPeriod,
                           Duration newItemsDelay, Messages messages, ZoneId zone) {
        this.zone = zone;
        this.executor = executor;
        this.fxThread = fxThread;
        this.typingQuietPeriod = typingQuietPeriod;
        this.newItemsDelay = newItemsDelay;
        this.messages = messages;
        this.active = Bindings.createBooleanBinding(
                () -> !query.get().isBlank() || !languages.isEmpty() || !sources.isEmpty() || !tags.isEmpty()
                        || !entities.isEmpty() || since.get() != Since.ANY,
                query, languages, sources, tags, entities, since);
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
    }

    /** Adds the facet's value to the filters, or removes it when already applied; re-runs the search. */
    public void toggle(FacetChip chip) {
        ObservableSet<String> set = filters(chip.kind());
        if (!set.remove(chip.value())) {
            set.add(chip.value());
        }
        changed();
    }

    /** Puts this query and these filters into the panel (a saved search was picked) and runs it. */
    public void show(String newQuery, Set<String> newLanguages, Set<String> newSources, Set<String> newTags,
                     Set<String> newEntities, Since newSince) {
        show(newQuery, newLanguages, newSources, newTags, newEntities, newSince, null, null);
    }

    /**
     * Like {@link #show(String, Set, Set, Set, Set, Since)}; a fixed range ({@code from}
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

    /** New items were stored (called from any thread): re-run the current search once the index has them. */
    public void itemsStored() {
        lastItemsStored = System.nanoTime();
        fxThread.execute(() -> {
            // A search in progress is not pushed back: apply() runs it once more if it started too early.
            if (active.get() && !searching.get()) {
                schedule(newItemsDelay);
            }
        });
    }

    /** Runs the current search again now (the index changed under it, e.g. after a rebuild). */
    public void rerun() {
        if (active.get()) {
            schedule(Duration.ZERO);
        }
    }

    // ---- running searches -------------------------------------------------------------------

    private void changed() {
        shownLimit = PAGE; // a new question starts with its first page
        if (!active.get() || backend == null) {
            cancelPending();
            wanted = null;
            moreAvailable.set(false);
            hits.clear();
            languageFacets.clear();
            sourceFacets.clear();
            tagFacets.clear();
            entityFacets.clear();
            hitCount.set("");
            error.set("");
            searching.set(false);
            return;
        }
        schedule(typingQuietPeriod);
    }

    /** A true debounce: each change pushes the search back by the quiet period. */
    private void schedule(Duration delay) {
        if (!active.get() || backend == null) {
            return;
        }
        SearchRequest request = request();
        wanted = request;
        searching.set(true);
        cancelPending();
        try {
            pending = executor.schedule(() -> run(request), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The window is closing; nothing to search any more.
            searching.set(false);
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    SearchRequest request() {
        return SearchRequest.of(query.get().strip())
                .withLanguages(Set.copyOf(languages))
                .withSources(Set.copyOf(sources))
                .withTags(Set.copyOf(tags))
                .withEntities(Set.copyOf(entities))
                .between(from(), until())
                .orderedBy(order.get())
                .page(0, shownLimit);
    }

    /** Shows the next page of hits below those shown ("Show more"); the search runs again at once. */
    public void showMore() {
        if (moreAvailable.get()) {
            shownLimit += PAGE;
            schedule(Duration.ZERO);
        }
    }

    private Instant from() {
        if (since.get() == Since.CUSTOM) {
            return customFrom.get() == null ? null : customFrom.get().atStartOfDay(zone).toInstant();
        }
        return since.get().from(Instant.now());
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

    private void run(SearchRequest request) {
        Backend b = backend;
        if (request != wanted || b == null) {
            return; // superseded while waiting
        }
        long started = System.nanoTime();
        Outcome outcome;
        try {
            SearchResults results = b.search(request);
            // Read after searching: items stored during the search count too (negative difference).
            long stored = lastItemsStored;
            boolean early = stored != 0 && started - stored < newItemsDelay.toNanos();
            outcome = new Outcome(results, null, early);
        } catch (SearchQueryException e) {
            outcome = new Outcome(null, messages.format("search.badQuery", e.getMessage()), false);
        } catch (RuntimeException e) {
            LOG.warn("Search for '{}' failed: {}", request.query(), e.toString(), e);
            outcome = new Outcome(null, messages.format("search.failed", WorkbenchViewModel.describe(e)), false);
        }
        Outcome done = outcome;
        fxThread.execute(() -> {
            // Latest wins: the analyst may have typed on, or switched workspace, meanwhile.
            if (request == wanted && b == backend) {
                apply(request, done);
            }
        });
    }

    /** @param mayMissNewItems the search started before the last stored items were surely indexed */
    private record Outcome(SearchResults results, String error, boolean mayMissNewItems) {
    }

    private void apply(SearchRequest request, Outcome outcome) {
        searching.set(false);
        if (outcome.mayMissNewItems()) {
            // Items stored shortly before (or during) this search may not have been searchable yet.
            schedule(newItemsDelay);
        }
        if (outcome.error() != null) {
            error.set(outcome.error());
            moreAvailable.set(false);
            hits.clear();
            languageFacets.clear();
            sourceFacets.clear();
            tagFacets.clear();
            entityFacets.clear();
            hitCount.set("");
            return;
        }
        SearchResults results = outcome.results();
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

    /** Counted values, plus applied filters that no hit carries (so they can still be removed). */
    /**
     * The most frequent values of each facet, plus any applied filter: a long tail of chips would
     * push the hits off the screen, and the query box reaches every other value (entity:"…").
     */
    static final int MAX_CHIPS_PER_FACET = 8;

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

    // ---- what the view binds to ---------------------------------------------------------------

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<SearchOrder> orderProperty() {
        return order;
    }

    /** True while there is a query or a filter: the results replace the item stream. */
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

    public Set<String> tagFilters() {
        return tags;
    }

    public ObservableList<FacetChip> entityFacets() {
        return entityFacets;
    }

    public Set<String> languageFilters() {
        return languages;
    }

    public Set<String> sourceFilters() {
        return sources;
    }

    public Set<String> entityFilters() {
        return entities;
    }

    /** "3 hits", or "" before the first answer. */
    /** True when the search has more hits than those shown. */
    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

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
