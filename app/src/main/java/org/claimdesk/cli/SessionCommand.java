package org.claimdesk.cli;

import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A sub-command that works on an open workspace. */
abstract class SessionCommand implements Callable<Integer> {
    @ParentCommand
    ClaimDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        Workspace workspace = root.workspaceOptions.resolve(root.directory);
        try (WorkspaceSession session = root.sessions.open(workspace, root.workspaceOptions.feedsFile())) {
            for (String problem : session.sources().configProblems()) {
                err().println(problem);
            }
            return run(session);
        }
    }

    abstract int run(WorkspaceSession session) throws Exception;

    /** Wrong usage found after parsing: picocli prints the message and the usage, and exits 2. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
