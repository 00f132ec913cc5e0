package org.claimdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "sources", description = "Show every source with its health: status, items, last success, last error.")
final class SourcesCommand extends SessionCommand {
    @Option(names = "--json", description = "One JSON object per source and line.")
    boolean json;

    @Override
    boolean needsSources() {
        return true;
    }

    @Override
    int run(WorkspaceSession session) throws Exception {
        List<SourceHealth> health = session.sources().health();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            for (SourceHealth h : health) {
                ObjectNode o = mapper.createObjectNode();
                o.put("id", h.sourceId()).put("name", h.name()).put("url", h.url()).put("kind", h.kind())
                        .put("status", status(h)).put("items", h.itemCount())
                        .put("articlesWaiting", h.articlesWaiting())
                        .put("lastAttempt", str(h.lastAttempt())).put("lastSuccess", str(h.lastSuccess()))
                        .put("lastErrorAt", str(h.lastErrorAt())).put("lastError", h.lastError());
                out().println(mapper.writeValueAsString(o));
            }
            return ExitCodes.OK;
        }
        out().printf("%-28s %-9s %7s %8s  %-17s  %s%n", "SOURCE", "STATUS", "ITEMS", "ARTICLES", "LAST SUCCESS",
                "LAST ERROR");
        for (SourceHealth h : health) {
            // ARTICLES: article pages still to fetch (the next ingest fetches them)
            out().printf("%-28s %-9s %7d %8d  %-17s  %s%n", CliText.fit(h.sourceId(), 28), status(h), h.itemCount(),
                    h.articlesWaiting(),
                    CliText.time(h.lastSuccess()),
                    h.lastError() == null ? "" : CliText.time(h.lastErrorAt()) + " " + CliText.fit(h.lastError(), 80));
        }
        return ExitCodes.OK;
    }

    static String status(SourceHealth h) {
        if (!h.configured()) {
            return h.imported() ? "imported" : "removed";
        }
        if (!h.enabled()) {
            return "disabled";
        }
        if (h.lastAttempt() == null) {
            return "never";
        }
        return h.failing() ? "FAILING" : "ok";
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
