package org.claimdesk.ui.exchange;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.claimdesk.ui.shared.Messages;

import java.io.File;
import java.nio.file.Path;

/**
 * "Export rebuttal pack…": the approved rebuttals to put in (all at first, or by language), the
 * evidence pages, the organisation, where the answers are published, a logo, the file, and an
 * optional passphrase. Writing happens in the background once the analyst confirms.
 */
public final class PackExportDialog {
    /** Writes the pack: the choice, the file, and the passphrase (null when not encrypted; the callee wipes it). */
    @FunctionalInterface
    public interface Export {
        void export(PackChoiceViewModel.PackChoice choice, Path target, char[] passphrase);
    }

    private PackExportDialog() {
    }

    /** @param suggested the file offered at first */
    public static Dialog<ButtonType> show(Window owner, PackChoiceViewModel model, Messages messages, Path suggested,
                                          Export export) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("pack.title"));
        dialog.setHeaderText(messages.get("pack.header"));

        ListView<PackChoiceViewModel.Candidate> list = new ListView<>(model.candidates());
        list.setId("packRebuttals");
        list.setPrefHeight(200);
        list.setCellFactory(CheckBoxListCell.forListView(PackChoiceViewModel.Candidate::chosen, new StringConverter<>() {
            @Override
            public String toString(PackChoiceViewModel.Candidate c) {
                return c == null ? "" : messages.format("pack.row", c.rebuttal().id(), c.rebuttal().language(),
                        messages.get("rebuttal.status." + c.rebuttal().status().name()), c.rebuttal().text().claim());
            }

            @Override
            public PackChoiceViewModel.Candidate fromString(String string) {
                return null;
            }
        }));
        FlowPane languages = new FlowPane(8, 4);
        languages.setId("packLanguages");
        Runnable offerLanguages = () -> languages.getChildren().setAll(model.languages().stream().map(language -> {
            CheckBox box = new CheckBox(language);
            box.setId("packLanguage-" + language);
            box.setSelected(true);
            box.selectedProperty().addListener((obs, before, now) -> model.chooseLanguage(language, now));
            return (Node) box;
        }).toList());
        model.candidates().addListener((javafx.collections.ListChangeListener<PackChoiceViewModel.Candidate>) c -> offerLanguages.run());
        offerLanguages.run();

        CheckBox snapshots = new CheckBox(messages.get("pack.snapshots"));
        snapshots.setId("packSnapshots");
        snapshots.selectedProperty().bindBidirectional(model.includeSnapshotsProperty());
        TextField organisation = new TextField();
        organisation.setId("packOrganisation");
        organisation.textProperty().bindBidirectional(model.organisationProperty());
        TextField address = new TextField();
        address.setId("packBaseUrl");
        address.setPromptText("https://");
        address.textProperty().bindBidirectional(model.baseUrlProperty());
        Label logoName = new Label(messages.get("pack.noLogo"));
        logoName.setId("packLogo");
        Button chooseLogo = new Button(messages.get("pack.chooseLogo"));
        chooseLogo.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("pack.chooseLogo"));
            chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PNG, JPEG", "*.png", "*.jpg", "*.jpeg"));
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                model.logoProperty().set(chosen.toPath());
            }
        });
        model.logoProperty().addListener((obs, before, now) ->
                logoName.setText(now == null ? messages.get("pack.noLogo") : now.getFileName().toString()));

        ZipTarget target = new ZipTarget(messages, "packTarget", suggested, messages.get("pack.title"),
                () -> dialog.getDialogPane().getScene().getWindow());

        PassphraseFields secret = new PassphraseFields(messages, "pack");
        secret.encrypt.selectedProperty().bindBidirectional(model.encryptProperty());

        Label problem = new Label();
        problem.setId("packProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());

        GridPane form = new GridPane(8, 6);
        form.addRow(0, new Label(messages.get("pack.organisation")), organisation);
        form.addRow(1, new Label(messages.get("pack.baseUrl")), address);
        form.addRow(2, new Label(messages.get("pack.logo")), new HBox(8, chooseLogo, logoName));
        form.addRow(3, new Label(messages.get("pack.target")), target.row());
        GridPane.setHgrow(organisation, Priority.ALWAYS);
        VBox content = new VBox(8, new Label(messages.get("pack.rebuttals")), list, languages, snapshots, form,
                secret.row(), problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);

        ButtonType write = new ButtonType(messages.get("pack.export"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(write, ButtonType.CANCEL);
        Node writeButton = dialog.getDialogPane().lookupButton(write);
        writeButton.setId("packExport");
        // the dialog stays open while something is missing; it says what
        writeButton.addEventFilter(ActionEvent.ACTION, event -> {
            PackChoiceViewModel.PackChoice choice = model.choice();
            if (choice == null) {
                event.consume();
                return;
            }
            Path file = target.path();
            if (file == null) {
                model.refused(messages.get("pack.targetMissing"));
                event.consume();
                return;
            }
            PassphraseFields.Answer answer = secret.read(model::refused);
            if (answer.refused()) {
                event.consume();
                return;
            }
            export.export(choice, file, answer.passphrase());
        });
        dialog.setOnHidden(event -> secret.clear());
        dialog.setResultConverter(button -> button);
        model.load();
        dialog.show();
        return dialog;
    }
}
