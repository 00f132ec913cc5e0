package org.claimdesk.app;

import org.claimdesk.cli.ClaimDeskCommand;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ui.WorkbenchApplication;
import org.claimdesk.ui.WorkbenchStartup;
import org.claimdesk.ui.WorkspaceOpener;
import org.claimdesk.workspace.SampleBundle;
import org.claimdesk.workspace.SessionSettings;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The one place where ClaimDesk is wired (decision 0009): what lives as long as the application
 * (the workspace directory, the language models through one shared analyzer) and how the window
 * and the command line open a workspace. The launcher and the window tests both go through it,
 * so tests run what users run.
 */
public final class ClaimDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimDesk.class);

    private final WorkspaceDirectory directory;
    private final SessionSettings settings;
    private final Set<BackgroundWork> windowWork;
    private volatile boolean consoleShowsErrorsOnly;

    /**
     * @param settings   shared by every workspace opened: its analyzer loads each model once
     * @param windowWork what a workspace opened for the window runs in the background: all of it
     *                   in the application; a window test may leave some out to see a state first
     */
    public ClaimDesk(WorkspaceDirectory directory, SessionSettings settings, Set<BackgroundWork> windowWork) {
        this.directory = directory;
        this.settings = settings;
        this.windowWork = Set.copyOf(windowWork);
    }

    public ClaimDesk(WorkspaceDirectory directory, SessionSettings settings) {
        this(directory, settings, EnumSet.allOf(BackgroundWork.class));
    }

    public ClaimDesk(WorkspaceDirectory directory) {
        this(directory, SessionSettings.standalone());
    }

    public WorkspaceDirectory directory() {
        return directory;
    }

    /**
     * From the first workspace opened on, the console shows only errors (the rest goes to the
     * workspace's log file). The launcher asks for it: a person at a terminal wants the command's
     * own words. Tests that share one JVM do not, so that a test opening a workspace does not
     * silence every later test's warnings.
     */
    public ClaimDesk consoleShowsErrorsOnly() {
        this.consoleShowsErrorsOnly = true;
        return this;
    }

    /**
     * Opens a workspace for a command: log to its folder, remember it as the last opened, give a
     * brand-new default workspace the bundled sample. Nothing runs in the background; a command
     * that wants it starts it.
     */
    public WorkspaceSession openForCommand(Workspace workspace, Path feedsFile) throws InterruptedException {
        boolean isNew = !Files.exists(workspace.databaseDir());
        workspace.ensureLayout();
        LogFiles.logTo(workspace.logsDir(), consoleShowsErrorsOnly);
        WorkspaceSession session = WorkspaceSession.open(workspace, feedsFile, settings);
        try {
            directory.remember(workspace);
            if (isNew && workspace.equals(directory.defaultWorkspace())) {
                // a first start with no network still shows a working workbench
                ImportReport sample = SampleBundle.importInto(session);
                LOG.info("new default workspace {}: imported the bundled sample, {} items", workspace.root(), sample.newItems());
            }
            return session;
        } catch (InterruptedException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Opens a workspace for the window: as for a command, then its background work started. */
    public WorkspaceSession openForWindow(Workspace workspace, Path feedsFile) throws InterruptedException {
        WorkspaceSession session = openForCommand(workspace, feedsFile);
        try {
            session.startBackgroundWork(windowWork);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * How the window opens workspaces.
     *
     * @param initial   the workspace the window starts with
     * @param feedsFile another feeds.yml for {@code initial} only (--feeds), or null
     */
    public WorkspaceOpener windowOpener(Workspace initial, Path feedsFile) {
        return new WorkspaceOpener() {
            @Override
            public WorkspaceSession open(Path folder) throws Exception {
                Workspace workspace = new Workspace(folder);
                return openForWindow(workspace, workspace.equals(initial) ? feedsFile : null);
            }

            @Override
            public List<Workspace> recent() {
                return directory.recent();
            }
        };
    }

    /**
     * Opens a scratch workspace for a command that brings its own clock (a replay): logs to its
     * folder and shares the analyzer, but is neither remembered nor given the sample.
     */
    public WorkspaceSession openScratch(Workspace workspace, Clock clock) {
        workspace.ensureLayout();
        LogFiles.logTo(workspace.logsDir(), consoleShowsErrorsOnly);
        return WorkspaceSession.openScratch(workspace, settings.withClock(clock));
    }

    /** The command line; with no sub-command it opens the window. */
    public CommandLine commandLine() {
        ClaimDeskCommand.SessionOpener opener = new ClaimDeskCommand.SessionOpener() {
            @Override
            public WorkspaceSession open(Workspace workspace, Path feedsFile) throws InterruptedException {
                return openForCommand(workspace, feedsFile);
            }

            @Override
            public WorkspaceSession openScratch(Workspace workspace, Clock clock) {
                return ClaimDesk.this.openScratch(workspace, clock);
            }
        };
        return ClaimDeskCommand.commandLine(directory, opener, (initial, feedsFile, dir) -> startWindow(initial, feedsFile));
    }

    /** Runs the window until it is closed; returns the exit code. */
    int startWindow(Workspace initial, Path feedsFile) {
        return startWindow(initial, feedsFile, null);
    }

    int startWindow(Workspace initial, Path feedsFile, Locale locale) {
        try {
            new WorkbenchApplication(new WorkbenchStartup(initial.root(), windowOpener(initial, feedsFile), locale)).run();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
