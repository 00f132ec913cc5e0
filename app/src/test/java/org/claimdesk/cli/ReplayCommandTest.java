package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code claimdesk replay} on a stream written for it: a dam story that bursts across five sources
 * within an hour, a rate story that trickles in every three and a half hours from two, and a few
 * lone items (burst-and-trickle.jsonl, deliberately not in time order).
 */
class ReplayCommandTest {
    /** A flag line: cluster, first item, flag time, delay, items at flag and at end, grew, claim. */
    static final Pattern FLAG_LINE = Pattern.compile(
            "\\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +[0-9hmins ]+ +\\d+ +\\d+ +(false-alarm|-) +.*");
    static final Pattern SUMMARY_LINE = Pattern.compile("replay: \\d+ items, \\d+ clusters, \\d+ flagged; delay from first item"
            + " to flag: median [^,]+, 90th percentile [^;]+; \\d+ false alarms \\(flagged, then no new item\\)");

    @TempDir
    Path tmp;
    final CommandRunner cli = new CommandRunner();
    Path stream;
    Path stories;

    @BeforeEach
    void copyTheStream() throws Exception {
        stream = copy("burst-and-trickle.jsonl");
        stories = copy("burst-and-trickle-stories.tsv");
    }

    private Path copy(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("replay/" + name)) {
            assertThat(in).as(name).isNotNull();
            Path target = tmp.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    private int run(String... args) {
        return cli.run(tmp.resolve("data"), args);
    }

    @Test
    void theBurstIsFlaggedWithinMinutesOfItsThirdItemAndTheTrickleNever() throws Exception {
        Path kept = tmp.resolve("kept");
        assertThat(run("replay", stream.toString(), "--labels", stories.toString(), "--json", "--keep", kept.toString()))
                .as(cli.err.toString()).isZero();

        assertThat(cli.out.toString().strip()).as("one JSON object on one line").doesNotContain("\n");
        JsonNode report = new ObjectMapper().readTree(cli.out.toString());
        assertThat(report.get("items").asInt()).isEqualTo(17);
        List<JsonNode> dam = new ArrayList<>();
        for (JsonNode flag : report.get("flagged")) {
            assertThat(flag.path("story").asText()).as("only the burst is flagged: %s", flag).isEqualTo("dam");
            dam.add(flag);
        }
        assertThat(dam).isNotEmpty();
        // its third item came at 08:17:45, 13 min 35 s after the first: the flag is at the end of that minute,
        // or of the fourth item's (08:26) if the third did not join the cluster
        Duration delay = Duration.ofSeconds(dam.getFirst().get("delaySeconds").asLong());
        assertThat(delay).isBetween(Duration.ofMinutes(13), Duration.ofMinutes(23));
        assertThat(dam.getFirst().get("falseAlarm").asBoolean()).as("it grew after the flag").isFalse();
        assertThat(dam.getFirst().get("itemsAtEnd").asInt()).isGreaterThan(dam.getFirst().get("itemsAtFlag").asInt());

        JsonNode storyReport = report.get("stories");
        assertThat(storyReport.get("labelled").asInt()).isEqualTo(5);
        assertThat(storyReport.get("flagged").asInt()).isEqualTo(1);
        for (JsonNode story : storyReport.get("each")) {
            assertThat(story.get("firstFlag").isNull()).as(story.toString()).isEqualTo(!story.get("story").asText().equals("dam"));
        }
        assertThat(cli.err.toString()).contains("workspace kept in " + kept);
        assertThat(kept.resolve("feeds.yml")).exists();
    }

    @Test
    void linesAsDocumentedAndTheTemporaryWorkspaceIsGone() throws Exception {
        assertThat(run("replay", stream.toString(), "--labels", stories.toString())).as(cli.err.toString()).isZero();

        System.out.println(cli.out);
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("cluster  first item");
        assertThat(lines.get(1)).matches(FLAG_LINE).contains("Mosul");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("dam +8 +2026-03-02 08:04Z +2026-03-02 08:\\d\\dZ +\\d+ min.*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("rate +6 +2026-03-02 06:00Z +- +never +0"));
        assertThat(lines.get(lines.size() - 2)).matches(SUMMARY_LINE);
        assertThat(lines.getLast()).startsWith("replay: 5 stories, 1 flagged").contains("4 never flagged");
        var scratch = Pattern.compile("the temporary workspace (.+) is deleted").matcher(cli.err.toString());
        assertThat(scratch.find()).as(cli.err.toString()).isTrue();
        assertThat(Path.of(scratch.group(1))).doesNotExist();
    }

    @Test
    void speedKeepsTheStreamsPaceTimesN() {
        // 06:00 to 00:30 the next day, and the 2 h after the last item: 20.5 h of stream, 2.05 s at 36,000×
        long started = System.nanoTime();
        assertThat(run("replay", stream.toString(), "--speed", "36000")).as(cli.err.toString()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(2_000));
        assertThat(cli.out.toString()).containsPattern("replay: 17 items, \\d+ clusters, 1 flagged");
    }

    @Test
    void aLineWithoutATimeIsNamedAndSkipped() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.jsonl"), String.join("\n",
                Files.readAllLines(stream).getFirst(),
                "{\"id\":\"x1\",\"source\":\"Somewhere\",\"title\":\"An item with no time\"}",
                "{\"id\":\"x2\",\"time\":\"last week\",\"title\":\"An item with a time nobody can read\"}"));

        assertThat(run("replay", broken.toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.err.toString()).contains("broken.jsonl:2: no time; line skipped")
                .contains("broken.jsonl:3: time 'last week'");
        assertThat(cli.out.toString()).contains("replay: 1 items, 1 clusters, 0 flagged");
    }

    @Test
    void aMissingFileAndWrongUsageSayWhat() throws Exception {
        assertThat(run("replay", tmp.resolve("missing.jsonl").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err.toString()).contains("missing.jsonl: no such file");
        assertThat(run("replay", stream.toString(), "--labels", tmp.resolve("missing-stories.tsv").toString()))
                .as("said before the replay, not after").isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err.toString()).contains("missing-stories.tsv: no such file").doesNotContain("claimdesk replay: 17 items");

        assertThat(run("-w", tmp.resolve("desk").toString(), "replay", stream.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("fresh workspace of its own");
        assertThat(tmp.resolve("desk")).doesNotExist();

        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("something"), "x");
        assertThat(run("replay", stream.toString(), "--keep", full.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("not a new or empty folder");

        assertThat(run("replay", stream.toString(), "--speed", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("replay", stream.toString(), "--speed", "fast")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("--speed must be a number above 0 or 'max'");
        assertThat(run("replay", "--help")).isZero();
        assertThat(cli.out.toString()).contains("false alarm").contains("every minute of stream time");
    }
}
