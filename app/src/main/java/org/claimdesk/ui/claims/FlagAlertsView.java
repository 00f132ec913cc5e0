package org.claimdesk.ui.claims;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.claimdesk.ui.shared.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.LongConsumer;

/** New flags over the window: the claim, why, and a button that opens its cluster. */
public final class FlagAlertsView {
    private final FlagAlertsViewModel model;
    private final Messages messages;
    private final LongConsumer openCluster;
    private final VBox root = new VBox(2);

    /** @param openCluster shows a cluster on the board and in the cluster view */
    public FlagAlertsView(FlagAlertsViewModel model, Messages messages, LongConsumer openCluster) {
        this.model = model;
        this.messages = messages;
        this.openCluster = openCluster;
        root.setId("flagAlerts");
        model.alerts().addListener((ListChangeListener<FlagAlertsViewModel.Alert>) change -> show());
        show();
    }

    public Node node() {
        return root;
    }

    private void show() {
        root.getChildren().clear();
        for (FlagAlertsViewModel.Alert alert : model.alerts()) {
            // plain text only, one line each: right-to-left claims are shaped by JavaFX on one line
            Label headline = new Label(model.headline(alert));
            headline.getStyleClass().add(Styles.TEXT_BOLD);
            headline.setMnemonicParsing(false);
            Label reason = new Label(alert.reason());
            reason.getStyleClass().add(Styles.TEXT_MUTED);
            reason.setMnemonicParsing(false);
            HBox.setHgrow(reason, Priority.ALWAYS);
            reason.setMaxWidth(Double.MAX_VALUE);
            Button open = new Button(messages.get("alerts.open"));
            open.setId("flagAlertOpen" + alert.clusterId());
            open.getStyleClass().add(Styles.SMALL);
            open.setOnAction(event -> {
                model.dismiss(alert);
                openCluster.accept(alert.clusterId());
            });
            Button dismiss = new Button("", new FontIcon(Feather.X));
            dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            dismiss.setAccessibleText(messages.get("alerts.dismiss"));
            dismiss.setOnAction(event -> model.dismiss(alert));
            HBox row = new HBox(8, new FontIcon(Feather.FLAG), headline, reason, open, dismiss);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(4, 8, 4, 8));
            row.getStyleClass().add("flag-alert");
            root.getChildren().add(row);
        }
    }
}
