package org.claimdesk.ui.claims;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.ClusterState;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.ScriptStyles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The claim board: ranked clusters with their counts, state, sparkline and main reason; filters above. */
public final class ClaimBoardView {
    private final ClaimBoardViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final ListView<ClaimBoardViewModel.Row> list = new ListView<>();
    private final VBox root;

    /** What the board's keys reach beyond the board: the reader, and the cluster view's reason field. */
    public interface Keys {
        /** Opens an item in the reader. */
        void openItem(long itemId);

        /** Puts the caret in the shown cluster's reason to dismiss; Enter there dismisses. */
        void askDismissReason();
    }

    /**
     * @param opened runs when the analyst opens a cluster from the list
     * @param keys   where the board's keys lead (triage without the mouse: arrows move, Enter reads
     *               the cluster's best claim's item, W, R, N set the state, D asks why to dismiss)
     */
    public ClaimBoardView(ClaimBoardViewModel model, Messages messages, ScriptStyles fonts, Runnable opened, Keys keys) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        list.setId("claimBoard");
        list.setItems(model.rows());
        list.setPlaceholder(Placeholder.of(messages.get("claims.empty")));
        list.setCellFactory(view -> new RowCell());
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        list.getSelectionModel().selectedItemProperty().addListener((obs, before, row) -> {
            model.select(row);
            if (row != null && list.isFocused()) {
                opened.run();
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            ClaimBoardViewModel.Row row = list.getSelectionModel().getSelectedItem();
            if (row == null || event.isShortcutDown() || event.isAltDown() || event.isShiftDown()) {
                return;
            }
            // the cluster view shows the selected row from the moment it is selected: its state
            // changes act on that cluster even before its details have been read
            switch (event.getCode()) {
                case W -> model.cluster().setState(ClusterState.WATCHING, null);
                case R -> model.cluster().setState(ClusterState.NEEDS_REBUTTAL, null);
                case N -> model.cluster().setState(ClusterState.NEW, null);
                case D -> {
                    // the caret moves on the key's release: moved now, the typed "d" would land in the reason
                }
                case ENTER -> {
                    Long item = row.cluster().representativeItemId();
                    if (item == null) {
                        return;
                    }
                    keys.openItem(item);
                }
                default -> {
                    return;
                }
            }
            event.consume();
        });
        list.addEventHandler(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() == KeyCode.D && !event.isShortcutDown() && !event.isAltDown() && !event.isShiftDown()
                    && list.getSelectionModel().getSelectedItem() != null) {
                event.consume();
                keys.askDismissReason();
            }
        });
        model.selectedProperty().addListener((obs, before, row) -> {
            if (row != null && list.getSelectionModel().getSelectedItem() != row) {
                list.getSelectionModel().select(row);
            }
        });

        ComboBox<ClusterState> state = new ComboBox<>();
        state.setId("claimStateFilter");
        List<ClusterState> states = new ArrayList<>();
        states.add(null);
        states.addAll(Arrays.asList(ClusterState.values()));
        state.setItems(FXCollections.observableArrayList(states));
        state.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClusterState value) {
                return value == null ? messages.get("claims.state.all") : ClaimBoardViewModel.stateName(messages, value);
            }

            @Override
            public ClusterState fromString(String text) {
                return null;
            }
        });
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        TextField language = new TextField();
        language.setId("claimLanguageFilter");
        language.setPromptText(messages.get("claims.language.prompt"));
        language.setPrefColumnCount(5);
        language.textProperty().bindBidirectional(model.languageFilterProperty());
        TextField tag = new TextField();
        tag.setId("claimTagFilter");
        tag.setPromptText(messages.get("claims.tag.prompt"));
        tag.setPrefColumnCount(8);
        tag.textProperty().bindBidirectional(model.tagFilterProperty());
        TextField words = new TextField();
        words.setId("claimWordsFilter");
        words.setPromptText(messages.get("claims.words.prompt"));
        words.setPrefColumnCount(12);
        words.textProperty().bindBidirectional(model.wordsFilterProperty());
        HBox filters = new HBox(8, words, new Label(messages.get("claims.filter.state")), state,
                new Label(messages.get("claims.filter.language")), language, new Label(messages.get("claims.filter.tag")), tag);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(6));
        VBox.setVgrow(list, Priority.ALWAYS);
        TitledPane watch = new TitledPane(messages.get("watchlist.title"), new WatchlistView(model.watchlist(), messages).node());
        watch.setId("watchlistPane");
        watch.setExpanded(false);
        Label keyHints = new Label(messages.get("claims.keys"));
        keyHints.setId("claimBoardKeys");
        keyHints.getStyleClass().add("claim-keys");
        keyHints.setWrapText(true);
        keyHints.setPadding(new Insets(0, 6, 4, 6));
        root = new VBox(filters, keyHints, list, watch);
    }

    public Node node() {
        return root;
    }

    /** Merges the clusters selected on the board (Ctrl+click to pick several) into the biggest. */
    public void mergeSelected() {
        model.mergeSelected(java.util.List.copyOf(list.getSelectionModel().getSelectedItems()));
    }

    public void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    /** A cluster: its claim in its own script, then counts, state and sparkline, then its main reason. */
    private final class RowCell extends ListCell<ClaimBoardViewModel.Row> {
        @Override
        protected void updateItem(ClaimBoardViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            Label claim = new Label();
            RightToLeftWrapper.wrapInto(claim, model.labelOf(row));
            claim.getStyleClass().add("claim-label");
            WritingSystem script = WritingSystem.of(null, model.labelOf(row));
            claim.setStyle(fonts.styleFor(script));
            claim.setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
            claim.setMaxWidth(Double.MAX_VALUE);
            claim.prefWidthProperty().bind(list.widthProperty().subtract(40));

            Label counts = new Label(model.countsOf(row));
            Label state = new Label(model.stateOf(row));
            state.getStyleClass().addAll("claim-state", "claim-state-" + row.cluster().state().name().toLowerCase(java.util.Locale.ROOT));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox line = new HBox(8, state, counts, gap, Sparkline.of(row.sparkline(), 18, 2));
            line.setAlignment(Pos.CENTER_LEFT);

            Label reason = new Label(model.reasonOf(row));
            reason.getStyleClass().add(model.isFlagged(row) ? "claim-reason-flagged" : "claim-reason");
            VBox cell = new VBox(2, claim, line, reason);
            setGraphic(cell);
            // the same story found twice: select both (Ctrl+click) and merge them
            MenuItem merge = new MenuItem(messages.get("claims.mergeSelected"));
            merge.setId("mergeSelected");
            merge.setOnAction(event -> mergeSelected());
            ContextMenu menu = new ContextMenu(merge);
            menu.setOnShowing(event -> merge.setDisable(list.getSelectionModel().getSelectedItems().size() < 2));
            setContextMenu(menu);
        }
    }
}
