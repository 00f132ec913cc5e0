package org.claimdesk.ui;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.workspace.Stages;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background stages in the status bar of a real workspace: their progress in words, and
 * pausing and resuming analysis from its menu, which the workspace keeps.
 */
@WorkbenchUiTest
class StagesWindowTest {
    @TempDir
    Path temp;

    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        Path desk = Files.createDirectories(temp.resolve("desk"));
        Files.writeString(desk.resolve("feeds.yml"), "sources: []\n");
        WorkspaceOpener opener = AppWiring.opener(temp.resolve("data"), desk,
                EnumSet.of(BackgroundWork.INDEXING, BackgroundWork.STAGES), opened -> session = opened);
        model = new WorkbenchApplication(new WorkbenchStartup(desk, opener, Locale.ENGLISH)).start(stage);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    void analysisCanBePausedAndResumedFromTheStatusBar(FxRobot robot) throws Exception {
        waitUntil(() -> session != null);
        MenuButton stages = robot.lookup("#stageProgress").queryAs(MenuButton.class);
        waitUntil(() -> stages.getText().contains("Analysis: up to date"));

        robot.clickOn(stages);
        robot.clickOn(menuItem(stages, "pause-analysis").getText());
        waitUntil(() -> session.stages().status(Stages.ANALYSIS).state() == StageStatus.State.PAUSED);
        waitUntil(() -> stages.getText().contains("Analysis: paused"));

        // items arrive while it is paused: they wait
        Path saved = Files.createDirectories(temp.resolve("saved"));
        Files.writeString(saved.resolve("desk-en.xml"), new String(LoopbackServer.resourceBytes("ui/web/en.xml"),
                StandardCharsets.UTF_8).replace("{{BASE}}", "https://offline.example.org"));
        session.ingest().importPath(saved, ImportProgress.NONE);
        waitUntil(() -> session.stages().status(Stages.ANALYSIS).waiting() == 2);
        assertThat(session.stages().status(Stages.ANALYSIS).done()).isZero();

        robot.clickOn(stages);
        robot.clickOn(menuItem(stages, "resume-analysis").getText());
        // the first English item loads the NER model: give it time on a shared machine
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.stages().status(Stages.ANALYSIS).done() == 2);
        waitUntil(() -> stages.getText().contains("Analysis: up to date"));
    }

    private static MenuItem menuItem(MenuButton button, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> button.getItems().stream().anyMatch(i -> id.equals(i.getId())));
        return button.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
