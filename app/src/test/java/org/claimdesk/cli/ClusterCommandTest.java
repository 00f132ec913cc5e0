package org.claimdesk.cli;

import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code claimdesk cluster} and {@code cluster-eval} as a script uses them. */
class ClusterCommandTest {
    /** Just under what the shipped settings reach on the fixture (docs/benchmarks.md, "Streaming clustering"). */
    private static final double UCI_PAIRWISE_F1_FLOOR = 0.87;
    private static final Pattern PAIRWISE = Pattern.compile("pairwise\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)");

    @TempDir
    Path tmp;
    final CommandRunner cli = new CommandRunner();

    /** Writes the lines to a file of that name and runs {@code claimdesk cluster} on it. */
    private int clusterFile(String name, String... lines) throws Exception {
        Path items = Files.writeString(tmp.resolve(name), String.join("\n", lines));
        return cli.run(tmp, "cluster", items.toString());
    }

    private List<String> printedIds() {
        return cli.out.toString().lines().map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void jsonLinesInIdTabClusterOutInInputOrder() throws Exception {
        int code = clusterFile("items.jsonl",
                "{\"id\":\"a1\",\"time\":\"2026-03-01T08:00:00Z\",\"title\":\"Chrysler recalls 25,000 Jeep SUVs over brakes\",\"text\":\"\"}",
                "{\"id\":\"b1\",\"time\":\"2026-03-01T08:01:00Z\",\"title\":\"Mt. Gox bitcoin exchange files for bankruptcy\"}",
                "{\"id\":\"a2\",\"time\":1772352180,\"title\":\"Jeep recall: Chrysler calls back 25000 SUVs for brakes\",\"language\":\"en\"}",
                "");

        assertThat(code).isZero();
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("a1\t");
        assertThat(lines.get(2)).startsWith("a2\t");
        assertThat(lines.get(2).split("\t")[1]).isEqualTo(lines.get(0).split("\t")[1]);
        assertThat(lines.get(1).split("\t")[1]).isNotEqualTo(lines.get(0).split("\t")[1]);
    }

    @Test
    void brokenLinesAreNamedAndSkippedAndMissingTimesAreSaid() throws Exception {
        int code = clusterFile("items.jsonl",
                "{\"id\":\"a1\",\"time\":\"2026-03-01T08:00:00Z\",\"title\":\"Volcano erupts\"}",
                "{\"id\":\"a2\", broken",
                "{\"title\":\"no id here\"}",
                "{\"id\":\"a3\",\"time\":\"yesterday\",\"title\":\"Volcano\"}",
                "{\"id\":\"a4\",\"title\":\"Volcano erupts again, no time given\"}");

        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        assertThat(printedIds()).containsExactly("a1", "a4");
        assertThat(cli.err.toString())
                .contains("items.jsonl:2: not a JSON object")
                .contains("items.jsonl:3: no id")
                .contains("items.jsonl:4: time 'yesterday'")
                .contains("1 items had no time");
    }

    @Test
    void csvWithDatasetColumnNamesMultiLineCellsAndABrokenQuote() throws Exception {
        int code = clusterFile("items.csv",
                "ID,TITLE,TIMESTAMP,PUBLISHER,STORY",
                "1,\"Volcano erupts, ash cloud over Iceland\",1394470370698,Reuters,a",
                "2,Volcano ash cloud grounds flights,yesterday,AP,a",
                "3,\"Ash cloud over Iceland:",
                "flights grounded as volcano erupts\",1394470370900,AFP,a",
                "4,\"a quote never closed,1394470370901,AFP,a",
                "5,not read,1394470370902,AFP,a", "");

        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(printedIds()).containsExactly("1", "3");
        assertThat(lines.get(1).split("\t")[1]).isEqualTo(lines.get(0).split("\t")[1]);
        assertThat(cli.err.toString())
                .contains("items.csv:3: time 'yesterday'")
                .contains("items.csv:6: a quote that is never closed; the rest of the file is not read");
    }

    @Test
    void wrongUsageExitsTwoAndHelpAnswers() {
        assertThat(cli.run(tmp, "cluster")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(tmp, "cluster", "x.csv", "--threshold", "3")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(tmp, "cluster-eval", "only-one")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(tmp, "cluster", "--help")).isZero();
        assertThat(cli.out.toString()).contains("id<TAB>cluster");
        assertThat(cli.run(tmp, "cluster", tmp.resolve("missing.csv").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err.toString()).contains("missing.csv: no such file");
    }

    @Test
    void evalScoresAgainstTabSeparatedLabels() throws Exception {
        Path clusters = Files.writeString(tmp.resolve("clusters.tsv"), "a\t1\nb\t1\nc\t2\nd\t2\n");
        Path labels = Files.writeString(tmp.resolve("labels.tsv"), "a\tx\nb\tx\nc\tx\nd\ty\n");

        assertThat(cli.run(tmp, "cluster-eval", clusters.toString(), labels.toString())).isZero();

        // pairs together: ab, cd; right: ab; pairs that belong: ab, ac, bc
        Matcher m = PAIRWISE.matcher(cli.out.toString());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(0.5);
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(cli.out.toString()).contains("b-cubed");
    }

    @Test
    void uciNewsStoriesFromTheCsvAsItIs() throws Exception {
        Path stories = SharedFixtures.require("clustering/uci-news-dev").resolve("stories.csv");
        assertThat(cli.run(tmp, "cluster", stories.toString())).isZero();
        Path clusters = Files.writeString(tmp.resolve("uci.tsv"), cli.out.toString());
        assertThat(clusters).content().hasLineCount(3318);
        cli.out.getBuffer().setLength(0);

        assertThat(cli.run(tmp, "cluster-eval", clusters.toString(), stories.toString())).isZero();

        System.out.println(cli.out);
        Matcher m = PAIRWISE.matcher(cli.out.toString());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(3))).isGreaterThanOrEqualTo(UCI_PAIRWISE_F1_FLOOR);
    }
}
