package org.claimdesk.ui;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.SelfWrappingTextArea;
import org.claimdesk.workspace.Exporting;
import org.claimdesk.workspace.SampleBundle;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What comes from another machine, imported in the real window: an encrypted rebuttal pack asks
 * for its passphrase (a wrong one is said and asked again), and a workspace bundle that brings a
 * rebuttal edited on both sides shows both texts side by side until an analyst settles it.
 */
@WorkbenchUiTest
class ExchangeWindowTest {
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);
    static final AnalystIdentity NOOR = new AnalystIdentity("Noor", Role.EDITOR);
    static final AnalystIdentity KENJI = new AnalystIdentity("Kenji", Role.EDITOR);

    @TempDir
    Path temp;

    private WorkbenchViewModel model;
    private volatile WorkspaceSession session;
    private Path feeds;
    /** The cluster made in the other workspace. */
    private long otherCluster;

    @Start
    void start(Stage stage) throws IOException {
        Path desk = Files.createDirectories(temp.resolve("desk"));
        feeds = Files.writeString(desk.resolve("feeds.yml"), "sources: []\n");
        WorkspaceOpener opener = AppWiring.opener(temp.resolve("data"), desk, EnumSet.noneOf(BackgroundWork.class),
                opened -> session = opened);
        model = new WorkbenchApplication(new WorkbenchStartup(desk, opener, Locale.ENGLISH)).start(stage);
    }

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    void anEncryptedPackAsksForItsPassphraseImportsWithTheRightOneAndAnEditorSendsItOnAsTheDesksOwnEncryptedPack(FxRobot robot) throws Exception {
        Path other = otherWorkspaceWithACluster();
        Path pack = temp.resolve("answers.zip.pgp");
        try (WorkspaceSession o = WorkspaceSession.open(new Workspace(other), feeds)) {
            var workflow = o.rebuttals().workflow();
            StoredRebuttal started = workflow.start(otherCluster, "ja", null, AMAL);
            workflow.save(started.id(), 1, new RebuttalText("ダムが決壊した", "false", "ダムは無事です。",
                    "# ダムは無事\n\n技術者が午前6時に全ての水門を点検した。"), null, AMAL);
            workflow.submit(started.id(), 2, AMAL);
            workflow.approve(started.id(), 2, NOOR, "checked");
            o.exports().exportRebuttalPack(new Exporting.PackRequest(List.of(), Set.of(), true, "Partner Desk",
                    URI.create("https://partner.example/answers/"), "Noor"), pack,
                    OpenPgpEnvelope.Recipients.passphrase("correct horse".toCharArray()));
        }
        waitUntil(() -> session != null, 30);

        robot.interact(() -> model.importPath(pack));
        waitUntil(() -> robot.lookup("#keyPassphrase").tryQuery().isPresent(), 30);
        assertThat(robot.lookup("#keyReason").queryAs(Label.class).getText()).contains("encrypted with a passphrase");
        robot.interact(() -> robot.lookup("#keyPassphrase").queryAs(PasswordField.class).setText("wrong horse"));
        robot.interact(() -> robot.lookup("#keyOpen").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#keyReason").tryQuery().isPresent()
                && robot.lookup("#keyReason").queryAs(Label.class).getText().contains("wrong passphrase"), 30);
        assertThat(session.rebuttals().list(Set.of(), 10)).isEmpty();

        robot.interact(() -> robot.lookup("#keyPassphrase").queryAs(PasswordField.class).setText("correct horse"));
        robot.interact(() -> robot.lookup("#keyOpen").queryAs(Button.class).fire());
        waitUntil(() -> statusLine(robot).startsWith("answers.zip.pgp: rebuttal pack from Partner Desk"), 60);
        assertThat(statusLine(robot)).contains("1 new");
        assertThat(session.rebuttals().list(Set.of(), 10)).singleElement().satisfies(r -> {
            assertThat(r.language()).isEqualTo("ja");
            assertThat(r.text().claim()).isEqualTo("ダムが決壊した");
        });
        // the plain pack existed only inside the workspace while it was read
        try (var left = Files.walk(session.workspace().root())) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".zip"))).isEmpty();
        }

        // a second time, the analyst gives nothing: nothing happens, and the window says so
        robot.interact(() -> model.importPath(pack));
        waitUntil(() -> robot.lookup("#keyPassphrase").tryQuery().isPresent(), 30);
        robot.interact(() -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(b -> b instanceof Button button && button.isCancelButton()).map(Button.class::cast)
                .findFirst().orElseThrow().fire());
        waitUntil(() -> statusLine(robot).equals("Nothing of answers.zip.pgp was imported: it is encrypted and no "
                + "passphrase or key was given."), 30);

        // an editor here sends the approved answer on as the desk's own pack, encrypted
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#packRebuttals").tryQuery().isPresent()
                && robot.lookup("#packRebuttals").queryAs(ListView.class).getItems().size() == 1, 30);
        assertThat(robot.lookup("#packLanguage-ja").tryQuery()).isPresent();
        Path out = temp.resolve("ours.zip");
        robot.interact(() -> robot.lookup("#packTarget").queryAs(TextField.class).setText(out.toString()));
        robot.interact(() -> robot.lookup("#packExport").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#packProblem").queryAs(Label.class).getText().startsWith("Name the publishing organisation"), 30);
        robot.interact(() -> {
            robot.lookup("#packOrganisation").queryAs(TextField.class).setText("Our Desk");
        });
        robot.interact(() -> robot.lookup("#packExport").queryAs(Button.class).fire());
        // approved here but never published: the records need the address it will be published at
        waitUntil(() -> robot.lookup("#packProblem").queryAs(Label.class).getText().startsWith("Some chosen rebuttals were never published"), 30);
        robot.interact(() -> {
            robot.lookup("#packBaseUrl").queryAs(TextField.class).setText("https://desk.example/answers");
            robot.lookup("#packEncrypt").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#packPassphrase").queryAs(PasswordField.class).setText("river stone");
            robot.lookup("#packPassphraseAgain").queryAs(PasswordField.class).setText("river stones");
        });
        robot.interact(() -> robot.lookup("#packExport").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#packProblem").queryAs(Label.class).getText().equals("The two passphrases differ."), 30);
        assertThat(Files.exists(out)).isFalse();
        robot.interact(() -> {
            robot.lookup("#packPassphrase").queryAs(PasswordField.class).setText("river stone");
            robot.lookup("#packPassphraseAgain").queryAs(PasswordField.class).setText("river stone");
        });
        robot.interact(() -> robot.lookup("#packExport").queryAs(Button.class).fire());
        Path encrypted = temp.resolve("ours.zip.pgp");
        waitUntil(() -> statusLine(robot).equals("Encrypted rebuttal pack written to " + encrypted + ": 1 rebuttal, no evidence copies"), 60);
        assertThat(Files.exists(out)).isFalse();
        // another desk opens it with the passphrase and finds the answer under our name
        try (WorkspaceSession third = WorkspaceSession.open(new Workspace(temp.resolve("third")), feeds)) {
            var imported = third.imports().importFile(encrypted,
                    new OpenPgpEnvelope.Keys("river stone".toCharArray(), List.of()), org.claimdesk.ingest.ImportProgress.NONE);
            assertThat(imported).isInstanceOfSatisfying(org.claimdesk.workspace.Importing.Pack.class, ours -> {
                assertThat(ours.decrypted()).isTrue();
                assertThat(ours.report().organisation()).isEqualTo("Our Desk");
                assertThat(ours.report().added()).isEqualTo(1);
            });
        }
    }

    @Test
    void aRebuttalEditedOnBothMachinesWaitsAsAConflictShownSideBySideUntilTheAnalystTakesTheirs(FxRobot robot)
            throws Exception {
        Path other = otherWorkspaceWithACluster();
        RebuttalText first = new RebuttalText("انهار السد في الليل", "false", "السد سليم.",
                "# السد سليم\n\nفحص المهندسون كل البوابات في الساعة 6 صباحا.");
        long theirId;
        try (WorkspaceSession o = WorkspaceSession.open(new Workspace(other), feeds)) {
            var workflow = o.rebuttals().workflow();
            StoredRebuttal started = workflow.start(otherCluster, "ar", null, AMAL);
            workflow.save(started.id(), 1, first, null, AMAL);
            theirId = started.id();
            o.bundles().export(null, temp.resolve("first.zip"));
        }
        waitUntil(() -> session != null, 30);
        robot.interact(() -> model.importPath(temp.resolve("first.zip")));
        waitUntil(() -> statusLine(robot).startsWith("first.zip: workspace bundle from"), 60);
        assertThat(statusLine(robot)).contains("1 rebuttal").contains("no conflicts");
        assertThat(tabIds(robot)).doesNotContain("conflictsTab");

        // both sides go on writing
        StoredRebuttal here = session.rebuttals().list(Set.of(), 10).getFirst();
        String ours = "# السد سليم\n\nفحص المهندسون كل البوابات في الساعة 6 صباحا، وقاسوا منسوب الماء في الساعة 7.";
        session.rebuttals().workflow().save(here.id(), here.revision(), new RebuttalText(first.claim(), "false",
                first.shortAnswer(), ours), null, KENJI);
        String theirs = "# السد سليم\n\nفحص المهندسون كل البوابات في الساعة 6 صباحا. الصور المتداولة من سد آخر، التقطت سنة 2019.";
        try (WorkspaceSession o = WorkspaceSession.open(new Workspace(other), feeds)) {
            o.rebuttals().workflow().save(theirId, 2, new RebuttalText(first.claim(), "false", first.shortAnswer(), theirs),
                    null, AMAL);
            o.bundles().export(null, temp.resolve("second.zip"));
        }
        robot.interact(() -> model.importPath(temp.resolve("second.zip")));
        waitUntil(() -> statusLine(robot).startsWith("second.zip: workspace bundle from"), 60);
        assertThat(statusLine(robot)).contains("1 conflict to resolve (Conflicts tab)");
        // ours stays as it is until someone decides
        assertThat(session.rebuttals().list(Set.of(), 10).getFirst().text().fullText()).isEqualTo(ours);

        waitUntil(() -> tabIds(robot).contains("conflictsTab"), 30);
        TabPane middle = middleTabs(robot);
        Tab conflictsTab = middle.getTabs().stream().filter(t -> "conflictsTab".equals(t.getId())).findFirst().orElseThrow();
        assertThat(conflictsTab.getText()).isEqualTo("Conflicts (1)");
        robot.interact(() -> middle.getSelectionModel().select(conflictsTab));
        SelfWrappingTextArea mine = robot.lookup("#conflictMineText").queryAs(SelfWrappingTextArea.class);
        SelfWrappingTextArea theirsShown = robot.lookup("#conflictTheirsText").queryAs(SelfWrappingTextArea.class);
        waitUntil(() -> theirs.equals(theirsShown.getWritten()), 30);
        assertThat(mine.getWritten()).isEqualTo(ours);
        assertThat(mine.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(robot.lookup("#conflictHeader").queryAs(Label.class).getText())
                .startsWith("Rebuttal " + here.id() + " (ar, Draft) \u00b7 from second.zip");

        // a resolution is recorded under a name: none chosen yet
        robot.interact(() -> robot.lookup("#conflictTakeTheirs").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#conflictsProblem").queryAs(Label.class).getText().startsWith("Choose who you are first"), 30);
        assertThat(session.bundles().conflicts()).hasSize(1);

        session.workAs(KENJI);
        robot.interact(() -> robot.lookup("#conflictTakeTheirs").queryAs(Button.class).fire());
        waitUntil(() -> statusLine(robot).startsWith("Rebuttal " + here.id() + ": theirs taken, as version"), 30);
        StoredRebuttal settled = session.rebuttals().list(Set.of(), 10).getFirst();
        assertThat(settled.text().fullText()).isEqualTo(theirs);
        assertThat(settled.status()).isEqualTo(RebuttalStatus.DRAFT);
        assertThat(session.bundles().conflicts()).isEmpty();
        waitUntil(() -> !tabIds(robot).contains("conflictsTab"), 30);

        // the work goes back, encrypted: the other machine takes the settled version without a conflict of its own
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#bundleTarget").tryQuery().isPresent(), 30);
        Path back = temp.resolve("back.zip");
        robot.interact(() -> {
            robot.lookup("#bundleTarget").queryAs(TextField.class).setText(back.toString());
            robot.lookup("#bundleEncrypt").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#bundlePassphrase").queryAs(PasswordField.class).setText("river stone");
        });
        robot.interact(() -> robot.lookup("#bundleExport").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#bundleProblem").queryAs(Label.class).getText().equals("The two passphrases differ."), 30);
        robot.interact(() -> robot.lookup("#bundlePassphraseAgain").queryAs(PasswordField.class).setText("river stone"));
        robot.interact(() -> robot.lookup("#bundleExport").queryAs(Button.class).fire());
        Path encrypted = temp.resolve("back.zip.pgp");
        waitUntil(() -> statusLine(robot).startsWith("Encrypted workspace bundle written to " + encrypted + ":"), 60);
        assertThat(statusLine(robot)).contains("1 cluster, 1 rebuttal (");
        assertThat(Files.exists(back)).isFalse();
        try (WorkspaceSession o = WorkspaceSession.open(new Workspace(other), feeds)) {
            var imported = o.imports().importFile(encrypted, new OpenPgpEnvelope.Keys("river stone".toCharArray(), List.of()),
                    org.claimdesk.ingest.ImportProgress.NONE);
            assertThat(imported).isInstanceOfSatisfying(org.claimdesk.workspace.Importing.Bundle.class,
                    bundle -> assertThat(bundle.report().conflicts()).isZero());
            assertThat(o.rebuttals().list(Set.of(), 10).getFirst().text().fullText()).isEqualTo(theirs);
        }
    }

    /** A second workspace with the bundled sample and one cluster of three of its items. */
    private Path otherWorkspaceWithACluster() throws IOException, InterruptedException {
        Path other = temp.resolve("other");
        List<Long> items;
        try (WorkspaceSession o = WorkspaceSession.open(new Workspace(other), feeds)) {
            assertThat(SampleBundle.importInto(o).newItems()).isPositive();
            items = o.items().newest(3).stream().map(item -> item.id()).toList();
        }
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        try (Database database = Database.open(new Workspace(other).databaseDir())) {
            ClusterStore clusters = new ClusterStore(database);
            otherCluster = clusters.newCluster(t);
            for (long item : items) {
                clusters.pin(item, otherCluster, "Amal", t);
            }
        }
        return other;
    }

    private static String statusLine(FxRobot robot) {
        return robot.lookup("#statusLine").queryAs(Label.class).getText();
    }

    private static TabPane middleTabs(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(pane -> pane.getTabs().stream().anyMatch(t -> "itemsTab".equals(t.getId())))
                .findFirst().orElseThrow();
    }

    private static List<String> tabIds(FxRobot robot) {
        return middleTabs(robot).getTabs().stream().map(Tab::getId).toList();
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
