package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.RebuttalConflict;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.WorkspaceBundles;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code claimdesk conflicts [show ID | resolve ID …]}: rebuttals changed on both sides of a bundle exchange (decision 0024). */
@Command(name = "conflicts", description = {"Rebuttals changed here and in the workspace a bundle came from since their last common",
        "version: ours was left as it is, theirs waits here. Without a sub-command: the pending ones.",
        "  conflicts                                           pending conflicts, oldest first",
        "  conflicts show ID                                   both texts in full",
        "  conflicts resolve ID --mine|--theirs|--text FILE --as NAME",
        "                                                      settle one as a new version by NAME"},
        subcommands = {ConflictsCommand.Show.class, ConflictsCommand.Resolve.class})
final class ConflictsCommand extends SessionCommand implements SessionCommand.CommandGroup {
    @Option(names = "--json", description = "One JSON object per conflict and line.")
    boolean json;

    @Override
    public ClaimDeskCommand root() {
        return super.root();
    }

    @Override
    int run(WorkspaceSession session) throws JsonProcessingException {
        List<RebuttalConflict> conflicts = session.bundles().conflicts();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            for (RebuttalConflict conflict : conflicts) {
                out().println(mapper.writeValueAsString(asJson(conflict)));
            }
        } else if (conflicts.isEmpty()) {
            out().println("No conflicts wait.");
        } else {
            out().printf("%5s  %8s  %-5s  %-17s  %-16s  %s%n", "id", "rebuttal", "lang", "found", "theirs by", "claim");
            for (RebuttalConflict conflict : conflicts) {
                out().printf("%5d  %8d  %-5s  %-17s  %-16s  %s%s%n", conflict.id(), conflict.rebuttalId(), conflict.language(),
                        CliText.time(conflict.foundAt()), CliText.fit(String.valueOf(conflict.theirSavedBy()), 16),
                        CliText.fit(conflict.mine().claim(), 60), conflict.mineChanged() ? "  (ours saved again since)" : "");
            }
            out().println("See one with 'claimdesk conflicts show ID'; settle it with 'claimdesk conflicts resolve ID "
                    + "--mine|--theirs|--text FILE --as NAME'.");
        }
        out().flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> asJson(RebuttalConflict conflict) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", conflict.id());
        json.put("rebuttal", conflict.rebuttalId());
        json.put("language", conflict.language());
        json.put("status", conflict.status().name());
        json.put("foundAt", conflict.foundAt().toString());
        json.put("bundle", conflict.bundleName());
        json.put("theirWorkspace", conflict.theirWorkspace());
        json.put("theirSavedAt", conflict.theirSavedAt().toString());
        json.put("theirSavedBy", conflict.theirSavedBy());
        json.put("mineChangedSince", conflict.mineChanged());
        json.put("mine", text(conflict.mine()));
        json.put("theirs", text(conflict.theirs()));
        return json;
    }

    private static Map<String, Object> text(RebuttalText text) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("claim", text.claim());
        json.put("verdict", text.verdict());
        json.put("shortAnswer", text.shortAnswer());
        json.put("fullText", text.fullText());
        return json;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Both texts of one conflict in full: ours now, then theirs.")
    static final class Show extends SessionCommand {
        @Parameters(paramLabel = "ID", description = "The conflict, as 'claimdesk conflicts' lists it.")
        long id;

        @Override
        int run(WorkspaceSession session) {
            RebuttalConflict conflict = session.bundles().conflict(id).orElse(null);
            if (conflict == null) {
                err().println("claimdesk conflicts show: there is no conflict " + id);
                return ExitCodes.FAILED;
            }
            out().printf("Conflict %d on rebuttal %d (%s), found %s in %s%s%n", conflict.id(), conflict.rebuttalId(),
                    conflict.language(), CliText.time(conflict.foundAt()), conflict.bundleName(),
                    conflict.pending() ? "" : "; resolved: " + conflict.resolution().name().toLowerCase(java.util.Locale.ROOT)
                            + " by " + conflict.resolvedBy());
            print("Ours (version " + conflict.localRevision() + (conflict.mineChanged() ? ", saved again since" : "") + ")",
                    conflict.mine());
            print("Theirs (saved " + CliText.time(conflict.theirSavedAt()) + " by " + conflict.theirSavedBy() + ")",
                    conflict.theirs());
            out().flush();
            return ExitCodes.OK;
        }

        private void print(String heading, RebuttalText text) {
            out().println();
            out().println("== " + heading);
            out().println("Claim:        " + text.claim());
            out().println("Verdict:      " + (text.verdict() == null ? "-" : text.verdict()));
            out().println("Short answer: " + text.shortAnswer());
            out().println(text.fullText());
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = {"Settle a conflict as a new version of the rebuttal, saved by NAME:",
            "ours again (--mine), theirs (--theirs), or a merged text (--text FILE: the full text in Markdown;",
            "claim, verdict and short answer stay ours). Changed text of an approved or published rebuttal goes",
            "back to review, as any edit does."})
    static final class Resolve extends SessionCommand {
        static final class How {
            @Option(names = "--mine", description = "Keep our text.")
            boolean mine;

            @Option(names = "--theirs", description = "Take their text.")
            boolean theirs;

            @Option(names = "--text", paramLabel = "FILE", description = "A merged full text (UTF-8 Markdown) written from both.")
            Path text;
        }

        @Parameters(paramLabel = "ID", description = "The conflict, as 'claimdesk conflicts' lists it.")
        long id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        How how;

        @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who resolves it (one of the team's identities).")
        String as;

        @Override
        int run(WorkspaceSession session) throws IOException {
            AnalystIdentity who = session.rebuttals().identities().stream().filter(identity -> identity.name().equals(as.strip()))
                    .findFirst().orElse(null);
            if (who == null) {
                err().println("claimdesk conflicts resolve: nobody called '" + as + "' works in this workspace; the team: "
                        + String.join(", ", session.rebuttals().identities().stream().map(AnalystIdentity::name).toList()));
                return ExitCodes.USAGE;
            }
            RebuttalConflict conflict = session.bundles().conflict(id).orElse(null);
            if (conflict == null) {
                err().println("claimdesk conflicts resolve: there is no conflict " + id);
                return ExitCodes.FAILED;
            }
            WorkspaceBundles.Resolution resolution;
            if (how.mine) {
                resolution = new WorkspaceBundles.Resolution.KeepMine();
            } else if (how.theirs) {
                resolution = new WorkspaceBundles.Resolution.TakeTheirs();
            } else {
                RebuttalText mine = conflict.mine();
                resolution = new WorkspaceBundles.Resolution.Merged(new RebuttalText(mine.claim(), mine.verdict(),
                        mine.shortAnswer(), Files.readString(how.text, StandardCharsets.UTF_8)));
            }
            try {
                StoredRebuttal resolved = session.bundles().resolve(id, resolution, who);
                out().printf("Conflict %d resolved: rebuttal %d is at version %d (%s), saved by %s%n", id, resolved.id(),
                        resolved.revision(), resolved.status().name(), who.name());
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                err().println("claimdesk conflicts resolve: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }
}
