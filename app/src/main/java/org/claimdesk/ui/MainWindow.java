package org.claimdesk.ui;

import org.claimdesk.script.ReaderFonts;
import org.claimdesk.script.WritingSystem;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchOrder;
import org.claimdesk.index.Snippet;
import org.claimdesk.ingest.OfflineImporter;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.claimdesk.workspace.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The workbench window: sources on the left, the live item list in the middle, the reader and
 * the errors on the right, actions in the menu and toolbar. It only builds controls and binds
 * them to a {@link WorkbenchViewModel}; every decision and every workspace call is the model's.
 * Tests build it directly on a Stage.
 */
public final class MainWindow {
    private final WorkbenchViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final Runnable quit;

    private final BorderPane root = new BorderPane();
    private final TableView<ItemSummary> itemTable = new TableView<>();
    private final TextField searchField = new TextField();
    private final TabPane rightTabs = new TabPane();
    private final Tab readerTab = new Tab();
    private final Tab errorsTab = new Tab();

    /**
     * @param fonts which installed font to name for each script
     * @param quit  what "Quit" does (the app closes the workspace and exits)
     */
    public MainWindow(WorkbenchViewModel model, Messages messages, ReaderFonts fonts, Runnable quit) {
        this.model = model;
        this.messages = messages;
        this.fonts = new ScriptStyles(fonts);
        this.quit = quit;
        build();
    }

    /** The calm light theme; JavaFX keeps the user-agent stylesheet per application, so call it once at start. */
    public static void installTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    public Parent root() {
        return root;
    }

    /** Puts the window on this stage, with its title and shortcuts, and shows it. */
    public Scene show(Stage stage) {
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), model::pollNow);
        stage.titleProperty().bind(model.windowTitleProperty());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
        return scene;
    }

    /** Moves keyboard focus to the item list (Ctrl+L). */
    public void focusItems() {
        itemTable.requestFocus();
        if (itemTable.getSelectionModel().isEmpty() && !itemTable.getItems().isEmpty()) {
            itemTable.getSelectionModel().selectFirst();
        }
    }

    /** Moves keyboard focus to the search box with its text selected (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    public void showErrors() {
        rightTabs.getSelectionModel().select(errorsTab);
    }

    private void build() {
        root.setTop(new VBox(menuBar(), toolBar(), configBanner()));
        SplitPane left = new SplitPane(sourcesPane(), savedSearchesPane());
        left.setOrientation(javafx.geometry.Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        SplitPane panes = new SplitPane(left, itemsPane(), rightPane());
        panes.setDividerPositions(0.2, 0.58);
        SplitPane.setResizableWithParent(panes.getItems().getFirst(), false);
        root.setCenter(panes);
        root.setBottom(statusBar());
    }

    // ---- menus and toolbar ------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu recentMenu = new Menu(messages.get("menu.recentWorkspaces"));
        recentMenu.setOnShowing(e -> model.reloadRecent());
        rebuildRecent(recentMenu);
        model.recent().addListener((ListChangeListener<Workspace>) c -> rebuildRecent(recentMenu));

        Menu file = new Menu(messages.get("menu.file"), null,
                item("menu.newWorkspace", Feather.FOLDER_PLUS, "Shortcut+Shift+N", this::chooseNewWorkspace),
                item("menu.openWorkspace", Feather.FOLDER, "Shortcut+O", this::chooseWorkspace),
                recentMenu,
                new SeparatorMenuItem(),
                whenOpen(item("menu.importFile", Feather.DOWNLOAD, "Shortcut+I", this::chooseImportFile)),
                whenOpen(item("menu.importFolder", null, "Shortcut+Shift+I", this::chooseImportFolder)),
                whenOpen(item("menu.exportOpml", Feather.UPLOAD, "Shortcut+E", this::chooseExportTarget)),
                new SeparatorMenuItem(),
                item("menu.quit", null, "Shortcut+Q", quit));
        MenuItem cancel = item("menu.cancelTask", Feather.X, null, model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not());
        Menu sources = new Menu(messages.get("menu.sources"), null,
                whenOpen(item("menu.pollNow", Feather.REFRESH_CW, "F5", model::pollNow)),
                whenOpen(withId("rebuildIndex", item("menu.rebuildIndex", Feather.DATABASE, null, model::rebuildIndex))),
                cancel);
        Menu view = new Menu(messages.get("menu.view"), null,
                item("menu.focusItems", Feather.LIST, "Shortcut+L", this::focusItems),
                item("menu.search", Feather.SEARCH, "Shortcut+F", this::focusSearch),
                item("menu.showErrors", Feather.ALERT_TRIANGLE, "Shortcut+Shift+E", this::showErrors));
        return new MenuBar(file, sources, view);
    }

    private void rebuildRecent(Menu menu) {
        menu.getItems().clear();
        if (model.recent().isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.recentEmpty"));
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        for (Workspace workspace : model.recent()) {
            // The folder name as label; mnemonic parsing off so underscores in names stay.
            MenuItem open = new MenuItem(workspace.name() + "  \u2014  " + workspace.root());
            open.setMnemonicParsing(false);
            open.setOnAction(e -> model.openWorkspace(workspace.root()));
            menu.getItems().add(open);
        }
    }

    private MenuItem item(String key, Ikon icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key), icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem withId(String id, MenuItem item) {
        item.setId(id);
        return item;
    }

    /** Actions on the open workspace are off while none is open or another task runs. */
    private MenuItem whenOpen(MenuItem item) {
        item.disableProperty().bind(model.sessionOpenProperty().not().or(model.busyProperty()));
        return item;
    }

    private ToolBar toolBar() {
        Button poll = new Button(messages.get("toolbar.pollNow"), new FontIcon(Feather.REFRESH_CW));
        poll.setId("pollNow");
        poll.setTooltip(new Tooltip(messages.get("toolbar.pollNow.tooltip")));
        poll.disableProperty().bind(model.sessionOpenProperty().not().or(model.busyProperty()));
        poll.setOnAction(e -> model.pollNow());

        MenuButton importButton = new MenuButton(messages.get("toolbar.import"), new FontIcon(Feather.DOWNLOAD));
        importButton.setId("import");
        importButton.setTooltip(new Tooltip(messages.get("toolbar.import.tooltip")));
        importButton.getItems().addAll(
                item("menu.importFile", null, null, this::chooseImportFile),
                item("menu.importFolder", null, null, this::chooseImportFolder));
        importButton.disableProperty().bind(poll.disableProperty());

        return new ToolBar(poll, importButton);
    }

    private Node configBanner() {
        Message banner = new Message("", "", new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setId("configBanner");
        banner.getStyleClass().addAll(Styles.WARNING, "config-banner");
        List<String> problems = model.errors().configProblems();
        banner.titleProperty().bind(Bindings.createStringBinding(
                () -> messages.format("errors.configBanner", problems.size()), model.errors().configProblems()));
        banner.descriptionProperty().bind(Bindings.createStringBinding(
                // The banner wraps its text; right-to-left text there would trip JavaFX (see RightToLeftWrapper).
                () -> problems.isEmpty() || RightToLeftWrapper.needsOwnWrapping(problems.getFirst()) ? "" : problems.getFirst(),
                model.errors().configProblems()));
        banner.setActionHandler(this::showErrors);
        banner.visibleProperty().bind(model.errors().configBrokenProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        VBox.setMargin(banner, new Insets(6, 8, 6, 8));
        return banner;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(model.statusLineProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        ProgressBar progress = new ProgressBar();
        progress.setId("taskProgress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());

        Button cancel = new Button(messages.get("toolbar.cancel"), new FontIcon(Feather.X));
        cancel.setId("cancelTask");
        cancel.setTooltip(new Tooltip(messages.get("toolbar.cancel.tooltip")));
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setOnAction(e -> model.cancel());

        for (Node whileBusy : new Node[] {progress, cancel}) {
            whileBusy.visibleProperty().bind(model.busyProperty());
            whileBusy.managedProperty().bind(model.busyProperty());
        }
        HBox bar = new HBox(8, status, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return new VBox(new Separator(), bar);
    }

    // ---- sources ------------------------------------------------------------------------------

    private Node sourcesPane() {
        ListView<SourceHealth> list = new ListView<>(model.sources().sources());
        list.setId("sourceList");
        list.setPlaceholder(wrappingLabel(messages.get("sources.empty")));
        list.setCellFactory(view -> {
            SourceCell cell = new SourceCell();
            // Cells as wide as the list, never wider: long names end in "…" instead of a scroll bar.
            cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            cell.getStyleClass().add("source-cell");
            return cell;
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        return titled("sources.title", list);
    }

    private final class SourceCell extends ListCell<SourceHealth> {
        @Override
        protected void updateItem(SourceHealth health, boolean empty) {
            super.updateItem(health, empty);
            if (empty || health == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            SourceStatus state = SourceStatus.of(health);
            FontIcon icon = new FontIcon(switch (state) {
                case OK -> Feather.CHECK_CIRCLE;
                case FAILING -> Feather.ALERT_TRIANGLE;
                case NEVER -> Feather.CIRCLE;
                case INACTIVE -> Feather.PAUSE_CIRCLE;
            });
            icon.getStyleClass().add("source-status-" + state.name().toLowerCase(Locale.ROOT));
            icon.setAccessibleText(messages.get("sources.status." + state.name()));

            Label name = new Label(health.name());
            name.getStyleClass().add("source-name");
            name.setMnemonicParsing(false);
            WritingSystem script = WritingSystem.of(null, health.name());
            name.setStyle(fonts.styleFor(script));
            Label detail = new Label(health.sourceId().startsWith(OfflineImporter.SOURCE_ID_PREFIX)
                    ? messages.format("sources.detail.imported", health.itemCount())
                    : health.lastSuccess() != null
                    ? messages.format("sources.detail.ok", messages.time(health.lastSuccess()), health.itemCount())
                    : messages.format("sources.detail.never", health.itemCount()));
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            VBox text = new VBox(2, name, detail);
            text.setMinWidth(0);
            HBox row = new HBox(8, icon, text);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);

            String stateText = messages.get("sources.status." + state.name());
            setTooltip(new Tooltip(state == SourceStatus.FAILING
                    ? messages.format("sources.tooltip.failing", health.url(), messages.time(health.lastErrorAt()),
                            health.lastError())
                    : messages.format("sources.tooltip.ok", health.url(), stateText)));
        }
    }

    // ---- saved searches ---------------------------------------------------------------------

    private Node savedSearchesPane() {
        SavedSearchesViewModel saved = model.savedSearches();
        ListView<WatchCount> list = new ListView<>(saved.rows());
        list.setId("savedSearches");
        list.setPlaceholder(wrappingLabel(messages.get("saved.empty")));
        list.setCellFactory(view -> {
            SavedSearchCell cell = new SavedSearchCell();
            cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            cell.getStyleClass().add("saved-search");
            MenuItem remove = new MenuItem(messages.get("saved.remove"), new FontIcon(Feather.TRASH_2));
            remove.setOnAction(e -> {
                if (cell.getItem() != null) {
                    model.removeSavedSearch(cell.getItem());
                }
            });
            cell.contextMenuProperty().bind(Bindings.when(cell.emptyProperty())
                    .then((javafx.scene.control.ContextMenu) null)
                    .otherwise(new javafx.scene.control.ContextMenu(remove)));
            // A click opens it even when it is already selected (the analyst looks again).
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && !cell.isEmpty() && cell.getItem() != null) {
                    model.openSavedSearch(cell.getItem());
                }
            });
            return cell;
        });
        list.setOnKeyPressed(e -> {
            WatchCount row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                model.openSavedSearch(row);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("savedSearchProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setMnemonicParsing(false);
        problem.setWrapText(false); // may quote an Arabic query (see RightToLeftWrapper)
        problem.setMinWidth(0);
        problem.setPadding(new Insets(4, 8, 4, 8));
        problem.textProperty().bind(saved.problemProperty());
        problem.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> saved.problemProperty().get().isEmpty() ? null : new Tooltip(saved.problemProperty().get()),
                saved.problemProperty()));
        problem.visibleProperty().bind(saved.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return titled("saved.title", new VBox(problem, list));
    }

    private final class SavedSearchCell extends ListCell<WatchCount> {
        @Override
        protected void updateItem(WatchCount row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(row.search().name());
            name.getStyleClass().add("saved-search-name");
            name.setMnemonicParsing(false);
            name.setMinWidth(0);
            name.setStyle(fonts.styleFor(WritingSystem.of(null, row.search().name())));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label count = new Label(messages.format("saved.newMatches", row.newMatches()));
            count.getStyleClass().addAll("saved-search-count", Styles.TEXT_SMALL,
                    row.newMatches() > 0 ? Styles.ACCENT : Styles.TEXT_MUTED);
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, name, gap, count);
            line.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(line);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setTooltip(new Tooltip(row.search().query()));
        }
    }

    private void askNameAndSaveSearch() {
        TextInputDialog dialog = new TextInputDialog(model.search().queryProperty().get().strip());
        dialog.setTitle(messages.get("saved.dialog.title"));
        dialog.setHeaderText(messages.get("saved.dialog.header"));
        dialog.setContentText(messages.get("saved.dialog.name"));
        dialog.getEditor().setId("savedSearchName");
        dialog.initOwner(window());
        dialog.showAndWait().ifPresent(model::saveSearch);
    }

    // ---- items --------------------------------------------------------------------------------

    private Node itemsPane() {
        ItemListViewModel list = model.itemList();
        itemTable.setId("itemTable");
        itemTable.setItems(list.items());
        itemTable.setPlaceholder(wrappingLabel(messages.get("items.empty")));
        itemTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        itemTable.getStyleClass().add(Styles.STRIPED);

        TableColumn<ItemSummary, ItemSummary> title = column("items.column.title", item -> item);
        title.setCellFactory(column -> new TitleCell());
        title.setPrefWidth(360);
        TableColumn<ItemSummary, String> source = column("items.column.source", ItemSummary::sourceName);
        source.setPrefWidth(130);
        TableColumn<ItemSummary, String> language = column("items.column.language", ItemSummary::language);
        language.setPrefWidth(90);
        language.setMinWidth(70);
        TableColumn<ItemSummary, String> time = column("items.column.time", item -> messages.time(item.time()));
        time.setPrefWidth(140);
        itemTable.getColumns().setAll(List.of(title, source, language, time));

        // Selection flows both ways: the analyst picks a row; a reload puts the same item back.
        itemTable.getSelectionModel().selectedItemProperty().addListener((obs, before, item) -> list.select(item));
        list.selectedProperty().addListener((obs, before, item) -> {
            if (item != null && itemTable.getSelectionModel().getSelectedItem() != item) {
                itemTable.getSelectionModel().select(item);
            }
        });
        itemTable.getSelectionModel().selectedItemProperty().addListener((obs, before, item) -> {
            if (item != null && itemTable.isFocused()) {
                rightTabs.getSelectionModel().select(readerTab);
            }
        });
        // While a search is on, its results sit above the live stream, which keeps flowing below.
        Node results = searchResultsPane();
        SplitPane stream = new SplitPane(itemTable);
        stream.setId("streamAndResults");
        stream.setOrientation(javafx.geometry.Orientation.VERTICAL);
        double[] resultsShare = {0.7};
        Runnable layout = () -> {
            if (model.search().activeProperty().get()) {
                if (stream.getItems().size() == 1) {
                    stream.getItems().addFirst(results);
                    stream.setDividerPositions(resultsShare[0]);
                }
            } else if (stream.getItems().size() == 2) {
                resultsShare[0] = stream.getDividerPositions()[0];
                stream.getItems().remove(results);
            }
        };
        model.search().activeProperty().addListener((obs, before, now) -> layout.run());
        layout.run();
        VBox.setVgrow(stream, Priority.ALWAYS);
        VBox column = new VBox(searchBar(), stream);
        VBox.setVgrow(column, Priority.ALWAYS);
        return titled("items.title", column);
    }

    private <T> TableColumn<ItemSummary, T> column(String key, Function<ItemSummary, T> value) {
        TableColumn<ItemSummary, T> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // Always newest first: the list is a live feed, not a spreadsheet.
        column.setSortable(false);
        return column;
    }

    /** Titles in their own script's font and direction, so Arabic titles read right in the list too. */
    private final class TitleCell extends TableCell<ItemSummary, ItemSummary> {
        @Override
        protected void updateItem(ItemSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setStyle("");
                setNodeOrientation(NodeOrientation.INHERIT);
                return;
            }
            boolean untitled = item.title() == null || item.title().isBlank();
            setText(untitled ? messages.get("items.untitled") : item.title());
            WritingSystem script = WritingSystem.of(item.language(), item.title());
            setStyle(fonts.styleFor(script));
            setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.INHERIT);
        }
    }

    // ---- search ---------------------------------------------------------------------------------

    private Node searchBar() {
        SearchViewModel search = model.search();
        searchField.setId("searchField");
        searchField.setPromptText(messages.get("search.prompt"));
        searchField.setTooltip(new Tooltip(messages.get("search.tooltip")));
        searchField.textProperty().bindBidirectional(search.queryProperty());
        searchField.disableProperty().bind(search.enabledProperty().not());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            }
        });
        // An Arabic query is typed and read right to left.
        searchField.textProperty().addListener((obs, before, text) -> searchField.setNodeOrientation(
                WritingSystem.byFirstStrongCharacter(text).rightToLeft()
                        ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT));
        searchField.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        HBox.setHgrow(searchField, Priority.ALWAYS);

        ToggleGroup sortGroup = new ToggleGroup();
        ToggleButton relevance = sortButton("search.sort.relevance", "sortRelevance", SearchOrder.RELEVANCE, sortGroup);
        ToggleButton newest = sortButton("search.sort.newest", "sortNewest", SearchOrder.NEWEST, sortGroup);
        relevance.getStyleClass().add(Styles.LEFT_PILL);
        newest.getStyleClass().add(Styles.RIGHT_PILL);
        sortGroup.selectToggle(search.orderProperty().get() == SearchOrder.NEWEST ? newest : relevance);
        sortGroup.selectedToggleProperty().addListener((obs, before, now) -> {
            if (now == null) {
                sortGroup.selectToggle(before); // one order is always in force
            } else {
                search.orderProperty().set((SearchOrder) now.getUserData());
            }
        });
        search.orderProperty().addListener((obs, before, now) ->
                sortGroup.selectToggle(now == SearchOrder.NEWEST ? newest : relevance));
        relevance.setMinWidth(Region.USE_PREF_SIZE);
        newest.setMinWidth(Region.USE_PREF_SIZE);
        HBox sort = new HBox(relevance, newest);
        sort.visibleProperty().bind(search.activeProperty());
        sort.managedProperty().bind(sort.visibleProperty());

        Label count = new Label();
        count.setId("searchHitCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(search.hitCountProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);

        Button save = new Button(messages.get("search.save"), new FontIcon(Feather.BOOKMARK));
        save.setId("saveSearch");
        save.setTooltip(new Tooltip(messages.get("search.save.tooltip")));
        save.getStyleClass().add(Styles.SMALL);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setOnAction(e -> askNameAndSaveSearch());
        save.visibleProperty().bind(search.activeProperty());
        save.managedProperty().bind(save.visibleProperty());

        ComboBox<SearchViewModel.Since> since = new ComboBox<>();
        since.setId("searchSince");
        since.getItems().setAll(SearchViewModel.Since.values());
        since.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SearchViewModel.Since value) {
                return value == null ? "" : messages.get("search.since." + value.name());
            }

            @Override
            public SearchViewModel.Since fromString(String text) {
                return null; // not editable
            }
        });
        since.setTooltip(new Tooltip(messages.get("search.since.tooltip")));
        since.getStyleClass().add(Styles.SMALL);
        since.setMinWidth(Region.USE_PREF_SIZE);
        since.valueProperty().bindBidirectional(search.sinceProperty());
        since.disableProperty().bind(search.enabledProperty().not());

        // A custom range: two day pickers, shown only while "Custom dates…" is chosen.
        DatePicker from = datePicker("searchFrom", "search.from.prompt", "search.from.tooltip", search.customFromProperty());
        DatePicker to = datePicker("searchTo", "search.to.prompt", "search.to.tooltip", search.customToProperty());
        HBox customRange = new HBox(4, from, new Label("\u2013"), to);
        customRange.setAlignment(Pos.CENTER_LEFT);
        customRange.visibleProperty().bind(search.sinceProperty().isEqualTo(SearchViewModel.Since.CUSTOM));
        customRange.managedProperty().bind(customRange.visibleProperty());
        // The query gets the whole first line; what refines a running search goes on a second one.
        HBox queryLine = new HBox(6, new FontIcon(Feather.SEARCH), searchField, since);
        queryLine.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox refineLine = new HBox(6, customRange, sort, count, gap, save);
        refineLine.setAlignment(Pos.CENTER_LEFT);
        refineLine.visibleProperty().bind(search.activeProperty());
        refineLine.managedProperty().bind(refineLine.visibleProperty());
        VBox bar = new VBox(4, queryLine, refineLine);
        bar.setPadding(new Insets(0, 8, 6, 8));
        return bar;
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
        picker.disableProperty().bind(model.search().enabledProperty().not());
        return picker;
    }

    private Node searchResultsPane() {
        SearchViewModel search = model.search();

        Label error = new Label();
        error.setId("searchError");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        error.setMnemonicParsing(false);
        // One line, no wrapping: the message quotes the query, which may be Arabic (see RightToLeftWrapper).
        error.setWrapText(false);
        error.setMinWidth(0);
        error.textProperty().bind(search.errorProperty());
        error.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> search.errorProperty().get().isEmpty() ? null : new Tooltip(search.errorProperty().get()),
                search.errorProperty()));
        error.visibleProperty().bind(search.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox facets = new VBox(4,
                facetRow("search.facet.language", search.languageFacets()),
                facetRow("search.facet.source", search.sourceFacets()),
                facetRow("search.facet.tag", search.tagFacets()),
                facetRow("search.facet.entity", search.entityFacets()));
        facets.setId("searchFacets");

        ListView<SearchHit> results = new ListView<>(search.hits());
        results.setId("searchResults");
        Label none = wrappingLabel(messages.get("search.noHits"));
        none.visibleProperty().bind(search.searchingProperty().not().and(search.errorProperty().isEmpty()));
        results.setPlaceholder(none);
        results.setCellFactory(view -> {
            HitCell cell = new HitCell();
            cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            cell.getStyleClass().add("search-hit");
            return cell;
        });
        results.getSelectionModel().selectedItemProperty().addListener((obs, before, hit) -> {
            if (hit != null) {
                itemTable.getSelectionModel().clearSelection();
                model.openItem(hit.itemId());
                rightTabs.getSelectionModel().select(readerTab);
            }
        });
        // A new search starts without a selection, so picking the first hit again opens it again.
        search.hits().addListener((ListChangeListener<SearchHit>) c -> results.getSelectionModel().clearSelection());
        VBox.setVgrow(results, Priority.ALWAYS);

        Button more = new Button(messages.get("search.more"));
        more.setId("searchMore");
        more.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        more.setOnAction(e -> search.showMore());
        more.visibleProperty().bind(search.moreAvailableProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setMaxWidth(Double.MAX_VALUE);

        VBox pane = new VBox(6, error, facets, results, more);
        pane.setId("searchPane");
        pane.setPadding(new Insets(0, 8, 0, 8));
        pane.visibleProperty().bind(search.activeProperty());
        return pane;
    }

    /** "Language: [Arabic 3] [English 12]": each chip adds or removes that filter. */
    private Node facetRow(String key, javafx.collections.ObservableList<SearchViewModel.FacetChip> chips) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane row = new FlowPane(4, 4);
        row.getChildren().add(heading);
        Runnable rebuild = () -> {
            row.getChildren().setAll(heading);
            for (SearchViewModel.FacetChip chip : chips) {
                ToggleButton button = new ToggleButton(messages.format("search.facet.chip", chip.label(), chip.count()));
                button.setMnemonicParsing(false);
                button.setSelected(chip.selected());
                button.setUserData(chip);
                button.getStyleClass().addAll(Styles.SMALL, Styles.ROUNDED, "facet-chip",
                        "facet-" + chip.kind().name().toLowerCase(Locale.ROOT));
                button.setStyle(fonts.styleFor(WritingSystem.of(null, chip.label())));
                button.setOnAction(e -> model.search().toggle(chip));
                row.getChildren().add(button);
            }
        };
        chips.addListener((ListChangeListener<SearchViewModel.FacetChip>) c -> rebuild.run());
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
            WritingSystem script = WritingSystem.of(hit.language(), hit.title().text());
            boolean rightToLeft = hit.rightToLeft() || script.rightToLeft();
            String fontStyle = fonts.styleFor(rightToLeft && !script.rightToLeft() ? WritingSystem.ARABIC : script);
            Snippet title = hit.title().text().isBlank() ? new Snippet(messages.get("items.untitled"), List.of()) : hit.title();
            SingleLine titleLine = new SingleLine(marked(title, fontStyle, true), rightToLeft);
            titleLine.getStyleClass().add("search-hit-title");
            VBox box = new VBox(2, titleLine);
            if (!hit.snippets().isEmpty()) {
                SingleLine snippet = new SingleLine(marked(hit.snippets().getFirst(), fontStyle, false), rightToLeft);
                snippet.getStyleClass().add("search-hit-snippet");
                box.getChildren().add(snippet);
            }
            String sourceNames = hit.sourceIds().stream().map(model.sources()::nameOf)
                    .collect(java.util.stream.Collectors.joining(", "));
            Label meta = new Label(messages.format("search.hitMeta", sourceNames, messages.time(hit.time()), hit.language()));
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

        TextFlow flow() {
            return flow;
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

    // ---- reader and errors -------------------------------------------------------------------

    private Node rightPane() {
        readerTab.setText(messages.get("reader.tab"));
        readerTab.setContent(readerPane());
        readerTab.setClosable(false);
        readerTab.setGraphic(new FontIcon(Feather.BOOK_OPEN));
        errorsTab.setId("errorsTab");
        errorsTab.textProperty().bind(Bindings.createStringBinding(() -> {
            int count = model.errors().countProperty().intValue();
            return count == 0 ? messages.get("errors.tab") : messages.format("errors.tabWithCount", count);
        }, model.errors().countProperty()));
        errorsTab.setContent(errorsPane());
        errorsTab.setClosable(false);
        errorsTab.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        rightTabs.getTabs().setAll(readerTab, errorsTab);
        return rightTabs;
    }

    /** Plain text controls only: nothing in an item is run or loaded. */
    private Node readerPane() {
        ReaderViewModel reader = model.reader();
        Label title = new Label();
        title.setId("readerTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        // As wide as the pane, not as the text: the width decides where the text wraps.
        title.setMaxWidth(Double.MAX_VALUE);
        // LEFT is the leading edge: with right-to-left orientation JavaFX mirrors it to the right.
        title.setAlignment(Pos.CENTER_LEFT);
        title.setMnemonicParsing(false);

        Label byline = new Label();
        byline.setId("readerByline");
        byline.setMnemonicParsing(false);
        byline.textProperty().bind(reader.bylineProperty());
        byline.visibleProperty().bind(reader.bylineProperty().isNotEmpty());
        byline.managedProperty().bind(byline.visibleProperty());

        Label sources = new Label();
        sources.setId("readerSources");
        sources.setMnemonicParsing(false);
        sources.getStyleClass().add(Styles.TEXT_MUTED);
        sources.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("reader.sources", reader.sourcesProperty().get()), reader.sourcesProperty()));

        Label published = new Label();
        published.setId("readerPublished");
        published.getStyleClass().add(Styles.TEXT_MUTED);
        published.textProperty().bind(reader.publishedProperty());

        // Shown as text to copy, never as a link: the analyst decides whether to visit it.
        TextField url = new TextField();
        url.setId("readerUrl");
        url.setEditable(false);
        url.setPromptText(messages.get("reader.url"));
        url.textProperty().bind(reader.urlProperty());
        url.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);

        TextArea body = new TextArea();
        body.setId("readerBody");
        body.setEditable(false);
        VBox.setVgrow(body, Priority.ALWAYS);

        reader.writingSystemProperty().addListener((obs, before, script) -> {
            NodeOrientation direction = script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
            String style = fonts.styleFor(script);
            for (Control content : new Control[] {title, byline, body}) {
                content.setNodeOrientation(direction);
                content.setStyle(style);
            }
        });
        wrapSafely(title, reader.titleProperty(), 8);
        wrapSafely(body, reader.bodyProperty());

        VBox content = new VBox(6, title, byline, sources, published, url, body);
        content.setId("reader");
        content.setPadding(new Insets(10));
        content.visibleProperty().bind(reader.showingProperty());

        Label empty = wrappingLabel(messages.get("reader.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(reader.showingProperty().not());
        return new StackPane(empty, content);
    }

    private Node errorsPane() {
        ErrorsViewModel errors = model.errors();
        Label configTitle = new Label(messages.get("errors.configHeading"));
        configTitle.getStyleClass().addAll(Styles.TITLE_4, Styles.DANGER);
        configTitle.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        configTitle.setWrapText(true);
        ListView<String> problems = new ListView<>(errors.configProblems());
        problems.setId("configProblems");
        problems.setPrefHeight(140);
        problems.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty ? null : problem);
                setWrapText(!empty && !RightToLeftWrapper.needsOwnWrapping(problem));
                setPrefWidth(0);
            }
        });
        VBox config = new VBox(6, configTitle, problems);
        config.visibleProperty().bind(errors.configBrokenProperty());
        config.managedProperty().bind(config.visibleProperty());

        Label failuresTitle = new Label(messages.get("errors.fetchTitle"));
        failuresTitle.getStyleClass().add(Styles.TITLE_4);
        TableView<ErrorsViewModel.ErrorRow> table = new TableView<>(errors.rows());
        table.setId("errorTable");
        table.setPlaceholder(new Label(messages.get("errors.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ErrorsViewModel.ErrorRow, String> time = errorColumn("errors.column.time", row -> messages.time(row.time()));
        time.setPrefWidth(130);
        TableColumn<ErrorsViewModel.ErrorRow, String> source = errorColumn("errors.column.source", ErrorsViewModel.ErrorRow::source);
        source.setPrefWidth(120);
        TableColumn<ErrorsViewModel.ErrorRow, String> message = errorColumn("errors.column.message", ErrorsViewModel.ErrorRow::message);
        table.getColumns().setAll(List.of(time, source, message));
        table.setRowFactory(view -> {
            var row = new TableRow<ErrorsViewModel.ErrorRow>();
            row.itemProperty().addListener((obs, before, item) ->
                    row.setTooltip(item == null ? null : new Tooltip(item.message())));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox pane = new VBox(8, config, failuresTitle, table);
        pane.setId("errorsPane");
        pane.setPadding(new Insets(10));
        return pane;
    }

    private <T> TableColumn<ErrorsViewModel.ErrorRow, T> errorColumn(String key, Function<ErrorsViewModel.ErrorRow, T> value) {
        TableColumn<ErrorsViewModel.ErrorRow, T> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    // ---- choosers ---------------------------------------------------------------------------

    private void chooseNewWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("chooser.newWorkspace"));
        startIn(chooser);
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.openWorkspace(folder.toPath());
        }
    }

    private void chooseWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("chooser.openWorkspace"));
        startIn(chooser);
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.openWorkspace(folder.toPath());
        }
    }

    private void chooseImportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("chooser.importFile"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(messages.get("chooser.filter.importable"),
                        "*.zip", "*.opml", "*.xml", "*.rss", "*.atom", "*.html", "*.htm"),
                new FileChooser.ExtensionFilter(messages.get("chooser.filter.all"), "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.importPath(file.toPath());
        }
    }

    private void chooseImportFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("chooser.importFolder"));
        File folder = chooser.showDialog(window());
        if (folder != null) {
            model.importPath(folder.toPath());
        }
    }

    private void chooseExportTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("chooser.exportOpml"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(messages.get("chooser.filter.opml"), "*.opml"));
        Workspace workspace = model.workspaceProperty().get();
        if (workspace != null) {
            chooser.setInitialDirectory(workspace.root().toFile());
            chooser.setInitialFileName(workspace.name() + ".opml");
        }
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportOpml(file.toPath());
        }
    }

    /** Choosers open next to the current workspace, where related folders usually are. */
    private void startIn(DirectoryChooser chooser) {
        Workspace workspace = model.workspaceProperty().get();
        if (workspace != null) {
            Path parent = workspace.root().getParent();
            if (parent != null && parent.toFile().isDirectory()) {
                chooser.setInitialDirectory(parent.toFile());
            }
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- text that JavaFX cannot wrap -----------------------------------------------------------

    /** Shows text in a label, wrapped by JavaFX or, for right-to-left text, by {@link RightToLeftWrapper}. */
    private void wrapSafely(Label label, javafx.beans.value.ObservableStringValue text, double padding) {
        RightToLeftWrapper wrapper = new RightToLeftWrapper();
        Runnable update = () -> {
            String value = text.get();
            boolean own = RightToLeftWrapper.needsOwnWrapping(value);
            label.setWrapText(!own);
            double width = label.getWidth() - padding;
            label.setText(own && width > 50 ? wrapper.wrap(value, label.getFont(), width) : value);
        };
        text.addListener((obs, before, now) -> update.run());
        label.widthProperty().addListener((obs, before, now) -> update.run());
        label.fontProperty().addListener((obs, before, now) -> update.run());
        update.run();
    }

    /** The same for the reader's body; its scroll bar and padding take some of the width. */
    private void wrapSafely(TextArea area, javafx.beans.value.ObservableStringValue text) {
        RightToLeftWrapper wrapper = new RightToLeftWrapper();
        Runnable update = () -> {
            String value = text.get();
            boolean own = RightToLeftWrapper.needsOwnWrapping(value);
            area.setWrapText(!own);
            double width = area.getWidth() - 48;
            area.setText(own && width > 50 ? wrapper.wrap(value, area.getFont(), width) : value);
            area.positionCaret(0);
            area.setScrollTop(0);
        };
        text.addListener((obs, before, now) -> update.run());
        area.widthProperty().addListener((obs, before, now) -> {
            if (RightToLeftWrapper.needsOwnWrapping(text.get())) {
                update.run();
            }
        });
        area.fontProperty().addListener((obs, before, now) -> update.run());
        update.run();
    }

    // ---- small pieces ---------------------------------------------------------------------------

    private VBox titled(String key, Node content) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4);
        heading.setPadding(new Insets(8, 8, 4, 8));
        VBox box = new VBox(heading, content);
        box.setMinWidth(160);
        return box;
    }

    private static Label wrappingLabel(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPadding(new Insets(16));
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
