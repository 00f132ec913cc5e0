package org.claimdesk.ui.claims;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.flag.ClusterTimeline;
import org.claimdesk.workspace.ClusterDetail;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One claim cluster: the claim that stands for it, its triage, why it was flagged, its timeline,
 * its best claims with what made their scores, the names it mentions, its items by source (open
 * one, or take it out), notes and tags.
 */
public final class ClusterView {
    static final int MOST_SOURCE_ROWS = 8;
    private final ClusterViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final LongConsumer openItem;
    private final Answer answer;
    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);
    /** Set while the board's D key waits for a reason: where Enter in the reason field goes next. */
    private Runnable afterReason;
    /** The cluster the reason was asked for. */
    private long reasonFor = -1;

    /** Starts a rebuttal of a cluster, written in a language. */
    @FunctionalInterface
    public interface Answer {
        void start(long clusterId, String language);
    }

    /**
     * @param openItem opens an item in the reader
     * @param answer   starts a rebuttal of the cluster shown (in the language most of its items are in)
     */
    public ClusterView(ClusterViewModel model, Messages messages, ScriptStyles fonts, LongConsumer openItem, Answer answer) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        this.openItem = openItem;
        this.answer = answer;
        root.setId("clusterView");
        root.setFitToWidth(true);
        content.setPadding(new Insets(10));
        model.detailProperty().addListener((obs, before, detail) -> show(detail));
        model.problemProperty().addListener((obs, before, problem) -> show(model.detailProperty().get()));
        show(null);
    }

    /**
     * Puts the caret in the reason to dismiss the shown cluster (the board's D key); Enter there
     * dismisses it and then runs {@code then} (back to the board).
     */
    public void askDismissReason(Runnable then) {
        Node field = node().lookup("#dismissReason");
        if (field != null) {
            afterReason = then;
            reasonFor = model.shownId();
            field.requestFocus();
            field.focusedProperty().addListener((obs, was, is) -> {
                if (!is && field.getScene() != null && !field.isFocused()) {
                    afterReason = null; // the analyst went elsewhere: nothing waits for a reason now
                }
            });
        }
    }

    public Node node() {
        return root;
    }

    private void show(ClusterDetail detail) {
        if (detail == null || detail.summary().id() != reasonFor) {
            afterReason = null; // another cluster is shown: the reason asked for is no longer wanted
        }
        content.getChildren().clear();
        if (detail == null) {
            content.getChildren().add(Placeholder.of(messages.get("cluster.none")));
            return;
        }
        var summary = detail.summary();
        Label claim = scripted(summary.label() == null ? messages.get("items.untitled") : summary.label());
        claim.setId("clusterClaim");
        claim.getStyleClass().add("cluster-claim");
        content.getChildren().add(claim);
        content.getChildren().add(new Label(messages.format("claims.counts", summary.itemCount(), summary.sourceCount(),
                summary.languageCount())));
        content.getChildren().add(stateBar(summary.state()));
        Button write = new Button(messages.get("cluster.answer"));
        write.setId("clusterAnswer");
        write.setOnAction(event -> answer.start(summary.id(), mostCommonLanguage(detail)));
        content.getChildren().add(write);
        if (!model.problemProperty().get().isEmpty()) {
            Label problem = new Label(model.problemProperty().get());
            problem.setId("clusterProblem");
            problem.getStyleClass().add("cluster-problem");
            content.getChildren().add(problem);
        }
        if (!summary.flagReasons().isEmpty()) {
            content.getChildren().add(heading("cluster.why"));
            VBox reasons = new VBox(2);
            reasons.setId("clusterReasons");
            for (String reason : summary.flagReasons()) {
                reasons.getChildren().add(new Label("• " + reason));
            }
            content.getChildren().add(reasons);
        }
        content.getChildren().add(heading("cluster.timeline"));
        HBox timeline = Sparkline.of(detail.timeline(), 60, 4, detail.timeline().peak(), ClusterViewModel.answerHours(detail));
        timeline.setId("clusterTimeline");
        content.getChildren().add(timeline);
        content.getChildren().add(new Label(messages.format("cluster.timeline.span", messages.time(detail.timeline().start()),
                detail.timeline().total().length)));
        if (!detail.answersPublished().isEmpty()) {
            Label sinceAnswer = new Label(model.sinceAnswer(detail));
            sinceAnswer.setId("clusterSinceAnswer");
            sinceAnswer.setTooltip(new javafx.scene.control.Tooltip(messages.format("cluster.answerMarker",
                    messages.time(detail.answersPublished().getFirst()))));
            content.getChildren().add(sinceAnswer);
        }
        content.getChildren().add(sourceTimelines(detail));

        if (!detail.claims().isEmpty()) {
            content.getChildren().add(heading("cluster.claims"));
            for (ClaimSentence sentence : detail.claims()) {
                Label text = scripted(sentence.sentence());
                Label why = new Label(model.scoreOf(sentence) + "  " + model.reasonsOf(sentence));
                why.getStyleClass().add("claim-reasons");
                content.getChildren().add(new VBox(1, text, why));
            }
        }
        if (!detail.entities().isEmpty()) {
            content.getChildren().add(heading("cluster.entities"));
            FlowPane names = new FlowPane(6, 4);
            for (ClusterDetail.EntityCount entity : detail.entities()) {
                Label name = scripted(entity.text() + " (" + entity.items() + ")");
                name.getStyleClass().add("entity-chip");
                names.getChildren().add(name);
            }
            content.getChildren().add(names);
        }
        content.getChildren().add(heading("cluster.items"));
        VBox items = new VBox(4);
        items.setId("clusterItems");
        for (Map.Entry<String, List<ItemSummary>> source : detail.itemsBySource().entrySet()) {
            Label name = new Label(source.getKey() + " (" + source.getValue().size() + ")");
            name.getStyleClass().add("cluster-source");
            items.getChildren().add(name);
            for (ItemSummary item : source.getValue()) {
                Hyperlink title = new Hyperlink(item.title() == null || item.title().isBlank()
                        ? messages.get("items.untitled") : item.title());
                WritingSystem script = WritingSystem.of(item.language(), title.getText());
                title.setStyle(fonts.styleFor(script));
                title.setOnAction(event -> openItem.accept(item.id()));
                Button out = new Button(messages.get("cluster.moveOut"));
                out.getStyleClass().add("small");
                out.setOnAction(event -> model.moveOut(item.id()));
                HBox row = new HBox(6, new Label(messages.time(item.time())), title, pinControl(detail, item), out);
                row.setAlignment(Pos.CENTER_LEFT);
                items.getChildren().add(row);
            }
        }
        content.getChildren().add(items);

        content.getChildren().add(heading("cluster.tags"));
        FlowPane tags = new FlowPane(6, 4);
        for (String tag : summary.tags()) {
            Button chip = new Button(tag + " ×");
            chip.getStyleClass().add("small");
            chip.setOnAction(event -> model.removeTag(tag));
            tags.getChildren().add(chip);
        }
        TextField newTag = new TextField();
        newTag.setId("clusterTagInput");
        newTag.setPromptText(messages.get("cluster.tag.prompt"));
        newTag.setOnAction(event -> model.addTag(newTag.getText()));
        tags.getChildren().add(newTag);
        content.getChildren().add(tags);

        content.getChildren().add(heading("cluster.notes"));
        for (ClusterStore.Note note : detail.notes()) {
            Label text = scripted(messages.time(note.createdAt()) + " — " + note.text());
            content.getChildren().add(text);
        }
        TextField newNote = new TextField();
        newNote.setId("clusterNoteInput");
        newNote.setPromptText(messages.get("cluster.note.prompt"));
        newNote.setOnAction(event -> model.addNote(newNote.getText()));
        HBox.setHgrow(newNote, Priority.ALWAYS);
        Button addNote = new Button(messages.get("cluster.note.add"));
        addNote.setOnAction(event -> model.addNote(newNote.getText()));
        content.getChildren().add(new HBox(6, newNote, addNote));

        if (!detail.history().isEmpty()) {
            content.getChildren().addAll(new Separator(), heading("cluster.history"));
            for (ClusterStore.StateChange change : detail.history()) {
                String line = messages.time(change.changedAt()) + " — " + model.stateName(change.state())
                        + (change.reason() == null ? "" : ": " + change.reason());
                content.getChildren().add(new Label(line));
            }
        }
    }

    /**
     * Items per hour from each source, on one scale, the sources that carried it first on top: who
     * spread it, and when. The busiest {@value #MOST_SOURCE_ROWS} sources get a row.
     */
    private Node sourceTimelines(ClusterDetail detail) {
        VBox rows = new VBox(2);
        rows.setId("clusterSourceTimelines");
        if (detail.bySource().size() < 2) {
            return rows; // one source: the chart above is its own
        }
        int peak = detail.bySource().values().stream().mapToInt(ClusterTimeline::peak).max().orElse(1);
        List<Map.Entry<String, ClusterTimeline>> busiest = detail.bySource().entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, ClusterTimeline> e) ->
                        -java.util.Arrays.stream(e.getValue().total()).sum()))
                .limit(MOST_SOURCE_ROWS).toList();
        for (Map.Entry<String, ClusterTimeline> source : detail.bySource().entrySet()) {
            if (!busiest.contains(source)) {
                continue;
            }
            Label name = new Label(source.getKey());
            name.getStyleClass().add("timeline-source");
            name.setMinWidth(140);
            name.setPrefWidth(140);
            name.setMaxWidth(140);
            HBox row = new HBox(6, name, Sparkline.of(source.getValue(), 14, 4, peak));
            row.setAlignment(Pos.BOTTOM_LEFT);
            rows.getChildren().add(row);
        }
        int rest = detail.bySource().size() - busiest.size();
        if (rest > 0) {
            rows.getChildren().add(new Label(messages.format("cluster.timeline.moreSources", rest)));
        }
        return rows;
    }

    /** The language most of the cluster's items are in ("en" when none is known): a rebuttal's first language. */
    static String mostCommonLanguage(ClusterDetail detail) {
        return detail.itemsBySource().values().stream().flatMap(List::stream)
                .map(ItemSummary::language).filter(language -> language != null && !language.isBlank())
                .collect(java.util.stream.Collectors.groupingBy(language -> language, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("en");
    }

    /** "Pinned here" for an item the analyst pinned; otherwise a button that pins it. */
    private Node pinControl(ClusterDetail detail, ItemSummary item) {
        if (detail.pinned().contains(item.id())) {
            Label pinned = new Label(messages.get("cluster.pinned"));
            pinned.setId("clusterPinned" + item.id());
            pinned.getStyleClass().add("cluster-pinned");
            pinned.setTooltip(new javafx.scene.control.Tooltip(messages.get("cluster.pin.tooltip")));
            return pinned;
        }
        Button pin = new Button(messages.get("cluster.pin"));
        pin.setId("clusterPin" + item.id());
        pin.getStyleClass().add("small");
        pin.setTooltip(new javafx.scene.control.Tooltip(messages.get("cluster.pin.tooltip")));
        pin.setOnAction(event -> model.pin(item.id()));
        return pin;
    }

    /** The triage buttons: every state but the current one; dismissing asks for the reason beside it. */
    private Node stateBar(ClusterState current) {
        Label state = new Label(model.stateName(current));
        state.setId("clusterState");
        state.getStyleClass().addAll("claim-state", "claim-state-" + current.name().toLowerCase(java.util.Locale.ROOT));
        HBox bar = new HBox(6, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        TextField reason = new TextField();
        reason.setId("dismissReason");
        reason.setPromptText(messages.get("cluster.dismiss.reason"));
        reason.setOnAction(event -> {
            model.setState(ClusterState.DISMISSED, reason.getText());
            if (reason.getText().isBlank()) {
                return; // refused, and said why: the reason is still wanted
            }
            Runnable back = afterReason;
            afterReason = null;
            if (back != null) {
                back.run();
            }
        });
        if (afterReason != null) {
            // the view was drawn again (the cluster's details arrived) while a reason is wanted
            javafx.application.Platform.runLater(reason::requestFocus);
        }
        for (ClusterState target : ClusterState.values()) {
            if (target == current) {
                continue;
            }
            Button button = new Button(messages.get("cluster.to." + target.name().toLowerCase(java.util.Locale.ROOT)));
            button.setId("clusterTo" + target.name());
            button.setOnAction(event -> model.setState(target, target == ClusterState.DISMISSED ? reason.getText() : null));
            bar.getChildren().add(button);
        }
        if (current != ClusterState.DISMISSED) {
            bar.getChildren().add(reason);
        }
        return new FlowPane(bar);
    }

    private Label heading(String key) {
        return ClaimLabels.heading(messages, key);
    }

    private Label scripted(String text) {
        return ClaimLabels.scripted(fonts, text);
    }
}
