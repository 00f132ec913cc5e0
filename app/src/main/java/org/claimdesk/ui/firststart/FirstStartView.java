package org.claimdesk.ui.firststart;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.claimdesk.ui.firststart.FirstStartViewModel.StarterRow;
import org.claimdesk.ui.shared.Messages;

/**
 * The first-start panel above the workbench: the starter sources with a check box each, select
 * all or none, "Watch selected" and "Not now". A panel rather than a modal dialog, so the sample
 * and imported items stay usable while the user decides.
 */
public final class FirstStartView {
    private final FirstStartViewModel model;
    private final Messages messages;

    public FirstStartView(FirstStartViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public Node build() {
        Label title = new Label(messages.get("firstStart.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label explanation = new Label(messages.get("firstStart.explanation"));
        explanation.setWrapText(true);

        ListView<StarterRow> list = new ListView<>(model.rows());
        list.setId("starterSources");
        list.setCellFactory(view -> new StarterCell());
        list.setPrefHeight(220);

        Button all = new Button(messages.get("firstStart.selectAll"));
        all.setId("starterSelectAll");
        all.setOnAction(e -> model.selectAll());
        Button none = new Button(messages.get("firstStart.selectNone"));
        none.setId("starterSelectNone");
        none.setOnAction(e -> model.selectNone());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button later = new Button(messages.get("firstStart.notNow"));
        later.setId("starterNotNow");
        later.setOnAction(e -> model.notNow());
        Button watch = new Button();
        watch.setId("starterWatch");
        watch.getStyleClass().add(Styles.ACCENT);
        watch.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("firstStart.watch", model.selectedCountProperty().get()), model.selectedCountProperty()));
        watch.disableProperty().bind(model.busyProperty());
        watch.setOnAction(e -> model.confirm());
        HBox buttons = new HBox(8, all, none, gap, later, watch);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox panel = new VBox(6, title, explanation, list, buttons);
        panel.setId("firstStartPanel");
        panel.getStyleClass().add("first-start");
        panel.setPadding(new Insets(10, 12, 10, 12));
        panel.visibleProperty().bind(model.showingProperty());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    /** A check box with the source's name, and its language and tags beside it. */
    private static final class StarterCell extends ListCell<StarterRow> {
        private final CheckBox box = new CheckBox();
        private final Label details = new Label();
        private final HBox line = new HBox(10, box, details);
        private StarterRow bound;

        StarterCell() {
            details.getStyleClass().add(Styles.TEXT_MUTED);
            line.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(StarterRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selectedProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            box.setText(row.name());
            details.setText(row.details());
            box.selectedProperty().bindBidirectional(row.selectedProperty());
            bound = row;
            setGraphic(line);
        }
    }
}
