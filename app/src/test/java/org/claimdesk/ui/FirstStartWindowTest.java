package org.claimdesk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.claimdesk.source.Source;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of a new workspace in the real window, with everything the application runs in
 * the background: the starter list is offered, nothing is fetched, and the sources chosen are
 * polled from then on. The starter list points at a loopback server here, so that a test that
 * failed to hold back would show up as requests instead of reaching the real sites.
 */
@WorkbenchUiTest
class FirstStartWindowTest {
    @TempDir
    Path temp;

    private final LoopbackServer server = LoopbackServer.start();
    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;
    private String chosenPath;

    @Start
    void start(Stage stage) throws Exception {
        Workspace desk = new Workspace(temp.resolve("desk"));
        WorkspaceSession.open(desk, null).close(); // a new workspace, its starter list written
        Path feeds = desk.feedsFile();
        Files.writeString(feeds, Files.readString(feeds).replace("url: https://", "url: " + server.uri("/") ));
        try (WorkspaceSession look = WorkspaceSession.open(desk, null)) {
            chosenPath = look.starterSources().offered().getFirst().url().getPath();
        }
        server.serveText(chosenPath, "application/rss+xml; charset=utf-8",
                new String(LoopbackServer.resourceBytes("ui/web/en.xml"), StandardCharsets.UTF_8)
                        .replace("{{BASE}}", server.uri("/").toString().replaceAll("/$", "")));
        WorkspaceOpener opener = AppWiring.opener(temp.resolve("data"), desk.root(),
                EnumSet.allOf(BackgroundWork.class), opened -> session = opened);
        model = new WorkbenchApplication(new WorkbenchStartup(desk.root(), opener, Locale.ENGLISH)).start(stage);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void theStarterListIsOfferedAndOnlyTheChosenSourceIsPolled(FxRobot robot) throws Exception {
        waitUntil(() -> session != null);
        VBox panel = robot.lookup("#firstStartPanel").queryAs(VBox.class);
        waitUntil(panel::isVisible);
        @SuppressWarnings("unchecked")
        ListView<?> list = robot.lookup("#starterSources").queryAs(ListView.class);
        List<Source> offered = session.starterSources().offered();
        assertThat(list.getItems()).hasSize(offered.size());
        Button watch = robot.lookup("#starterWatch").queryAs(Button.class);
        assertThat(watch.getText()).isEqualTo("Watch none");

        robot.clickOn("#starterSelectAll");
        waitUntil(() -> watch.getText().equals("Watch " + offered.size() + " sources"));
        robot.clickOn("#starterSelectNone");
        waitUntil(() -> watch.getText().equals("Watch none"));
        // the window is up with its background work running, and has contacted nothing
        assertThat(server.requests()).isEmpty();
        assertThat(session.sources().recentFailures(10)).isEmpty();

        CheckBox first = robot.from(list).lookup(".check-box").queryAs(CheckBox.class);
        robot.clickOn(first);
        waitUntil(() -> watch.getText().equals("Watch 1 source"));
        robot.clickOn(watch);

        waitUntil(() -> !panel.isVisible());
        waitUntil(() -> !server.requests(chosenPath).isEmpty());
        assertThat(session.starterSources().awaitingChoice()).isFalse();
        assertThat(session.sources().config().enabledSources()).extracting(Source::id)
                .containsExactly(offered.getFirst().id());
        // nothing of the list but the chosen feed and the article pages it links to
        assertThat(server.requests()).allSatisfy(request ->
                assertThat(request.path()).satisfiesAnyOf(p -> assertThat(p).isEqualTo(chosenPath),
                        p -> assertThat(p).startsWith("/articles/")));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
