package org.claimdesk.ui.exchange;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.claimdesk.ui.shared.Messages;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Export workspace bundle…": everything, or what changed since a day, to one file for another
 * ClaimDesk (an air-gapped laptop), optionally encrypted. Written in the background once confirmed.
 */
public final class BundleExportDialog {
    /** Writes the bundle: since when (null for everything), the file, the passphrase (null when not encrypted; the callee wipes it). */
    @FunctionalInterface
    public interface Export {
        void export(Instant since, Path target, char[] passphrase);
    }

    private BundleExportDialog() {
    }

    /**
     * @param suggested the file offered at first
     * @param zone      the analyst's time zone: "since a day" starts at that day's midnight there
     */
    public static Dialog<ButtonType> show(Window owner, Messages messages, Path suggested, ZoneId zone, Export export) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("bundle.title"));
        dialog.setHeaderText(messages.get("bundle.header"));

        ToggleGroup reach = new ToggleGroup();
        RadioButton everything = new RadioButton(messages.get("bundle.everything"));
        everything.setId("bundleEverything");
        everything.setToggleGroup(reach);
        everything.setSelected(true);
        RadioButton since = new RadioButton(messages.get("bundle.since"));
        since.setId("bundleSince");
        since.setToggleGroup(reach);
        DatePicker day = new DatePicker(LocalDate.now(zone).minusDays(7));
        day.setId("bundleSinceDay");
        day.disableProperty().bind(since.selectedProperty().not());

        ZipTarget target = new ZipTarget(messages, "bundleTarget", suggested, messages.get("bundle.title"),
                () -> dialog.getDialogPane().getScene().getWindow());
        PassphraseFields secret = new PassphraseFields(messages, "bundle");
        Label problem = new Label();
        problem.setId("bundleProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        Label explain = new Label(messages.get("bundle.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);

        VBox content = new VBox(8, explain, everything, new HBox(8, since, day),
                new HBox(8, new Label(messages.get("pack.target")), target.row()), secret.row(), problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(600);
        dialog.getDialogPane().setContent(content);

        ButtonType write = new ButtonType(messages.get("bundle.export"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(write, ButtonType.CANCEL);
        Node writeButton = dialog.getDialogPane().lookupButton(write);
        writeButton.setId("bundleExport");
        writeButton.addEventFilter(ActionEvent.ACTION, event -> {
            Path file = target.path();
            if (file == null) {
                problem.setText(messages.get("pack.targetMissing"));
                event.consume();
                return;
            }
            if (since.isSelected() && day.getValue() == null) {
                problem.setText(messages.get("bundle.dayMissing"));
                event.consume();
                return;
            }
            PassphraseFields.Answer answer = secret.read(problem::setText);
            if (answer.refused()) {
                event.consume();
                return;
            }
            Instant from = since.isSelected() ? day.getValue().atStartOfDay(zone).toInstant() : null;
            export.export(from, file, answer.passphrase());
        });
        dialog.setOnHidden(event -> secret.clear());
        dialog.setResultConverter(button -> button);
        dialog.show();
        return dialog;
    }
}
