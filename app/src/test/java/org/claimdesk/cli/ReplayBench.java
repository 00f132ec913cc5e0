package org.claimdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.cluster.ClusterItem;
import org.claimdesk.cluster.GeneratedNewsStream;
import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code claimdesk replay} on labelled streams, whole pipeline, as docs/benchmarks.md reports it
 * ("Emerging-claim flags"): the UCI headlines (../shared; minutes a run) and the generated stream
 * of the clustering bench with its stories of one to three days (-Dbench.replayItems, 3,000 by
 * default: seven hours of it). Run with
 * {@code mvn -B -o -pl app -Pbench test -Dtest=ReplayBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class ReplayBench {
    private static final int GENERATED_ITEMS = Integer.getInteger("bench.replayItems", 3_000);
    /** Outlets the generated items are spread over: flags want two sources or more. */
    private static final int OUTLETS = 40;

    @TempDir
    Path tmp;
    final CommandRunner cli = new CommandRunner();

    @Test
    void uciNewsStoriesFromTheCsvAsItIs() {
        Path uci = SharedFixtures.require("clustering/uci-news-dev").resolve("stories.csv");
        List<String> summary = replay(uci, uci);
        assertThat(summary.getFirst()).startsWith("replay: 3318 items");
        assertThat(summary.getLast()).startsWith("replay: 44 stories");
    }

    @Test
    void generatedStreamWithStoriesOfDays() throws Exception {
        GeneratedNewsStream generator = new GeneratedNewsStream(11, OUTLETS);
        Path stream = tmp.resolve("generated.jsonl");
        Path labels = tmp.resolve("generated-stories.tsv");
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter items = Files.newBufferedWriter(stream, StandardCharsets.UTF_8);
             BufferedWriter stories = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
            for (int n = 0; n < GENERATED_ITEMS; n++) {
                GeneratedNewsStream.Labelled next = generator.next();
                ClusterItem item = next.item();
                ObjectNode line = json.createObjectNode().put("id", item.id()).put("time", item.time().toString())
                        .put("title", item.title()).put("text", item.text()).put("language", item.language())
                        .put("source", item.source());
                items.write(json.writeValueAsString(line));
                items.newLine();
                stories.write(item.id() + "\t" + next.story());
                stories.newLine();
            }
        }
        List<String> summary = replay(stream, labels);
        assertThat(summary.getFirst()).startsWith("replay: " + GENERATED_ITEMS + " items");
    }

    /** Replays the stream and prints what docs/benchmarks.md takes: the summary lines and the timing. */
    private List<String> replay(Path stream, Path labels) {
        int code = cli.run(tmp.resolve("data"), "replay", stream.toString(), "--labels", labels.toString());
        System.out.println(cli.out);
        System.out.println(cli.err.toString().lines().filter(l -> l.startsWith("claimdesk replay")).toList());
        System.out.println("cores " + Runtime.getRuntime().availableProcessors() + ", Java " + Runtime.version()
                + ", load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(code).as(cli.err.toString()).isZero();
        return cli.out.toString().lines().filter(l -> l.startsWith("replay:")).toList();
    }
}
