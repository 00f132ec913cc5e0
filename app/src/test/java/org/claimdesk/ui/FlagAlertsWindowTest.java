package org.claimdesk.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A watched term turns up in fresh items: the workspace's own stages analyse, cluster and flag
 * them, an alert shows over the window with the claim and why, the desktop is told how many (not
 * which), and "Open" shows the cluster.
 */
@WorkbenchUiTest
class FlagAlertsWindowTest {
    @TempDir
    Path temp;

    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;
    private final List<String> desktop = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        model = AppWiring.claimsWorkbench(stage, temp, opened -> session = opened);
        model.claimBoard().flagAlerts().notifyDesktopWith((title, body) -> desktop.add(title + ": " + body));
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    void aWatchedTermInFreshItemsRaisesAnAlertThatOpensItsCluster(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session != null);
        session.claims().watch(WatchEntry.Kind.TERM, "cholera", 1);
        Path feed = temp.resolve("wire.xml");
        Files.writeString(feed, feedOf(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600)));
        session.ingest().importPath(feed, ImportProgress.NONE);

        VBox alerts = robot.lookup("#flagAlerts").queryAs(VBox.class);
        // analysis loads the English models first: give it time on a shared machine
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !alerts.getChildren().isEmpty());
        var alert = model.claimBoard().flagAlerts().alerts().getFirst();
        assertThat(model.claimBoard().flagAlerts().headline(alert)).startsWith("Flagged: ").containsIgnoringCase("cholera");
        assertThat(alert.reason()).isNotBlank();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !desktop.isEmpty());
        assertThat(desktop).singleElement().satisfies(said -> assertThat(said)
                .isEqualTo("ClaimDesk: A claim was flagged. Open ClaimDesk to see it.")
                .doesNotContainIgnoringCase("cholera"));

        robot.interact(() -> robot.lookup("#flagAlertOpen" + alert.clusterId()).queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#clusterClaim").tryQuery().isPresent()
                && robot.lookup("#clusterClaim").queryAs(Label.class).getText().toLowerCase(Locale.ROOT).contains("cholera"));
        assertThat(alerts.getChildren()).as("looked at: put away").isEmpty();
    }

    private static String feedOf(Instant at) {
        DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        StringBuilder items = new StringBuilder();
        String[][] stories = {
                {"Health ministry says 40 cholera cases confirmed in Millbrook", "The health ministry said on Friday that 40 cases of cholera were confirmed in Millbrook after the floods."},
                {"Millbrook cholera cases rise to 40, ministry says", "Forty cholera cases have been confirmed in Millbrook, the health ministry said, after floods reached the water plant."},
        };
        for (int i = 0; i < stories.length; i++) {
            items.append("<item><title>").append(stories[i][0]).append("</title><link>https://wire.example.org/cholera-")
                    .append(i).append("</link><guid>https://wire.example.org/cholera-").append(i)
                    .append("</guid><pubDate>").append(rfc822.format(at.plusSeconds(60L * i))).append("</pubDate><description>")
                    .append(stories[i][1]).append("</description></item>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><language>en</language>
                %s</channel></rss>
                """.formatted(items).strip();
    }
}
