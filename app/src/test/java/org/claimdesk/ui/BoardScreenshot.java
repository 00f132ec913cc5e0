package org.claimdesk.ui;

import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The README's picture of the claim board: the real window over the bundled sample on a first
 * start (its times moved to the present, so its last rumour is flagged), the board open (Ctrl+K)
 * and its top cluster opened beside it, drawn into {@code docs/images/claim-board.png}. Run on
 * demand, not with the tests (it needs the Arabic and Japanese fonts .ci/run installs):
 * {@code mvn -B -q -pl app test -Pbench -Dtest=BoardScreenshot -Dsurefire.failIfNoSpecifiedTests=false}
 */
@WorkbenchUiTest
@Tag("bench")
class BoardScreenshot {
    static final Path IMAGE = Path.of(System.getProperty("claimdesk.images", "../docs/images"), "claim-board.png");

    @TempDir
    Path temp;

    private Stage stage;
    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        model = AppWiring.claimsWorkbench(stage, temp, opened -> session = opened);
        stage.setWidth(1280); // the headless screen's size
        stage.setHeight(800);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBoardOnAFirstStart(FxRobot robot) throws Exception {
        waitUntil(() -> session != null, 60);
        AppWiring.importSampleAndCluster(session, 300);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        ListView<Object> board = robot.lookup("#claimBoard").queryAs(ListView.class);
        waitUntil(() -> !board.getItems().isEmpty()
                && model.claimBoard().isFlagged(model.claimBoard().rows().getFirst()), 120);
        // the board reloads as flags are scored: select its top until the cluster view shows that one
        waitUntil(() -> {
            robot.interact(() -> board.getSelectionModel().selectFirst());
            var shown = model.claimBoard().cluster().detailProperty().get();
            return shown != null && shown.summary().id() == model.claimBoard().rows().getFirst().cluster().id();
        }, 60);
        Thread.sleep(1_000); // the cluster view's timeline and the sparklines draw after their data
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        Files.createDirectories(IMAGE.getParent());
        ImageIO.write(toBuffered(shot[0]), "png", IMAGE.toFile());
        System.out.printf("BoardScreenshot: %s, %.0f x %.0f px, %d KB%n", IMAGE.normalize(), shot[0].getWidth(),
                shot[0].getHeight(), Files.size(IMAGE) / 1024);
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
