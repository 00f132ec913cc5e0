package org.claimdesk.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.claimdesk.cluster.ClusteringScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code claimdesk cluster-eval FILE LABELS}: how close a clustering is to reference labels. */
@Command(name = "cluster-eval", description = {
        "Score a clustering against reference labels: B-cubed and pairwise precision, recall and F1.",
        "FILE: the output of 'claimdesk cluster' (id<TAB>cluster per line).",
        "LABELS: id<TAB>label per line, or a CSV with a header row holding an id column and a label,",
        "story or cluster column (the labelled file given to 'cluster' will do).",
        "Only items that have both a cluster and a label are scored. Needs no workspace."})
final class ClusterEvalCommand implements Callable<Integer> {
    private static final List<String> LABEL_COLUMNS = List.of("label", "story", "cluster");

    @Parameters(index = "0", paramLabel = "FILE", description = "id<TAB>cluster lines, as 'cluster' prints them.")
    Path clusters;

    @Parameters(index = "1", paramLabel = "LABELS", description = "id<TAB>label lines, or CSV with id and label/story/cluster.")
    Path labels;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> problems = problem -> spec.commandLine().getErr().println("claimdesk cluster-eval: " + problem);
        Map<String, String> predicted = tabSeparated(clusters, problems);
        Map<String, String> reference = labels(labels, problems);
        ClusteringScores s = ClusteringScores.of(predicted, reference);
        if (s.items() == 0) {
            throw new IOException("no item of " + clusters.getFileName() + " has a label in " + labels.getFileName());
        }
        out.printf(Locale.ROOT, "items     %d (of %d clustered, %d labelled)%n", s.items(), predicted.size(), reference.size());
        out.printf(Locale.ROOT, "           precision  recall  F1%n");
        out.printf(Locale.ROOT, "b-cubed    %.4f     %.4f  %.4f%n", s.bCubed().precision(), s.bCubed().recall(), s.bCubed().f1());
        out.printf(Locale.ROOT, "pairwise   %.4f     %.4f  %.4f%n", s.pairwise().precision(), s.pairwise().recall(), s.pairwise().f1());
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Reference labels by item id: id<TAB>label lines, or a CSV whose header has an id column and
     * a label, story or cluster column; {@code problems} hears of each line skipped.
     */
    static Map<String, String> labels(Path file, Consumer<String> problems) throws IOException {
        return isCsv(file) ? csvLabels(file) : tabSeparated(file, problems);
    }

    private static boolean isCsv(Path file) throws IOException {
        requireFile(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && !first.contains("\t") && first.contains(",");
        }
    }

    private static Map<String, String> tabSeparated(Path file, Consumer<String> problems) throws IOException {
        requireFile(file);
        Map<String, String> map = new HashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                problems.accept(file.getFileName() + ":" + number + ": not 'id<TAB>value'; line skipped");
                continue;
            }
            map.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
        }
        return map;
    }

    static Map<String, String> csvLabels(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(r)) {
            String idColumn = null;
            String labelColumn = null;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                if (idColumn == null) {
                    idColumn = column(row, List.of("id"));
                    labelColumn = column(row, LABEL_COLUMNS);
                    if (idColumn == null || labelColumn == null) {
                        throw new IOException(file.getFileName() + ": the header needs an id column and one of " + LABEL_COLUMNS);
                    }
                }
                String id = row.get(idColumn);
                String label = row.get(labelColumn);
                if (id != null && label != null && !label.isBlank()) {
                    map.put(id.strip(), label.strip());
                }
            }
        }
        return map;
    }

    private static String column(Map<String, String> row, List<String> names) {
        for (String name : names) {
            for (String key : row.keySet()) {
                if (key.strip().equalsIgnoreCase(name)) {
                    return key;
                }
            }
        }
        return null;
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
    }
}
