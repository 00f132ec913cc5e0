package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.index.SearchHit;
import org.claimdesk.index.SearchOrder;
import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.index.Snippet;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "search", description = {"Search the stored items.",
        "Query: words (all must match), \"a phrase\", a OR b, -exclude, prefix*,",
        "title:word, body:word, source:ID, lang:ar, tag:TAG, entity:NAME."})
final class SearchCommand extends SessionCommand {
    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([mhdw])");

    @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for (quote it in the shell).")
    String query;

    @Option(names = "--lang", paramLabel = "LANG", split = ",", description = "Only items in these languages (ar,en,...).")
    List<String> languages = List.of();

    @Option(names = "--source", paramLabel = "ID", split = ",", description = "Only items from these sources.")
    List<String> sources = List.of();

    @Option(names = "--tag", paramLabel = "TAG", split = ",", description = "Only items from sources with these tags.")
    List<String> tags = List.of();

    @Option(names = "--entity", paramLabel = "NAME", description = "Only items naming this person, organisation or place (repeatable).")
    List<String> entities = List.of();

    @Option(names = "--since", paramLabel = "WHEN", description = "Only items from this time on: 30m, 12h, 2d, 1w ago, or a date (2026-11-01, UTC).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Only items before this time: 30m, 12h, 2d, 1w ago, or a date (2026-11-01 means before that day, UTC).")
    String until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or time (newest first).")
    String sort;

    @Option(names = "--json", description = "One JSON object per hit and line.")
    boolean json;

    @Override
    int run(WorkspaceSession session) throws JsonProcessingException {
        SearchRequest request;
        Instant now = Instant.now();
        try {
            request = SearchRequest.of(query)
                    .withLanguages(Set.copyOf(languages))
                    .withSources(Set.copyOf(sources))
                    .withTags(Set.copyOf(tags))
                    .withEntities(Set.copyOf(entities))
                    .between(since == null ? null : since(since, now), until == null ? null : since(until, now))
                    .orderedBy(order(sort))
                    .page(0, Math.max(0, limit))
                    .facets(false);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        if (IndexCommand.bringUpToDate(this, session).cancelled()) {
            return ExitCodes.CANCELLED;
        }
        SearchResults results;
        try {
            results = session.search().search(request);
        } catch (SearchQueryException e) {
            err().println("claimdesk search: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Map<String, String> sourceNames = session.sources().names();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            for (SearchHit hit : results.hits()) {
                out().println(mapper.writeValueAsString(asJson(hit, sourceNames)));
            }
        } else {
            for (SearchHit hit : results.hits()) {
                out().printf("%s  %-20s %-3s %s%n", CliText.time(hit.time()),
                        CliText.fit(sourceName(hit, sourceNames), 20),
                        hit.language(), CliText.fit(hit.title().marked("[", "]"), 100));
                for (Snippet snippet : hit.snippets().stream().limit(1).toList()) {
                    out().printf("    %s%n", CliText.fit(snippet.marked("[", "]"), 160));
                }
            }
            // a count that is not exact is a lower bound: that many or more
            out().printf("%s%d hit%s%n", results.totalIsExact() ? "" : "at least ", results.totalHits(),
                    results.totalHits() == 1 ? "" : "s");
        }
        return ExitCodes.OK;
    }

    /** The first source's name as feeds.yml gives it (its id when it has none). */
    static String sourceName(SearchHit hit, Map<String, String> names) {
        String id = hit.sourceIds().getFirst();
        return names.getOrDefault(id, id);
    }

    /** A hit as {@code search --json} writes it (docs/cli.md); {@code watch new --json} writes the same. */
    static Map<String, Object> asJson(SearchHit hit, Map<String, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", hit.itemId());
        m.put("time", hit.time() == null ? null : hit.time().toString());
        m.put("language", hit.language());
        m.put("rightToLeft", hit.rightToLeft());
        m.put("sources", hit.sourceIds());
        m.put("sourceNames", hit.sourceIds().stream().map(id -> names.getOrDefault(id, id)).toList());
        m.put("url", hit.url());
        m.put("title", hit.title().text());
        m.put("titleMarks", marks(hit.title()));
        m.put("snippets", hit.snippets().stream().map(s -> Map.of("text", s.text(), "marks", marks(s))).toList());
        m.put("score", Float.isNaN(hit.score()) ? null : hit.score());
        return m;
    }

    private static List<int[]> marks(Snippet snippet) {
        return snippet.marks().stream().map(m -> new int[] {m.start(), m.end()}).toList();
    }

    static SearchOrder order(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchOrder.RELEVANCE;
            case "time", "newest" -> SearchOrder.NEWEST;
            default -> throw new IllegalArgumentException("--sort takes relevance or time, not '" + value + "'");
        };
    }

    /** "2d" as a reach back in time, or null when the value is not of that form (30m, 12h, 2d, 1w). */
    static Duration ago(String value) {
        Matcher ago = AGO.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!ago.matches()) {
            return null;
        }
        long n = Long.parseLong(ago.group(1));
        Duration unit = switch (ago.group(2)) {
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
        return unit.multipliedBy(n);
    }

    /** "2d" (ago), "2026-11-01" (start of that day, UTC) or an ISO instant. */
    static Instant since(String value, Instant now) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration ago = ago(v);
        if (ago != null) {
            return now.minus(ago);
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since and --until take 30m, 12h, 2d, 1w or a date like 2026-11-01, not '"
                        + value + "'");
            }
        }
    }
}
