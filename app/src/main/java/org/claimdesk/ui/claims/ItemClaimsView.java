package org.claimdesk.ui.claims;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.workspace.ClusterDetail;

import java.util.function.LongConsumer;

/**
 * Under the reader: the item's check-worthy sentences and why they scored, the cluster it is in
 * (open it), a button that puts it in the cluster open beside it, and the notes on it.
 */
public final class ItemClaimsView {
    private final ItemClaimsViewModel model;
    private final ClusterViewModel openCluster;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final LongConsumer showCluster;
    private final VBox content = new VBox(6);
    private final ScrollPane root = new ScrollPane(content);

    /**
     * @param openCluster the cluster view beside the reader: the item can be pinned to the cluster it shows
     * @param showCluster opens a cluster in the cluster view
     */
    public ItemClaimsView(ItemClaimsViewModel model, ClusterViewModel openCluster, Messages messages, ScriptStyles fonts,
                          LongConsumer showCluster) {
        this.model = model;
        this.openCluster = openCluster;
        this.messages = messages;
        this.fonts = fonts;
        this.showCluster = showCluster;
        root.setId("itemClaims");
        root.setFitToWidth(true);
        content.setPadding(new Insets(8, 10, 8, 10));
        model.shownProperty().addListener((obs, before, now) -> show(now));
        openCluster.detailProperty().addListener((obs, before, now) -> show(model.shownProperty().get()));
        show(null);
    }

    public Node node() {
        return root;
    }

    private void show(ItemClaimsViewModel.ItemClaims shown) {
        content.getChildren().clear();
        if (shown == null) {
            return;
        }
        content.getChildren().add(clusterLine(shown));

        Label claimsHeading = heading(shown.claims().isEmpty() ? "itemClaims.noClaims" : "itemClaims.claims");
        content.getChildren().add(claimsHeading);
        VBox claims = new VBox(4);
        claims.setId("itemClaimSentences");
        for (ClaimSentence sentence : shown.claims()) {
            Label why = new Label(ClusterViewModel.scoreText(sentence) + "  " + ClusterViewModel.reasonsText(sentence));
            why.getStyleClass().add("claim-reasons");
            why.setWrapText(true);
            claims.getChildren().add(new VBox(1, scripted(sentence.sentence()), why));
        }
        content.getChildren().add(claims);

        content.getChildren().add(heading("itemClaims.notes"));
        VBox notes = new VBox(2);
        notes.setId("itemNotes");
        for (ClusterStore.Note note : shown.notes()) {
            notes.getChildren().add(scripted(messages.time(note.createdAt()) + " — " + note.text()));
        }
        content.getChildren().add(notes);
        TextField newNote = new TextField();
        newNote.setId("itemNoteInput");
        newNote.setPromptText(messages.get("itemClaims.note.prompt"));
        newNote.setOnAction(event -> model.addNote(newNote.getText()));
        HBox.setHgrow(newNote, Priority.ALWAYS);
        Button add = new Button(messages.get("cluster.note.add"));
        add.setOnAction(event -> model.addNote(newNote.getText()));
        content.getChildren().add(new HBox(6, newNote, add));
    }

    /** "In cluster: …" with a link that opens it, and "Put in the open cluster" when another one is open. */
    private Node clusterLine(ItemClaimsViewModel.ItemClaims shown) {
        HBox line = new HBox(6);
        line.setAlignment(Pos.CENTER_LEFT);
        ClusterSummary cluster = shown.cluster();
        if (cluster == null) {
            line.getChildren().add(new Label(messages.get("itemClaims.notClustered")));
        } else {
            Hyperlink open = new Hyperlink(messages.format("itemClaims.inCluster",
                    cluster.label() == null ? messages.get("items.untitled") : cluster.label(), cluster.itemCount()));
            open.setId("itemCluster");
            open.setOnAction(event -> showCluster.accept(cluster.id()));
            line.getChildren().add(open);
        }
        ClusterDetail beside = openCluster.detailProperty().get();
        if (beside != null && (cluster == null || beside.summary().id() != cluster.id())) {
            Button pin = new Button(messages.get("itemClaims.pinToOpen"));
            pin.setId("itemPinToOpenCluster");
            pin.getStyleClass().add("small");
            pin.setTooltip(new javafx.scene.control.Tooltip(messages.format("itemClaims.pinToOpen.tooltip",
                    beside.summary().label() == null ? messages.get("items.untitled") : beside.summary().label())));
            pin.setOnAction(event -> model.pinTo(beside.summary().id()));
            line.getChildren().add(pin);
        }
        return line;
    }

    private Label heading(String key) {
        return ClaimLabels.heading(messages, key);
    }

    private Label scripted(String text) {
        return ClaimLabels.scripted(fonts, text);
    }
}
