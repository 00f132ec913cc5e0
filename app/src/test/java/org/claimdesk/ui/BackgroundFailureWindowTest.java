package org.claimdesk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.pipeline.StageStoppedException;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.ui.errors.ErrorsViewModel;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage that cannot work, in a real workspace opened as the application opens it: the window
 * says in its status bar that the stage stopped and why, and the Errors panel lists the failure.
 */
@WorkbenchUiTest
class BackgroundFailureWindowTest {
    private static final String WHY = "the language models are missing from this installation";

    @TempDir
    Path temp;

    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        Path desk = Files.createDirectories(temp.resolve("desk"));
        Files.writeString(desk.resolve("feeds.yml"), "sources: []\n");
        WorkspaceOpener opener = AppWiring.opener(temp.resolve("data"), desk, (text, hint, path) -> {
            throw new StageStoppedException(WHY, null);
        }, EnumSet.of(BackgroundWork.INDEXING, BackgroundWork.STAGES), opened -> session = opened);
        model = new WorkbenchApplication(new WorkbenchStartup(desk, opener, Locale.ENGLISH)).start(stage);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    void aStageThatThrowsIsShownAsStoppedWithItsReasonAndListedUnderErrors(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session != null);
        Button stopped = robot.lookup("#stoppedStages").queryAs(Button.class);
        assertThat(stopped.isVisible()).isFalse();

        // an item arrives; the analysis stage takes it and throws
        Path saved = Files.createDirectories(temp.resolve("saved"));
        Files.writeString(saved.resolve("desk-en.xml"), new String(LoopbackServer.resourceBytes("ui/web/en.xml"),
                StandardCharsets.UTF_8).replace("{{BASE}}", "https://offline.example.org"));
        session.ingest().importPath(saved, ImportProgress.NONE);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, stopped::isVisible);
        assertThat(stopped.getText()).contains("analysis stopped").contains(WHY);
        // the line beside it still says what the window is doing; the items are still listed
        assertThat(robot.lookup("#statusLine").queryAs(Label.class).getText()).doesNotContain(WHY);

        robot.clickOn(stopped);
        TableView<?> errors = robot.lookup("#errorTable").queryAs(TableView.class);
        assertThat(errors.isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !errors.getItems().isEmpty());
        assertThat(errors.getItems()).anySatisfy(row -> {
            ErrorsViewModel.ErrorRow error = (ErrorsViewModel.ErrorRow) row;
            assertThat(error.source()).isEqualTo("Background: analysis");
            assertThat(error.message()).contains(WHY);
        });
    }
}
