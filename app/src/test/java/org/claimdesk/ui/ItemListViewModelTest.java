package org.claimdesk.ui;

import org.claimdesk.store.ItemSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemListViewModelTest {

    private static ItemSummary item(long id, String title) {
        return new ItemSummary(id, title, "en", Instant.parse("2026-01-01T10:00:00Z").plusSeconds(id), null, "s", "Source");
    }

    @Test
    void reloadKeepsTheSelectedItemWhenItIsStillListed() {
        ItemListViewModel list = new ItemListViewModel();
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
        ItemListViewModel list = new ItemListViewModel();
        list.replaceItems(List.of(item(1, "a")));
        list.select(list.items().getFirst());
        // A TableView clears its selection while its items are replaced: simulate that listener.
        list.items().addListener((javafx.collections.ListChangeListener<ItemSummary>) c -> list.select(null));

        list.replaceItems(List.of(item(2, "b"), item(1, "a")));

        assertThat(list.selected().id()).isEqualTo(1);
    }

    @Test
    void selectionEndsWhenTheItemFallsOffTheList() {
        ItemListViewModel list = new ItemListViewModel();
        list.replaceItems(List.of(item(1, "a")));
        list.select(list.items().getFirst());

        list.replaceItems(List.of(item(2, "b")));

        assertThat(list.selected()).isNull();
    }
}
