package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.Rebuttals;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "rebuttal", description = {"One rebuttal.",
        "  rebuttal show ID     its text, status, deadline, versions and review history"})
final class RebuttalCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "ACTION", description = "show")
    String action;

    @Parameters(index = "1", paramLabel = "ID", description = "The rebuttal's number, as `claimdesk rebuttals` lists it.")
    long id;

    @Option(names = "--json", description = "One JSON object: the rebuttal, its versions and its history.")
    boolean json;

    @Override
    int run(WorkspaceSession session) throws JsonProcessingException {
        if (!action.equals("show")) {
            throw usageError("unknown action '" + action + "' (show)");
        }
        Rebuttals rebuttals = session.rebuttals();
        Optional<StoredRebuttal> found = rebuttals.find(id);
        if (found.isEmpty()) {
            err().println("claimdesk rebuttal: no rebuttal " + id);
            return ExitCodes.FAILED;
        }
        StoredRebuttal rebuttal = found.get();
        List<RebuttalVersion> versions = rebuttals.versions(id);
        List<RebuttalStatusChange> history = rebuttals.history(id);
        Instant now = Instant.now();
        if (json) {
            Map<String, Object> all = RebuttalsCommand.asJson(rebuttal, now);
            all.put("fullText", rebuttal.text().fullText());
            all.put("versions", versions.stream().map(v -> {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("revision", v.revision());
                version.put("savedAt", v.savedAt().toString());
                version.put("savedBy", v.savedBy());
                version.put("verdict", v.text().verdict());
                version.put("claim", v.text().claim());
                version.put("shortAnswer", v.text().shortAnswer());
                version.put("fullText", v.text().fullText());
                return version;
            }).toList());
            all.put("history", history.stream().map(step -> {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", step.from() == null ? null : step.from().name());
                change.put("to", step.to().name());
                change.put("revision", step.revision());
                change.put("at", step.changedAt().toString());
                change.put("by", step.changedBy());
                change.put("note", step.note());
                return change;
            }).toList());
            out().println(new ObjectMapper().writeValueAsString(all));
            return ExitCodes.OK;
        }
        out().printf("Rebuttal %d of cluster %d, %s, %s%s%n", rebuttal.id(), rebuttal.clusterId(), rebuttal.language(),
                rebuttal.status(), rebuttal.translationOf() == null ? "" : " (translates rebuttal " + rebuttal.translationOf() + ")");
        out().printf("Claim:    %s%n", rebuttal.text().claim());
        out().printf("Verdict:  %s%n", rebuttal.text().verdict() == null ? "(none yet)" : rebuttal.text().verdict());
        out().printf("Author:   %s   Reviewer: %s%n", orNobody(rebuttal.author()), orNobody(rebuttal.reviewer()));
        out().printf("Deadline: %s%n", rebuttal.deadline() == null ? "none"
                : CliText.time(rebuttal.deadline()) + (rebuttal.overdue(now) ? " (OVERDUE)" : ""));
        out().printf("%nShort answer:%n%s%n%nFull text (version %d):%n%s%n", rebuttal.text().shortAnswer(), rebuttal.revision(),
                rebuttal.text().fullText());
        out().printf("%nVersions:%n");
        for (RebuttalVersion version : versions) {
            out().printf("  %3d  %s  %s%n", version.revision(), CliText.time(version.savedAt()), orNobody(version.savedBy()));
        }
        out().printf("%nHistory:%n");
        for (RebuttalStatusChange step : history) {
            out().printf("  %s  %-10s -> %-10s v%d  %s%s%n", CliText.time(step.changedAt()),
                    step.from() == null ? "(new)" : step.from(), step.to(), step.revision(), orNobody(step.changedBy()),
                    step.note() == null ? "" : ": " + step.note());
        }
        return ExitCodes.OK;
    }

    private static String orNobody(String name) {
        return name == null ? "(nobody named)" : name;
    }
}
