package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved searches from the command line: save, see new matches arrive, mark them seen. */
class WatchCommandTest {
    @TempDir
    Path tmp;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    @BeforeEach
    void workspace() throws Exception {
        workspace = tmp.resolve("desk");
        feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-w", workspace.toString(), "-f", feeds.toString()}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(tmp.resolve("data"), all);
    }

    private void importFixture(String resource, String name) throws Exception {
        Path saved = Files.createDirectories(tmp.resolve("saved-" + name));
        Files.write(saved.resolve(name), LoopbackServer.resourceBytes(resource));
        assertThat(run("import", saved.toString())).as(err.toString()).isZero();
    }

    @Test
    void aSavedSearchCountsOnlyItemsThatArriveAfterItWasSaved() throws Exception {
        importFixture("web/feeds/en-atom.xml", "en.xml");

        assertThat(run("watch", "add", "ballots", "ballot OR bridge")).as(err.toString()).isZero();
        assertThat(run("watch")).isZero();
        assertThat(out.toString()).containsPattern("ballots\\s+0 new\\s+ballot OR bridge");

        // New items in German and Arabic arrive; one English-language query does not match them,
        // a German one does.
        assertThat(run("watch", "add", "strom", "Stromausfall OR Bürgermeister", "--lang", "de")).isZero();
        importFixture("web/feeds/de-rss-utf8.xml", "de.xml");
        assertThat(run("watch")).isZero();
        assertThat(out.toString()).containsPattern("ballots\\s+0 new").containsPattern("strom\\s+[12] new");

        assertThat(run("watch", "new", "strom")).isZero();
        assertThat(out.toString()).contains(" de ").containsPattern("[12] new match");

        assertThat(run("watch", "seen", "strom")).isZero();
        assertThat(run("watch")).isZero();
        assertThat(out.toString()).containsPattern("strom\\s+0 new\\s+Stromausfall OR Bürgermeister\\s+\\[lang:de\\]");

        assertThat(run("watch", "remove", "ballots")).isZero();
        assertThat(run("watch")).isZero();
        assertThat(out.toString()).doesNotContain("ballots");
    }

    @Test
    void aSavedSearchKeepsItsTimeRange() throws Exception {
        assertThat(run("watch", "add", "recent", "ballot OR bridge OR Stromausfall", "--since", "1d")).as(err.toString()).isZero();
        assertThat(run("watch", "add", "any", "ballot OR bridge OR Stromausfall")).isZero();
        // these fixtures were published years ago: new to the workspace, but outside the last day
        importFixture("web/feeds/en-atom.xml", "en.xml");
        importFixture("web/feeds/de-rss-utf8.xml", "de.xml");
        assertThat(run("watch")).isZero();
        assertThat(out.toString()).containsPattern("recent\\s+0 new\\s+.*\\[since:1d\\]")
                .containsPattern("any\\s+[1-9]\\d* new");
        assertThat(run("watch", "add", "bad", "water", "--since", "yesterday")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("30m, 12h, 2d or 1w");
    }

    @Test
    void jsonListsSavedSearchesAndNewMatchesOneObjectALine() throws Exception {
        assertThat(run("watch", "add", "strom", "Stromausfall OR Bürgermeister", "--lang", "de")).isZero();
        assertThat(run("watch", "add", "recent", "Stromausfall", "--since", "1w")).isZero();
        importFixture("web/feeds/de-rss-utf8.xml", "de.xml");
        out.getBuffer().setLength(0);

        assertThat(run("watch", "--json")).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode saved = new ObjectMapper().readTree(lines.stream().filter(l -> l.contains("\"strom\"")).findFirst().orElseThrow());
        assertThat(saved.get("query").asText()).isEqualTo("Stromausfall OR Bürgermeister");
        assertThat(saved.get("languages").get(0).asText()).isEqualTo("de");
        assertThat(saved.get("since").isNull()).isTrue();
        long newMatches = saved.get("newMatches").asLong();
        assertThat(newMatches).isPositive();
        JsonNode recent = new ObjectMapper().readTree(lines.stream().filter(l -> l.contains("\"recent\"")).findFirst().orElseThrow());
        assertThat(recent.get("since").asText()).isEqualTo("PT168H");

        out.getBuffer().setLength(0);
        assertThat(run("watch", "new", "strom", "--json")).isZero();
        List<String> hits = out.toString().lines().toList();
        assertThat((long) hits.size()).isEqualTo(newMatches);
        JsonNode hit = new ObjectMapper().readTree(hits.getFirst());
        assertThat(hit.get("language").asText()).isEqualTo("de");
        assertThat(hit.has("titleMarks")).isTrue();
    }

    @Test
    void brokenQueriesDuplicateNamesAndUnknownNamesAreRefusedClearly() {
        assertThat(run("watch", "add", "broken", "title:(")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Cannot read the query");
        assertThat(run("watch", "add", "x", "water")).isZero();
        assertThat(run("watch", "add", "x", "fire")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("exists already");
        assertThat(run("watch", "new", "nobody")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("no saved search named 'nobody'");
        assertThat(run("watch", "frobnicate")).isEqualTo(ExitCodes.USAGE);
    }
}
