package org.claimdesk.ui;

import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.errors.ErrorsViewModel;
import org.claimdesk.ui.sources.SourceRow;
import org.claimdesk.script.ReaderFonts;
import org.claimdesk.script.WritingSystem;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.StoredItem;
import org.claimdesk.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window before and around opening a workspace, and the reader's scripts, without a database. */
@WorkbenchUiTest
class MainWindowWithoutWorkspaceTest {
    @TempDir
    Path folder;

    private WorkbenchViewModel model;

    @Start
    void start(Stage stage) {
        MainWindow.installTheme();
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        WorkspaceOpener unreadable = new WorkspaceOpener() {
            @Override
            public org.claimdesk.workspace.WorkspaceSession open(Path path) throws Exception {
                throw new java.io.IOException("cannot create " + path.resolve("db") + ": read-only file system");
            }

            @Override
            public List<Workspace> recent() {
                return List.of();
            }
        };
        model = new WorkbenchViewModel(unreadable, messages, javafx.application.Platform::runLater, new WorkerThreads(),
                java.time.Clock.systemDefaultZone());
        new MainWindow(model, messages, new ReaderFonts(Font.getFamilies()), stage::close).show(stage);
    }

    WorkbenchViewModel model() {
        return model;
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWorkspaceThatCannotOpenIsReportedAndActionsStayOff(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#pollNow").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#statusLine").queryAs(Label.class).getText()).isEqualTo("No workspace open.");

        robot.interact(() -> model.openWorkspace(folder));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLine").queryAs(Label.class).getText().startsWith("Could not open"));

        assertThat(robot.lookup("#statusLine").queryAs(Label.class).getText())
                .contains("read-only file system").doesNotContain("Exception");
        assertThat(robot.lookup("#pollNow").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void sourceHealthAndConfigProblemsAreShownAsTheModelHasThem(FxRobot robot) throws Exception {
        Instant earlier = Instant.parse("2026-03-02T09:00:00Z");
        Instant later = Instant.parse("2026-03-02T10:00:00Z");
        List<SourceHealth> health = List.of(
                new SourceHealth("ok", "Working Desk", "https://example.org/ok.xml", "FEED", true, true,
                        later, later, null, null, 12),
                new SourceHealth("bad", "Broken Desk", "https://example.org/bad.xml", "FEED", true, true,
                        later, earlier, later, "HTTP 503 from example.org", 1),
                new SourceHealth("new", "New Desk", "https://example.org/new.xml", "FEED", true, true,
                        null, null, null, null, 0));
        Node banner = robot.lookup("#configBanner").query();
        assertThat(banner.isVisible()).isFalse();

        robot.interact(() -> {
            model.sources().replaceSources(health);
            model.errors().replaceFetchFailures(List.of(new FetchAttempt(1, "bad", URI.create("https://example.org/bad.xml"),
                    later, 120, 503, 0, 0, "HTTP_STATUS", "HTTP 503 from example.org")));
            model.errors().replaceConfigProblems(List.of("feeds.yml:4:5: unknown key 'ulr' in source 'bbc' (did you mean 'url'?)"));
        });

        // the list lays out its cells on a later pulse: on a busy machine that can be a while
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-status-never").queryAll().size() == 1);
        assertThat(robot.lookup(".source-status-ok").queryAll()).hasSize(1);
        assertThat(robot.lookup(".source-status-failing").queryAll()).hasSize(1);
        assertThat(robot.lookup(".source-status-never").queryAll()).hasSize(1);
        ListCell<?> broken = robot.lookup("#sourceList .list-cell")
                .match(n -> n instanceof ListCell<?> c && c.getItem() instanceof SourceRow row && row.id().equals("bad"))
                .queryAs(ListCell.class);
        assertThat(broken.getTooltip().getText()).contains("HTTP 503 from example.org");
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup(".tab-label").queryAllAs(Label.class)).extracting(Label::getText).contains("Errors (2)");

        robot.clickOn(banner);
        assertThat(robot.lookup("#configProblems").query().isVisible()).isTrue();
        TableView<?> errorTable = robot.lookup("#errorTable").queryAs(TableView.class);
        assertThat(errorTable.getItems()).hasSize(1);
    }

    @Test
    void aStoppedBackgroundStageShowsInTheStatusBarAndItsFailureUnderErrors(FxRobot robot) {
        Button stopped = robot.lookup("#stoppedStages").queryAs(Button.class);
        assertThat(stopped.isVisible()).isFalse();

        robot.interact(() -> model.backgroundFailed("analysis", "Out of memory while analysing item 42",
                Instant.parse("2026-03-02T10:00:00Z"), true));

        assertThat(stopped.isVisible()).isTrue();
        assertThat(stopped.getText()).isEqualTo("analysis stopped: Out of memory while analysing item 42");
        // The line beside it goes on saying what happens; the stopped stage stays.
        assertThat(robot.lookup("#statusLine").queryAs(Label.class).getText()).isEqualTo("No workspace open.");
        robot.clickOn(stopped);
        TableView<?> errorTable = robot.lookup("#errorTable").queryAs(TableView.class);
        assertThat(errorTable.isVisible()).isTrue();
        assertThat(errorTable.getItems()).singleElement().satisfies(row ->
                assertThat(((ErrorsViewModel.ErrorRow) row).source()).isEqualTo("Background: analysis"));

        robot.interact(() -> model.stageChanged("analysis", false, null));
        assertThat(stopped.isVisible()).isFalse();
    }

    @Test
    void arabicTextReadsRightToLeftInAFontThatCoversArabicAndLatin(FxRobot robot) {
        String text = "نفت وزارة المياه يوم الاثنين 3 مارس ما تداولته مواقع التواصل عن نقص في المياه في العاصمة "
                + "(القاهرة)، وقالت إن مستوى الخزانات طبيعي بنسبة 85% ولا توجد خطة للتقنين هذا الصيف. ".repeat(4);
        StoredItem arabic = new StoredItem(7, URI.create("https://example.org/ar/1"), URI.create("https://example.org/ar/1"),
                "الحكومة تنفي الشائعات (2024) حول نقص المياه في العاصمة والمدن الكبرى خلال فصل الصيف", "مراسل", text,
                null, Instant.parse("2026-03-03T08:00:00Z"), Instant.now(), "h", List.of("aljazeera"));
        // Layout failures happen in the pulse, on the FX thread: collect them.
        List<Throwable> layoutFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> layoutFailures.add(e)));
        robot.interact(() -> model.reader().show(arabic, id -> "Al Jazeera"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
        assertThat(layoutFailures).isEmpty();

        TextArea body = robot.lookup("#readerBody").queryAs(TextArea.class);
        Label title = robot.lookup("#readerTitle").queryAs(Label.class);
        assertThat(body.getText()).startsWith("نفت وزارة المياه");
        assertThat(body.getText()).contains("\n"); // wrapped by RightToLeftWrapper, not by JavaFX
        assertThat(body.isWrapText()).isFalse();
        assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(title.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        String expected = new ReaderFonts(Font.getFamilies()).familyFor(WritingSystem.ARABIC).orElseThrow(
                () -> new AssertionError("no Arabic-capable font installed (DejaVu Sans or Amiri)"));
        assertThat(body.getFont().getFamily()).isEqualTo(expected);
        assertThat(title.getFont().getFamily()).isEqualTo(expected);
        // The address stays left-to-right: it is Latin and must copy as typed.
        assertThat(robot.lookup("#readerUrl").queryAs(javafx.scene.control.TextField.class).getEffectiveNodeOrientation())
                .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);

        StoredItem english = new StoredItem(8, URI.create("https://example.org/en/1"), null, "Ministry denies rumour",
                null, "The ministry said on Monday...", "en", null, Instant.now(), "h2", List.of("bbc"));
        robot.interact(() -> model.reader().show(english, id -> "BBC"));
        assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        assertThat(robot.lookup("#readerPublished").queryAs(Label.class).getText()).startsWith("Fetched ");
    }

    @Test
    void japaneseWithoutALanguageTagGetsTheCjkFontByItsKana(FxRobot robot) {
        java.util.Optional<String> cjk = new ReaderFonts(Font.getFamilies()).familyFor(WritingSystem.JAPANESE);
        org.junit.jupiter.api.Assumptions.assumeTrue(cjk.isPresent(), "no CJK font installed (fonts-noto-cjk or fonts-ipafont-gothic)");
        StoredItem japanese = new StoredItem(9, URI.create("https://example.jp/1"), null, "政府は噂を否定した",
                null, "水道省は月曜日、首都で水不足が起きているという報道を否定した。", null, null, Instant.now(), "h3", List.of("nhk"));
        robot.interact(() -> model.reader().show(japanese, id -> "NHK"));

        TextArea body = robot.lookup("#readerBody").queryAs(TextArea.class);
        assertThat(body.getFont().getFamily()).isEqualTo(cjk.get());
        assertThat(body.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        assertThat(body.isWrapText()).isTrue();
    }
}
