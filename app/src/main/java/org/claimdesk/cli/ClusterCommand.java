package org.claimdesk.cli;

import org.claimdesk.cluster.Assignment;
import org.claimdesk.cluster.ClusterSettings;
import org.claimdesk.cluster.StreamingClusterer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code claimdesk cluster FILE}: the streaming clusterer over a file of items, so any labelled data
 * can be run through it (and scored with {@code cluster-eval}). Needs no workspace.
 */
@Command(name = "cluster", description = {
        "Group the items of FILE into stories, in the order given (time order), as the workbench does",
        "while they stream in. Prints 'id<TAB>cluster' for every item, in input order; cluster ids",
        "are numbers, the same number for items of one story. Needs no workspace.",
        "FILE: JSON lines with id, time, title, text and optional language, source, url, entities",
        "(an array), or CSV with a header row of those columns (case ignored; timestamp, publisher,",
        "body are read as time, source, text). Times: ISO-8601 or epoch seconds or milliseconds."})
final class ClusterCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Items, as JSON lines or CSV, in time order.")
    Path file;

    @Option(names = "--threshold", paramLabel = "S",
            description = "Similarity (0 to 1) an item needs to join a cluster (default: ${DEFAULT-VALUE}).")
    double threshold = ClusterSettings.defaults().joinThreshold();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(threshold > 0 && threshold < 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be between 0 and 1, got " + threshold);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterSettings defaults = ClusterSettings.defaults();
        StreamingClusterer clusterer = new StreamingClusterer(defaults.withJoinThreshold(threshold)
                .withMergeThreshold(Math.max(threshold, defaults.mergeThreshold())));
        List<String> ids = new ArrayList<>();
        Map<String, Long> clusterOf = new HashMap<>();
        long started = System.nanoTime();
        ClusterInputFile.Report report = new ClusterInputFile(problem -> err.println("claimdesk cluster: " + problem))
                .read(file, item -> {
                    Assignment a = clusterer.add(item);
                    ids.add(item.id());
                    clusterOf.put(item.id(), a.clusterId());
                    clusterOf.putAll(a.moved());
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        // later items may have merged an item's cluster into another or split it off: print where it is now
        StringBuilder line = new StringBuilder();
        for (String id : ids) {
            line.setLength(0);
            out.append(line.append(id).append('\t').append(clusterer.resolve(clusterOf.get(id))).append('\n'));
        }
        out.flush();
        if (report.withoutTime() > 0) {
            err.printf("claimdesk cluster: %d items had no time; each took the time of the item before it%n",
                    report.withoutTime());
        }
        long distinct = clusterOf.values().stream().map(clusterer::resolve).distinct().count();
        err.printf(Locale.ROOT, "claimdesk cluster: %d items in %d clusters, %.1f s (%.0f items/s)%n", ids.size(), distinct,
                seconds, ids.size() / Math.max(seconds, 1e-9));
        return report.badLines() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
