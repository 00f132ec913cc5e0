package org.claimdesk.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.claimdesk.script.ReaderFonts;
import org.claimdesk.ui.shared.DesktopNotifications;
import org.claimdesk.ui.shared.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The workbench's JavaFX entry point: {@code new WorkbenchApplication(startup).run()} from the
 * app's main, which returns once the window is closed and the workspace is closed cleanly.
 * <p>
 * Deliberately not an {@code javafx.application.Application} subclass started with
 * {@code Application.launch}: JavaFX would construct it reflectively through a no-argument
 * constructor, and the only way to hand it the workspace opener would be a static field.
 * {@link Platform#startup} starts the same toolkit and lets the app construct this object with
 * its dependencies (and a main class that extends Application fails on the class path anyway).
 */
public final class WorkbenchApplication {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApplication.class);

    private final WorkbenchStartup startup;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    /** The app's opener, or one that has the first workspace opening already (see {@link #run()}). */
    private WorkspaceOpener opener;
    private FirstWorkspaceEarly early;

    public WorkbenchApplication(WorkbenchStartup startup) {
        this.startup = startup;
        this.opener = startup.opener();
    }

    /** Starts JavaFX, shows the window on the initial workspace and blocks until the user quits. */
    public void run() throws InterruptedException {
        // The first workspace opens while the toolkit starts and the window is built.
        early = FirstWorkspaceEarly.start(startup.opener(), startup.initialWorkspace());
        opener = early;
        // The platform stays up after the window hides, until the workspace is closed (see quit).
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                start(new Stage());
            } catch (RuntimeException e) {
                LOG.error("The workbench window could not start", e);
                finished.completeExceptionally(e);
                Platform.exit();
            }
        });
        try {
            finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The workbench stopped: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Builds and shows the window on this stage and starts opening the initial workspace; on the
     * FX thread. Returns the window's model (tests drive and close it).
     */
    public WorkbenchViewModel start(Stage stage) {
        MainWindow.installTheme();
        Messages messages = Messages.forLocale(startup.locale());
        WorkbenchViewModel model = new WorkbenchViewModel(opener, messages, Platform::runLater,
                new WorkerThreads(), Clock.systemDefaultZone());
        Runnable quit = () -> quit(stage, model);
        MainWindow window = new MainWindow(model, messages, new ReaderFonts(Font.getFamilies()), quit);
        stage.setOnCloseRequest(event -> {
            event.consume();
            quit.run();
        });
        window.show(stage);
        long shown = millisSinceLaunch();
        // the workspace log is open by the time the workbench is ready; docs/benchmarks.md reads these lines
        model.readyProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> ready, Boolean before, Boolean now) {
                if (now) {
                    ready.removeListener(this);
                    LOG.info("workbench ready in {} ms (window shown in {} ms)", millisSinceLaunch(), shown);
                }
            }
        });
        // finding the desktop's notifier looks at the PATH (or the tray): not on the FX thread
        Thread.ofVirtual().name("desktop-notifier").start(() ->
                model.claimBoard().flagAlerts().notifyDesktopWithIfUnset(DesktopNotifications.forThisPlatform()));
        model.reloadRecent();
        model.openWorkspace(startup.initialWorkspace());
        return model;
    }

    /**
     * Milliseconds since this process started. The launcher script replaces itself with the JVM
     * (exec), so this counts from the moment the user started ClaimDesk.
     */
    static long millisSinceLaunch() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    private void quit(Stage stage, WorkbenchViewModel model) {
        stage.hide();
        if (early != null) {
            early.discardUntaken();
        }
        model.close().whenComplete((ignored, failure) -> {
            Platform.exit();
            finished.complete(null);
        });
    }
}
