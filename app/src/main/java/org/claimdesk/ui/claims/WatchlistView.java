package org.claimdesk.ui.claims;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;

import java.util.Locale;

/** The watchlist under the claim board: what is watched, with its threshold; add and remove entries. */
final class WatchlistView {
    private final VBox root;

    WatchlistView(WatchlistViewModel model, Messages messages) {
        ListView<WatchEntry> list = new ListView<>(model.entries());
        list.setId("watchlist");
        list.setPrefHeight(120);
        list.setPlaceholder(Placeholder.of(messages.get("watchlist.empty")));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(WatchEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label what = new Label(messages.format("watchlist.entry", kindName(messages, entry.kind()), entry.entry(),
                        entry.threshold()));
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button remove = new Button(messages.get("watchlist.remove"));
                remove.getStyleClass().add("small");
                remove.setOnAction(event -> model.unwatch(entry));
                HBox line = new HBox(6, what, gap, remove);
                line.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(line);
            }
        });

        ComboBox<WatchEntry.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(WatchEntry.Kind.values()));
        kind.setId("watchKind");
        kind.setValue(WatchEntry.Kind.TERM);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(WatchEntry.Kind value) {
                return value == null ? "" : kindName(messages, value);
            }

            @Override
            public WatchEntry.Kind fromString(String text) {
                return null;
            }
        });
        TextField entry = new TextField();
        entry.setId("watchEntry");
        entry.setPromptText(messages.get("watchlist.prompt"));
        HBox.setHgrow(entry, Priority.ALWAYS);
        Spinner<Integer> threshold = new Spinner<>(1, 1000, 3);
        threshold.setId("watchThreshold");
        threshold.setPrefWidth(80);
        threshold.setEditable(true);
        Button add = new Button(messages.get("watchlist.add"));
        add.setId("watchAdd");
        Runnable watch = () -> {
            model.watch(kind.getValue(), entry.getText(), threshold.getValue());
            entry.clear();
        };
        add.setOnAction(event -> watch.run());
        entry.setOnAction(event -> watch.run());
        HBox form = new HBox(6, kind, entry, new Label(messages.get("watchlist.threshold")), threshold, add);
        form.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("cluster-problem");
        problem.textProperty().bind(model.problemProperty());
        root = new VBox(6, list, form, problem);
        root.setPadding(new Insets(4));
    }

    Node node() {
        return root;
    }

    private static String kindName(Messages messages, WatchEntry.Kind kind) {
        return messages.get("watchlist.kind." + kind.name().toLowerCase(Locale.ROOT));
    }
}
