package org.claimdesk.cli;

import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** A sub-command that works on an open workspace, directly under {@code claimdesk} or in a {@link CommandGroup}. */
abstract class SessionCommand implements Callable<Integer> {
    @ParentCommand
    Object parent;

    /** A command that only holds sub-commands ({@code claimdesk factchecks import}). */
    interface CommandGroup {
        ClaimDeskCommand root();
    }

    /** A {@link CommandGroup} directly under {@code claimdesk}: alone, it is wrong usage that names its sub-commands. */
    abstract static class Group implements Callable<Integer>, CommandGroup {
        @ParentCommand
        ClaimDeskCommand root;

        @Spec
        CommandSpec spec;

        @Override
        public ClaimDeskCommand root() {
            return root;
        }

        @Override
        public Integer call() {
            List<String> names = List.copyOf(spec.subcommands().keySet());
            throw new ParameterException(spec.commandLine(), "name what to do: "
                    + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast());
        }
    }

    ClaimDeskCommand root() {
        return parent instanceof CommandGroup group ? group.root() : (ClaimDeskCommand) parent;
    }

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (CtrlC ctrlC = CtrlC.watch()) {
            int code;
            try (WorkspaceSession session = open()) {
                List<String> problems = session.sources().configProblems();
                problems.forEach(err()::println);
                if (!problems.isEmpty() && needsSources()) {
                    // a scheduled job must not quietly do nothing: it ran with no sources
                    err().println("claimdesk " + spec.name() + ": " + session.sources().feedsFile()
                            + " cannot be used; nothing was done");
                    return ExitCodes.FAILED;
                }
                code = run(session);
            } catch (InterruptedException e) {
                if (!ctrlC.pressed()) {
                    throw e;
                }
                code = ExitCodes.CANCELLED;
            } finally {
                // the session is closed by now, and Ctrl+C still waits for this before the JVM ends
                closed();
            }
            if (ctrlC.pressed()) {
                // the session is closed by now: what was stored is kept, and the index holds it
                err().println("claimdesk " + spec.name() + ": interrupted; everything stored until then is kept");
                err().flush();
                return ExitCodes.CANCELLED;
            }
            return code;
        }
    }

    /** The workspace the command works on: the one chosen by --workspace, else the last opened. */
    WorkspaceSession open() throws Exception {
        Workspace workspace = root().workspaceOptions.resolve(root().directory);
        return root().sessions.open(workspace, root().workspaceOptions.feedsFile());
    }

    /** After the session is closed, however the command ended: for a command that cleans up after itself. */
    void closed() throws java.io.IOException {
    }

    abstract int run(WorkspaceSession session) throws Exception;

    /**
     * Whether the command works on the sources of feeds.yml, so that a broken or missing file
     * makes it fail (exit 1) instead of running with none. Commands on what is stored already
     * (search, analyse, …) go on after saying what is wrong.
     */
    boolean needsSources() {
        return false;
    }

    /** Wrong usage found after parsing: picocli prints the message and the usage, and exits 2. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Progress of a long step on standard error: a bar on a terminal, plain lines otherwise. */
    CommandProgress progress(String task, String unit, long total) {
        return CommandProgress.start(root().terminal, err(), task, unit, total);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
