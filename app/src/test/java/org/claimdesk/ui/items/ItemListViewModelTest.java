package org.claimdesk.ui.items;

import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The item list without a toolkit: the reads thread and the FX thread are stepped by hand. */
class ItemListViewModelTest {
    private final ManualScheduler reads = new ManualScheduler();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<String> status = new ArrayList<>();
    private final ItemListViewModel list = new ItemListViewModel(reads, fx, Messages.forLocale(Locale.ENGLISH),
            e -> status.add(e.getMessage()));

    private static ItemSummary item(long id, String title) {
        return new ItemSummary(id, title, "en", Instant.parse("2026-01-01T10:00:00Z").plusSeconds(id), null, "s", "Source");
    }

    @Test
    void reloadKeepsTheSelectedItemWhenItIsStillListed() {
        list.replaceItems(List.of(item(2, "b"), item(1, "a")));
        list.select(list.items().get(1));
        List<ItemSummary> seen = new ArrayList<>();
        list.selectedProperty().addListener((obs, before, now) -> seen.add(now));

        list.replaceItems(List.of(item(3, "c"), item(2, "b"), item(1, "a")));

        assertThat(list.items()).extracting(ItemSummary::id).containsExactly(3L, 2L, 1L);
        assertThat(list.selected().id()).isEqualTo(1);
        // The view re-selects the row whenever the selection changes; it must hear about the new row.
        assertThat(seen).last().isSameAs(list.items().get(2));
    }

    @Test
    void selectionLostWhileTheTableSwapsRowsIsIgnored() {
        list.replaceItems(List.of(item(1, "a")));
        list.select(list.items().getFirst());
        // A TableView clears its selection while its items are replaced: simulate that listener.
        list.items().addListener((javafx.collections.ListChangeListener<ItemSummary>) c -> list.select(null));

        list.replaceItems(List.of(item(2, "b"), item(1, "a")));

        assertThat(list.selected().id()).isEqualTo(1);
    }

    @Test
    void selectionEndsWhenTheItemFallsOffTheList() {
        list.replaceItems(List.of(item(1, "a")));
        list.select(list.items().getFirst());

        list.replaceItems(List.of(item(2, "b")));

        assertThat(list.selected()).isNull();
    }

    @Test
    void aBurstOfNewItemsIsOneReadOfTheNewestAfterAShortPause() {
        AtomicInteger reads = new AtomicInteger();
        List<Integer> limits = new ArrayList<>();
        list.attach(limit -> {
            reads.incrementAndGet();
            limits.add(limit);
            return List.of(item(reads.get(), "read " + reads.get()));
        });
        this.reads.advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(list.items()).extracting(ItemSummary::title).containsExactly("read 1");

        for (int i = 0; i < 30; i++) {
            list.reload(); // a poll stores one item after another
        }
        this.reads.advance(Duration.ofMillis(149));
        assertThat(reads).hasValue(1);
        this.reads.advance(Duration.ofMillis(1));
        assertThat(reads).hasValue(2);
        assertThat(list.items()).extracting(ItemSummary::title).containsExactly("read 1"); // shown on the FX thread only
        fx.runAll();
        assertThat(list.items()).extracting(ItemSummary::title).containsExactly("read 2");
        assertThat(limits).containsOnly(ItemListViewModel.LIMIT);
    }

    @Test
    void aReadThatAWorkspaceSwitchOvertookIsDropped() {
        list.attach(limit -> List.of(item(1, "old workspace")));
        reads.advance(Duration.ofMillis(150)); // read, not shown yet
        list.attach(limit -> List.of(item(7, "new workspace")));
        fx.runAll();
        assertThat(list.items()).isEmpty();

        reads.advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(list.items()).extracting(ItemSummary::title).containsExactly("new workspace");
    }

    @Test
    void aFailedReadIsSaidOnceAndTheListStays() {
        list.replaceItems(List.of(item(1, "a")));
        list.attach(limit -> {
            throw new IllegalStateException("Database is already closed");
        });
        list.replaceItems(List.of(item(1, "a")));
        reads.advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(status).containsExactly("Database is already closed");
        assertThat(list.items()).hasSize(1);
    }

    @Test
    void untitledItemsGetAPlaceholderAndArabicTitlesRunRightToLeft() {
        ItemSummary untitled = item(1, " ");
        ItemSummary arabic = new ItemSummary(2, "الحكومة تنفي الشائعات", null, null, Instant.parse("2026-01-01T10:00:00Z"),
                "s", "Source");
        assertThat(list.titleOf(untitled)).isEqualTo("(untitled)");
        assertThat(list.titleOf(arabic)).isEqualTo("الحكومة تنفي الشائعات");
        assertThat(list.scriptOf(arabic)).isEqualTo(WritingSystem.ARABIC);
        assertThat(list.scriptOf(untitled)).isEqualTo(WritingSystem.DEFAULT);
    }
}
