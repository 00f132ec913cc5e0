package org.claimdesk.ui.errors;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.errors.ErrorsViewModel.ErrorRow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/** The errors panel, and the banner over the window while feeds.yml is broken. */
public final class ErrorsView {
    private final ErrorsViewModel model;
    private final Messages messages;

    public ErrorsView(ErrorsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    /** The panel: feeds.yml's problems (while it is broken) over the table of recent failures. */
    public Node pane() {
        Label configTitle = new Label(messages.get("errors.configHeading"));
        configTitle.getStyleClass().addAll(Styles.TITLE_4, Styles.DANGER);
        configTitle.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        configTitle.setWrapText(true);
        ListView<String> problems = new ListView<>(model.configProblems());
        problems.setId("configProblems");
        problems.setPrefHeight(140);
        problems.setCellFactory(view -> new ProblemCell());
        VBox config = new VBox(6, configTitle, problems);
        config.visibleProperty().bind(model.configBrokenProperty());
        config.managedProperty().bind(config.visibleProperty());

        Label failuresTitle = new Label(messages.get("errors.fetchTitle"));
        failuresTitle.getStyleClass().add(Styles.TITLE_4);
        TableView<ErrorRow> table = new TableView<>(model.rows());
        table.setId("errorTable");
        table.setPlaceholder(new Label(messages.get("errors.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ErrorRow, String> time = column("errors.column.time", model::timeOf);
        time.setPrefWidth(130);
        TableColumn<ErrorRow, String> source = column("errors.column.source", ErrorRow::source);
        source.setPrefWidth(120);
        TableColumn<ErrorRow, String> message = column("errors.column.message", ErrorRow::message);
        table.getColumns().setAll(List.of(time, source, message));
        table.setRowFactory(view -> {
            var row = new TableRow<ErrorRow>();
            row.itemProperty().addListener((obs, before, item) ->
                    row.setTooltip(item == null ? null : new Tooltip(item.message())));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox pane = new VBox(8, config, failuresTitle, table);
        pane.setId("errorsPane");
        pane.setPadding(new Insets(10));
        return pane;
    }

    /** The warning over the window while feeds.yml is broken; clicking it runs {@code showErrors}. */
    public Node banner(Runnable showErrors) {
        Message banner = new Message("", "", new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setId("configBanner");
        banner.getStyleClass().addAll(Styles.WARNING, "config-banner");
        List<String> problems = model.configProblems();
        banner.titleProperty().bind(model.bannerTitleProperty());
        banner.descriptionProperty().bind(Bindings.createStringBinding(
                // The banner wraps its text; right-to-left text there would trip JavaFX (see RightToLeftWrapper).
                () -> problems.isEmpty() || RightToLeftWrapper.needsOwnWrapping(problems.getFirst()) ? "" : problems.getFirst(),
                model.configProblems()));
        banner.setActionHandler(showErrors);
        banner.visibleProperty().bind(model.configBrokenProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        VBox.setMargin(banner, new Insets(6, 8, 6, 8));
        return banner;
    }

    private <T> TableColumn<ErrorRow, T> column(String key, Function<ErrorRow, T> value) {
        TableColumn<ErrorRow, T> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** A feeds.yml problem, wrapped unless it holds right-to-left text (see RightToLeftWrapper). */
    private static final class ProblemCell extends ListCell<String> {
        @Override
        protected void updateItem(String problem, boolean empty) {
            super.updateItem(problem, empty);
            setText(empty ? null : problem);
            setWrapText(!empty && !RightToLeftWrapper.needsOwnWrapping(problem));
            setPrefWidth(0);
        }
    }
}
