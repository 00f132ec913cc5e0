package org.claimdesk.cli;

import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process, as a script would, capturing what it prints. */
final class CommandRunner {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs one command with its user data (recent workspaces) in {@code dataDir}; output accumulates. */
    int run(Path dataDir, String... args) {
        CommandLine cl = ClaimDeskCommand.commandLine(new WorkspaceDirectory(dataDir), WorkspaceSession::open,
                (workspace, feeds, directory) -> {
                    throw new AssertionError("the window must not open for a command");
                });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Runs one command on a workspace and its feeds.yml ({@code -w} and {@code -f}); output holds this command's alone. */
    int runOn(Path workspace, Path feeds, Path dataDir, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-w", workspace.toString(), "-f", feeds.toString()}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return run(dataDir, all);
    }
}
