package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code search} and {@code rebuild-index} on a real workspace, as a script runs them. */
class SearchCommandTest {
    @TempDir
    Path tmp;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    @BeforeEach
    void fill() throws Exception {
        workspace = tmp.resolve("desk");
        feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, """
                sources:
                  - id: ar-news
                    name: Arabic desk wire
                    url: https://ar.example.org/feed
                    language: ar
                    tags: [news]
                  - id: en-checks
                    url: https://en.example.org/feed
                    language: en
                """);
        Instant now = Instant.now();
        // the session syncs feeds.yml's sources; the items are stored as an earlier run would have
        WorkspaceSession.open(new Workspace(workspace).ensureLayout(), feeds).close();
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            ItemStore session = new ItemStore(database);
            save(session, "ar-news", "ar", "مكافحة الإرهاب في العراق", "ناقش المؤتمر سبل مكافحة الإرهاب.", now.minus(Duration.ofHours(3)), 1);
            save(session, "ar-news", "ar", "عمل إرهابي قديم", "هجوم إرهابي قبل عام.", now.minus(Duration.ofDays(30)), 2);
            save(session, "en-checks", "en", "Terror rumour debunked", "Claims about terrorism are false.", now.minus(Duration.ofHours(1)), 3);
        }
    }

    private static void save(ItemStore session, String source, String lang, String title, String text,
                             Instant published, int n) {
        URI url = URI.create("https://" + source + ".example.org/" + n);
        session.save(new NewItem(source, url, url, null, title, null, text, lang, published, published, "h" + n));
    }

    private int run(String... args) {
        return cli.run(tmp.resolve("data"), args);
    }

    @Test
    void searchBuildsTheMissingIndexThenPrintsMarkedHits() {
        int code = run("-w", workspace.toString(), "-f", feeds.toString(), "search", "ارهاب", "--lang", "ar",
                "--since", "2d");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("Search index missing", "Search index updated: 3 items added");
        // the source as feeds.yml names it, not its id
        assertThat(out.toString()).contains("Arabic desk wire", "مكافحة [الإرهاب] في العراق", "1 hit")
                .doesNotContain("قديم", "Terror", "ar-news");
    }

    @Test
    void untilKeepsTheOlderItemsOnly() {
        int code = run("-w", workspace.toString(), "-f", feeds.toString(), "search", "ارهاب OR terror*",
                "--until", "2d");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("[إرهابي] قديم", "1 hit").doesNotContain("العراق", "Terror");
    }

    @Test
    void jsonLinesSortedByTimeAndRebuildIndex() throws Exception {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "rebuild-index")).isZero();
        assertThat(out.toString()).contains("Indexed 3 items");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int code = run("-w", workspace.toString(), "-f", feeds.toString(), "search", "ارهاب OR terror*",
                "--sort", "time", "--json", "--limit", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("rebuilding");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> hits = out.toString().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).get("sources").get(0).asText()).isEqualTo("en-checks");
        assertThat(hits.get(1).get("language").asText()).isEqualTo("ar");
        assertThat(hits.get(1).get("rightToLeft").asBoolean()).isTrue();
        JsonNode mark = hits.get(1).get("titleMarks").get(0);
        assertThat(hits.get(1).get("title").asText().substring(mark.get(0).asInt(), mark.get(1).asInt())).isEqualTo("الإرهاب");
    }

    @Test
    void aBadQueryOrOptionIsAUsageError() {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "\"open")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Cannot read the query");
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "x", "--since", "yesterday"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--since and --until take");
    }

    @Test
    void aSlashInsideAWordIsPartOfTheWordAndAnOpenPatternIsSaidInTheAnalystsWords() throws Exception {
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            save(new ItemStore(database), "en-checks", "en", "Script runs /bin/bash as root", "A shell claim.", Instant.now(), 4);
        }
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "bin/bash")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("/[bin/bash]", "1 hit");

        err.getBuffer().setLength(0);
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "/bin")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Cannot read the query: a \"/\" starts a pattern")
                .doesNotContain("Lexical error", "Encountered", "column");
    }

    @Test
    void aCountAtTheLimitOfExactCountingIsExact() throws Exception {
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            ItemStore items = new ItemStore(database);
            for (int n = 0; n < 1000; n++) {
                save(items, "en-checks", "en", "Water report " + n, "The tap water is safe.", Instant.now(), 100 + n);
            }
        }
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "water", "--limit", "1"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).endsWith("1000 hits\n").doesNotContain("more than", "at least");

        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            save(new ItemStore(database), "en-checks", "en", "Water report again", "More tap water.", Instant.now(), 99);
        }
        out.getBuffer().setLength(0);
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "water", "--limit", "1")).isZero();
        assertThat(out.toString()).containsPattern("(1001|at least \\d+) hits\n$").doesNotContain("more than");
    }
}
