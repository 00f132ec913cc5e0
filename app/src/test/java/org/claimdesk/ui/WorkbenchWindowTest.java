package org.claimdesk.ui;

import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.errors.ErrorsViewModel;
import org.claimdesk.script.ReaderFonts;
import org.claimdesk.script.WritingSystem;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window on a real workspace (H2 in a temporary folder) polling real HTTP feeds on
 * 127.0.0.1, driven as an analyst would: buttons, clicks, edits to feeds.yml.
 */
@WorkbenchUiTest
class WorkbenchWindowTest {
    private static final String WATER = "Ministry denies reports of water shortage";
    private static final String BRIDGE = "Fact check: the bridge was not closed";
    private static final String WATER_AR = "الحكومة تنفي الشائعات حول نقص المياه (2026)";

    @TempDir
    Path temp;

    private FeedServer server;
    private Path desk;
    private WorkbenchViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        server = new FeedServer();
        desk = Files.createDirectories(temp.resolve("desk"));
        Files.writeString(desk.resolve("feeds.yml"), feedsYml(
                source("desk-en", "Loopback English", "/en.xml", "en"),
                source("desk-ar", "Loopback Arabic", "/ar.xml", "ar"),
                source("desk-broken", "Broken Desk", "/broken.xml", "en")));

        // The window drives polls by hand here, so scheduled polling is left out of what the app
        // starts; so is analysis, whose model loading would compete with these timed steps for the
        // two cores (the stages are driven in StagesWindowTest and BackgroundFailureWindowTest).
        WorkspaceOpener opener = AppWiring.opener(temp.resolve("user-data"), desk,
                EnumSet.of(BackgroundWork.INDEXING), opened -> { });
        // Through the app's own entry point, with the opener the app would give it.
        model = new WorkbenchApplication(new WorkbenchStartup(desk, opener, Locale.ENGLISH)).start(stage);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void pollNowFillsTheListAndTheReaderShowsTheItemsText(FxRobot robot) throws Exception {
        awaitOpen(robot);
        robot.clickOn("#pollNow");

        waitUntil(() -> items(robot).getItems().size() == 3);
        // the article pages the poll queued are fetched in the background, then analysed (decision
        // 0011): the list reloads when their results are saved, so click once both are done
        waitUntil(() -> stagesUpToDate(robot));
        waitUntil(() -> status(robot).equals("3 new items, 1 source failing"));
        assertThat(items(robot).getItems()).extracting(ItemSummary::title).containsExactly(WATER_AR, WATER, BRIDGE);

        robot.clickOn(titleCell(robot, WATER));
        TextArea body = robot.lookup("#readerBody").queryAs(TextArea.class);
        waitUntil(() -> body.getText().contains("Reservoir levels are normal"));
        assertThat(label(robot, "#readerTitle")).isEqualTo(WATER);
        assertThat(label(robot, "#readerSources")).isEqualTo("Source: Loopback English");
        assertThat(label(robot, "#readerPublished")).startsWith("Published ");
        assertThat(robot.lookup("#readerUrl").queryAs(TextField.class).getText()).isEqualTo(server.base() + "/articles/water.html");
        assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);

        // The sources panel shows each source's health; the failing one is listed under Errors.
        waitUntil(() -> robot.lookup(".source-status-failing").queryAll().size() == 1);
        assertThat(robot.lookup(".source-status-ok").queryAll()).hasSize(2);
        @SuppressWarnings("unchecked")
        TableView<ErrorsViewModel.ErrorRow> errors = robot.lookup("#errorTable").queryAs(TableView.class);
        waitUntil(() -> !errors.getItems().isEmpty());
        assertThat(errors.getItems()).anySatisfy(row -> {
            assertThat(row.source()).isEqualTo("Broken Desk");
            assertThat(row.message()).contains("500");
        });
    }

    @Test
    void anArabicItemReadsRightToLeftInAnArabicCapableFont(FxRobot robot) throws Exception {
        awaitOpen(robot);
        robot.clickOn("#pollNow");
        waitUntil(() -> items(robot).getItems().size() == 3);
        // the article pages the poll queued are fetched in the background, then analysed (decision
        // 0011): the list reloads when their results are saved, so click once both are done
        waitUntil(() -> stagesUpToDate(robot));

        List<Throwable> layoutFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> layoutFailures.add(e)));
        TableCell<?, ?> titleCell = titleCell(robot, WATER_AR);
        assertThat(titleCell.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        robot.clickOn(titleCell);

        TextArea body = robot.lookup("#readerBody").queryAs(TextArea.class);
        waitUntil(() -> body.getText().contains("نفت وزارة المياه"));
        String arabicFont = new ReaderFonts(Font.getFamilies()).familyFor(WritingSystem.ARABIC)
                .orElseThrow(() -> new AssertionError("no Arabic-capable font installed (DejaVu Sans or Amiri)"));
        Label title = robot.lookup("#readerTitle").queryAs(Label.class);
        // Wrapped by RightToLeftWrapper where it does not fit, never by JavaFX (which would throw).
        assertThat(title.getText().replace('\n', ' ')).isEqualTo(WATER_AR);
        assertThat(title.isWrapText()).isFalse();
        assertThat(title.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(title.getFont().getFamily()).isEqualTo(arabicFont);
        assertThat(body.getFont().getFamily()).isEqualTo(arabicFont);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
        assertThat(layoutFailures).isEmpty();
    }

    @Test
    void aBrokenFeedsYmlIsShownWhileTheItemsStayAndPollingGoesOn(FxRobot robot) throws Exception {
        awaitOpen(robot);
        robot.clickOn("#pollNow");
        waitUntil(() -> items(robot).getItems().size() == 3);
        // the article pages the poll queued are fetched in the background, then analysed (decision
        // 0011): the list reloads when their results are saved, so click once both are done
        waitUntil(() -> stagesUpToDate(robot));
        waitUntil(() -> !robot.lookup("#pollNow").queryAs(Button.class).isDisabled());

        // A typo while editing: the file is rejected as a whole, the last good sources stay.
        Path feeds = desk.resolve("feeds.yml");
        Files.writeString(feeds, Files.readString(feeds).replaceFirst("url:", "ulr:"));

        Node banner = robot.lookup("#configBanner").query();
        waitUntil(banner::isVisible);
        @SuppressWarnings("unchecked")
        ListView<String> problems = robot.lookup("#configProblems").queryAs(ListView.class);
        assertThat(problems.getItems()).isNotEmpty();
        assertThat(String.join("\n", problems.getItems())).contains("feeds.yml:").contains("'ulr'");
        robot.clickOn(banner);
        assertThat(robot.lookup("#configProblems").queryAs(ListView.class).isVisible()).isTrue();

        // Nothing is lost and the workbench keeps working on the last good sources.
        assertThat(items(robot).getItems()).hasSize(3);
        robot.clickOn("#pollNow");
        waitUntil(() -> status(robot).equals("No new items, 1 source failing"));
        assertThat(banner.isVisible()).isTrue();
    }

    @Test
    void newItemsArriveAtTheTopWhileTheSelectedItemStaysSelected(FxRobot robot) throws Exception {
        awaitOpen(robot);
        robot.clickOn("#pollNow");
        waitUntil(() -> items(robot).getItems().size() == 3);
        // the article pages the poll queued are fetched in the background, then analysed (decision
        // 0011): the list reloads when their results are saved, so click once both are done
        waitUntil(() -> stagesUpToDate(robot));
        robot.clickOn(titleCell(robot, BRIDGE));
        TextArea body = robot.lookup("#readerBody").queryAs(TextArea.class);
        waitUntil(() -> body.getText().contains("date from 2019"));
        waitUntil(() -> !robot.lookup("#pollNow").queryAs(Button.class).isDisabled());

        server.publish("flood", "Rumour of dam failure is false", "Engineers inspected the dam on Tuesday and found no damage.");
        robot.type(javafx.scene.input.KeyCode.F5);

        waitUntil(() -> items(robot).getItems().size() == 4);
        assertThat(items(robot).getItems().getFirst().title()).isEqualTo("Rumour of dam failure is false");
        assertThat(items(robot).getSelectionModel().getSelectedItem().title()).isEqualTo(BRIDGE);
        assertThat(body.getText()).contains("date from 2019");
    }

    @Test
    void switchingWorkspacesAndCancellingAPollThatHangs(FxRobot robot) throws Exception {
        awaitOpen(robot);
        Path slowDesk = Files.createDirectories(temp.resolve("slow-desk"));
        Files.writeString(slowDesk.resolve("feeds.yml"), feedsYml(source("slow", "Never Answers", "/slow.xml", "en")));

        robot.interact(() -> model.openWorkspace(slowDesk));
        waitUntil(() -> robot.window(0) instanceof Stage s && "ClaimDesk \u2014 slow-desk".equals(s.getTitle()));
        waitUntil(() -> !robot.lookup("#pollNow").queryAs(Button.class).isDisabled());
        assertThat(items(robot).getItems()).isEmpty();
        assertThat(model.recent()).extracting(Workspace::name).contains("slow-desk", "desk");

        robot.clickOn("#pollNow");
        waitUntil(() -> robot.lookup("#cancelTask").queryAs(Button.class).isVisible());
        robot.clickOn("#cancelTask");

        waitUntil(() -> status(robot).equals("Cancelled."));
        assertThat(robot.lookup("#pollNow").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelTask").queryAs(Button.class).isVisible()).isFalse();
    }

    @Test
    void importListsUnreadableFilesUnderErrorsAndExportWritesTheSources(FxRobot robot) throws Exception {
        awaitOpen(robot);
        Path saved = Files.createDirectories(temp.resolve("saved-offline"));
        Files.writeString(saved.resolve("desk-en.xml"), new String(
                org.claimdesk.testing.LoopbackServer.resourceBytes("ui/web/en.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("{{BASE}}", "https://offline.example.org"));
        Files.write(saved.resolve("bundle.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});

        robot.interact(() -> model.importPath(saved));

        waitUntil(() -> status(robot).startsWith("Imported 2 files: 2 new items"));
        assertThat(status(robot)).endsWith("1 problem (see Errors)");
        waitUntil(() -> items(robot).getItems().size() == 2);
        @SuppressWarnings("unchecked")
        TableView<ErrorsViewModel.ErrorRow> errors = robot.lookup("#errorTable").queryAs(TableView.class);
        assertThat(errors.getItems()).anySatisfy(row -> {
            assertThat(row.source()).isEqualTo("Import");
            assertThat(row.message()).contains("bundle.zip");
        });

        Path opml = temp.resolve("desk-sources.opml");
        robot.interact(() -> model.exportOpml(opml));
        waitUntil(() -> status(robot).startsWith("Sources written to"));
        assertThat(Files.readString(opml)).contains(server.base() + "/en.xml").contains("Loopback Arabic");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String source(String id, String name, String path, String language) {
        return """
                  - id: %s
                    name: %s
                    url: %s%s
                    language: %s
                """.formatted(id, name, server.base(), path, language);
    }

    private static String feedsYml(String... sources) {
        return "settings:\n  politeness_delay: 0s\n  read_timeout: 30s\nsources:\n" + String.join("", sources);
    }

    private void awaitOpen(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#pollNow").queryAs(Button.class).isDisabled());
    }

    @SuppressWarnings("unchecked")
    private static TableView<ItemSummary> items(FxRobot robot) {
        return robot.lookup("#itemTable").queryAs(TableView.class);
    }

    private static TableCell<?, ?> titleCell(FxRobot robot, String title) {
        return robot.lookup("#itemTable .table-cell")
                .match(node -> node instanceof TableCell<?, ?> cell && title.equals(cell.getText()))
                .queryAs(TableCell.class);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean stagesUpToDate(FxRobot robot) {
        String stages = robot.lookup("#stageProgress").queryAs(javafx.scene.control.MenuButton.class).getText();
        return stages.contains("Article pages: up to date") && stages.contains("Analysis: up to date");
    }

    private static String status(FxRobot robot) {
        return label(robot, "#statusLine");
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            // The status line usually says why (e.g. the workspace did not open).
            throw new AssertionError("condition not met in 20 s; status line: " + model.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
