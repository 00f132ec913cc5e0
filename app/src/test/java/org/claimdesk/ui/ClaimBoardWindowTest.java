package org.claimdesk.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.claimdesk.store.ClusterState;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim board in the real window over the bundled sample, analysed, scored and clustered by
 * the workspace's own stages: open a cluster, triage it, find it again by its state.
 */
@WorkbenchUiTest
class ClaimBoardWindowTest {
    @TempDir
    Path temp;

    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        model = AppWiring.claimsWorkbench(stage, temp, opened -> session = opened);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnalystOpensAClusterDismissesItWithAReasonAndFindsItUnderDismissed(FxRobot robot) throws Exception {
        waitUntil(() -> session != null, 30);
        AppWiring.importSampleAndCluster(session, 240);

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        ListView<Object> board = robot.lookup("#claimBoard").queryAs(ListView.class);
        waitUntil(() -> !board.getItems().isEmpty(), 30);
        // the sample's story is running now (its times move to the present at import): the board
        // opens on a claim flagged, its reason in words, marked as a flag
        waitUntil(() -> model.claimBoard().isFlagged(model.claimBoard().rows().getFirst()), 90);
        waitUntil(() -> robot.lookup(".claim-reason-flagged").tryQuery().isPresent(), 30);
        assertThat(robot.lookup(".claim-reason-flagged").queryAs(Label.class).getText())
                .matches("\\d+ items from \\d+ sources in \\d+ languages in the last 2 h");
        String firstLabel = model.claimBoard().labelOf(model.claimBoard().rows().getFirst());

        robot.interact(() -> board.getSelectionModel().selectFirst());
        waitUntil(() -> robot.lookup("#clusterClaim").tryQuery().isPresent()
                && oneLine(robot.lookup("#clusterClaim").queryAs(Label.class).getText()).equals(oneLine(firstLabel)), 30);
        assertThat(robot.lookup("#clusterItems").tryQuery()).isPresent();
        assertThat(robot.lookup("#clusterState").queryAs(Label.class).getText()).isEqualTo("New");

        // dismissing needs a reason: without one the analyst is told so and nothing changes
        robot.interact(() -> robot.lookup("#clusterToDISMISSED").queryButton().fire());
        waitUntil(() -> robot.lookup("#clusterProblem").tryQuery().isPresent(), 30);
        assertThat(robot.lookup("#clusterProblem").queryAs(Label.class).getText()).contains("reason");
        assertThat(robot.lookup("#clusterState").queryAs(Label.class).getText()).isEqualTo("New");

        robot.interact(() -> robot.lookup("#dismissReason").queryAs(TextField.class).setText("Debunked last week"));
        robot.interact(() -> robot.lookup("#clusterToDISMISSED").queryButton().fire());
        waitUntil(() -> robot.lookup("#clusterState").queryAs(Label.class).getText().equals("Dismissed"), 30);

        robot.interact(() -> model.claimBoard().stateFilterProperty().set(ClusterState.DISMISSED));
        waitUntil(() -> board.getItems().size() == 1
                && model.claimBoard().labelOf(model.claimBoard().rows().getFirst()).equals(firstLabel), 30);

        // a tag added in the cluster view narrows the board to it
        robot.interact(() -> model.claimBoard().stateFilterProperty().set(null));
        robot.interact(() -> {
            TextField tag = robot.lookup("#clusterTagInput").queryAs(TextField.class);
            tag.setText("voice-note");
            tag.getOnAction().handle(null);
        });
        robot.interact(() -> robot.lookup("#claimTagFilter").queryAs(TextField.class).setText("voice-note"));
        waitUntil(() -> board.getItems().size() == 1
                && model.claimBoard().rows().getFirst().cluster().tags().contains("voice-note"), 30);

        // two clusters of the same story become one, under the bigger one's id, with all their items
        robot.interact(() -> robot.lookup("#claimTagFilter").queryAs(TextField.class).setText(""));
        waitUntil(() -> board.getItems().size() >= 2, 30);
        var first = model.claimBoard().rows().get(0);
        var second = model.claimBoard().rows().get(1);
        int rowsBefore = board.getItems().size();
        int together = first.cluster().itemCount() + second.cluster().itemCount();
        robot.interact(() -> model.claimBoard().mergeSelected(java.util.List.of(first, second)));
        waitUntil(() -> board.getItems().size() == rowsBefore - 1
                && model.claimBoard().rows().stream().anyMatch(row -> row.cluster().itemCount() == together), 30);

        // the merged cluster, opened: its items per hour from each source, and an item pinned to it
        var merged = model.claimBoard().rows().stream().filter(row -> row.cluster().itemCount() == together).findFirst().orElseThrow();
        robot.interact(() -> board.getSelectionModel().select(merged));
        waitUntil(() -> model.claimBoard().cluster().detailProperty().get() != null
                && model.claimBoard().cluster().detailProperty().get().summary().id() == merged.cluster().id(), 30);
        var shown = model.claimBoard().cluster().detailProperty().get();
        int sources = shown.itemsBySource().size();
        javafx.scene.layout.VBox sourceRows = robot.lookup("#clusterSourceTimelines").queryAs(javafx.scene.layout.VBox.class);
        assertThat(sourceRows.getChildren()).hasSize(sources < 2 ? 0 : Math.min(sources, 8) + (sources > 8 ? 1 : 0));
        long itemId = shown.itemsBySource().values().iterator().next().getFirst().id();
        robot.interact(() -> robot.lookup("#clusterPin" + itemId).queryButton().fire());
        waitUntil(() -> robot.lookup("#clusterPinned" + itemId).tryQuery().isPresent(), 30);
        assertThat(session.claims().detail(merged.cluster().id()).orElseThrow().pinned()).containsExactly(itemId);

        // an item of another cluster, read: its claims and cluster under the text; put in the open cluster, noted
        var other = model.claimBoard().rows().stream().filter(row -> row.cluster().id() != merged.cluster().id())
                .findFirst().orElseThrow();
        long stray = session.claims().detail(other.cluster().id()).orElseThrow()
                .itemsBySource().values().iterator().next().getFirst().id();
        robot.interact(() -> model.openItem(stray));
        waitUntil(() -> robot.lookup("#itemPinToOpenCluster").tryQuery().isPresent()
                && robot.lookup("#itemCluster").tryQuery().isPresent(), 30);
        robot.interact(() -> robot.lookup("#itemPinToOpenCluster").queryButton().fire());
        waitUntil(() -> session.claims().clusterOfItem(stray).orElseThrow() == merged.cluster().id(), 30);
        assertThat(session.claims().detail(merged.cluster().id()).orElseThrow().pinned()).contains(stray);
        robot.interact(() -> {
            TextField note = robot.lookup("#itemNoteInput").queryAs(TextField.class);
            note.setText("Same photo as the 2019 floods");
            note.getOnAction().handle(null);
        });
        waitUntil(() -> robot.lookup("#itemNotes").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 1, 30);
        assertThat(session.claims().notesOfItem(stray)).extracting(note -> note.text()).containsExactly("Same photo as the 2019 floods");

        // a watched term: added from the board's watchlist, listed with its threshold
        robot.interact(() -> {
            robot.lookup("#watchEntry").queryAs(TextField.class).setText("cholera");
            robot.lookup("#watchAdd").queryButton().fire();
        });
        ListView<Object> watchlist = robot.lookup("#watchlist").queryAs(ListView.class);
        waitUntil(() -> watchlist.getItems().size() == 1, 30);
        assertThat(session.claims().watchlist()).singleElement()
                .satisfies(entry -> assertThat(entry.entry()).isEqualTo("cholera"));
    }

    /** Right-to-left text is broken into lines by the window itself (RightToLeftWrapper). */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnalystTriagesArabicJapaneseAndEnglishClaimsFromTheKeyboardAlone(FxRobot robot) throws Exception {
        waitUntil(() -> session != null, 30);
        AppWiring.importSampleAndCluster(session, 240);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        ListView<org.claimdesk.ui.claims.ClaimBoardViewModel.Row> board = robot.lookup("#claimBoard").queryAs(ListView.class);
        // the board settles once the first flag round has ranked it
        waitUntil(() -> board.getItems().size() > 5 && model.claimBoard().isFlagged(board.getItems().getFirst()), 90);
        assertThat(robot.lookup("#claimBoardKeys").queryAs(Label.class).getText()).contains("W watch", "D dismiss");

        // Arabic: arrows to it, W
        long arabic = moveTo(robot, board, "\\p{IsArabic}");
        robot.type(KeyCode.W);
        waitUntil(() -> stateOf(arabic) == ClusterState.WATCHING, 30);
        waitUntil(() -> robot.lookup("#clusterState").queryAs(Label.class).getText().equals("Watching"), 30);

        // Japanese: arrows to it, R
        long japanese = moveTo(robot, board, "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        robot.type(KeyCode.R);
        waitUntil(() -> stateOf(japanese) == ClusterState.NEEDS_REBUTTAL, 30);

        // English: D asks why, the reason is typed, Enter dismisses and the board has the keys again
        long english = moveTo(robot, board, "^(The|Tests|Laboratory|Lab|Marsana|Health|No|Fact)\\b.*");
        robot.type(KeyCode.D);
        waitUntil(() -> robot.lookup("#dismissReason").queryAs(TextField.class).isFocused(), 30);
        robot.write("Answered by the water authority");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> stateOf(english) == ClusterState.DISMISSED, 30);
        assertThat(session.claims().detail(english).orElseThrow().history().getLast().reason())
                .isEqualTo("Answered by the water authority");
        waitUntil(board::isFocused, 30);

        // Enter on the Arabic cluster reads its claim's item, right to left
        moveTo(robot, board, "\\p{IsArabic}");
        long item = board.getSelectionModel().getSelectedItem().cluster().representativeItemId();
        robot.type(KeyCode.ENTER);
        String title = session.items().find(item).orElseThrow().title();
        waitUntil(() -> robot.lookup("#readerTitle").tryQuery().isPresent()
                && oneLine(title).equals(oneLine(robot.lookup("#readerTitle").queryAs(Label.class).getText())), 30);
        assertThat(robot.lookup("#readerTitle").queryAs(Label.class).getEffectiveNodeOrientation())
                .isEqualTo(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
    }

    /** Presses Up or Down until the board's selected claim matches the pattern; returns its cluster. */
    private static long moveTo(FxRobot robot, ListView<org.claimdesk.ui.claims.ClaimBoardViewModel.Row> board, String pattern) throws Exception {
        java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(pattern);
        int target = -1;
        for (int i = 0; i < board.getItems().size() && target < 0; i++) {
            if (wanted.matcher(board.getItems().get(i).cluster().label()).find()) {
                target = i;
            }
        }
        assertThat(target).as("a claim on the board matching %s", pattern).isNotNegative();
        long cluster = board.getItems().get(target).cluster().id();
        for (int step = 0; step < 3 * board.getItems().size(); step++) {
            var selected = board.getSelectionModel().getSelectedItem();
            if (selected != null && selected.cluster().id() == cluster) {
                return cluster;
            }
            int at = board.getItems().indexOf(selected);
            int goal = -1;
            for (int i = 0; i < board.getItems().size(); i++) {
                if (board.getItems().get(i).cluster().id() == cluster) {
                    goal = i;
                }
            }
            robot.type(at < goal ? KeyCode.DOWN : KeyCode.UP);
        }
        throw new AssertionError("the arrows did not reach cluster " + cluster);
    }

    private ClusterState stateOf(long cluster) {
        return session.claims().detail(cluster).orElseThrow().summary().state();
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
