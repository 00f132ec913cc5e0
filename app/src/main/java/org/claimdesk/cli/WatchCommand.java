package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.source.HumanUnits;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.StoreException;
import org.claimdesk.workspace.WatchQueries;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@Command(name = "watch", description = {"Saved searches that count new matches as items arrive.",
        "  watch                      list them with their new matches",
        "  watch add NAME QUERY       save a search (with --lang/--source/--tag/--entity/--since filters)",
        "  watch new NAME             print its new matches",
        "  watch seen NAME            mark its matches so far as seen",
        "  watch remove NAME          delete it"})
final class WatchCommand extends SessionCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "list",
            description = "list, add, new, seen or remove")
    String action;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME QUERY")
    List<String> words = List.of();

    @Option(names = "--lang", paramLabel = "TAG", description = "Only items in this language (repeatable).")
    Set<String> languages = new LinkedHashSet<>();

    @Option(names = "--source", paramLabel = "ID", description = "Only items from this source (repeatable).")
    Set<String> sources = new LinkedHashSet<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Only items with this tag (repeatable).")
    Set<String> tags = new LinkedHashSet<>();

    @Option(names = "--entity", paramLabel = "NAME", description = "Only items naming this entity (repeatable).")
    Set<String> entities = new LinkedHashSet<>();

    @Option(names = "--since", paramLabel = "AGO", description = "Only items from this far back, whenever it runs: 30m, 12h, 2d, 1w.")
    String since;

    @Option(names = "--limit", defaultValue = "20", description = "New matches to print (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = {"list: one JSON object per saved search and line;",
            "new: one per new match, as search --json writes hits."})
    boolean json;

    private ObjectMapper mapper; // made on first use: picocli creates every command at start

    @Override
    int run(WorkspaceSession session) {
        if (IndexCommand.bringUpToDate(this, session).cancelled()) {
            return ExitCodes.CANCELLED;
        }
        WatchQueries watches = session.search().savedSearches();
        return switch (action) {
            case "list" -> list(watches);
            case "add" -> add(watches);
            case "new" -> withSaved(watches, saved -> printNew(watches, saved, session.sources().names()));
            case "seen" -> withSaved(watches, saved -> {
                watches.markSeen(saved);
                out().printf("'%s': all matches so far marked as seen%n", saved.name());
                return ExitCodes.OK;
            });
            case "remove" -> withSaved(watches, saved -> {
                watches.remove(saved);
                out().printf("'%s' removed%n", saved.name());
                return ExitCodes.OK;
            });
            default -> usage("unknown action '" + action + "' (list, add, new, seen or remove)");
        };
    }

    private int list(WatchQueries watches) {
        List<WatchQueries.WatchCount> counts = watches.counts();
        if (counts.isEmpty() && !json) {
            out().println("No saved searches. Add one: claimdesk watch add NAME \"QUERY\"");
        }
        if (json) {
            for (WatchQueries.WatchCount count : counts) {
                out().println(asJson(count));
            }
            return ExitCodes.OK;
        }
        for (WatchQueries.WatchCount count : counts) {
            out().printf("%-24s %5d new   %s%s%n", CliText.fit(count.search().name(), 24), count.newMatches(),
                    count.search().query(), filters(count.search()));
        }
        return ExitCodes.OK;
    }

    private int add(WatchQueries watches) {
        if (words.size() != 2) {
            return usage("watch add needs a NAME and a QUERY, e.g. watch add water \"tap water -boil\"");
        }
        SearchRequest request = SearchRequest.of(words.get(1)).withLanguages(languages).withSources(sources)
                .withTags(tags).withEntities(entities);
        Duration reach = since == null ? null : SearchCommand.ago(since);
        if (since != null && (reach == null || reach.isZero())) {
            return usage("--since takes how far back a saved search reaches: 30m, 12h, 2d or 1w, not '" + since + "'");
        }
        try {
            SavedSearch saved = watches.save(words.get(0), request, reach);
            out().printf("Saved '%s'; items stored from now on that match count as new%n", saved.name());
            return ExitCodes.OK;
        } catch (SearchQueryException e) {
            return usage(e.getMessage());
        } catch (StoreException e) {
            err().println("claimdesk watch: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private int printNew(WatchQueries watches, SavedSearch saved, Map<String, String> names) {
        SearchResults results = watches.newMatches(saved, limit);
        if (json) {
            for (SearchHit hit : results.hits()) {
                out().println(write(SearchCommand.asJson(hit, names)));
            }
            return ExitCodes.OK;
        }
        for (SearchHit hit : results.hits()) {
            out().printf("%s  %-20s %-3s %s%n", CliText.time(hit.time()), CliText.fit(SearchCommand.sourceName(hit, names), 20),
                    hit.language(), CliText.fit(hit.title().marked("[", "]"), 100));
        }
        out().printf("%d new match%s for '%s'%n", results.totalHits(), results.totalHits() == 1 ? "" : "es", saved.name());
        return ExitCodes.OK;
    }

    private String asJson(WatchQueries.WatchCount count) {
        SavedSearch s = count.search();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("query", s.query());
        m.put("newMatches", count.newMatches());
        m.put("languages", new TreeSet<>(s.languages()));
        m.put("sources", new TreeSet<>(s.sourceIds()));
        m.put("tags", new TreeSet<>(s.tags()));
        m.put("entities", new TreeSet<>(s.entities()));
        m.put("since", s.since() == null ? null : s.since().toString());
        m.put("created", s.createdAt() == null ? null : s.createdAt().toString());
        return write(m);
    }

    private String write(Map<String, Object> object) {
        try {
            if (mapper == null) {
                mapper = new ObjectMapper();
            }
            return mapper.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private interface SavedAction {
        int run(SavedSearch saved);
    }

    private int withSaved(WatchQueries watches, SavedAction then) {
        if (words.size() != 1) {
            return usage("watch " + action + " needs the NAME of a saved search");
        }
        Optional<SavedSearch> saved = watches.find(words.getFirst());
        if (saved.isEmpty()) {
            err().println("claimdesk watch: no saved search named '" + words.getFirst() + "'");
            return ExitCodes.FAILED;
        }
        return then.run(saved.get());
    }

    private int usage(String message) {
        throw usageError(message);
    }

    private static String filters(SavedSearch s) {
        StringBuilder sb = new StringBuilder();
        s.languages().forEach(l -> sb.append(" lang:").append(l));
        s.sourceIds().forEach(l -> sb.append(" source:").append(l));
        s.tags().forEach(l -> sb.append(" tag:").append(l));
        s.entities().forEach(l -> sb.append(" entity:").append(l));
        if (s.since() != null) {
            sb.append(" since:").append(HumanUnits.formatDuration(s.since()));
        }
        return sb.isEmpty() ? "" : "  [" + sb.toString().strip() + "]";
    }
}
