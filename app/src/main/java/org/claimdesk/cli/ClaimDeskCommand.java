package org.claimdesk.cli;

import org.claimdesk.workspace.SessionSettings;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * The {@code claimdesk} command. With no sub-command it opens the workbench window; the
 * sub-commands run headless, for scripts and cron on a connected machine.
 */
@Command(name = "claimdesk", mixinStandardHelpOptions = true, versionProvider = ClaimDeskCommand.Version.class,
        description = {"Rumour and disinformation monitoring workbench.",
                "With no command, opens the workbench window."},
        subcommands = {IngestCommand.class, ImportCommand.class, SourcesCommand.class, ExportOpmlCommand.class,
                ExtractCommand.class, SearchCommand.class, WatchCommand.class, IndexCommand.class,
                AnalyseCommand.class, ClaimsCommand.class, ClusterCommand.class, ClusterEvalCommand.class,
                ReplayCommand.class, RebuttalsCommand.class, RebuttalCommand.class, FactChecksCommand.class, ExportPackCommand.class,
                WatchlistCommand.class, ExportBundleCommand.class, ConflictsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:",
                "  0    ok",
                "  1    could not run (workspace in use, broken or missing feeds.yml, I/O error)",
                "  2    wrong usage (the usage is printed)",
                "  3    ran, but some sources, files or items failed (the others were processed)",
                "  130  interrupted (Ctrl+C); what was stored stays",
                "Results go to standard output, messages to standard error. 'claimdesk COMMAND --help' for a command."})
public final class ClaimDeskCommand implements Callable<Integer> {

    /** Opens the workbench window on a workspace; supplied by the app so this package needs no JavaFX. */
    @FunctionalInterface
    public interface WindowStarter {
        int start(Workspace workspace, Path feedsFile, WorkspaceDirectory directory);
    }

    /** Opens a workspace for a command; supplied by the app, which also sets up logging there. */
    @FunctionalInterface
    public interface SessionOpener {
        WorkspaceSession open(Workspace workspace, Path feedsFile) throws Exception;

        /**
         * Opens a scratch workspace on a clock of the command's own (a replay's, which follows a
         * stream's time), with no feeds.yml sources; it is not remembered as the last one opened.
         */
        default WorkspaceSession openScratch(Workspace workspace, Clock clock) throws Exception {
            return WorkspaceSession.openScratch(workspace, SessionSettings.standalone().withClock(clock));
        }
    }

    @Mixin
    WorkspaceOptions workspaceOptions;

    final WorkspaceDirectory directory;
    final SessionOpener sessions;
    private final WindowStarter windowStarter;
    /** Whether progress can be drawn as a bar: a person watches a terminal (not a pipe, a file or cron). */
    final boolean terminal = System.console() != null && System.console().isTerminal();

    public ClaimDeskCommand(WorkspaceDirectory directory, SessionOpener sessions, WindowStarter windowStarter) {
        this.directory = directory;
        this.sessions = sessions;
        this.windowStarter = windowStarter;
    }

    @Override
    public Integer call() {
        return windowStarter.start(workspaceOptions.resolve(directory), workspaceOptions.feedsFile(), directory);
    }

    /** A command line ready to execute, with our exit codes for errors. */
    public static CommandLine commandLine(WorkspaceDirectory directory, SessionOpener sessions, WindowStarter windowStarter) {
        CommandLine cl = new CommandLine(new ClaimDeskCommand(directory, sessions, windowStarter));
        // every command, present and future, answers -h/--help with its own usage
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().options().stream().noneMatch(CommandLine.Model.OptionSpec::usageHelp)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("claimdesk: " + CliText.message(ex));
            return ExitCodes.FAILED;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClaimDeskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ClaimDesk " + (v == null ? "development build" : v),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
