package org.claimdesk.ui.search;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;
import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchOrder;
import org.claimdesk.index.Snippet;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.ui.search.SearchViewModel.FacetChip;
import org.claimdesk.ui.search.SearchViewModel.Since;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The search panel in two parts: the bar (query box, time range, sort, "Save search…") and the
 * results (facet chips over the hits), which the window shows above the item stream while a
 * search is on.
 */
public final class SearchView {
    private final SearchViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final TextField field = new TextField();
    private final Node bar;
    private final Node results;

    /**
     * @param saveAs runs with the name the analyst gave in the "Save search" dialog
     * @param opened runs with the item id of a hit the analyst picked
     */
    public SearchView(SearchViewModel model, Messages messages, ScriptStyles fonts, Consumer<String> saveAs,
                      LongConsumer opened) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        this.bar = bar(saveAs);
        this.results = results(opened);
    }

    public Node bar() {
        return bar;
    }

    public Node results() {
        return results;
    }

    /** Moves keyboard focus to the query box with its text selected (Ctrl+F). */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    // ---- the bar --------------------------------------------------------------------------------

    private Node bar(Consumer<String> saveAs) {
        field.setId("searchField");
        field.setPromptText(messages.get("search.prompt"));
        field.setTooltip(new Tooltip(messages.get("search.tooltip")));
        field.textProperty().bindBidirectional(model.queryProperty());
        field.disableProperty().bind(model.enabledProperty().not());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.clear();
                e.consume();
            }
        });
        // An Arabic query is typed and read right to left.
        field.nodeOrientationProperty().bind(Bindings.when(model.queryRightToLeftProperty())
                .then(NodeOrientation.RIGHT_TO_LEFT).otherwise(NodeOrientation.LEFT_TO_RIGHT));
        HBox.setHgrow(field, Priority.ALWAYS);

        ToggleGroup sortGroup = new ToggleGroup();
        ToggleButton relevance = sortButton("search.sort.relevance", "sortRelevance", SearchOrder.RELEVANCE, sortGroup);
        ToggleButton newest = sortButton("search.sort.newest", "sortNewest", SearchOrder.NEWEST, sortGroup);
        relevance.getStyleClass().add(Styles.LEFT_PILL);
        newest.getStyleClass().add(Styles.RIGHT_PILL);
        sortGroup.selectToggle(model.orderProperty().get() == SearchOrder.NEWEST ? newest : relevance);
        sortGroup.selectedToggleProperty().addListener((obs, before, now) -> {
            if (now == null) {
                sortGroup.selectToggle(before); // one order is always in force
            } else {
                model.orderProperty().set((SearchOrder) now.getUserData());
            }
        });
        model.orderProperty().addListener((obs, before, now) ->
                sortGroup.selectToggle(now == SearchOrder.NEWEST ? newest : relevance));
        relevance.setMinWidth(Region.USE_PREF_SIZE);
        newest.setMinWidth(Region.USE_PREF_SIZE);
        HBox sort = new HBox(relevance, newest);
        sort.visibleProperty().bind(model.activeProperty());
        sort.managedProperty().bind(sort.visibleProperty());

        Label count = new Label();
        count.setId("searchHitCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.hitCountProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);

        Button save = new Button(messages.get("search.save"), new FontIcon(Feather.BOOKMARK));
        save.setId("saveSearch");
        save.setTooltip(new Tooltip(messages.get("search.save.tooltip")));
        save.getStyleClass().add(Styles.SMALL);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setOnAction(e -> askName().ifPresent(saveAs));
        save.visibleProperty().bind(model.activeProperty());
        save.managedProperty().bind(save.visibleProperty());

        ComboBox<Since> since = new ComboBox<>();
        since.setId("searchSince");
        since.getItems().setAll(Since.values());
        since.setConverter(new StringConverter<>() {
            @Override
            public String toString(Since value) {
                return model.sinceText(value);
            }

            @Override
            public Since fromString(String text) {
                return null; // not editable
            }
        });
        since.setTooltip(new Tooltip(messages.get("search.since.tooltip")));
        since.getStyleClass().add(Styles.SMALL);
        since.setMinWidth(Region.USE_PREF_SIZE);
        since.valueProperty().bindBidirectional(model.sinceProperty());
        since.disableProperty().bind(model.enabledProperty().not());

        // A custom range: two day pickers, shown only while "Dates…" is chosen.
        DatePicker from = datePicker("searchFrom", "search.from.prompt", "search.from.tooltip", model.customFromProperty());
        DatePicker to = datePicker("searchTo", "search.to.prompt", "search.to.tooltip", model.customToProperty());
        HBox customRange = new HBox(4, from, new Label("\u2013"), to);
        customRange.setAlignment(Pos.CENTER_LEFT);
        customRange.visibleProperty().bind(model.sinceProperty().isEqualTo(Since.CUSTOM));
        customRange.managedProperty().bind(customRange.visibleProperty());
        // The query gets the whole first line; what refines a running search goes on a second one.
        HBox queryLine = new HBox(6, new FontIcon(Feather.SEARCH), field, since);
        queryLine.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox refineLine = new HBox(6, customRange, sort, count, gap, save);
        refineLine.setAlignment(Pos.CENTER_LEFT);
        refineLine.visibleProperty().bind(model.activeProperty());
        refineLine.managedProperty().bind(refineLine.visibleProperty());
        VBox box = new VBox(4, queryLine, refineLine);
        box.setPadding(new Insets(0, 8, 6, 8));
        return box;
    }

    private java.util.Optional<String> askName() {
        TextInputDialog dialog = new TextInputDialog(model.queryProperty().get().strip());
        dialog.setTitle(messages.get("saved.dialog.title"));
        dialog.setHeaderText(messages.get("saved.dialog.header"));
        dialog.setContentText(messages.get("saved.dialog.name"));
        dialog.getEditor().setId("savedSearchName");
        dialog.initOwner(field.getScene() == null ? null : field.getScene().getWindow());
        return dialog.showAndWait();
    }

    private ToggleButton sortButton(String key, String id, SearchOrder order, ToggleGroup group) {
        ToggleButton button = new ToggleButton(messages.get(key));
        button.setId(id);
        button.setUserData(order);
        button.setToggleGroup(group);
        button.getStyleClass().add(Styles.SMALL);
        return button;
    }

    private DatePicker datePicker(String id, String promptKey, String tooltipKey, ObjectProperty<LocalDate> day) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(messages.get(promptKey));
        picker.setTooltip(new Tooltip(messages.get(tooltipKey)));
        picker.setPrefWidth(130);
        picker.setMinWidth(110);
        picker.getStyleClass().add(Styles.SMALL);
        picker.valueProperty().bindBidirectional(day);
        picker.disableProperty().bind(model.enabledProperty().not());
        return picker;
    }

    // ---- the results ----------------------------------------------------------------------------

    private Node results(LongConsumer opened) {
        Label error = new Label();
        error.setId("searchError");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        error.setMnemonicParsing(false);
        // One line, no wrapping: the message quotes the query, which may be Arabic (see RightToLeftWrapper).
        error.setWrapText(false);
        error.setMinWidth(0);
        error.textProperty().bind(model.errorProperty());
        error.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> model.errorProperty().get().isEmpty() ? null : new Tooltip(model.errorProperty().get()),
                model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox facets = new VBox(4,
                facetRow("search.facet.language", model.languageFacets()),
                facetRow("search.facet.source", model.sourceFacets()),
                facetRow("search.facet.tag", model.tagFacets()),
                facetRow("search.facet.entity", model.entityFacets()));
        facets.setId("searchFacets");

        ListView<SearchHit> list = new ListView<>(model.hits());
        list.setId("searchResults");
        Label none = Placeholder.of(messages.get("search.noHits"));
        none.visibleProperty().bind(model.searchingProperty().not().and(model.errorProperty().isEmpty()));
        list.setPlaceholder(none);
        list.setCellFactory(view -> {
            HitCell cell = new HitCell();
            cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            cell.getStyleClass().add("search-hit");
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, before, hit) -> {
            if (hit != null) {
                opened.accept(hit.itemId());
            }
        });
        // A new search starts without a selection, so picking the first hit again opens it again.
        model.hits().addListener((ListChangeListener<SearchHit>) c -> list.getSelectionModel().clearSelection());
        VBox.setVgrow(list, Priority.ALWAYS);

        Button more = new Button(messages.get("search.more"));
        more.setId("searchMore");
        more.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        more.setOnAction(e -> model.showMore());
        more.visibleProperty().bind(model.moreAvailableProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setMaxWidth(Double.MAX_VALUE);

        VBox pane = new VBox(6, error, facets, list, more);
        pane.setId("searchPane");
        pane.setPadding(new Insets(0, 8, 0, 8));
        pane.visibleProperty().bind(model.activeProperty());
        return pane;
    }

    /** "Language: [Arabic 3] [English 12]": each chip adds or removes that filter. */
    private Node facetRow(String key, ObservableList<FacetChip> chips) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane row = new FlowPane(4, 4);
        row.getChildren().add(heading);
        Runnable rebuild = () -> {
            row.getChildren().setAll(heading);
            for (FacetChip chip : chips) {
                ToggleButton button = new ToggleButton(model.chipText(chip));
                button.setMnemonicParsing(false);
                button.setSelected(chip.selected());
                button.setUserData(chip);
                button.getStyleClass().addAll(Styles.SMALL, Styles.ROUNDED, "facet-chip",
                        "facet-" + chip.kind().name().toLowerCase(Locale.ROOT));
                button.setStyle(fonts.styleForText(chip.label()));
                button.setOnAction(e -> model.toggle(chip));
                row.getChildren().add(button);
            }
        };
        chips.addListener((ListChangeListener<FacetChip>) c -> rebuild.run());
        row.visibleProperty().bind(Bindings.isNotEmpty(chips));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /**
     * A hit: its title and first snippet, each one line in the item's own direction and font,
     * the matched words marked; then source, time and language.
     */
    private final class HitCell extends ListCell<SearchHit> {
        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            WritingSystem script = model.scriptOf(hit);
            String fontStyle = fonts.styleFor(script);
            SingleLine titleLine = new SingleLine(marked(model.titleOf(hit), fontStyle, true), script.rightToLeft());
            titleLine.getStyleClass().add("search-hit-title");
            VBox box = new VBox(2, titleLine);
            if (!hit.snippets().isEmpty()) {
                SingleLine snippet = new SingleLine(marked(hit.snippets().getFirst(), fontStyle, false), script.rightToLeft());
                snippet.getStyleClass().add("search-hit-snippet");
                box.getChildren().add(snippet);
            }
            Label meta = new Label(model.metaOf(hit));
            meta.setMnemonicParsing(false);
            meta.setMinWidth(0);
            meta.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.getChildren().add(meta);
            box.setMinWidth(0);
            setGraphic(box);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }
    }

    /** Text runs for a snippet: the marks as their own runs with the "search-mark" style class. */
    private static TextFlow marked(Snippet snippet, String fontStyle, boolean bold) {
        // One line: JavaFX must never wrap right-to-left text, and a list row reads best as one line.
        String text = snippet.text().replace('\n', ' ').replace('\r', ' ');
        TextFlow flow = new TextFlow();
        String base = fontStyle + (bold ? "-fx-font-weight: bold;" : "");
        int at = 0;
        for (Snippet.Mark mark : snippet.marks()) {
            if (mark.start() < at || mark.end() > text.length()) {
                continue; // overlapping or out of range: keep the text, skip the mark
            }
            if (mark.start() > at) {
                flow.getChildren().add(run(text.substring(at, mark.start()), base, false));
            }
            flow.getChildren().add(run(text.substring(mark.start(), mark.end()), base, true));
            at = mark.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(run(text.substring(at), base, false));
        }
        return flow;
    }

    private static Text run(String text, String style, boolean mark) {
        Text run = new Text(text);
        run.getStyleClass().add(mark ? "search-mark" : "search-text");
        run.setStyle(mark ? style + "-fx-font-weight: bold;" : style);
        return run;
    }

    /**
     * A TextFlow kept on one line and clipped at the pane's edge. It is always given its full
     * natural width (plus slack against rounding), so it never soft-wraps: JavaFX 25 throws when
     * it wraps right-to-left text (see RightToLeftWrapper).
     */
    private static final class SingleLine extends Region {
        private static final double SLACK = 24;
        private final TextFlow flow;

        SingleLine(TextFlow flow, boolean rightToLeft) {
            this.flow = flow;
            getChildren().add(flow);
            setNodeOrientation(rightToLeft ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(widthProperty());
            clip.heightProperty().bind(heightProperty());
            setClip(clip);
            setMinWidth(0);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0; // as wide as the list gives; the rest is clipped
        }

        @Override
        protected double computePrefHeight(double width) {
            return flow.prefHeight(-1);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            flow.resizeRelocate(0, 0, flow.prefWidth(-1) + SLACK, flow.prefHeight(-1));
        }
    }
}
