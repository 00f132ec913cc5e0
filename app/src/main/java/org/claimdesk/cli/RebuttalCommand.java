package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.rebuttals.AfterPublication;
import org.claimdesk.rebuttals.PublicationSpread;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalTemplate;
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

@Command(name = "rebuttal", description = {"One rebuttal, or the templates rebuttals start from.",
        "  rebuttal show ID     its text, status, deadline, versions, review history and what happened after publication",
        "  rebuttal templates   the rebuttal templates (built-in and the team's own)"})
final class RebuttalCommand extends SessionCommand {
    @Parameters(index = "0", paramLabel = "ACTION", description = "show or templates")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID",
            description = "The rebuttal's number, as `claimdesk rebuttals` lists it (show).")
    Long id;

    @Option(names = "--json", description = "show: one JSON object (the rebuttal, its versions, its history, after publication);"
            + " templates: one JSON object per template and line.")
    boolean json;

    @Override
    int run(WorkspaceSession session) throws JsonProcessingException {
        if (action.equals("templates")) {
            if (id != null) {
                throw usageError("templates takes no ID");
            }
            return templates(session.rebuttals());
        }
        if (!action.equals("show")) {
            throw usageError("unknown action '" + action + "' (show, templates)");
        }
        if (id == null) {
            throw usageError("show needs the rebuttal's number");
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
        Optional<AfterPublication> after = rebuttals.afterPublication(id);
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
            all.put("afterPublication", after.map(RebuttalCommand::afterJson).orElse(null));
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
        after.ifPresent(this::printAfter);
        return ExitCodes.OK;
    }

    private void printAfter(AfterPublication after) {
        PublicationSpread spread = after.spread();
        out().printf("%nAfter publication (published %s%s):%n", CliText.time(after.publishedAt()),
                after.publishedUrl() == null ? ", no address given" : " at " + after.publishedUrl());
        out().printf("  %d items in the cluster since publication, %d before%n", spread.itemsAfter(), spread.itemsBefore());
        out().printf("  Pace: %s%n", after.pace().inWords());
        List<PublicationSpread.SourceCount> spreading = spread.stillSpreading();
        out().printf("  Sources still spreading it: %d%s%n", spreading.size(), spreading.isEmpty() ? "" : " (items before -> since)");
        for (PublicationSpread.SourceCount source : spreading) {
            out().printf("    %-30s %4d -> %d%s%n", CliText.fit(source.name(), 30), source.before(), source.after(),
                    source.keptSpreading() ? "" : "  (new since publication)");
        }
        if (after.publishedUrl() == null) {
            out().printf("  Linking to it: not looked for (no published address)%n");
        } else {
            printMentions("Linking to it", after.links());
        }
        printMentions("Quoting its short answer", after.quotes());
        out().printf("  (links and quotes looked for in the %d newest items since publication)%n", after.itemsRead());
    }

    private void printMentions(String heading, List<AfterPublication.Mention> mentions) {
        out().printf("  %s: %d%n", heading, mentions.size());
        for (AfterPublication.Mention mention : mentions) {
            out().printf("    %s  item %d  %s  %s%s%n      \"%s\"%n", CliText.time(mention.time()), mention.itemId(),
                    mention.source(), CliText.fit(mention.title() == null ? "" : mention.title(), 50),
                    mention.inCluster() ? "" : "  (in another cluster)", CliText.fit(mention.evidence(), 100));
        }
    }

    static Map<String, Object> afterJson(AfterPublication after) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("publishedAt", after.publishedAt().toString());
        json.put("publishedUrl", after.publishedUrl() == null ? null : after.publishedUrl().toString());
        json.put("asOf", after.asOf().toString());
        json.put("itemsBefore", after.spread().itemsBefore());
        json.put("itemsAfter", after.spread().itemsAfter());
        json.put("sources", after.spread().sources().stream().map(source -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("name", source.name());
            counts.put("before", source.before());
            counts.put("after", source.after());
            counts.put("stillSpreading", source.stillSpreading());
            return counts;
        }).toList());
        AfterPublication.Pace pace = after.pace();
        Map<String, Object> paceJson = new LinkedHashMap<>();
        paceJson.put("windowHours", pace.window().toHours());
        paceJson.put("before", pace.before());
        paceJson.put("after", pace.after());
        paceJson.put("afterHours", pace.afterSpan().toSeconds() / 3600.0);
        paceJson.put("perHourBefore", pace.perHourBefore());
        paceJson.put("perHourAfter", Double.isNaN(pace.perHourAfter()) ? null : pace.perHourAfter());
        paceJson.put("trend", pace.trend().name());
        paceJson.put("words", pace.inWords());
        json.put("pace", paceJson);
        json.put("links", after.links().stream().map(m -> mentionJson(m, "link")).toList());
        json.put("quotes", after.quotes().stream().map(m -> mentionJson(m, "quote")).toList());
        json.put("itemsRead", after.itemsRead());
        return json;
    }

    private static Map<String, Object> mentionJson(AfterPublication.Mention mention, String evidence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", mention.itemId());
        json.put("title", mention.title());
        json.put("source", mention.source());
        json.put("time", mention.time().toString());
        json.put("inCluster", mention.inCluster());
        json.put(evidence, mention.evidence());
        return json;
    }

    private int templates(Rebuttals rebuttals) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        for (RebuttalTemplate template : rebuttals.templates()) {
            if (json) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", template.id());
                one.put("builtIn", template.builtInKey());
                one.put("name", template.name());
                one.put("language", template.language());
                one.put("edited", template.edited());
                one.put("claim", template.claim());
                one.put("shortAnswer", template.shortAnswer());
                one.put("fullText", template.fullText());
                out().println(mapper.writeValueAsString(one));
            } else {
                out().printf("%4d  %-24s %-4s %s%s%n", template.id(), template.builtIn() ? template.builtInKey() : "(the team's own)",
                        template.language(), template.name(), template.edited() ? "  (edited)" : "");
            }
        }
        return ExitCodes.OK;
    }

    private static String orNobody(String name) {
        return name == null ? "(nobody named)" : name;
    }
}
