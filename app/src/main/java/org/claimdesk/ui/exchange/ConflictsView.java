package org.claimdesk.ui.exchange;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.RebuttalConflict;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.ui.shared.SelfWrappingTextArea;

/**
 * The conflicts a workspace bundle left: the list on the left; the one chosen shows our text and
 * theirs side by side, a merged text to write, and the three ways to settle it.
 */
public final class ConflictsView {
    private final ConflictsViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final VBox root = new VBox(6);

    public ConflictsView(ConflictsViewModel model, Messages messages, ScriptStyles fonts) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        ListView<RebuttalConflict> list = new ListView<>(model.pending());
        list.setId("conflictList");
        list.setPlaceholder(Placeholder.of(messages.get("conflicts.empty")));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RebuttalConflict conflict, boolean empty) {
                super.updateItem(conflict, empty);
                setText(empty || conflict == null ? null : messages.format("conflicts.row", conflict.rebuttalId(),
                        conflict.language(), who(conflict), messages.time(conflict.theirSavedAt())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, before, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        list.setPrefWidth(260);
        list.setMinWidth(160);

        Label header = new Label();
        header.setId("conflictHeader");
        header.setWrapText(true);
        header.getStyleClass().add(Styles.TEXT_BOLD);
        Side mine = new Side("conflictMine");
        Side theirs = new Side("conflictTheirs");
        SplitPane sides = new SplitPane(mine.box, theirs.box);
        VBox.setVgrow(sides, Priority.ALWAYS);

        SelfWrappingTextArea merged = new SelfWrappingTextArea();
        merged.setId("conflictMerged");
        merged.setPrefRowCount(6);
        merged.bindWritten(model.mergedTextProperty());

        Button keepMine = new Button(messages.get("conflicts.keepMine"));
        keepMine.setId("conflictKeepMine");
        keepMine.setOnAction(event -> model.keepMine());
        Button takeTheirs = new Button(messages.get("conflicts.takeTheirs"));
        takeTheirs.setId("conflictTakeTheirs");
        takeTheirs.setOnAction(event -> model.takeTheirs());
        Button saveMerged = new Button(messages.get("conflicts.saveMerged"));
        saveMerged.setId("conflictSaveMerged");
        saveMerged.setOnAction(event -> model.saveMerged());
        Label problem = new Label();
        problem.setId("conflictsProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        HBox actions = new HBox(8, keepMine, takeTheirs, saveMerged);

        VBox detail = new VBox(6, header, sides, new Label(messages.get("conflicts.mergedLabel")), merged, actions, problem);
        detail.setPadding(new Insets(0, 0, 0, 8));
        detail.disableProperty().bind(model.selectedProperty().isNull());

        model.selectedProperty().addListener((obs, before, now) -> {
            header.setText(now == null ? "" : messages.format("conflicts.header", now.rebuttalId(), now.language(),
                    messages.get("rebuttal.status." + now.status().name()), now.bundleName(), messages.time(now.foundAt())));
            mine.show(now == null ? null : now.mine(), now == null ? null : now.language(),
                    now == null ? "" : messages.get(now.mineChanged() ? "conflicts.mineChanged" : "conflicts.mine"));
            theirs.show(now == null ? null : now.theirs(), now == null ? null : now.language(),
                    now == null ? "" : messages.format("conflicts.theirs", who(now), messages.time(now.theirSavedAt())));
            merged.setNodeOrientation(orientation(now == null ? null : now.language(), model.mergedTextProperty().get()));
            merged.setStyle(style(now == null ? null : now.language(), model.mergedTextProperty().get()));
        });

        Label title = new Label(messages.get("conflicts.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label explain = new Label(messages.get("conflicts.explain"));
        explain.setWrapText(true);
        SplitPane body = new SplitPane(list, detail);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.26);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().setAll(title, explain, body);
        root.setPadding(new Insets(8));
    }

    private String who(RebuttalConflict conflict) {
        return conflict.theirSavedBy() == null || conflict.theirSavedBy().isBlank()
                ? messages.get("conflicts.someone") : conflict.theirSavedBy();
    }

    private NodeOrientation orientation(String language, String text) {
        return WritingSystem.of(language, text == null ? "" : text).rightToLeft()
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
    }

    private String style(String language, String text) {
        return fonts.styleFor(WritingSystem.of(language, text == null ? "" : text));
    }

    /** One side: whose it is, the claim, verdict and short answer, the full text. */
    private final class Side {
        final VBox box = new VBox(4);
        final Label whose = new Label();
        final SelfWrappingTextArea fullText = new SelfWrappingTextArea();

        Side(String id) {
            box.setId(id);
            whose.getStyleClass().add(Styles.TEXT_MUTED);
            fullText.setEditable(false);
            fullText.setId(id + "Text");
            VBox.setVgrow(fullText, Priority.ALWAYS);
            box.getChildren().setAll(whose, fullText);
            box.setPadding(new Insets(4));
            box.setMinWidth(120);
        }

        void show(RebuttalText text, String language, String whoseText) {
            whose.setText(whoseText);
            String full = text == null ? "" : text.fullText();
            // new labels each time: a label wrapped by RightToLeftWrapper keeps following its first text
            Label claim = new Label();
            claim.getStyleClass().add(Styles.TEXT_BOLD);
            Label verdictAndShort = new Label();
            NodeOrientation direction = orientation(language, full);
            for (Node node : new Node[] {claim, verdictAndShort, fullText}) {
                node.setNodeOrientation(direction);
                node.setStyle(style(language, full));
            }
            RightToLeftWrapper.wrapInto(claim, text == null ? "" : text.claim());
            RightToLeftWrapper.wrapInto(verdictAndShort, text == null ? ""
                    : (text.verdict() == null ? "" : text.verdict() + " \u00b7 ") + text.shortAnswer());
            claim.setMaxWidth(Double.MAX_VALUE);
            verdictAndShort.setMaxWidth(Double.MAX_VALUE);
            fullText.setWritten(full);
            box.getChildren().setAll(whose, claim, verdictAndShort, fullText);
        }
    }
}
