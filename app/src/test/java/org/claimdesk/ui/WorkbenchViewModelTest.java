package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.ui.errors.ErrorsViewModel.ErrorRow;
import org.claimdesk.ui.sources.SourceRow;
import org.claimdesk.ui.task.ManualWorkers;
import org.claimdesk.ui.task.QueuedExecutor;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's model without a toolkit or a window, over real workspaces (H2 in a temporary
 * folder): the task thread, the reads and search threads and the FX thread are all stepped by
 * the test, so it sees each state the window would show, in order.
 */
class WorkbenchViewModelTest {
    private static final String WATER = "Ministry denies reports of water shortage";

    @TempDir
    Path temp;

    private final ManualWorkers workers = new ManualWorkers();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<WorkspaceSession> sessions = new CopyOnWriteArrayList<>();
    /** Runs while a workspace opens, on the task thread: stands in for what the analyst does meanwhile. */
    private volatile Runnable whileOpening = () -> { };
    private final WorkspaceOpener opener = new WorkspaceOpener() {
        @Override
        public WorkspaceSession open(Path folder) throws IOException {
            if (Files.exists(folder.resolve("read-only"))) {
                throw new IOException("cannot create " + folder.resolve("db") + ": read-only file system");
            }
            WorkspaceSession session = WorkspaceSession.open(new Workspace(folder), null);
            // The new index is built before the window sees the workspace, so the start-up rebuild's
            // progress does not cross the states these tests step through; then the feeder runs as in
            // the app (which also starts analysis and polling, left out here).
            session.search().bringUpToDate(org.claimdesk.index.RebuildProgress.NONE);
            session.startIndexing();
            sessions.add(session);
            whileOpening.run();
            return session;
        }

        @Override
        public List<Workspace> recent() {
            return List.of(new Workspace(temp.resolve("earlier")));
        }
    };
    private final WorkbenchViewModel model = new WorkbenchViewModel(opener, Messages.forLocale(Locale.ENGLISH), fx,
            workers, Clock.systemDefaultZone());

    @AfterEach
    void close() throws Exception {
        model.close().get(20, TimeUnit.SECONDS);
    }

    @Test
    void openingAWorkspaceSaysSoThenShowsItsSources() throws Exception {
        Path desk = desk("desk");
        model.openWorkspace(desk);
        assertThat(model.busyProperty().get()).isTrue();
        workers.tasks().runAll();
        fx.runOne(); // the task's message
        assertThat(model.statusLine().lineProperty().get()).isEqualTo("Opening workspace " + desk + "\u2026");

        assertThat(model.readyProperty().get()).as("nothing shown yet").isFalse();
        settle();
        assertThat(model.windowTitleProperty().get()).isEqualTo("ClaimDesk \u2014 desk");
        assertThat(model.statusLine().lineProperty().get()).isEqualTo("Opened workspace desk.");
        assertThat(model.sessionOpenProperty().get()).isTrue();
        assertThat(model.readyProperty().get()).as("sources and newest items shown").isTrue();
        assertThat(model.recent()).extracting(Workspace::name).containsExactly("earlier");
        assertThat(model.sources().rows()).extracting(SourceRow::name).containsExactly("Loopback English");
        assertThat(model.search().enabledProperty().get()).isTrue();

        model.openWorkspace(desk);
        assertThat(model.statusProperty().get()).isEqualTo("Workspace desk is already open.");
    }

    @Test
    void aWorkspaceThatCannotOpenIsSaidAndTheOpenOneStays() throws Exception {
        open(desk("desk"));
        Path broken = desk("broken");
        Files.createFile(broken.resolve("read-only"));

        model.openWorkspace(broken);
        settle();

        assertThat(model.statusProperty().get())
                .isEqualTo("Could not open the workspace: cannot create " + broken.resolve("db") + ": read-only file system");
        assertThat(model.windowTitleProperty().get()).isEqualTo("ClaimDesk \u2014 desk");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aWorkspaceThatOpensAfterCancelIsClosedAgainNotLeaked() throws Exception {
        Path desk = desk("desk");
        model.openWorkspace(desk);
        whileOpening = model::cancel; // the analyst presses Cancel while the database opens
        workers.tasks().runAll();

        settle();
        assertThat(model.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(model.sessionOpenProperty().get()).isFalse();
        assertThat(model.windowTitleProperty().get()).isEqualTo("ClaimDesk");
        // Closed in the background: its database lock is released, so the folder opens again.
        assertThat(openableWithin(desk, Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void importedItemsReachTheListTheSourcesAndTheSearchOnceSearchable() throws Exception {
        open(desk("desk"));
        model.search().queryProperty().set("water");
        settleSearches();
        assertThat(model.search().hits()).isEmpty();

        model.importPath(savedFeed());
        workers.tasks().runAll(); // the import runs; the session says "items stored" from its thread
        fx.runAll();
        assertThat(model.statusProperty().get()).isEqualTo("Imported 1 file: 2 new items, no new sources, no problems");
        assertThat(model.itemList().items()).isEmpty(); // read after a short pause, not at once
        workers.reads().advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(model.itemList().items()).extracting(ItemSummary::title).contains(WATER).hasSize(2);
        assertThat(model.sources().rows()).extracting(SourceRow::detail).contains("Imported from a saved file \u00b7 2 items");

        // The index says when the new items can be found (no guessed delay): then the open search runs again.
        // (An earlier "searchable" from the start-up rebuild may run it once more first: keep stepping.)
        awaitOnFx(() -> {
            settleSearches();
            return !model.search().hits().isEmpty();
        });
        assertThat(model.search().hits()).extracting(h -> h.title().text()).contains(WATER);
    }

    /** Runs what reaches the FX thread until the condition holds: for events from the session's own threads. */
    private void awaitOnFx(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            fx.runAll();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aPollWithNoSourcesToFetchAndAnExportSayHowTheyWent() throws Exception {
        open(desk("desk", "enabled: false"));
        model.pollNow();
        settle();
        assertThat(model.statusProperty().get()).isEqualTo("No new items, all sources working");

        Path opml = temp.resolve("sources.opml");
        model.exportOpml(opml);
        settle();
        assertThat(model.statusProperty().get()).isEqualTo("Sources written to " + opml);
        assertThat(Files.readString(opml)).contains("Loopback English");
    }

    @Test
    void cancelStopsTheTaskBeforeItRunsAndFreesTheActions() throws Exception {
        open(desk("desk"));
        model.pollNow();
        assertThat(model.busyProperty().get()).isTrue();
        model.importPath(savedFeed()); // refused while a task runs
        model.cancel();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(workers.tasks().runAll()).isOne(); // the poll, which does nothing now
        settle();
        assertThat(model.statusProperty().get()).isEqualTo("Cancelled.");
    }

    @Test
    void rebuildingTheIndexSaysHowManyItemsItHolds() throws Exception {
        open(desk("desk"));
        model.importPath(savedFeed());
        settle();
        model.rebuildIndex();
        settle();
        assertThat(model.statusProperty().get()).isEqualTo("Search index rebuilt: 2 items");
    }

    @Test
    void aBackgroundFailureIsListedUnderErrorsAndAStoppedStageStaysInTheStatusBar() throws Exception {
        open(desk("desk"));
        Instant at = Instant.parse("2026-03-02T10:00:00Z");

        model.backgroundFailed("analysis", "Out of memory while analysing item 42", at, true);
        model.backgroundFailed("index feeder", "Disk full; retrying in 30 s", at.plusSeconds(1), false);

        assertThat(model.errors().rows()).extracting(ErrorRow::source)
                .containsExactly("Background: index feeder", "Background: analysis");
        assertThat(model.errors().titleProperty().get()).isEqualTo("Errors (2)");
        assertThat(model.statusLine().stoppedProperty().get()).isEqualTo("analysis stopped: Out of memory while analysing item 42");

        model.stageChanged("analysis", false, null); // it runs again
        assertThat(model.statusLine().stoppedProperty().get()).isEmpty();
        model.stageChanged("analysis", true, "Model files missing");
        assertThat(model.statusLine().stoppedProperty().get()).isEqualTo("analysis stopped: Model files missing");

        // Another workspace: its stages run, its errors list starts empty.
        open(desk("other"));
        assertThat(model.statusLine().stoppedProperty().get()).isEmpty();
        assertThat(model.errors().rows()).isEmpty();
    }

    @Test
    void aFailedReadIsSaidInTheStatusLine() throws Exception {
        open(desk("desk"));
        sessions.getLast().close(); // the database goes away under the window
        model.itemsStored();
        workers.reads().advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(model.statusProperty().get()).startsWith("Could not read the workspace: ");
    }

    @Test
    void switchingWorkspacesShowsTheNewOneAndClosesTheOld() throws Exception {
        Path first = open(desk("desk"));
        open(desk("other"));
        assertThat(model.windowTitleProperty().get()).isEqualTo("ClaimDesk \u2014 other");
        assertThat(model.itemList().items()).isEmpty();
        assertThat(openableWithin(first, Duration.ofSeconds(20))).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Opens a workspace folder the way the window does and lets everything that follows settle. */
    private Path open(Path folder) {
        model.openWorkspace(folder);
        settle();
        assertThat(model.workspaceProperty().get().root()).isEqualTo(folder.toAbsolutePath().normalize());
        return folder;
    }

    /** Runs the task queue, the FX queue and the reads thread (past its pauses) until all are idle. */
    private void settle() {
        boolean ran;
        do {
            ran = workers.tasks().runAll() > 0;
            workers.reads().advance(Duration.ofMillis(150));
            ran |= fx.runAll() > 0;
        } while (ran);
    }

    private void settleSearches() {
        do {
            workers.searches().advance(Duration.ofMillis(250));
        } while (fx.runAll() > 0);
    }

    private Path desk(String name, String... extra) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("feeds.yml"), """
                sources:
                  - id: desk-en
                    name: Loopback English
                    url: http://127.0.0.1:9/en.xml
                    language: en
                """ + String.join("", java.util.Arrays.stream(extra).map(line -> "    " + line + "\n").toList()));
        return folder;
    }

    /** A saved copy of the English test feed, as an analyst would import it. */
    private Path savedFeed() throws IOException {
        Path saved = Files.createDirectories(temp.resolve("saved"));
        Files.writeString(saved.resolve("desk-en.xml"), new String(LoopbackServer.resourceBytes("ui/web/en.xml"),
                StandardCharsets.UTF_8).replace("{{BASE}}", "https://offline.example.org"));
        return saved;
    }

    /** Waits (without asserting anything about the meantime) until the folder's database can be opened again. */
    private static boolean openableWithin(Path folder, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                WorkspaceSession.open(new Workspace(folder), null).close();
                return true;
            } catch (RuntimeException stillLocked) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}
