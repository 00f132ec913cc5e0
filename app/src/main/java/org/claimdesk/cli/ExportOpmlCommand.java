package org.claimdesk.cli;

import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "export-opml", description = "Write the sources of feeds.yml as an OPML 2.0 feed list.")
final class ExportOpmlCommand extends SessionCommand {
    @Parameters(arity = "1", paramLabel = "FILE", description = "Where to write the OPML file.")
    Path target;

    @Override
    boolean needsSources() {
        return true;
    }

    @Override
    int run(WorkspaceSession session) {
        session.exports().exportOpml(target);
        out().printf("%d sources written to %s%n", session.sources().config().sources().size(), target);
        return ExitCodes.OK;
    }
}
