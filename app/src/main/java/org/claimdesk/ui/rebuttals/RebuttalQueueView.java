package org.claimdesk.ui.rebuttals;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.ui.shared.ScriptedLabel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rebuttal queue: who is working (chosen before anything is written), what waits on whom,
 * overdue first; a claim without an answer gets "Start a rebuttal" in the language and deadline
 * chosen above the list.
 */
public final class RebuttalQueueView {
    /** Deadlines offered when a rebuttal is started, in hours; 0 for none. */
    static final List<Integer> DEADLINE_HOURS = List.of(2, 6, 24, 72, 0);

    private final RebuttalsViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final Runnable opened;
    private final ListView<RebuttalsViewModel.Row> list = new ListView<>();
    private final TextField language = new TextField("en");
    private final ChoiceBox<Integer> deadline = new ChoiceBox<>(FXCollections.observableArrayList(DEADLINE_HOURS));
    private final VBox root;

    /** @param opened runs when the analyst opens a rebuttal (the editor is then shown) */
    public RebuttalQueueView(RebuttalsViewModel model, Messages messages, ScriptStyles fonts, Runnable opened) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        this.opened = opened;
        list.setId("rebuttalQueue");
        list.setItems(model.rows());
        list.setPlaceholder(Placeholder.of(messages.get("rebuttals.empty")));
        list.setCellFactory(view -> new RowCell());
        list.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() >= 1) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });

        ChoiceBox<RebuttalsViewModel.Show> show = new ChoiceBox<>(FXCollections.observableArrayList(RebuttalsViewModel.Show.values()));
        show.setId("rebuttalShow");
        show.setConverter(converter(value -> messages.get("rebuttals.show." + value.name())));
        show.valueProperty().bindBidirectional(model.showProperty());

        language.setId("rebuttalStartLanguage");
        language.setPrefColumnCount(4);
        deadline.setId("rebuttalStartDeadline");
        deadline.setValue(24);
        deadline.setConverter(converter(hours -> hours == 0 ? messages.get("rebuttals.deadline.none")
                : messages.format("rebuttals.deadline.hours", hours)));
        HBox start = new HBox(6, new Label(messages.get("rebuttals.start.language")), language,
                new Label(messages.get("rebuttals.start.deadline")), deadline, new Label(messages.get("rebuttals.show")), show);
        start.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("rebuttalsProblem");
        problem.getStyleClass().add("cluster-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(8, identityBar(), start, problem, list);
        root.setPadding(new Insets(8));
    }

    public Node node() {
        return root;
    }

    /** Moves the keyboard to the queue. */
    public void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    private void open(RebuttalsViewModel.Row row) {
        if (row != null && row.rebuttal() != null) {
            model.open(row);
            opened.run();
        }
    }

    /** "Working as" with the team's names to pick from, or a new name and role. */
    private Node identityBar() {
        Label current = new Label();
        current.setId("rebuttalWho");
        current.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            AnalystIdentity who = model.whoProperty().get();
            return who == null ? messages.get("rebuttals.who.none")
                    : messages.format("rebuttals.who.current", who.name(), roleName(who.role()));
        }, model.whoProperty()));
        current.setWrapText(true);

        ComboBox<String> name = new ComboBox<>();
        name.setId("rebuttalWhoName");
        name.setEditable(true);
        name.setPromptText(messages.get("rebuttals.who.name"));
        model.identities().addListener((javafx.collections.ListChangeListener<AnalystIdentity>) change ->
                name.getItems().setAll(model.identities().stream().map(AnalystIdentity::name).toList()));
        ChoiceBox<AnalystIdentity.Role> role = new ChoiceBox<>(FXCollections.observableArrayList(AnalystIdentity.Role.values()));
        role.setId("rebuttalWhoRole");
        role.setValue(AnalystIdentity.Role.ANALYST);
        role.setConverter(converter(this::roleName));
        // picking a known name picks its role too
        name.valueProperty().addListener((obs, before, picked) -> model.identities().stream()
                .filter(identity -> identity.name().equals(picked)).findFirst()
                .ifPresent(identity -> role.setValue(identity.role())));
        Button use = new Button(messages.get("rebuttals.who.use"));
        use.setId("rebuttalWhoUse");
        use.setOnAction(event -> model.workAs(name.getEditor().getText(), role.getValue()));
        name.getEditor().setOnAction(event -> use.fire());
        HBox choose = new HBox(6, name, role, use);
        choose.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, current, choose);
        bar.getStyleClass().add("identity-bar");
        return bar;
    }

    private String roleName(AnalystIdentity.Role role) {
        return messages.get("rebuttals.role." + role.name());
    }

    private Instant chosenDeadline() {
        Integer hours = deadline.getValue();
        return hours == null || hours == 0 ? null : Instant.now().plus(Duration.ofHours(hours));
    }

    /** Shows values of a choice by this text; nothing is typed back. */
    static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /** A claim, its status and language, whom it waits on, and its deadline or how long it has waited. */
    private final class RowCell extends ListCell<RebuttalsViewModel.Row> {
        @Override
        protected void updateItem(RebuttalsViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("rebuttal-overdue");
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label claim = ScriptedLabel.of(fonts, model.claimOf(row));
            claim.getStyleClass().add("queue-claim");
            Label status = new Label(model.statusOf(row));
            status.getStyleClass().add("claim-state");
            Label waiting = new Label(model.waitingOn(row));
            Label timing = new Label(model.timingOf(row));
            if (model.overdue(row)) {
                getStyleClass().add("rebuttal-overdue");
                timing.getStyleClass().add("overdue");
            }
            HBox facts = new HBox(8, status, waiting, timing);
            facts.setAlignment(Pos.CENTER_LEFT);
            if (row.rebuttal() == null) {
                Button start = new Button(messages.get("rebuttals.start"));
                start.setId("rebuttalStart" + row.clusterId());
                start.getStyleClass().add("small");
                start.setOnAction(event -> {
                    model.start(row.clusterId(), language.getText(), chosenDeadline());
                    opened.run();
                });
                facts.getChildren().add(start);
            }
            VBox box = new VBox(2, claim, facts);
            if (row.earlier() != null) {
                Label earlier = new Label(model.earlierOf(row));
                earlier.setId("rebuttalEarlier" + row.clusterId());
                earlier.getStyleClass().add("known-answer");
                box.getChildren().add(earlier);
            }
            box.setMaxWidth(Double.MAX_VALUE);
            setGraphic(box);
            setText(null);
        }
    }
}
