package org.claimdesk.ui.stages;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.claimdesk.ui.shared.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The background stages in the status bar: their progress in a few words, and a menu to pause
 * or resume each one.
 */
public final class StagesView {
    private final StagesViewModel model;
    private final Messages messages;

    public StagesView(StagesViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public MenuButton build() {
        MenuButton button = new MenuButton();
        button.setId("stageProgress");
        button.setGraphic(new FontIcon(Feather.CPU));
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setMnemonicParsing(false);
        button.textProperty().bind(model.summaryProperty());
        button.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        button.managedProperty().bind(button.visibleProperty());
        Tooltip tooltip = new Tooltip();
        button.setTooltip(tooltip);
        model.rows().addListener((ListChangeListener<StagesViewModel.StageRow>) change -> {
            button.getItems().setAll(model.rows().stream().map(this::item).toList());
            tooltip.setText(String.join("\n", model.rows().stream().map(StagesViewModel.StageRow::detail).toList())
                    + "\n\n" + messages.get("stages.tooltip"));
        });
        return button;
    }

    private MenuItem item(StagesViewModel.StageRow row) {
        boolean resume = row.paused() || row.stopped();
        MenuItem item = new MenuItem(messages.format(resume ? "stages.resume" : "stages.pause", row.name()),
                new FontIcon(resume ? Feather.PLAY : Feather.PAUSE));
        item.setId((resume ? "resume-" : "pause-") + row.stage());
        item.setOnAction(e -> {
            if (resume) {
                model.resume(row.stage());
            } else {
                model.pause(row.stage());
            }
        });
        return item;
    }
}
