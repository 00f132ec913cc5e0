package org.claimdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.cluster.ClusterItem;
import org.claimdesk.flag.ClusterFlagger;
import org.claimdesk.flag.FlagDelays;
import org.claimdesk.flag.FlagPolicy;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.workspace.Replaying;
import org.claimdesk.workspace.StreamClock;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code claimdesk replay FILE}: a recorded stream fed through the whole pipeline as if it
 * arrived live, to measure how soon flags come and how often they come for nothing.
 */
@Command(name = "replay", description = {
        "Feed a timestamped stream through the whole pipeline (analysis, claims,",
        "clusters, flags) as if it arrived live; report per flagged cluster the delay",
        "from its first item to its flag, and the false alarms.",
        "Items enter in time order (the file's need not be), at their own time, and are",
        "analysed, their claims found and clustered as each arrives. Flags are scored at",
        "the end of every minute of stream time, as the workbench does once a minute, so",
        "delays are measured to the minute (stretches over 2 h after the last item are",
        "skipped: no flag can be raised in them).",
        "A false alarm is a flagged cluster that gained no item after its flag.",
        "Runs in a fresh temporary workspace, deleted afterwards (--keep DIR keeps it,",
        "to open in the window), never in the one of -w or the default one.",
        "FILE: as for 'cluster' (JSON lines or CSV with id, time, title, text, and",
        "optional language, source, url); every item needs a time. Items without a",
        "source count as one source.",
        "Output: a line per flag (cluster, first item, flag time, delay, items at the",
        "flag and at the end, 'false-alarm' or '-', its claim); with --labels a line",
        "per story; then 'replay:' summary lines."},
        sortOptions = false)
final class ReplayCommand extends SessionCommand {
    /** How often flags are scored in stream time: the workbench's own pace (once a minute). */
    static final Duration STEP = Duration.ofMinutes(1);
    private static final int MOST_MEMBERS = Integer.MAX_VALUE;

    @Parameters(index = "0", paramLabel = "FILE", description = "The stream: JSON lines or CSV, each item with a time.")
    Path file;

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "max",
            description = "N times the stream's own pace (1: in real time); max: as fast as the pipeline goes (default).")
    String speed;

    @Option(names = "--labels", paramLabel = "FILE",
            description = {"Reference stories, as for cluster-eval: id<TAB>story, or CSV with id and",
                    "story/label/cluster (the labelled stream itself will do). Adds a line per story:",
                    "the delay from its first item to the first flag on a cluster mostly of it."})
    Path labels;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Replay into this new (or empty) folder and keep it as a workspace, log included.")
    Path keep;

    @Option(names = "--json", description = "Write the report as one JSON object instead of lines.")
    boolean json;

    private final List<ClusterItem> stream = new ArrayList<>();
    private Map<String, String> storyByStreamId = Map.of();
    private int badLines;
    private StreamClock clock;
    private Path workspaceDir;
    private double timesFaster;

    @Override
    WorkspaceSession open() throws Exception {
        if (root().workspaceOptions.workspace != null || root().workspaceOptions.feeds != null) {
            throw usageError("replay works in a fresh workspace of its own; --keep DIR keeps it (not -w or -f)");
        }
        timesFaster = parseSpeed(speed);
        if (keep != null && Files.exists(keep) && (!Files.isDirectory(keep) || !isEmpty(keep))) {
            throw usageError("--keep " + keep + ": not a new or empty folder (what is stored there would count in the figures)");
        }
        // read whole, then sorted: a file in another order still enters in time order
        badLines = new ClusterInputFile(problem -> err().println("claimdesk replay: " + problem), true)
                .read(file, stream::add).badLines();
        stream.sort(Comparator.comparing(ClusterItem::time));
        if (stream.isEmpty()) {
            throw new IOException(file.getFileName() + ": no item with an id and a time");
        }
        if (labels != null) {
            // read before the replay: a wrong labels file is said now, not after an hour of analysis
            storyByStreamId = ClusterEvalCommand.labels(labels, problem -> err().println("claimdesk replay: " + problem));
        }
        workspaceDir = keep != null ? keep : Files.createTempDirectory("claimdesk-replay-");
        clock = new StreamClock(stream.getFirst().time());
        return root().sessions.openScratch(new Workspace(workspaceDir), clock);
    }

    @Override
    void closed() throws IOException {
        if (workspaceDir != null && keep == null) {
            deleteTree(workspaceDir);
        }
    }

    @Override
    int run(WorkspaceSession session) throws InterruptedException {
        Replay replay = new Replay(session.replay(), file.toAbsolutePath().toUri());
        long started = System.nanoTime();
        try (CommandProgress progress = progress("replay", "items", stream.size())) {
            replay.feed(progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        FlagDelays delays = replay.delays();
        if (json) {
            printJson(delays, replay);
        } else {
            printLines(delays);
        }
        err().printf(Locale.ROOT, "claimdesk replay: %d items in %.1f s (%.1f items/s; storing %.1f s, stages %.1f s,"
                        + " %d flag rounds %.1f s)%s; %s%n", stream.size(), seconds, stream.size() / Math.max(seconds, 1e-3),
                replay.storeNanos / 1e9, replay.stageNanos / 1e9, replay.rounds, replay.flagNanos / 1e9,
                replay.duplicates > 0 ? ", " + replay.duplicates + " repeated an earlier item of their source" : "",
                keep != null ? "workspace kept in " + keep : "the temporary workspace " + workspaceDir + " is deleted");
        long failed = session.replay().failedItems();
        if (failed > 0) {
            err().println("claimdesk replay: " + failed + " items failed a stage and are in no cluster"
                    + (keep != null ? " (see the log in " + keep + ")" : " (--keep DIR keeps the log)"));
        }
        return badLines > 0 || failed > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** The replay loop: items at their time, flags at every step, pace kept when asked. */
    private final class Replay {
        private final Replaying workspace;
        private final URI source;
        private final Map<Long, List<String>> streamIdsByItem = new HashMap<>();
        private final List<Raised> raised = new ArrayList<>();
        private Instant lastArrival;
        private Instant nextStep;
        private long wallStart;
        int duplicates;
        private long storeNanos;
        private long stageNanos;
        private long flagNanos;
        private int rounds;

        /** A flag as it was raised, before the stream's end tells how its cluster went on. */
        private record Raised(ClusterSummary cluster, List<Long> members) {
        }

        Replay(Replaying workspace, URI source) {
            this.workspace = workspace;
            this.source = source;
        }

        void feed(CommandProgress progress) throws InterruptedException {
            wallStart = System.nanoTime();
            int done = 0;
            for (ClusterItem item : stream) {
                stepUntil(item.time());
                clock.moveTo(item.time());
                keepPace(item.time());
                long t0 = System.nanoTime();
                OptionalLong id = workspace.store(item, source);
                long t1 = System.nanoTime();
                storeNanos += t1 - t0;
                if (id.isPresent()) {
                    streamIdsByItem.computeIfAbsent(id.getAsLong(), k -> new ArrayList<>()).add(item.id());
                } else {
                    duplicates++;
                }
                workspace.runStages();
                stageNanos += System.nanoTime() - t1;
                lastArrival = item.time();
                if (nextStep == null) {
                    nextStep = item.time().truncatedTo(ChronoUnit.MINUTES).plus(STEP);
                }
                progress.stepTo(++done, stream.size());
            }
            // the last items get the window in which a flag could still come
            stepUntil(lastArrival.plus(FlagPolicy.DEFAULT.window()));
        }

        /** Scores flags at each step up to {@code until}; a quiet stretch (nothing in the window) is jumped. */
        private void stepUntil(Instant until) throws InterruptedException {
            while (nextStep != null && !nextStep.isAfter(until)) {
                if (Duration.between(lastArrival, nextStep).compareTo(FlagPolicy.DEFAULT.window()) > 0) {
                    nextStep = null; // the next item starts the steps again
                    return;
                }
                clock.moveTo(nextStep);
                keepPace(nextStep);
                long t0 = System.nanoTime();
                ClusterFlagger.Round round = workspace.scoreFlags();
                flagNanos += System.nanoTime() - t0;
                rounds++;
                for (ClusterSummary flagged : round.newlyFlagged()) {
                    raised.add(new Raised(flagged, workspace.itemsOf(flagged.id(), MOST_MEMBERS)));
                }
                nextStep = nextStep.plus(STEP);
            }
        }

        /** With --speed N, waits until the wall clock has caught up with stream time / N. */
        private void keepPace(Instant streamTime) throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (timesFaster <= 0) {
                return;
            }
            double streamNanos = Duration.between(stream.getFirst().time(), streamTime).toNanos() / timesFaster;
            long ahead = (long) streamNanos - (System.nanoTime() - wallStart);
            if (ahead > 0) {
                TimeUnit.NANOSECONDS.sleep(ahead);
            }
        }

        FlagDelays delays() {
            List<FlagDelays.FlaggedCluster> flagged = new ArrayList<>();
            for (Raised r : raised) {
                int atEnd = workspace.cluster(r.cluster().id()).map(ClusterSummary::itemCount).orElse(r.cluster().itemCount());
                List<String> stories = r.members().stream().flatMap(this::storiesOf).toList();
                flagged.add(new FlagDelays.FlaggedCluster(r.cluster().id(), r.cluster().label(),
                        r.cluster().firstItemAt(), r.cluster().flaggedAt(), r.cluster().itemCount(), atEnd,
                        FlagDelays.majority(stories)));
            }
            Set<Long> clusters = new HashSet<>();
            for (long item : streamIdsByItem.keySet()) {
                workspace.clusterOf(item).ifPresent(clusters::add);
            }
            List<FlagDelays.LabelledItem> labelled = stream.stream().filter(i -> storyByStreamId.containsKey(i.id()))
                    .map(i -> new FlagDelays.LabelledItem(storyByStreamId.get(i.id()), i.time())).toList();
            return new FlagDelays(clusters.size(), flagged, FlagDelays.stories(labelled, flagged));
        }

        private Stream<String> storiesOf(long itemId) {
            return streamIdsByItem.getOrDefault(itemId, List.of()).stream().map(storyByStreamId::get);
        }
    }

    private void printLines(FlagDelays delays) {
        PrintWriter out = out();
        out.printf(Locale.ROOT, "%-8s %-17s %-17s %-12s %7s %7s %-11s %s%n", "cluster", "first item", "flagged", "delay",
                "at flag", "at end", "grew", "claim");
        for (FlagDelays.FlaggedCluster f : delays.flagged()) {
            out.printf(Locale.ROOT, "%-8d %-17s %-17s %-12s %7d %7d %-11s %s%n", f.clusterId(), CliText.time(f.firstItemAt()),
                    CliText.time(f.flaggedAt()), CliText.duration(f.delay()), f.itemsAtFlag(), f.itemsAtEnd(),
                    f.falseAlarm() ? "false-alarm" : "-", CliText.fit(f.label(), 70));
        }
        if (!delays.stories().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-32s %6s %-17s %-17s %-12s %s%n", "story", "items", "first item", "first flag",
                    "delay", "flags");
            for (FlagDelays.StoryDelay s : delays.stories()) {
                out.printf(Locale.ROOT, "%-32s %6d %-17s %-17s %-12s %d%n", CliText.fit(s.story(), 32), s.items(),
                        CliText.time(s.firstItemAt()), CliText.time(s.firstFlagAt()),
                        s.delay().map(CliText::duration).orElse("never"), s.flaggedClusters());
            }
        }
        out.printf(Locale.ROOT, "replay: %d items, %d clusters, %d flagged; delay from first item to flag: median %s,"
                        + " 90th percentile %s; %d false alarms (flagged, then no new item)%n", stream.size(),
                delays.clusters(), delays.flagged().size(), durationOrNone(delays.clusterDelay(50)),
                durationOrNone(delays.clusterDelay(90)), delays.falseAlarms());
        if (labels != null) {
            out.printf(Locale.ROOT, "replay: %d stories, %d flagged (delay median %s, 90th percentile %s), %d never flagged;"
                            + " of %d flags: %d first on a story, %d again on a flagged story, %d on no labelled item%n",
                    delays.stories().size(), delays.flaggedStories(), durationOrNone(delays.storyDelay(50)),
                    durationOrNone(delays.storyDelay(90)), delays.stories().size() - delays.flaggedStories(),
                    delays.flagged().size(), delays.flaggedStories(), delays.repeatFlags(), delays.unlabelledFlags());
        }
        out.flush();
    }

    private void printJson(FlagDelays delays, Replay replay) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("file", file.toString()).put("items", stream.size()).put("skippedLines", badLines)
                .put("repeatedItems", replay.duplicates).put("stepSeconds", STEP.toSeconds())
                .put("clusters", delays.clusters()).put("flaggedClusters", delays.flagged().size())
                .put("falseAlarms", delays.falseAlarms());
        report.put("medianDelaySeconds", seconds(delays.clusterDelay(50)));
        report.put("p90DelaySeconds", seconds(delays.clusterDelay(90)));
        ArrayNode flagged = report.putArray("flagged");
        for (FlagDelays.FlaggedCluster f : delays.flagged()) {
            ObjectNode node = flagged.addObject().put("cluster", f.clusterId()).put("claim", f.label())
                    .put("firstItem", f.firstItemAt().toString()).put("flagged", f.flaggedAt().toString())
                    .put("delaySeconds", f.delay().toSeconds()).put("itemsAtFlag", f.itemsAtFlag())
                    .put("itemsAtEnd", f.itemsAtEnd()).put("falseAlarm", f.falseAlarm());
            if (labels != null) {
                node.put("story", f.story());
            }
        }
        if (labels != null) {
            ObjectNode stories = report.putObject("stories").put("labelled", delays.stories().size())
                    .put("flagged", delays.flaggedStories()).put("repeatFlags", delays.repeatFlags())
                    .put("unlabelledFlags", delays.unlabelledFlags());
            stories.put("medianDelaySeconds", seconds(delays.storyDelay(50)));
            stories.put("p90DelaySeconds", seconds(delays.storyDelay(90)));
            ArrayNode each = stories.putArray("each");
            for (FlagDelays.StoryDelay s : delays.stories()) {
                each.addObject().put("story", s.story()).put("items", s.items())
                        .put("firstItem", s.firstItemAt().toString()).put("flags", s.flaggedClusters())
                        .put("firstFlag", s.firstFlagAt() == null ? null : s.firstFlagAt().toString())
                        .put("delaySeconds", seconds(s.delay()));
            }
        }
        try {
            out().println(mapper.writeValueAsString(report));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out().flush();
    }

    private static Long seconds(Optional<Duration> d) {
        return d.map(Duration::toSeconds).orElse(null);
    }

    private static String durationOrNone(Optional<Duration> d) {
        return d.map(CliText::duration).orElse("-");
    }

    /** "max" is 0 (no pacing); else a positive multiple of the stream's pace. */
    private double parseSpeed(String value) {
        if (value.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double n = Double.parseDouble(value);
            if (n > 0 && Double.isFinite(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw usageError("--speed must be a number above 0 or 'max', got " + value);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
