package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.flag.ClusterFlagger;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.ClusterPlacement;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchlist from the command line, on a workspace on disk, and what it does to the flags the real flagger raises. */
class WatchlistCommandTest {
    @TempDir
    Path tmp;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    /** Two items of the last day that mention vaccines, from one source: too slow and narrow to flag by themselves. */
    long vaccineCluster;

    @BeforeEach
    void workspaceWithAQuietCluster() throws Exception {
        workspace = tmp.resolve("desk");
        feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        Instant now = Instant.now();
        try (Database database = Database.open(new Workspace(workspace).ensureLayout().databaseDir())) {
            new SourceStore(database).registerImported(new Source("wire-a", "Wire A", URI.create("file:/wire-a.jsonl"),
                    SourceKind.FEED, "en", List.of(), Duration.ofDays(1), false, PageSelectors.NONE, false));
            ItemStore items = new ItemStore(database);
            ClusterStore clusters = new ClusterStore(database);
            vaccineCluster = clusters.newCluster(now.minus(Duration.ofHours(20)));
            for (int hoursAgo : new int[] {20, 10}) {
                String text = ("The vaccine batch recalled last week was stored too warm, the regulator said " + hoursAgo
                        + " hours ago. ").repeat(4);
                Instant at = now.minus(Duration.ofHours(hoursAgo));
                items.save(new NewItem("wire-a", null, null, "wire-a/" + hoursAgo, "Vaccine batch recalled", null, text,
                        "en", at, at, ContentHash.of(text)));
                clusters.place(new ClusterPlacement(items.lastId(), vaccineCluster, 0.9, List.of(), at));
            }
        }
    }

    private int run(String... args) {
        return cli.runOn(workspace, feeds, tmp.resolve("data"), args);
    }

    /** One flag round, as the workbench runs it once a minute; the cluster as the board then shows it. */
    private ClusterSummary afterAFlagRound(List<Long> newlyFlagged) {
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(workspace), feeds)) {
            ClusterFlagger.Round round = session.rescoreFlags();
            round.newlyFlagged().forEach(summary -> newlyFlagged.add(summary.id()));
            return session.claims().summary(vaccineCluster).orElseThrow();
        }
    }

    @Test
    void entriesAreAddedListedAndRemoved() throws Exception {
        assertThat(run("watchlist", "list")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("The watchlist is empty");

        assertThat(run("watchlist", "add", "--term", " vaccine ", "--threshold", "2")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Watching term 'vaccine'").contains("once 2 of its items mention it");
        assertThat(run("watchlist", "add", "--entity", "World Health Organization")).as(cli.err.toString()).isZero();
        assertThat(run("watchlist", "add", "--source", "wire-a", "--threshold", "5")).as(cli.err.toString()).isZero();
        assertThat(cli.err.toString()).isEmpty();
        assertThat(run("watchlist", "add", "--term", "vaccine", "--threshold", "4")).isZero();
        assertThat(cli.out.toString()).as("the same term again changes its threshold").contains("Still watching term 'vaccine'");

        assertThat(run("watchlist", "list")).isZero();
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).containsPattern("\\d+\\s+term\\s+4\\s+vaccine$");
        assertThat(lines.get(2)).containsPattern("entity\\s+3\\s+World Health Organization$");
        assertThat(lines.get(3)).containsPattern("source\\s+5\\s+wire-a$");

        assertThat(run("watchlist", "list", "--json")).isZero();
        List<JsonNode> json = jsonLines();
        assertThat(json).hasSize(3);
        assertThat(json.getFirst().get("kind").asText()).isEqualTo("TERM");
        assertThat(json.getFirst().get("entry").asText()).isEqualTo("vaccine");
        assertThat(json.getFirst().get("threshold").asInt()).isEqualTo(4);
        long entity = json.get(1).get("id").asLong();

        assertThat(run("watchlist", "remove", String.valueOf(entity))).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("No longer watching entity 'World Health Organization'");
        assertThat(run("watchlist", "list", "--json")).isZero();
        assertThat(jsonLines()).extracting(line -> line.get("entry").asText()).containsExactly("vaccine", "wire-a");
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        assertThat(run("watchlist", "add", "--term", "  ")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("--term needs something to watch: it is empty");
        assertThat(run("watchlist", "add", "--term", "vaccine", "--threshold", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("--threshold").contains("at least 1, not 0");
        assertThat(run("watchlist", "add", "--term", "x".repeat(501))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("at most 500");
        assertThat(run("watchlist", "add", "--threshold", "2")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("--term").contains("--entity").contains("--source");
        assertThat(run("watchlist", "add", "--term", "a", "--entity", "b")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("watchlist", "remove", "42")).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err.toString()).contains("no watchlist entry 42");
        assertThat(run("watchlist", "remove", "the-first")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("watchlist")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("list, add or remove");

        assertThat(run("watchlist", "add", "--source", "nowhere")).as("a source to come is watched, with a warning").isZero();
        assertThat(cli.err.toString()).contains("warning: this workspace has no source 'nowhere'");
        assertThat(run("watchlist", "list", "--json")).isZero();
        assertThat(cli.out.toString().lines().count()).as("nothing refused was kept").isEqualTo(1);
    }

    @Test
    void aWatchedTermRaisesTheClusterThatMentionsItAndRemovingItStopsThat() throws Exception {
        List<Long> flagged = new java.util.ArrayList<>();
        ClusterSummary unwatched = afterAFlagRound(flagged);
        assertThat(flagged).isEmpty();
        assertThat(unwatched.flaggedAt()).isNull();
        assertThat(unwatched.flagReasons()).noneMatch(reason -> reason.contains("watched"));

        assertThat(run("watchlist", "add", "--term", "Vaccine", "--threshold", "2")).as(cli.err.toString()).isZero();
        ClusterSummary watched = afterAFlagRound(flagged);
        assertThat(flagged).as("the window hears of it").containsExactly(vaccineCluster);
        assertThat(watched.flaggedAt()).isNotNull();
        assertThat(watched.flagReasons()).contains("mentions watched term Vaccine (2 items)");

        assertThat(run("watchlist", "list", "--json")).isZero();
        long id = jsonLines().getFirst().get("id").asLong();
        assertThat(run("watchlist", "remove", String.valueOf(id))).as(cli.err.toString()).isZero();
        ClusterSummary removed = afterAFlagRound(flagged);
        assertThat(removed.flagReasons()).noneMatch(reason -> reason.contains("watched"));
        assertThat(removed.flagScore()).isLessThan(watched.flagScore());
    }

    private List<JsonNode> jsonLines() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : cli.out.toString().lines().toList()) {
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }
}
