package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Command(name = "rebuttals", description = {"The workspace's rebuttals with their status and deadline, nearest deadline first.",
        "Overdue ones (past their deadline, not out yet) are marked OVERDUE."})
final class RebuttalsCommand extends SessionCommand {
    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only these: DRAFT, IN_REVIEW, APPROVED, PUBLISHED, UPDATED, WITHDRAWN (repeatable or comma-separated).")
    Set<RebuttalStatus> statuses = EnumSet.noneOf(RebuttalStatus.class);

    @Option(names = "--limit", defaultValue = "200", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per rebuttal and line.")
    boolean json;

    @Override
    int run(WorkspaceSession session) throws JsonProcessingException {
        List<StoredRebuttal> found = session.rebuttals().list(statuses, limit);
        Instant now = Instant.now();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            for (StoredRebuttal rebuttal : found) {
                out().println(mapper.writeValueAsString(asJson(rebuttal, now)));
            }
            return ExitCodes.OK;
        }
        if (found.isEmpty()) {
            out().println(statuses.isEmpty() ? "No rebuttals yet." : "No rebuttals " + statuses + ".");
            return ExitCodes.OK;
        }
        for (StoredRebuttal rebuttal : found) {
            String deadline = rebuttal.deadline() == null ? "no deadline" : CliText.time(rebuttal.deadline())
                    + (rebuttal.overdue(now) ? " OVERDUE" : "");
            out().printf("%6d  %-10s %-25s %-3s %-16s %s%n", rebuttal.id(), rebuttal.status(), deadline, rebuttal.language(),
                    rebuttal.text().verdict() == null ? "(no verdict)" : rebuttal.text().verdict(),
                    CliText.fit(rebuttal.text().claim().replaceAll("\\s+", " "), 70));
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> asJson(StoredRebuttal rebuttal, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rebuttal.id());
        json.put("cluster", rebuttal.clusterId());
        json.put("translationOf", rebuttal.translationOf());
        json.put("language", rebuttal.language());
        json.put("status", rebuttal.status().name());
        json.put("verdict", rebuttal.text().verdict());
        json.put("claim", rebuttal.text().claim());
        json.put("shortAnswer", rebuttal.text().shortAnswer());
        json.put("author", rebuttal.author());
        json.put("reviewer", rebuttal.reviewer());
        json.put("deadline", rebuttal.deadline() == null ? null : rebuttal.deadline().toString());
        json.put("overdue", rebuttal.overdue(now));
        json.put("revision", rebuttal.revision());
        json.put("updatedAt", rebuttal.updatedAt().toString());
        json.put("publishedAt", rebuttal.publishedAt() == null ? null : rebuttal.publishedAt().toString());
        json.put("publishedUrl", rebuttal.publishedUrl() == null ? null : rebuttal.publishedUrl().toString());
        return json;
    }
}
