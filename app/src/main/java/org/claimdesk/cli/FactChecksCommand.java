package org.claimdesk.cli;

import org.claimdesk.index.RankingScores;
import org.claimdesk.rebuttals.FactCheckImportReport;
import org.claimdesk.workspace.KnownAnswer;
import org.claimdesk.workspace.KnownAnswers;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code claimdesk factchecks import|match|eval}: earlier answers, imported and matched (decision 0018). */
@Command(name = "factchecks", description = {"Fact-checks published by others (ClaimReview) and the team's rebuttals as earlier answers.",
        "  factchecks import FILE...         import ClaimReview records",
        "  factchecks match FILE|-           the 10 best earlier answers for each claim, one line per claim",
        "  factchecks eval MATCHES LABELS    MRR@10 and recall@10 of match's output against labels"},
        subcommands = {FactChecksCommand.Import.class, FactChecksCommand.Match.class, FactChecksCommand.Eval.class})
final class FactChecksCommand extends SessionCommand.Group {
    /** How many answers a claim gets, as issue 12 asks. */
    static final int ANSWERS = 10;

    @Command(name = "import", mixinStandardHelpOptions = true, description = {"Import ClaimReview records: a JSON-LD file with one record or an array (or an",
            "@graph) of them, JSON lines with one record a line, or saved web pages that embed them in",
            "<script type=\"application/ld+json\">. Prints per file what was imported, updated (a newer",
            "dateModified), unchanged, and refused; each refused record, with file and record or line and",
            "why, goes to standard error with the warnings. Importing a file again changes nothing.",
            "Exit 3 when a record or file was refused (the good records are kept)."})
    static final class Import extends SessionCommand {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "ClaimReview files (.json, .jsonl, .html).")
        List<Path> files;

        @Override
        int run(WorkspaceSession session) {
            KnownAnswers answers = session.knownAnswers();
            boolean refused = false;
            for (Path file : files) {
                FactCheckImportReport report = answers.importFile(file);
                out().println(file + ": " + report.summary());
                report.refused().forEach(line -> err().println("refused: " + line));
                report.warnings().forEach(line -> err().println("warning: " + line));
                refused |= !report.refused().isEmpty();
            }
            out().flush();
            return refused ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
    }

    @Command(name = "match", mixinStandardHelpOptions = true, description = {"Read claims, one per line (UTF-8), from FILE or standard input ('-'), and print for",
            "each line the urls of the best-matching earlier answers (imported fact-checks; the team's",
            "rebuttals as claimdesk:rebuttal/ID), tab-separated, best first; an empty line when none fits.",
            "The matching the window uses."})
    static final class Match extends SessionCommand {
        @Parameters(index = "0", paramLabel = "FILE|-", description = "Claims, one per line, or - for standard input.")
        String input;

        @Option(names = "--limit", defaultValue = "10", description = "At most this many answers per claim (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(WorkspaceSession session) throws IOException {
            List<String> lines;
            try {
                lines = readLines(input);
            } catch (NoSuchFileException e) {
                err().println("claimdesk factchecks match: " + input + ": no such file");
                return ExitCodes.FAILED;
            }
            KnownAnswers answers = session.knownAnswers();
            PrintWriter out = out();
            for (String line : lines) {
                List<KnownAnswer> found = line.isBlank() ? List.of() : answers.match(line, limit);
                out.println(found.stream().map(KnownAnswer::url).collect(Collectors.joining("\t")));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = {"Score match's output against labels: MRR@10, recall@10 and how often the first",
            "answer is right. MATCHES: the output of 'factchecks match'. LABELS: one line per claim, in",
            "the same order: the url(s) of the right answer(s), tab-separated; an empty line for a claim",
            "that has none (an empty answer is then right). Needs no workspace."})
    static final class Eval implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MATCHES", description = "urls per line, as 'factchecks match' prints them.")
        String matches;

        @Parameters(index = "1", paramLabel = "LABELS", description = "The right url(s) per line, tab-separated.")
        String labels;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<String> ranked;
            List<String> right;
            try {
                ranked = readLines(matches);
                right = readLines(labels);
            } catch (NoSuchFileException e) {
                spec.commandLine().getErr().println("claimdesk factchecks eval: " + e.getFile() + ": no such file");
                return ExitCodes.FAILED;
            }
            if (ranked.size() != right.size()) {
                spec.commandLine().getErr().println("claimdesk factchecks eval: " + matches + " has " + ranked.size()
                        + " lines and " + labels + " has " + right.size() + "; one line per claim in both");
                return ExitCodes.FAILED;
            }
            RankingScores scores = RankingScores.of(ranked.stream().map(FactChecksCommand::urls).toList(),
                    right.stream().map(line -> (Set<String>) new LinkedHashSet<>(urls(line))).toList(), ANSWERS);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "claims with a right answer  %d%n", scores.labelled());
            out.printf(Locale.ROOT, "MRR@%d                      %.3f%n", scores.k(), scores.mrr());
            out.printf(Locale.ROOT, "recall@%d                   %.3f%n", scores.k(), scores.recall());
            out.printf(Locale.ROOT, "right first                 %.3f%n", scores.firstRight());
            out.printf(Locale.ROOT, "claims without one          %d (%d left without an answer)%n", scores.unlabelled(),
                    scores.leftEmpty());
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static List<String> urls(String line) {
        List<String> urls = new ArrayList<>();
        for (String url : line.split("\t")) {
            if (!url.isBlank()) urls.add(url.strip());
        }
        return urls;
    }

    static List<String> readLines(String input) throws IOException {
        if (input.equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(input);
        }
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }
}
