package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.store.WatchlistStore;
import org.claimdesk.workspace.ClaimClusters;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code claimdesk watchlist list|add|remove}: the terms, entities and sources that raise a claim cluster (decision 0015). */
@Command(name = "watchlist", description = {"Terms, entities and sources that raise a claim cluster's flag when enough of its",
        "items match them (the window's watchlist under the claim board).",
        "  watchlist list                                    the entries, with their ids",
        "  watchlist add --term|--entity|--source VALUE      watch one [--threshold N]",
        "  watchlist remove ID                               stop watching one"},
        subcommands = {WatchlistCommand.ListEntries.class, WatchlistCommand.Add.class, WatchlistCommand.Remove.class})
final class WatchlistCommand extends SessionCommand.Group {
    /** The threshold the window offers too. */
    static final String DEFAULT_THRESHOLD = "3";

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"The watchlist in the order it was made: id, kind, threshold and what is watched.",
            "A cluster is raised when at least THRESHOLD of its items of the last day match an entry."})
    static final class ListEntries extends SessionCommand {
        @Option(names = "--json", description = "One JSON object per entry and line.")
        boolean json;

        @Override
        int run(WorkspaceSession session) throws JsonProcessingException {
            List<WatchEntry> entries = session.claims().watchlist();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                for (WatchEntry entry : entries) {
                    out().println(mapper.writeValueAsString(asJson(entry)));
                }
            } else if (entries.isEmpty()) {
                out().println("The watchlist is empty. Add to it with 'claimdesk watchlist add --term WORDS'.");
            } else {
                out().printf("%6s  %-6s  %9s  %s%n", "id", "kind", "threshold", "watched");
                for (WatchEntry entry : entries) {
                    out().printf("%6d  %-6s  %9d  %s%n", entry.id(), kindWord(entry.kind()), entry.threshold(), entry.entry());
                }
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Watch a term (words in an item's title or text, in any case), an entity (a name",
            "analysis found, in any case) or a source (its id, as 'claimdesk sources' lists it). Adding",
            "what is watched already changes its threshold. Flags are rescored with it at the next round."})
    static final class Add extends SessionCommand {
        /** Exactly one of the three. */
        static final class What {
            @Option(names = "--term", paramLabel = "WORDS", required = true, description = "A word or phrase in an item's title or text.")
            String term;

            @Option(names = "--entity", paramLabel = "NAME", required = true, description = "A person, organisation or place that analysis found.")
            String entity;

            @Option(names = "--source", paramLabel = "ID", required = true, description = "A source, by its id.")
            String source;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        @Option(names = "--threshold", paramLabel = "N", defaultValue = DEFAULT_THRESHOLD,
                description = "Raise a cluster once N of its items match (default ${DEFAULT-VALUE}, at least 1).")
        int threshold;

        @Override
        int run(WorkspaceSession session) {
            WatchEntry.Kind kind = what.term != null ? WatchEntry.Kind.TERM
                    : what.entity != null ? WatchEntry.Kind.ENTITY : WatchEntry.Kind.SOURCE;
            String value = what.term != null ? what.term : what.entity != null ? what.entity : what.source;
            String option = "--" + kindWord(kind);
            if (value.isBlank()) {
                throw usageError(option + " needs something to watch: it is empty");
            }
            if (value.strip().length() > WatchlistStore.LONGEST_ENTRY) {
                throw usageError(option + " is " + value.strip().length() + " characters long; at most "
                        + WatchlistStore.LONGEST_ENTRY + " can be watched");
            }
            if (threshold < 1) {
                throw usageError("--threshold is the number of a cluster's items that must match: at least 1, not " + threshold);
            }
            ClaimClusters claims = session.claims();
            boolean known = claims.watchlist().stream()
                    .anyMatch(entry -> entry.kind() == kind && entry.entry().equals(value.strip()));
            if (kind == WatchEntry.Kind.SOURCE && !session.sources().names().containsKey(value.strip())) {
                err().println("warning: this workspace has no source '" + value.strip()
                        + "' ('claimdesk sources' lists them); the entry matches once one with that id delivers items");
            }
            WatchEntry entry = claims.watch(kind, value, threshold);
            out().printf("%s %s '%s' (entry %d): a cluster is raised once %d of its items %s%n",
                    known ? "Still watching" : "Watching", kindWord(kind), entry.entry(), entry.id(), entry.threshold(),
                    switch (kind) {
                        case TERM -> "mention it";
                        case ENTITY -> "name it";
                        case SOURCE -> "come from it";
                    });
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = {"Stop watching an entry, by the id 'claimdesk watchlist list' shows.",
            "Flags it raised are rescored without it at the next round."})
    static final class Remove extends SessionCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The entry's id.")
        long id;

        @Override
        int run(WorkspaceSession session) {
            ClaimClusters claims = session.claims();
            Optional<WatchEntry> found = claims.watchlist().stream().filter(entry -> entry.id() == id).findFirst();
            if (found.isEmpty() || !claims.unwatch(id)) {
                err().println("claimdesk watchlist remove: no watchlist entry " + id + " ('claimdesk watchlist list' shows their ids)");
                return ExitCodes.FAILED;
            }
            out().printf("No longer watching %s '%s' (entry %d)%n", kindWord(found.get().kind()), found.get().entry(), id);
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** How the command line names a kind: as its option, without the dashes. */
    static String kindWord(WatchEntry.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> asJson(WatchEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("kind", entry.kind().name());
        json.put("entry", entry.entry());
        json.put("threshold", entry.threshold());
        return json;
    }
}
