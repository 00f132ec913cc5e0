package org.claimdesk.ui.saved;

import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.StoreException;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved-searches list over an in-memory list of saved searches, the reads and FX threads stepped by hand. */
class SavedSearchesViewModelTest {
    private final ManualScheduler reads = new ManualScheduler();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<String> status = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<SavedSearch> shownInSearch = new ArrayList<>();
    private final SavedSearchesViewModel saved = new SavedSearchesViewModel(reads, fx, Messages.forLocale(Locale.ENGLISH),
            status::add, e -> failures.add(e.getMessage()), shownInSearch::add);
    private final InMemory watches = new InMemory();

    /** The workspace's saved searches as the view model sees them, kept in a map. */
    private static final class InMemory implements SavedSearchesViewModel.Watches {
        final Map<String, SavedSearch> byName = new LinkedHashMap<>();
        final Map<String, Long> newMatches = new LinkedHashMap<>();
        int counted;

        @Override
        public List<WatchCount> counts() {
            counted++;
            return byName.values().stream().map(s -> new WatchCount(s, newMatches.getOrDefault(s.name(), 0L))).toList();
        }

        @Override
        public void save(String name, SearchRequest request, Duration since) {
            if (request.query().endsWith("(")) {
                throw new SearchQueryException("Cannot read the query: Encountered \"<EOF>\"", null);
            }
            if (byName.containsKey(name)) {
                throw new StoreException("A saved search named '" + name + "' exists already", null);
            }
            byName.put(name, new SavedSearch(byName.size() + 1, name, request.query(), request.languages(),
                    request.sourceIds(), request.tags(), request.entities(), since, null, null, Instant.EPOCH, 0));
        }

        @Override
        public void markSeen(SavedSearch search) {
            newMatches.put(search.name(), 0L);
        }

        @Override
        public void remove(SavedSearch search) {
            byName.remove(search.name());
        }
    }

    /** Runs the reads thread past the reload pause and the FX thread, until both are idle. */
    private void settle() {
        do {
            reads.advance(Duration.ofMillis(150));
        } while (fx.runAll() > 0);
    }

    @Test
    void savingAddsItToTheListAndSaysSo() {
        saved.attach(watches);
        settle();
        saved.save(" Dam rumours ", SearchRequest.of("dam"), Duration.ofDays(7));
        settle();
        assertThat(saved.rows()).extracting(row -> row.search().name()).containsExactly("Dam rumours");
        assertThat(watches.byName.get("Dam rumours").since()).isEqualTo(Duration.ofDays(7));
        assertThat(status).containsExactly("Search saved as \"Dam rumours\".");
        assertThat(saved.problemProperty().get()).isEmpty();
    }

    @Test
    void whatCannotBeSavedIsSaidAboveTheListNotThrown() {
        saved.attach(watches);
        saved.save("  ", SearchRequest.of("dam"), null);
        assertThat(saved.problemProperty().get()).isEqualTo("Give the saved search a name.");
        saved.save("Nothing", null, null);
        assertThat(saved.problemProperty().get()).isEqualTo("Type a query or pick a filter first.");

        saved.save("Broken", SearchRequest.of("water ("), null);
        settle();
        assertThat(saved.problemProperty().get()).isEqualTo("Not saved: Cannot read the query: Encountered \"<EOF>\"");

        saved.save("Dam", SearchRequest.of("dam"), null);
        saved.save("Dam", SearchRequest.of("dam"), null);
        settle();
        assertThat(saved.problemProperty().get()).isEqualTo("Not saved: A saved search named 'Dam' exists already");
        assertThat(status).last().isEqualTo("Not saved: A saved search named 'Dam' exists already");
        assertThat(saved.rows()).hasSize(1);
    }

    @Test
    void openingOneShowsItInTheSearchPanelAndItsMatchesCountAsSeen() {
        watches.save("Dam", SearchRequest.of("dam"), null);
        watches.newMatches.put("Dam", 3L);
        saved.attach(watches);
        settle();
        WatchCount row = saved.rows().getFirst();
        assertThat(saved.newMatchesText(row)).isEqualTo("3 new");

        saved.open(row);
        assertThat(shownInSearch).extracting(SavedSearch::name).containsExactly("Dam");
        settle();
        assertThat(saved.newMatchesText(saved.rows().getFirst())).isEqualTo("no new");
    }

    @Test
    void removingOneSaysSoAndTheListFollows() {
        watches.save("Dam", SearchRequest.of("dam"), null);
        saved.attach(watches);
        settle();
        saved.remove(saved.rows().getFirst());
        settle();
        assertThat(saved.rows()).isEmpty();
        assertThat(status).containsExactly("Saved search \"Dam\" removed.");
    }

    @Test
    void aBurstOfNewItemsIsOneCount() {
        saved.attach(watches);
        settle();
        int before = watches.counted;
        for (int i = 0; i < 10; i++) {
            saved.reload();
        }
        settle();
        assertThat(watches.counted).isEqualTo(before + 1);
    }

    @Test
    void theOutcomeOfASaveThatAWorkspaceSwitchOvertookIsDropped() {
        saved.attach(watches);
        saved.save("Dam", SearchRequest.of("dam"), null);
        reads.runDue();   // saved in the old workspace; the outcome waits for the FX thread
        saved.attach(new InMemory());
        settle();
        assertThat(status).isEmpty();
        assertThat(saved.rows()).isEmpty();
        assertThat(Set.copyOf(failures)).isEmpty();
    }
}
