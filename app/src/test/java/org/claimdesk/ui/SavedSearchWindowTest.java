package org.claimdesk.ui;

import org.claimdesk.ui.search.SearchViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.claimdesk.index.SearchHit;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding the search index and saved searches in the real window, over a real workspace whose
 * index the session keeps up to date, polling English, Arabic and Japanese feeds from 127.0.0.1.
 */
@WorkbenchUiTest
class SavedSearchWindowTest {
    private static final String WATER = "Ministry denies reports of water shortage";
    private static final String DAM = "Rumour of dam failure is false";

    @TempDir
    Path temp;

    private FeedServer server;
    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        server = new FeedServer();
        Path desk = Files.createDirectories(temp.resolve("desk"));
        Files.writeString(desk.resolve("feeds.yml"), "settings:\n  politeness_delay: 0s\nsources:\n"
                + source("desk-en", "Loopback English", "/en.xml", "en", "official")
                + source("desk-ar", "Loopback Arabic", "/ar.xml", "ar", "regional")
                + source("desk-ja", "Loopback Japanese", "/ja.xml", "ja", "regional"));
        WorkspaceOpener opener = AppWiring.opener(temp.resolve("data"), desk, EnumSet.of(BackgroundWork.INDEXING, BackgroundWork.STAGES), opened -> session = opened);
        model = new WorkbenchApplication(new WorkbenchStartup(desk, opener, Locale.ENGLISH)).start(stage);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void rebuildingTheIndexFromTheMenuSaysHowManyItemsAndSearchStillFindsThem(FxRobot robot) throws Exception {
        pollAllThree(robot);

        MenuItem rebuild = menuItem(robot, "rebuildIndex");
        assertThat(rebuild.isDisable()).isFalse();
        robot.interact(rebuild::fire);
        waitUntil(() -> "Search index rebuilt: 4 items".equals(label(robot, "#statusLine")));
        assertThat(robot.lookup("#taskProgress").query().isVisible()).isFalse();
        assertThat(session.search().indexedItems()).isEqualTo(4);

        robot.clickOn("#searchField").write("water");
        waitUntil(() -> hitTitles(robot).equals(List.of(WATER)));
    }

    @Test
    void aSavedSearchCountsNewMatchesAndOpeningItShowsThemAndMarksThemSeen(FxRobot robot) throws Exception {
        pollAllThree(robot);

        robot.clickOn("#searchField").write("dam");
        waitUntil(() -> "No hits".equals(label(robot, "#searchHitCount")));
        saveAs(robot, "Dam rumours");
        waitUntil(() -> "Dam rumours:no new".equals(shownRows(robot)));
        assertThat(label(robot, "#statusLine")).isEqualTo("Search saved as \"Dam rumours\".");

        // The same name again: refused with the reason, no stack trace, the list unchanged.
        saveAs(robot, "Dam rumours");
        Label problem = robot.lookup("#savedSearchProblem").queryAs(Label.class);
        waitUntil(problem::isVisible);
        assertThat(problem.getText()).isEqualTo("Not saved: A saved search named 'Dam rumours' exists already");

        // A query the parser refuses is not saved either.
        robot.clickOn("#searchField").type(KeyCode.ESCAPE).write("water (");
        waitUntil(() -> robot.lookup("#searchError").query().isVisible());
        saveAs(robot, "Broken");
        waitUntil(() -> problem.getText().startsWith("Not saved: Cannot read the query"));
        assertThat(problem.getText()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(shownRows(robot)).isEqualTo("Dam rumours:no new");

        // A matching item arrives while the analyst looks at the item stream: the count goes up.
        robot.clickOn("#searchField").type(KeyCode.ESCAPE);
        server.publish("dam", DAM, "Engineers inspected the dam on Tuesday and found no damage.");
        robot.interact(model::pollNow);
        waitUntil(() -> "Dam rumours:1 new".equals(shownRows(robot)));

        // Opening it shows its query and results, and the new match counts as seen.
        robot.clickOn(savedSearchCell(robot, "Dam rumours"));
        waitUntil(() -> hitTitles(robot).equals(List.of(DAM)));
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEqualTo("dam");
        // the results sit above the live stream, which stays in view
        assertThat(resultsShown(robot)).isTrue();
        assertThat(items(robot).isVisible()).isTrue();
        waitUntil(() -> "Dam rumours:no new".equals(shownRows(robot)));
        assertThat(problem.isVisible()).isFalse();

        // Removing it from its context menu empties the list, and it stays gone.
        // (Monocle's headless robot opens no context menus, so its item is fired directly.)
        MenuItem remove = savedSearchCell(robot, "Dam rumours").getContextMenu().getItems().getFirst();
        assertThat(remove.getText()).isEqualTo("Remove saved search");
        robot.interact(remove::fire);
        waitUntil(() -> shownRows(robot).isEmpty());
        assertThat(label(robot, "#statusLine")).isEqualTo("Saved search \"Dam rumours\" removed.");
        assertThat(session.search().savedSearches().all()).isEmpty();
    }

    @Test
    void tagChipsAndTheSinceChoiceNarrowTheResultsAndASavedSearchKeepsItsTag(FxRobot robot) throws Exception {
        String fresh = "Water trucks reach the northern districts";
        server.publish("fresh", fresh, "Water deliveries resumed this morning, the city said.",
                Instant.now().minus(Duration.ofHours(2)));
        pollAllThree(robot, 5);

        // Tags of the sources are chips like the other facets.
        robot.clickOn("#searchField").write("2026 OR water");
        waitUntil(() -> hitTitles(robot).size() == 4);
        robot.clickOn(facetChip(robot, "official (2)"));
        waitUntil(() -> hitTitles(robot).size() == 2 && hitTitles(robot).containsAll(List.of(WATER, fresh)));
        assertThat(model.search().tagFilters()).containsExactly("official");

        // Only the last 24 hours: the item published two hours ago stays, the one from March goes.
        ComboBox<?> since = robot.lookup("#searchSince").queryAs(ComboBox.class);
        robot.interact(() -> model.search().sinceProperty().set(SearchViewModel.Since.DAY));
        assertThat(since.getValue()).isEqualTo(SearchViewModel.Since.DAY);
        waitUntil(() -> hitTitles(robot).equals(List.of(fresh)));
        robot.interact(() -> since.getSelectionModel().select(0));
        waitUntil(() -> hitTitles(robot).size() == 2);

        // Or between two days, picked in the two date fields that "Dates…" shows: March only.
        // (the pickers sit in a row that is hidden until then)
        assertThat(robot.lookup("#searchFrom").query().getParent().isVisible()).isFalse();
        robot.interact(() -> since.getSelectionModel().select(SearchViewModel.Since.CUSTOM.ordinal()));
        DatePicker fromDay = robot.lookup("#searchFrom").queryAs(DatePicker.class);
        DatePicker toDay = robot.lookup("#searchTo").queryAs(DatePicker.class);
        assertThat(fromDay.getParent().isVisible()).isTrue();
        robot.interact(() -> {
            fromDay.setValue(java.time.LocalDate.of(2026, 3, 1));
            toDay.setValue(java.time.LocalDate.of(2026, 3, 31));
        });
        waitUntil(() -> hitTitles(robot).equals(List.of(WATER)));
        robot.interact(() -> since.getSelectionModel().select(0));
        waitUntil(() -> hitTitles(robot).size() == 2);

        // A saved search keeps the tag: opening it later puts the chip back.
        saveAs(robot, "Official water");
        waitUntil(() -> "Official water:no new".equals(shownRows(robot)));
        robot.clickOn("#searchField").type(KeyCode.ESCAPE);
        waitUntil(() -> !resultsShown(robot) && items(robot).isVisible());
        assertThat(model.search().tagFilters()).isEmpty();
        robot.clickOn(savedSearchCell(robot, "Official water"));
        waitUntil(() -> hitTitles(robot).size() == 2 && hitTitles(robot).containsAll(List.of(WATER, fresh)));
        assertThat(model.search().tagFilters()).containsExactly("official");
        assertThat(facetChip(robot, "official (2)").isSelected()).isTrue();

        // ... and its time range: saved with "last 24 hours", it opens with it and finds only the fresh item.
        robot.interact(() -> since.getSelectionModel().select(SearchViewModel.Since.DAY.ordinal()));
        waitUntil(() -> hitTitles(robot).equals(List.of(fresh)));
        saveAs(robot, "Fresh official water");
        waitUntil(() -> shownRows(robot).contains("Fresh official water:no new"));
        robot.clickOn("#searchField").type(KeyCode.ESCAPE);
        waitUntil(() -> !resultsShown(robot) && since.getValue() == SearchViewModel.Since.ANY);
        robot.clickOn(savedSearchCell(robot, "Fresh official water"));
        waitUntil(() -> hitTitles(robot).equals(List.of(fresh)));
        assertThat(since.getValue()).isEqualTo(SearchViewModel.Since.DAY);
        assertThat(session.search().savedSearches().find("Fresh official water").orElseThrow().since())
                .isEqualTo(Duration.ofHours(24));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** "Save search…", type the name, Enter. */
    private void saveAs(FxRobot robot, String name) throws Exception {
        waitUntil(() -> robot.lookup("#saveSearch").queryAs(Button.class).isVisible());
        robot.clickOn("#saveSearch");
        waitUntil(() -> robot.lookup("#savedSearchName").tryQuery().isPresent());
        TextField field = robot.lookup("#savedSearchName").queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(name);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#savedSearchName").tryQuery().isEmpty());
    }

    private void pollAllThree(FxRobot robot) throws Exception {
        pollAllThree(robot, 4);
    }

    private void pollAllThree(FxRobot robot, int items) throws Exception {
        waitUntil(() -> !robot.lookup("#pollNow").queryAs(Button.class).isDisabled());
        robot.clickOn("#pollNow");
        waitUntil(() -> items(robot).getItems().size() == items);
        waitUntil(() -> !robot.lookup("#pollNow").queryAs(Button.class).isDisabled());
        waitUntil(() -> session.search().indexedItems() == items);
    }

    private static ToggleButton facetChip(FxRobot robot, String text) {
        return robot.lookup(".facet-chip")
                .match(node -> node instanceof ToggleButton b && text.equals(b.getText()))
                .queryAs(ToggleButton.class);
    }

    private String source(String id, String name, String path, String language, String tag) {
        return """
                  - id: %s
                    name: %s
                    url: %s%s
                    language: %s
                    tags: [%s]
                """.formatted(id, name, server.base(), path, language, tag);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    /** What the saved-searches list shows, "name:count" per row, as the analyst reads it. */
    private static String shownRows(FxRobot robot) {
        return onFx(() -> robot.lookup("#savedSearches .saved-search").queryAll().stream()
                .map(node -> (ListCell<?>) node)
                .filter(cell -> !cell.isEmpty())
                .map(cell -> robot.from(cell).lookup(".saved-search-name").queryAs(Label.class).getText() + ":"
                        + robot.from(cell).lookup(".saved-search-count").queryAs(Label.class).getText())
                .reduce((a, b) -> a + "|" + b).orElse(""));
    }

    private static ListCell<?> savedSearchCell(FxRobot robot, String name) {
        Optional<ListCell<?>> cell = robot.lookup("#savedSearches .saved-search").queryAll().stream()
                .<ListCell<?>>map(node -> (ListCell<?>) node)
                .filter(c -> !c.isEmpty() && c.getItem() instanceof WatchCount row && row.search().name().equals(name))
                .findFirst();
        return cell.orElseThrow(() -> new AssertionError("no saved search " + name));
    }

    @SuppressWarnings("unchecked")
    private static TableView<?> items(FxRobot robot) {
        return robot.lookup("#itemTable").queryAs(TableView.class);
    }

    /** The search results pane is in the window and showing. */
    private static boolean resultsShown(FxRobot robot) {
        return onFx(() -> robot.lookup("#searchPane").tryQuery().map(node -> node.isVisible() && node.getScene() != null)
                .orElse(false));
    }

    @SuppressWarnings("unchecked")
    private static List<String> hitTitles(FxRobot robot) {
        ListView<SearchHit> results = robot.lookup("#searchResults").queryAs(ListView.class);
        // Read on the FX thread: the list changes there while the test waits.
        return onFx(() -> results.getItems().stream().map(hit -> hit.title().text()).toList());
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the window failed", e);
        }
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in 20 s; status: " + model.statusProperty().get()
                    + "; saved: " + model.savedSearches().rows() + "; problem: "
                    + model.savedSearches().problemProperty().get()
                    + "; hits: " + model.search().hits().stream().map(h -> h.title().text()).toList(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
