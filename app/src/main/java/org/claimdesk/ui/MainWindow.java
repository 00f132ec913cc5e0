package org.claimdesk.ui;

import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.stages.StagesView;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.claimdesk.ui.exchange.ConflictsView;
import org.claimdesk.ui.exchange.BundleExportDialog;
import org.claimdesk.ui.exchange.KeyDialog;
import org.claimdesk.ui.exchange.PackExportDialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.claimdesk.script.ReaderFonts;
import org.claimdesk.ui.claims.ClaimBoardView;
import org.claimdesk.ui.rebuttals.RebuttalEditorView;
import org.claimdesk.ui.rebuttals.RebuttalQueueView;
import org.claimdesk.ui.claims.ClusterView;
import org.claimdesk.ui.errors.ErrorsView;
import org.claimdesk.ui.firststart.FirstStartView;
import org.claimdesk.ui.items.ItemsView;
import org.claimdesk.ui.reader.ReaderView;
import org.claimdesk.ui.claims.ItemClaimsView;
import org.claimdesk.ui.claims.FlagAlertsView;
import org.claimdesk.ui.saved.SavedSearchesView;
import org.claimdesk.ui.search.SearchView;
import org.claimdesk.ui.sources.SourcesView;
import org.claimdesk.workspace.Workspace;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;

/**
 * The workbench window: it composes the screens (sources and saved searches on the left, the
 * search bar over the live item list in the middle, the reader and the errors on the right) and
 * adds the menu, the toolbar and the status bar. Every decision is a view model's; tests build
 * it directly on a Stage.
 */
public final class MainWindow {
    private final WorkbenchViewModel model;
    private final Messages messages;
    private final Runnable quit;

    private final BorderPane root = new BorderPane();
    private final ItemsView items;
    private final SearchView search;
    private final ErrorsView errors;
    private final TabPane rightTabs = new TabPane();
    private final Tab readerTab = new Tab();
    private final Tab errorsTab = new Tab();
    private final Tab clusterTab = new Tab();
    private final Tab rebuttalTab = new Tab();
    private final Tab rebuttalsTab = new Tab();
    private final Tab conflictsTab = new Tab();
    private final TabPane middleTabs = new TabPane();
    private final Tab itemsTab = new Tab();
    private final Tab claimsTab = new Tab();
    private final ClaimBoardView claimBoard;
    private final RebuttalQueueView rebuttalQueue;

    /**
     * @param fonts which installed font to name for each script
     * @param quit  what "Quit" does (the app closes the workspace and exits)
     */
    public MainWindow(WorkbenchViewModel model, Messages messages, ReaderFonts fonts, Runnable quit) {
        this.model = model;
        this.messages = messages;
        this.quit = quit;
        ScriptStyles styles = new ScriptStyles(fonts);
        this.items = new ItemsView(model.itemList(), messages, styles, this::showReader);
        this.search = new SearchView(model.search(), messages, styles, model::saveSearch, itemId -> {
            items.clearSelection();
            model.openItem(itemId);
            showReader();
        });
        this.errors = new ErrorsView(model.errors(), messages);
        ClusterView cluster = new ClusterView(model.claimBoard().cluster(), messages, styles, itemId -> {
            items.clearSelection();
            model.openItem(itemId);
            showReader();
        }, (clusterId, language) -> {
            model.rebuttals().start(clusterId, language, null);
            showRebuttal();
        });
        this.claimBoard = new ClaimBoardView(model.claimBoard(), messages, styles, this::showCluster, new ClaimBoardView.Keys() {
            @Override
            public void openItem(long itemId) {
                items.clearSelection();
                model.openItem(itemId);
                showReader();
            }

            @Override
            public void askDismissReason() {
                showCluster();
                cluster.askDismissReason(() -> claimBoard.focus());
            }
        });
        clusterTab.setContent(cluster.node());
        this.rebuttalQueue = new RebuttalQueueView(model.rebuttals(), messages, styles, this::showRebuttal);
        rebuttalsTab.setContent(rebuttalQueue.node());
        rebuttalTab.setContent(new RebuttalEditorView(model.rebuttals().editor(), messages, styles).node());
        conflictsTab.setContent(new ConflictsView(model.conflicts(), messages, styles).node());
        // an encrypted file to import: ask for what opens it, then import again
        model.keyWantedProperty().addListener((obs, before, wanted) -> {
            if (wanted != null) {
                KeyDialog.show(window(), messages, wanted.file(), wanted.why(),
                        keys -> model.importPath(wanted.file(), keys), model::keyDropped);
            }
        });
        // the editor in the middle, the cluster it answers beside it on the right: its items, timeline and notes
        model.rebuttals().editor().rebuttalProperty().addListener((obs, before, now) -> {
            if (now != null && (before == null || before.id() != now.id())) {
                model.claimBoard().cluster().show(now.clusterId());
                showCluster();
            }
        });

        FlagAlertsView alerts = new FlagAlertsView(model.claimBoard().flagAlerts(), messages, clusterId -> {
            focusClaims();
            model.claimBoard().cluster().show(clusterId);
            showCluster();
        });
        root.setTop(new VBox(menuBar(), toolBar(), errors.banner(this::showErrors), alerts.node(),
                new FirstStartView(model.firstStart(), messages).build()));
        SplitPane left = new SplitPane(
                titled("sources.title", new SourcesView(model.sources(), messages, styles).node()),
                titled("saved.title", new SavedSearchesView(model.savedSearches(), messages, styles).node()));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        ItemClaimsView itemClaims = new ItemClaimsView(model.claimBoard().itemClaims(), model.claimBoard().cluster(),
                messages, styles, clusterId -> {
                    model.claimBoard().cluster().show(clusterId);
                    showCluster();
                });
        SplitPane reader = new SplitPane(new ReaderView(model.reader(), messages, styles).node(), itemClaims.node());
        reader.setOrientation(javafx.geometry.Orientation.VERTICAL);
        reader.setDividerPositions(0.7);
        SplitPane panes = new SplitPane(left, middleTabs(itemsColumn()), rightTabs(reader));
        panes.setDividerPositions(0.2, 0.58);
        SplitPane.setResizableWithParent(panes.getItems().getFirst(), false);
        root.setCenter(panes);
        root.setBottom(statusBar());
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
        middleTabs.getSelectionModel().select(itemsTab);
        items.focus();
    }

    /** Moves keyboard focus to the search box with its text selected (Ctrl+F). */
    public void focusSearch() {
        middleTabs.getSelectionModel().select(itemsTab);
        search.focus();
    }

    public void showErrors() {
        rightTabs.getSelectionModel().select(errorsTab);
    }

    private void showReader() {
        rightTabs.getSelectionModel().select(readerTab);
    }

    private void showCluster() {
        rightTabs.getSelectionModel().select(clusterTab);
    }

    private void showRebuttal() {
        middleTabs.getSelectionModel().select(rebuttalTab);
    }

    /** Shows the rebuttal queue in the middle and focuses it (Ctrl+Shift+R). */
    public void focusRebuttals() {
        middleTabs.getSelectionModel().select(rebuttalsTab);
        rebuttalQueue.focus();
    }

    /** Shows the claim board in the middle and focuses it (Ctrl+K). */
    public void focusClaims() {
        middleTabs.getSelectionModel().select(claimsTab);
        claimBoard.focus();
    }

    // ---- the middle: the live items, or the claim board -----------------------------------------

    private Node middleTabs(Node itemsColumn) {
        itemsTab.setId("itemsTab");
        itemsTab.setText(messages.get("items.tab"));
        itemsTab.setContent(itemsColumn);
        itemsTab.setClosable(false);
        itemsTab.setGraphic(new FontIcon(Feather.LIST));
        claimsTab.setId("claimsTab");
        claimsTab.setText(messages.get("claims.tab"));
        claimsTab.setContent(claimBoard.node());
        claimsTab.setClosable(false);
        claimsTab.setGraphic(new FontIcon(Feather.TRENDING_UP));
        rebuttalTab.setId("rebuttalTab");
        rebuttalTab.setText(messages.get("rebuttal.tab"));
        rebuttalTab.setClosable(false);
        rebuttalTab.setGraphic(new FontIcon(Feather.EDIT));
        rebuttalsTab.setId("rebuttalsTab");
        rebuttalsTab.setText(messages.get("rebuttals.tab"));
        rebuttalsTab.setClosable(false);
        rebuttalsTab.setGraphic(new FontIcon(Feather.EDIT_3));
        // the queue is read again when shown: triage on the board may have put a claim in it
        rebuttalsTab.setOnSelectionChanged(event -> {
            if (rebuttalsTab.isSelected()) {
                model.rebuttals().reload();
            }
        });
        middleTabs.getTabs().setAll(itemsTab, claimsTab, rebuttalsTab, rebuttalTab);
        // conflicts from a workspace bundle: a tab while any wait (the status line names it after an import)
        conflictsTab.setId("conflictsTab");
        conflictsTab.setClosable(false);
        conflictsTab.setGraphic(new FontIcon(Feather.GIT_MERGE));
        conflictsTab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.format("conflicts.tab", model.conflicts().countProperty().get()), model.conflicts().countProperty()));
        model.conflicts().countProperty().addListener((obs, before, now) -> {
            boolean shown = middleTabs.getTabs().contains(conflictsTab);
            if (now.intValue() > 0 && !shown) {
                middleTabs.getTabs().add(conflictsTab);
            } else if (now.intValue() == 0 && shown) {
                middleTabs.getTabs().remove(conflictsTab);
            }
        });
        return middleTabs;
    }

    // ---- the middle: search bar, results above the live stream ---------------------------------

    private Node itemsColumn() {
        // While a search is on, its results sit above the live stream, which keeps flowing below.
        Node results = search.results();
        SplitPane stream = new SplitPane(items.node());
        stream.setId("streamAndResults");
        stream.setOrientation(Orientation.VERTICAL);
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
        VBox column = new VBox(search.bar(), stream);
        VBox.setVgrow(column, Priority.ALWAYS);
        return titled("items.title", column);
    }

    private Node rightTabs(Node reader) {
        readerTab.setText(messages.get("reader.tab"));
        readerTab.setContent(reader);
        readerTab.setClosable(false);
        readerTab.setGraphic(new FontIcon(Feather.BOOK_OPEN));
        errorsTab.setId("errorsTab");
        errorsTab.textProperty().bind(model.errors().titleProperty());
        errorsTab.setContent(errors.pane());
        errorsTab.setClosable(false);
        errorsTab.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        clusterTab.setId("clusterTab");
        clusterTab.setText(messages.get("cluster.tab"));
        clusterTab.setClosable(false);
        clusterTab.setGraphic(new FontIcon(Feather.LAYERS));
        rightTabs.getTabs().setAll(readerTab, clusterTab, errorsTab);
        return rightTabs;
    }

    private VBox titled(String key, Node content) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4);
        heading.setPadding(new Insets(8, 8, 4, 8));
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(heading, content);
        box.setMinWidth(160);
        return box;
    }

    // ---- menus, toolbar, status bar -------------------------------------------------------------

    private MenuBar menuBar() {
        Menu recentMenu = new Menu(messages.get("menu.recentWorkspaces"));
        recentMenu.setOnShowing(e -> model.reloadRecent());
        rebuildRecent(recentMenu);
        model.recent().addListener((ListChangeListener<Workspace>) c -> rebuildRecent(recentMenu));

        Menu file = new Menu(messages.get("menu.file"), null,
                item("menu.newWorkspace", Feather.FOLDER_PLUS, "Shortcut+Shift+N", () -> chooseWorkspace("chooser.newWorkspace")),
                item("menu.openWorkspace", Feather.FOLDER, "Shortcut+O", () -> chooseWorkspace("chooser.openWorkspace")),
                recentMenu,
                new SeparatorMenuItem(),
                whenOpen(item("menu.importFile", Feather.DOWNLOAD, "Shortcut+I", this::chooseImportFile)),
                whenOpen(item("menu.importFolder", null, "Shortcut+Shift+I", this::chooseImportFolder)),
                whenOpen(item("menu.exportOpml", Feather.UPLOAD, "Shortcut+E", this::chooseExportTarget)),
                whenOpen(item("menu.exportPack", Feather.PACKAGE, "Shortcut+Shift+P", this::exportPack)),
                whenOpen(item("menu.exportBundle", Feather.ARCHIVE, "Shortcut+Shift+B", this::exportBundle)),
                new SeparatorMenuItem(),
                item("menu.quit", null, "Shortcut+Q", quit));
        MenuItem cancel = item("menu.cancelTask", Feather.X, null, model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not());
        MenuItem rebuild = whenOpen(item("menu.rebuildIndex", Feather.DATABASE, null, model::rebuildIndex));
        rebuild.setId("rebuildIndex");
        Menu sources = new Menu(messages.get("menu.sources"), null,
                whenOpen(item("menu.pollNow", Feather.REFRESH_CW, "F5", model::pollNow)),
                whenOpen(item("menu.chooseStarter", Feather.CHECK_SQUARE, null, model.firstStart()::show)), rebuild, cancel);
        Menu view = new Menu(messages.get("menu.view"), null,
                item("menu.focusItems", Feather.LIST, "Shortcut+L", this::focusItems),
                item("menu.search", Feather.SEARCH, "Shortcut+F", this::focusSearch),
                item("menu.claims", Feather.TRENDING_UP, "Shortcut+K", this::focusClaims),
                item("menu.rebuttals", Feather.EDIT_3, "Shortcut+Shift+R", this::focusRebuttals),
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

    private Node statusBar() {
        StatusLineViewModel line = model.statusLine();
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(line.lineProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        // Stays while a stage is stopped, whatever the line beside it says; a click shows why.
        Button stopped = new Button();
        stopped.setId("stoppedStages");
        stopped.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        stopped.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.DANGER);
        stopped.setMnemonicParsing(false);
        stopped.textProperty().bind(line.stoppedProperty());
        stopped.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> line.stoppedDetailProperty().get().isEmpty() ? null : new Tooltip(line.stoppedDetailProperty().get()),
                line.stoppedDetailProperty()));
        stopped.setOnAction(e -> showErrors());
        stopped.visibleProperty().bind(line.stoppedProperty().isNotEmpty());
        stopped.managedProperty().bind(stopped.visibleProperty());

        MenuButton stageProgress = new StagesView(model.stages(), messages).build();

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
        HBox bar = new HBox(8, status, stopped, stageProgress, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return new VBox(new Separator(), bar);
    }

    // ---- choosers ---------------------------------------------------------------------------

    private void chooseWorkspace(String titleKey) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get(titleKey));
        // Next to the current workspace, where related folders usually are.
        Workspace workspace = model.workspaceProperty().get();
        if (workspace != null) {
            Path parent = workspace.root().getParent();
            if (parent != null && parent.toFile().isDirectory()) {
                chooser.setInitialDirectory(parent.toFile());
            }
        }
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
                        "*.zip", "*.opml", "*.xml", "*.rss", "*.atom", "*.html", "*.htm", "*.pgp", "*.gpg", "*.asc"),
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

    private void exportPack() {
        Path suggested = Path.of(System.getProperty("user.home"), "rebuttal-pack-" + java.time.LocalDate.now() + ".zip");
        PackExportDialog.show(window(), model.packChoice(), messages, suggested, model::exportPack);
    }

    private void exportBundle() {
        Path suggested = Path.of(System.getProperty("user.home"), "claimdesk-bundle-" + java.time.LocalDate.now() + ".zip");
        BundleExportDialog.show(window(), messages, suggested, java.time.ZoneId.systemDefault(), model::exportBundle);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
