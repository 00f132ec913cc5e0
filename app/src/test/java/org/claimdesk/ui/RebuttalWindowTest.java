package org.claimdesk.ui;

import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.ClaimClusters;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuttal written, reviewed, approved and published in the real window by three people taking
 * turns at one laptop, over the bundled sample analysed and clustered by the workspace's own stages;
 * then its history and two of its versions side by side.
 */
@WorkbenchUiTest
class RebuttalWindowTest {
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
    void threeAnalystsWriteReviewApproveAndPublishAnArabicRebuttalAndItsHistoryShowsWhoDidWhat(FxRobot robot)
            throws Exception {
        waitUntil(() -> session != null, 30);
        AppWiring.importSampleAndCluster(session, 240);
        ClusterSummary claim = session.claims().ranked(ClaimClusters.Filter.ALL, 10).getFirst();
        session.claims().setState(claim.id(), ClusterState.NEEDS_REBUTTAL, null);
        // another team answered this claim last week
        Path factCheck = Files.writeString(temp.resolve("factcheck.json"), """
                {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://factcheck.example/dam",
                 "claimReviewed": %s, "datePublished": "2026-11-30",
                 "author": {"@type": "Organization", "name": "Example Check"},
                 "reviewRating": {"@type": "Rating", "ratingValue": 1, "worstRating": 1, "bestRating": 5, "alternateName": "False"}}
                """.formatted(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claim.label())));
        session.knownAnswers().importFile(factCheck);

        // the queue lists the claim as waiting for a first answer; nothing can be started before saying who you are
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        ListView<Object> queue = robot.lookup("#rebuttalQueue").queryAs(ListView.class);
        robot.interact(() -> model.rebuttals().reload());
        waitUntil(() -> robot.lookup("#rebuttalStart" + claim.id()).tryQuery().isPresent(), 30);
        assertThat(robot.lookup("#rebuttalWho").queryAs(Label.class).getText()).startsWith("Choose who you are");
        waitUntil(() -> robot.lookup("#rebuttalEarlier" + claim.id()).tryQuery().isPresent(), 30);
        assertThat(robot.lookup("#rebuttalEarlier" + claim.id()).queryAs(Label.class).getText())
                .isEqualTo("Already answered by Example Check on 2026-11-30: False");
        robot.interact(() -> robot.lookup("#rebuttalStart" + claim.id()).queryButton().fire());
        waitUntil(() -> robot.lookup("#rebuttalsProblem").queryAs(Label.class).getText().contains("Choose who you are"), 30);

        workAs(robot, "Amal", "Analyst");
        robot.interact(() -> robot.lookup("#rebuttalStartLanguage").queryAs(TextField.class).setText("ar"));
        robot.interact(() -> robot.lookup("#rebuttalStart" + claim.id()).queryButton().fire());
        waitUntil(() -> robot.lookup("#rebuttalStatus").tryQuery().isPresent()
                && robot.lookup("#rebuttalStatus").queryAs(Label.class).getText().equals("Draft"), 30);
        assertThat(robot.lookup("#rebuttalClaim").queryAs(TextField.class).getText()).isEqualTo(claim.label());
        // the cluster it answers is shown beside the editor
        waitUntil(() -> robot.lookup("#clusterClaim").tryQuery().isPresent()
                && robot.lookup("#clusterClaim").queryAs(Label.class).getText().replace("\n", " ")
                .equals(claim.label().replace("\n", " ")), 30);
        // templates of common shapes are offered in the rebuttal's language
        ComboBox<Object> templates = robot.lookup("#rebuttalTemplate").queryAs(ComboBox.class);
        waitUntil(() -> !templates.getItems().isEmpty(), 30);
        assertThat(templates.getItems()).allSatisfy(t ->
                assertThat(((org.claimdesk.store.RebuttalTemplate) t).language()).isEqualTo("ar"));
        VBox known = robot.lookup("#rebuttalKnown").queryAs(VBox.class);
        waitUntil(() -> known.lookupAll(".known-answer").stream()
                .anyMatch(node -> ((Label) node).getText().startsWith("Answered by Example Check on 2026-11-30")), 30);

        // an Arabic template fills the full text with lines far wider than the box (JavaFX alone fails on those)
        robot.interact(() -> {
            templates.getSelectionModel().selectFirst();
            robot.lookup("#rebuttalTemplateUse").queryButton().fire();
        });
        String template = ((org.claimdesk.store.RebuttalTemplate) templates.getItems().getFirst()).fullText();
        waitUntil(() -> model.rebuttals().editor().fullTextProperty().get().equals(template), 10);
        TextArea fullText = robot.lookup("#rebuttalFullText").queryAs(TextArea.class);
        assertThat(fullText.getText().split("\n").length).isGreaterThan(template.split("\n").length);

        // written in Arabic: the preview follows the typing, right to left
        String written = "# السد سليم\n\nفحصت **هيئة المياه** السد صباح اليوم ولم تجد أي تصدع في جسمه، والفيديو المتداول "
                + "من عام 2019 وليس من هذا الأسبوع كما يزعم الناشرون على مواقع التواصل منذ مساء أمس.\n\n- الفيديو من عام 2019";
        robot.interact(() -> {
            robot.lookup("#rebuttalVerdict").queryAs(ComboBox.class).setValue("false");
            robot.lookup("#rebuttalShortAnswer").queryAs(TextArea.class).setText("الخبر غير صحيح: السد سليم بحسب هيئة المياه.");
            fullText.selectAll();
            fullText.replaceSelection(written);
        });
        VBox preview = robot.lookup("#rebuttalPreview").queryAs(VBox.class);
        waitUntil(() -> preview.getChildren().size() == 3, 30);
        assertThat(preview.getNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        // the heading is broken to the preview's width once it is laid out
        waitUntil(() -> ((Label) preview.getChildren().get(0)).getText().equals("السد سليم"), 30);
        assertThat(((Label) preview.getChildren().get(2)).getText()).contains("الفيديو من عام 2019");
        assertThat(robot.lookup("#rebuttalFullText").queryAs(TextArea.class).getNodeOrientation())
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(robot.lookup("#rebuttalLengths").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .extracting(node -> ((Label) node).getText()).anySatisfy(text -> assertThat(text).startsWith("X "));

        robot.interact(() -> robot.lookup("#rebuttalSave").queryButton().fire());
        waitUntil(() -> robot.lookup("#rebuttalNotice").queryAs(Label.class).getText().startsWith("Saved"), 30);
        // an analyst may only send it to review
        assertThat(robot.lookup("#rebuttalStepAPPROVE").tryQuery()).isEmpty();
        robot.interact(() -> robot.lookup("#rebuttalStepSUBMIT").queryButton().fire());
        waitForStatus(robot, "In review");
        StoredRebuttal rebuttal = session.rebuttals().ofCluster(claim.id()).getFirst();
        assertThat(rebuttal.language()).isEqualTo("ar");
        assertThat(rebuttal.text().fullText()).isEqualTo(written); // as written: the lines the box broke are not in it

        // the reviewer takes the keyboard: approve is offered now, and taken
        workAs(robot, "Noor", "Reviewer");
        waitUntil(() -> robot.lookup("#rebuttalStepAPPROVE").tryQuery().isPresent(), 30);
        assertThat(robot.lookup("#rebuttalStepPUBLISH").tryQuery()).isEmpty();
        robot.interact(() -> robot.lookup("#rebuttalReason").queryAs(TextField.class).setText("Checked with the authority"));
        robot.interact(() -> robot.lookup("#rebuttalStepAPPROVE").queryButton().fire());
        waitForStatus(robot, "Approved");

        // an editor corrects a word before publishing: the correction goes back to review first
        workAs(robot, "Sami", "Editor");
        waitUntil(() -> robot.lookup("#rebuttalStepPUBLISH").tryQuery().isPresent(), 30);
        robot.interact(() -> robot.lookup("#rebuttalShortAnswer").queryAs(TextArea.class)
                .setText("الخبر كاذب: السد سليم بحسب هيئة المياه."));
        robot.interact(() -> robot.lookup("#rebuttalSave").queryButton().fire());
        waitForStatus(robot, "In review");
        workAs(robot, "Noor", "Reviewer");
        waitUntil(() -> robot.lookup("#rebuttalStepAPPROVE").tryQuery().isPresent(), 30);
        robot.interact(() -> robot.lookup("#rebuttalStepAPPROVE").queryButton().fire());
        waitForStatus(robot, "Approved");
        workAs(robot, "Sami", "Editor");
        waitUntil(() -> robot.lookup("#rebuttalStepPUBLISH").tryQuery().isPresent(), 30);
        robot.interact(() -> robot.lookup("#rebuttalPublishedUrl").queryAs(TextField.class)
                .setText("https://facts.example/ar/dam"));
        robot.interact(() -> robot.lookup("#rebuttalStepPUBLISH").queryButton().fire());
        waitForStatus(robot, "Published");
        assertThat(session.rebuttals().find(rebuttal.id()).orElseThrow().publishedUrl())
                .hasToString("https://facts.example/ar/dam");
        // from now on the claim is watched against its answer
        VBox after = robot.lookup("#rebuttalAfter").queryAs(VBox.class);
        waitUntil(() -> !after.getChildren().isEmpty(), 30);
        assertThat(((Label) after.getChildren().getFirst()).getText()).contains("https://facts.example/ar/dam");
        assertThat(session.rebuttals().find(rebuttal.id()).orElseThrow().status()).isEqualTo(RebuttalStatus.PUBLISHED);
        assertThat(session.rebuttals().find(rebuttal.id()).orElseThrow().publishedAt()).isNotNull();

        // the history says who did what, in order
        ListView<Object> history = robot.lookup("#rebuttalHistory").queryAs(ListView.class);
        waitUntil(() -> history.getItems().size() == 6, 30);
        List<String> steps = history.getItems().stream().map(step -> {
            var change = (org.claimdesk.store.RebuttalStatusChange) step;
            return change.to() + " " + change.changedBy();
        }).toList();
        assertThat(steps).containsExactly("DRAFT Amal", "IN_REVIEW Amal", "APPROVED Noor", "IN_REVIEW Sami",
                "APPROVED Noor", "PUBLISHED Sami");

        // the last two versions side by side: the editor's correction is marked
        robot.interact(() -> robot.lookup("#rebuttal-history").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        robot.interact(() -> robot.lookup("#diffCompare").queryButton().fire());
        GridPane diff = robot.lookup("#rebuttalDiff").queryAs(GridPane.class);
        waitUntil(() -> !diff.getChildren().isEmpty(), 30);
        assertThat(diff.getChildren()).anySatisfy(node -> assertThat(node.getStyleClass()).contains("diff-added-line"));
        List<String> marked = diff.getChildren().stream()
                .filter(node -> node instanceof javafx.scene.text.TextFlow)
                .flatMap(node -> ((javafx.scene.text.TextFlow) node).getChildren().stream())
                .filter(text -> text.getStyleClass().contains("diff-added"))
                .map(text -> ((javafx.scene.text.Text) text).getText()).toList();
        assertThat(marked).containsExactly("كاذب");

        // the queue now lists it as published, no longer as waiting
        robot.interact(() -> model.rebuttals().showProperty().set(org.claimdesk.ui.rebuttals.RebuttalsViewModel.Show.PUBLISHED));
        waitUntil(() -> queue.getItems().size() == 1, 30);
        assertThat(robot.lookup("#rebuttalStart" + claim.id()).tryQuery()).isEmpty();
    }

    private void workAs(FxRobot robot, String name, String role) throws Exception {
        robot.interact(() -> {
            ComboBox<String> names = robot.lookup("#rebuttalWhoName").queryAs(ComboBox.class);
            names.getEditor().setText(name);
            javafx.scene.control.ChoiceBox<Object> roles = robot.lookup("#rebuttalWhoRole").queryAs(javafx.scene.control.ChoiceBox.class);
            roles.setValue(org.claimdesk.store.AnalystIdentity.Role.valueOf(role.toUpperCase(Locale.ROOT)));
            robot.lookup("#rebuttalWhoUse").queryButton().fire();
        });
        waitUntil(() -> robot.lookup("#rebuttalWho").queryAs(Label.class).getText()
                .equals("Working as " + name + " (" + role + ")"), 30);
    }

    private static void waitForStatus(FxRobot robot, String status) throws Exception {
        waitUntil(() -> {
            Node label = robot.lookup("#rebuttalStatus").query();
            return ((Label) label).getText().equals(status);
        }, 30);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
