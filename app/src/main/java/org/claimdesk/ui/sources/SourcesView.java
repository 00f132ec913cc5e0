package org.claimdesk.ui.sources;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.ScriptStyles;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** The sources list: a status icon, the name and a detail line per source. */
public final class SourcesView {
    private final ListView<SourceRow> list;
    private final ScriptStyles fonts;

    public SourcesView(SourcesViewModel model, Messages messages, ScriptStyles fonts) {
        this.fonts = fonts;
        list = new ListView<>(model.rows());
        list.setId("sourceList");
        list.setPlaceholder(Placeholder.of(messages.get("sources.empty")));
        list.setCellFactory(view -> {
            SourceCell cell = new SourceCell();
            // Cells as wide as the list, never wider: long names end in "…" instead of a scroll bar.
            cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            cell.getStyleClass().add("source-cell");
            return cell;
        });
    }

    public ListView<SourceRow> node() {
        return list;
    }

    private final class SourceCell extends ListCell<SourceRow> {
        @Override
        protected void updateItem(SourceRow source, boolean empty) {
            super.updateItem(source, empty);
            if (empty || source == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (source.status()) {
                case OK -> Feather.CHECK_CIRCLE;
                case FAILING -> Feather.ALERT_TRIANGLE;
                case NEVER -> Feather.CIRCLE;
                case INACTIVE -> Feather.PAUSE_CIRCLE;
            });
            icon.getStyleClass().add("source-status-" + source.status().name().toLowerCase(Locale.ROOT));
            icon.setAccessibleText(source.statusText());

            Label name = new Label(source.name());
            name.getStyleClass().add("source-name");
            name.setMnemonicParsing(false);
            name.setStyle(fonts.styleFor(source.script()));
            Label detail = new Label(source.detail());
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            VBox text = new VBox(2, name, detail);
            text.setMinWidth(0);
            HBox row = new HBox(8, icon, text);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setTooltip(new Tooltip(source.tooltip()));
        }
    }
}
