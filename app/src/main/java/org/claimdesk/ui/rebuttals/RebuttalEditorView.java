package org.claimdesk.ui.rebuttals;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.claimdesk.rebuttals.AfterPublication;
import org.claimdesk.rebuttals.RatingScale;
import org.claimdesk.rebuttals.ShortAnswerLength;
import org.claimdesk.rebuttals.VersionDiff;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalTemplate;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.ItemDrag;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.SelfWrappingTextArea;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.ui.shared.ScriptedLabel;
import org.claimdesk.workspace.KnownAnswer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rebuttal being written and reviewed: the claim, the verdict, the short answer with its length
 * against each platform's limit, the full text in Markdown beside its preview (right to left when
 * the language is), the review steps this identity may take, evidence (drop items or addresses on
 * it), earlier answers to reuse, other languages, and the history with two versions compared.
 */
public final class RebuttalEditorView {
    private final RebuttalEditorViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final MarkdownPreview preview;
    private final VBox content = new VBox(8);
    private final ScrollPane root = new ScrollPane(content);
    private final VBox editor;

    public RebuttalEditorView(RebuttalEditorViewModel model, Messages messages, ScriptStyles fonts) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        this.preview = new MarkdownPreview(fonts);
        root.setId("rebuttalEditor");
        root.setFitToWidth(true);
        content.setPadding(new Insets(10));
        editor = new VBox(8, header(), restoreBar(), templateBar(), textFields(), stepBar(), messagesBar(), afterPane(),
                evidencePane(), knownPane(), translationsPane(), historyPane());
        Node none = Placeholder.of(messages.get("rebuttal.none"));
        Runnable shown = () -> content.getChildren().setAll(model.rebuttalProperty().get() == null ? none : editor);
        model.rebuttalProperty().addListener((obs, before, now) -> shown.run());
        shown.run();
        // nothing is written before the analyst said who they are
        editor.disableProperty().bind(model.whoProperty().isNull());
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label status = new Label();
        status.setId("rebuttalStatus");
        status.getStyleClass().add("claim-state");
        Label facts = new Label();
        facts.setId("rebuttalFacts");
        Runnable update = () -> {
            StoredRebuttal rebuttal = model.rebuttalProperty().get();
            if (rebuttal == null) {
                return;
            }
            status.setText(messages.get("rebuttal.status." + rebuttal.status().name()));
            String line = messages.format("rebuttal.header", rebuttal.language(), messages.time(rebuttal.updatedAt()),
                    rebuttal.revision(), rebuttal.author() == null ? "?" : rebuttal.author());
            if (rebuttal.reviewer() != null) {
                line += " \u00b7 " + messages.format("rebuttal.header.reviewer", rebuttal.reviewer());
            }
            if (rebuttal.deadline() != null) {
                line += " \u00b7 " + messages.format("rebuttal.deadline", messages.time(rebuttal.deadline()));
            }
            facts.setText(line);
        };
        model.rebuttalProperty().addListener((obs, before, now) -> update.run());
        ComboBox<Integer> due = new ComboBox<>(FXCollections.observableArrayList(2, 6, 24, 72, 0));
        due.setId("rebuttalDeadline");
        due.setPromptText(messages.get("rebuttal.deadline.set"));
        due.setConverter(RebuttalQueueView.converter(hours -> hours == 0 ? messages.get("rebuttals.deadline.none")
                : messages.format("rebuttal.deadline.in", hours)));
        due.setOnAction(event -> {
            Integer hours = due.getValue();
            if (hours != null) {
                model.setDeadline(hours == 0 ? null : java.time.Instant.now().plus(java.time.Duration.ofHours(hours)));
                due.setValue(null);
            }
        });
        HBox bar = new HBox(8, status, facts, due);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** After a crash: typing that was kept but never saved, to put back or ignore. */
    private Node restoreBar() {
        Label what = new Label();
        Button use = new Button(messages.get("rebuttal.restore.use"));
        use.setId("rebuttalRestore");
        use.setOnAction(event -> model.restoreDraft());
        Button ignore = new Button(messages.get("rebuttal.restore.ignore"));
        ignore.setOnAction(event -> model.ignoreDraft());
        HBox bar = new HBox(8, what, use, ignore);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("restore-bar");
        model.restorableProperty().addListener((obs, before, draft) -> {
            if (draft != null) {
                what.setText(messages.format("rebuttal.restore", messages.time(draft.savedAt()),
                        draft.savedBy() == null ? "?" : draft.savedBy()));
            }
        });
        bar.managedProperty().bind(model.restorableProperty().isNotNull());
        bar.visibleProperty().bind(bar.managedProperty());
        return bar;
    }

    /** Start from a template of a common shape (fabricated quote, old story recirculated…). */
    private Node templateBar() {
        ComboBox<RebuttalTemplate> template = new ComboBox<>(model.templates());
        template.setId("rebuttalTemplate");
        template.setPromptText(messages.get("rebuttal.template.prompt"));
        template.setConverter(RebuttalQueueView.converter(RebuttalTemplate::name));
        Button use = new Button(messages.get("rebuttal.template.use"));
        use.setId("rebuttalTemplateUse");
        use.disableProperty().bind(template.valueProperty().isNull());
        use.setOnAction(event -> model.useTemplate(template.getValue()));
        HBox bar = new HBox(8, new Label(messages.get("rebuttal.template")), template, use);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Once published: whether the claim slowed down, who kept spreading it, who links to or quotes the answer. */
    private Node afterPane() {
        VBox lines = new VBox(3);
        lines.setId("rebuttalAfter");
        TitledPane pane = titled("rebuttal.after", lines, true);
        Runnable show = () -> {
            AfterPublication after = model.afterProperty().get();
            pane.setVisible(after != null);
            pane.setManaged(after != null);
            if (after == null) {
                lines.getChildren().clear();
                return;
            }
            List<String> spreading = after.spread().stillSpreading().stream().map(source -> source.name()).toList();
            lines.getChildren().setAll(
                    new Label(messages.format("rebuttal.after.published", messages.time(after.publishedAt()),
                            after.publishedUrl() == null ? "" : after.publishedUrl().toString())),
                    new Label(messages.format("rebuttal.after.items", after.spread().itemsAfter(),
                            after.spread().itemsBefore())),
                    new Label(after.pace().inWords()),
                    new Label(spreading.isEmpty() ? messages.get("rebuttal.after.noneSpreading")
                            : messages.format("rebuttal.after.spreading", String.join(", ", spreading))));
            for (AfterPublication.Mention link : after.links()) {
                lines.getChildren().add(ScriptedLabel.of(fonts, messages.format("rebuttal.after.link", link.source(),
                        link.title() == null ? "" : link.title())));
            }
            for (AfterPublication.Mention quote : after.quotes()) {
                lines.getChildren().add(ScriptedLabel.of(fonts, messages.format("rebuttal.after.quote", quote.source(),
                        quote.evidence())));
            }
        };
        model.afterProperty().addListener((obs, before, now) -> show.run());
        show.run();
        return pane;
    }

    private Node textFields() {
        TextField claim = new TextField();
        claim.setId("rebuttalClaim");
        claim.textProperty().bindBidirectional(model.claimProperty());

        ComboBox<String> verdict = new ComboBox<>();
        verdict.setId("rebuttalVerdict");
        verdict.setPromptText(messages.get("rebuttal.verdict.prompt"));
        RatingScale scale = model.scale();
        verdict.setItems(FXCollections.observableArrayList(scale.verdicts().stream().map(RatingScale.Verdict::key).toList()));
        verdict.setConverter(RebuttalQueueView.converter(key -> model.scale().find(key).map(RatingScale.Verdict::alternateName).orElse(key)));
        verdict.valueProperty().bindBidirectional(model.verdictProperty());

        SelfWrappingTextArea shortAnswer = new SelfWrappingTextArea();
        shortAnswer.setId("rebuttalShortAnswer");
        shortAnswer.setPrefRowCount(3);
        shortAnswer.bindWritten(model.shortAnswerProperty());
        FlowPane lengths = new FlowPane(10, 2);
        lengths.setId("rebuttalLengths");
        Runnable measure = () -> lengths.getChildren().setAll(ShortAnswerLength.of(model.shortAnswerProperty().get()).stream()
                .map(fit -> {
                    Label label = new Label(fit.platform() + " " + fit.length() + "/" + fit.limit());
                    label.getStyleClass().add(fit.fits() ? "length-fits" : "length-over");
                    return (Node) label;
                }).toList());
        model.shortAnswerProperty().addListener((obs, before, now) -> measure.run());
        measure.run();

        SelfWrappingTextArea fullText = new SelfWrappingTextArea();
        fullText.setId("rebuttalFullText");
        fullText.setPrefRowCount(14);
        fullText.bindWritten(model.fullTextProperty());
        ScrollPane previewPane = new ScrollPane(preview.node());
        previewPane.setFitToWidth(true);
        SplitPane writing = new SplitPane(fullText, previewPane);
        writing.setPrefHeight(300);

        Runnable direct = () -> {
            StoredRebuttal rebuttal = model.rebuttalProperty().get();
            String language = rebuttal == null ? null : rebuttal.language();
            preview.show(model.fullTextProperty().get(), language);
            for (javafx.scene.control.TextInputControl input : List.of(claim, shortAnswer, fullText)) {
                orient(input, language);
            }
        };
        model.fullTextProperty().addListener((obs, before, now) -> direct.run());
        model.claimProperty().addListener((obs, before, now) -> direct.run());
        model.shortAnswerProperty().addListener((obs, before, now) -> direct.run());
        model.rebuttalProperty().addListener((obs, before, now) -> direct.run());

        VBox fields = new VBox(4, new Label(messages.get("rebuttal.claim")), claim,
                new HBox(8, new Label(messages.get("rebuttal.verdict")), verdict),
                new Label(messages.get("rebuttal.shortAnswer")), shortAnswer, lengths,
                new HBox(8, new Label(messages.get("rebuttal.fullText")), new Label("\u2192 " + messages.get("rebuttal.preview"))),
                writing);
        return fields;
    }

    /**
     * Right to left and in its script's font when the rebuttal's language (or, unknown, the text)
     * is; the text areas break right-to-left lines themselves (see SelfWrappingTextArea).
     */
    private void orient(javafx.scene.control.TextInputControl input, String language) {
        String text = input.getText() == null ? "" : input.getText();
        WritingSystem script = WritingSystem.of(language, text);
        input.setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        input.setStyle(fonts.styleFor(script));
    }

    /** Save, and the review steps this identity may take now; a reason beside them. */
    private Node stepBar() {
        Button save = new Button(messages.get("rebuttal.save"));
        save.setId("rebuttalSave");
        save.setDefaultButton(false);
        save.disableProperty().bind(model.dirtyProperty().not());
        save.setOnAction(event -> model.save());
        TextField reason = new TextField();
        reason.setId("rebuttalReason");
        reason.setPromptText(messages.get("rebuttal.reason.prompt"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        TextField address = new TextField();
        address.setId("rebuttalPublishedUrl");
        address.setPromptText(messages.get("rebuttal.publishedUrl.prompt"));
        address.setPrefColumnCount(22);
        HBox steps = new HBox(6);
        Runnable offer = () -> {
            steps.getChildren().setAll(model.steps().stream().map(step -> {
                Button button = new Button(messages.get("rebuttal.step." + step.name()));
                button.setId("rebuttalStep" + step.name());
                button.setOnAction(event -> {
                    // publishing takes the address it went out at; the other steps the reason
                    TextField said = step == RebuttalEditorViewModel.Step.PUBLISH ? address : reason;
                    model.take(step, said.getText().isBlank() ? null : said.getText().strip());
                    said.clear();
                });
                return (Node) button;
            }).toList());
            if (model.steps().contains(RebuttalEditorViewModel.Step.PUBLISH)) {
                steps.getChildren().add(address);
            }
        };
        model.steps().addListener((ListChangeListener<RebuttalEditorViewModel.Step>) change -> offer.run());
        offer.run();
        Label unsaved = new Label(messages.get("rebuttal.unsaved"));
        unsaved.visibleProperty().bind(model.dirtyProperty());
        HBox bar = new HBox(8, save, unsaved, steps, reason);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node messagesBar() {
        Label problem = new Label();
        problem.setId("rebuttalProblem");
        problem.getStyleClass().add("cluster-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Button reload = new Button(messages.get("rebuttal.reload"));
        reload.setId("rebuttalReload");
        reload.setOnAction(event -> Optional.ofNullable(model.rebuttalProperty().get()).ifPresent(r -> model.open(r.id())));
        HBox problemBar = new HBox(8, problem, reload);
        problemBar.setAlignment(Pos.CENTER_LEFT);
        problemBar.managedProperty().bind(model.problemProperty().isNotEmpty());
        problemBar.visibleProperty().bind(problemBar.managedProperty());
        Label notice = new Label();
        notice.setId("rebuttalNotice");
        notice.textProperty().bind(model.noticeProperty());
        return new VBox(2, problemBar, notice);
    }

    /** The evidence list; items dragged from the list and web addresses dropped on it are attached. */
    private Node evidencePane() {
        ListView<StoredEvidence> list = new ListView<>(model.evidence());
        list.setId("rebuttalEvidence");
        list.setPrefHeight(140);
        list.setPlaceholder(new Label(messages.get("rebuttal.evidence.drop")));
        list.setCellFactory(view -> new EvidenceCell());
        TextField url = new TextField();
        url.setId("evidenceUrl");
        url.setPromptText(messages.get("rebuttal.evidence.url"));
        HBox.setHgrow(url, Priority.ALWAYS);
        TextField note = new TextField();
        note.setId("evidenceNote");
        note.setPromptText(messages.get("rebuttal.evidence.note"));
        Button attach = new Button(messages.get("rebuttal.evidence.attach"));
        attach.setId("evidenceAttach");
        attach.setOnAction(event -> {
            model.attachPage(url.getText(), note.getText());
            url.clear();
            note.clear();
        });
        url.setOnAction(event -> attach.fire());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        Label fetching = new Label();
        fetching.textProperty().bind(Bindings.createStringBinding(() -> model.fetchingProperty().get().isEmpty() ? ""
                : messages.format("rebuttal.evidence.fetching", model.fetchingProperty().get()), model.fetchingProperty()));
        Button cancel = new Button(messages.get("rebuttal.evidence.cancel"));
        cancel.setId("evidenceCancel");
        cancel.setOnAction(event -> model.cancelFetch());
        HBox progress = new HBox(6, busy, fetching, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.managedProperty().bind(model.fetchingProperty().isNotEmpty());
        progress.visibleProperty().bind(progress.managedProperty());
        VBox box = new VBox(4, list, new HBox(6, url, note, attach), progress);
        box.setOnDragOver(event -> {
            Dragboard board = event.getDragboard();
            if (ItemDrag.itemOf(board).isPresent() || board.hasUrl() || board.hasString()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                event.acceptTransferModes(TransferMode.LINK);
            }
            event.consume();
        });
        box.setOnDragDropped(event -> {
            Dragboard board = event.getDragboard();
            Optional<Long> item = ItemDrag.itemOf(board);
            if (item.isPresent()) {
                model.attachItem(item.get(), note.getText());
            } else {
                String dropped = board.hasUrl() ? board.getUrl() : board.getString();
                model.attachPage(dropped == null ? "" : dropped.strip(), note.getText());
            }
            note.clear();
            event.setDropCompleted(true);
            event.consume();
        });
        return titled("rebuttal.evidence", box, true);
    }

    private Node knownPane() {
        VBox answers = new VBox(4);
        answers.setId("rebuttalKnown");
        Runnable show = () -> {
            if (model.knownAnswers().isEmpty()) {
                answers.getChildren().setAll(new Label(messages.get("rebuttal.known.none")));
                return;
            }
            answers.getChildren().setAll(model.knownAnswers().stream().map(this::knownRow).toList());
        };
        model.knownAnswers().addListener((ListChangeListener<KnownAnswer>) change -> show.run());
        show.run();
        TitledPane pane = titled("rebuttal.known", answers, false);
        // an earlier answer is worth seeing at once
        model.knownAnswers().addListener((ListChangeListener<KnownAnswer>) change -> pane.setExpanded(!model.knownAnswers().isEmpty()));
        return pane;
    }

    private Node knownRow(KnownAnswer answer) {
        String on = answer.answeredOn() == null ? messages.get("rebuttal.known.unknownDate")
                : LocalDate.ofInstant(answer.answeredOn(), ZoneOffset.UTC).toString();
        Label line = new Label(messages.format("rebuttal.known.line",
                answer.answeredBy() == null ? messages.get("rebuttal.known.someone") : answer.answeredBy(), on,
                answer.verdict() == null ? "" : answer.verdict()));
        line.getStyleClass().add("known-answer");
        Label claim = ScriptedLabel.of(fonts, answer.claim());
        Label url = new Label(answer.url());
        url.getStyleClass().add("claim-reasons");
        Button use = new Button(messages.get("rebuttal.known.use"));
        use.getStyleClass().add("small");
        use.setOnAction(event -> model.useKnownAnswer(answer));
        HBox top = new HBox(6, line, use);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(1, top, claim, url);
    }

    private Node translationsPane() {
        VBox others = new VBox(2);
        others.setId("rebuttalTranslations");
        Runnable show = () -> others.getChildren().setAll(model.translations().stream().map(other -> {
            Hyperlink link = new Hyperlink(other.language() + " \u00b7 "
                    + messages.get("rebuttal.status." + other.status().name()) + " \u00b7 " + other.text().claim());
            link.setOnAction(event -> model.open(other.id()));
            return (Node) link;
        }).toList());
        model.translations().addListener((ListChangeListener<StoredRebuttal>) change -> show.run());
        TextField language = new TextField();
        language.setId("rebuttalTranslateLanguage");
        language.setPromptText("ar");
        language.setPrefColumnCount(4);
        Button start = new Button(messages.get("rebuttal.translate"));
        start.setId("rebuttalTranslate");
        start.setOnAction(event -> model.translate(language.getText()));
        HBox bar = new HBox(6, start, language);
        bar.setAlignment(Pos.CENTER_LEFT);
        return titled("rebuttal.translations", new VBox(4, others, bar), false);
    }

    /** Versions and review steps; two versions chosen are compared side by side below. */
    private Node historyPane() {
        ListView<RebuttalVersion> versions = new ListView<>(model.versions());
        versions.setId("rebuttalVersions");
        versions.setPrefHeight(110);
        versions.setCellFactory(view -> textCell(version -> messages.format("rebuttal.version.line", version.revision(),
                messages.time(version.savedAt()), version.savedBy() == null ? "?" : version.savedBy())));
        ListView<RebuttalStatusChange> steps = new ListView<>(model.history());
        steps.setId("rebuttalHistory");
        steps.setPrefHeight(110);
        steps.setCellFactory(view -> textCell(change -> messages.format("rebuttal.history.line",
                messages.time(change.changedAt()),
                change.from() == null ? "" : messages.get("rebuttal.status." + change.from().name()),
                messages.get("rebuttal.status." + change.to().name()), change.changedBy() == null ? "?" : change.changedBy())
                + (change.note() == null || change.note().isBlank() ? "" : ": " + change.note())));

        ComboBox<Integer> older = new ComboBox<>();
        older.setId("diffOlder");
        ComboBox<Integer> newer = new ComboBox<>();
        newer.setId("diffNewer");
        model.versions().addListener((ListChangeListener<RebuttalVersion>) change -> {
            List<Integer> revisions = model.versions().stream().map(RebuttalVersion::revision).toList();
            older.getItems().setAll(revisions);
            newer.getItems().setAll(revisions);
            if (revisions.size() >= 2) {
                newer.setValue(revisions.get(0)); // newest first
                older.setValue(revisions.get(1));
            }
        });
        Button compare = new Button(messages.get("rebuttal.compare"));
        compare.setId("diffCompare");
        compare.setOnAction(event -> {
            if (older.getValue() != null && newer.getValue() != null) {
                model.compare(older.getValue(), newer.getValue());
            }
        });
        GridPane sideBySide = new GridPane(12, 2);
        sideBySide.setId("rebuttalDiff");
        model.diff().addListener((ListChangeListener<VersionDiff.Row>) change -> showDiff(sideBySide));
        HBox bar = new HBox(6, older, new Label("\u2194"), newer, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, new Label(messages.get("rebuttal.versions")), versions, steps, bar, sideBySide);
        return titled("rebuttal.history", box, false);
    }

    private void showDiff(GridPane grid) {
        grid.getChildren().clear();
        List<VersionDiff.Row> rows = model.diff();
        if (rows.isEmpty()) {
            return;
        }
        if (VersionDiff.same(rows)) {
            grid.add(new Label(messages.get("rebuttal.compare.same")), 0, 0, 3, 1);
            return;
        }
        int line = 0;
        String part = null;
        for (VersionDiff.Row row : rows) {
            if (!row.part().equals(part)) {
                part = row.part();
                Label heading = new Label(part);
                heading.getStyleClass().add("cluster-heading");
                grid.add(heading, 0, line++, 2, 1);
            }
            grid.add(sideOf(row.older(), "diff-removed", row.change()), 0, line);
            grid.add(sideOf(row.newer(), "diff-added", row.change()), 1, line);
            line++;
        }
    }

    /** One side of a row, the words the other side lacks marked; no soft wrapping (right-to-left safe). */
    private Node sideOf(List<VersionDiff.Span> spans, String changedStyle, VersionDiff.Change change) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("diff-side");
        if (change != VersionDiff.Change.SAME) {
            flow.getStyleClass().add(changedStyle + "-line");
        }
        StringBuilder all = new StringBuilder();
        for (VersionDiff.Span span : spans) {
            Text text = new Text(span.text());
            if (span.changed()) {
                text.getStyleClass().add(changedStyle);
            }
            all.append(span.text());
            flow.getChildren().add(text);
        }
        WritingSystem script = WritingSystem.of(null, all.toString());
        flow.setStyle(fonts.styleFor(script));
        flow.setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        if (RightToLeftWrapper.needsOwnWrapping(all.toString())) {
            flow.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            flow.setMaxWidth(Double.MAX_VALUE);
            flow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // one line: JavaFX must not wrap it
        }
        return flow;
    }

    private TitledPane titled(String key, Node content, boolean expanded) {
        TitledPane pane = new TitledPane(messages.get(key), content);
        pane.setExpanded(expanded);
        pane.setId(key.replace('.', '-'));
        return pane;
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** A piece of evidence: where from, the note, and whether a copy was kept (with its hash) or why not. */
    private final class EvidenceCell extends ListCell<StoredEvidence> {
        @Override
        protected void updateItem(StoredEvidence evidence, boolean empty) {
            super.updateItem(evidence, empty);
            if (empty || evidence == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String where = evidence.itemId() != null ? messages.format("rebuttal.evidence.item", evidence.itemId())
                    + (evidence.url() == null ? "" : " \u00b7 " + evidence.url()) : String.valueOf(evidence.url());
            Label title = ScriptedLabel.of(fonts, evidence.title() == null || evidence.title().isBlank() ? where : evidence.title());
            String kept = evidence.snapshot().taken()
                    ? messages.format("rebuttal.evidence.kept", messages.time(evidence.snapshot().takenAt()),
                    evidence.snapshot().sha256().substring(0, 12))
                    : messages.format("rebuttal.evidence.notKept", String.valueOf(evidence.snapshot().problem()));
            Label facts = new Label(where + " \u00b7 " + kept + (evidence.note().isBlank() ? "" : " \u00b7 " + evidence.note()));
            facts.getStyleClass().add(evidence.snapshot().taken() ? "claim-reasons" : "cluster-problem");
            setGraphic(new VBox(1, title, facts));
            setText(null);
        }
    }
}
