package org.claimdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.claims.ClaimScore;
import org.claimdesk.claims.ClaimScorer;
import org.claimdesk.claims.Contribution;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.CoreNlpPipelines;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.LanguageDetector;
import org.claimdesk.nlp.NamedEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code claimdesk claims FILE|-}: one check-worthiness score per input line, in input order, so
 * any labelled set can be run through the scorer. Needs no workspace: the language of each line is
 * detected (the input's language decides for lines too short to tell), the scorer is the
 * pipeline's own. By default no CoreNLP model is loaded and no entities count; with
 * {@code --entities} each line's names are found by CoreNLP first, as the workbench's analysis
 * finds them, so the score is the one the workbench gives (decision 0019).
 */
@Command(name = "claims", description = {
        "Score sentences for check-worthiness: read one sentence per line (UTF-8) from FILE, or from",
        "standard input with '-', and print one score from 0 to 1 per line, in the same order. An empty",
        "line gives an empty line. Needs no workspace."})
final class ClaimsCommand implements Callable<Integer> {
    /** How many contributions each --json line carries. */
    static final int TOP_CONTRIBUTIONS = 5;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "Text file with one sentence per line, or - for standard input.")
    String input;

    @Option(names = "--lang", paramLabel = "xx", description = "The language of every line (en, ar, de, ja...); default: detected per line.")
    String language;

    @Option(names = "--json", description = "One JSON object per line: the score, the language and the strongest reasons.")
    boolean json;

    @Option(names = "--entities", description = {
            "Find each line's named entities with CoreNLP first (English, German, French, Spanish), as",
            "the workbench does, so that the names count in the score: slower (a model to load, then",
            "tens of lines a second)."})
    boolean entities;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String forced = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (forced != null && !forced.matches("[a-z]{2,3}")) {
            throw new ParameterException(spec.commandLine(), "--lang wants a language code such as en or ar, got '" + language + "'");
        }
        List<String> lines;
        try {
            lines = readLines();
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("claimdesk claims: " + input + ": no such file");
            return ExitCodes.FAILED;
        }
        ClaimScorer scorer = ClaimScorer.bundled();
        CoreNlpPipelines coreNlp = entities ? new CoreNlpPipelines() : null;
        Set<String> loaded = new HashSet<>();
        LanguageDetector detector = forced == null ? new LanguageDetector() : null;
        // short lines ("Thank you.") are too short to tell: the input's own language decides for them
        String inputLanguage = forced != null ? forced : inputLanguage(detector, lines);
        ObjectMapper mapper = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                out.println(json ? mapper.writeValueAsString(mapper.createObjectNode().put("line", i + 1).putNull("score")) : "");
                continue;
            }
            String lineLanguage = forced != null ? forced : detector.detect(line, inputLanguage).tag();
            List<NamedEntity> names = List.of();
            if (coreNlp != null && coreNlp.givesEntities(lineLanguage)) {
                if (loaded.add(lineLanguage)) {
                    spec.commandLine().getErr().println("claimdesk claims: loading CoreNLP for " + lineLanguage);
                }
                names = coreNlp.entities(line, lineLanguage, AnalysisPath.FAST);
            }
            ClaimScore score = scorer.score(line, lineLanguage, names);
            out.println(json ? mapper.writeValueAsString(jsonLine(mapper, i + 1, lineLanguage, score, names))
                    : String.format(Locale.ROOT, "%.3f", score.score()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<String> readLines() throws IOException {
        if (input.equals("-")) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(input);
        }
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }

    private static String inputLanguage(LanguageDetector detector, List<String> lines) {
        DetectedLanguage whole = detector.detect(String.join("\n", lines), null);
        return whole.tag();
    }

    private ObjectNode jsonLine(ObjectMapper mapper, int lineNumber, String language, ClaimScore score,
                                List<NamedEntity> names) {
        ObjectNode o = mapper.createObjectNode()
                .put("line", lineNumber)
                .put("score", Math.round(score.score() * 1000) / 1000.0)
                .put("checkWorthy", score.checkWorthy())
                .put("language", language)
                .put("model", score.modelLanguage());
        ArrayNode reasons = o.putArray("contributions");
        for (Contribution c : score.top(TOP_CONTRIBUTIONS)) {
            reasons.addObject()
                    .put("feature", c.feature())
                    .put("label", c.label())
                    .put("evidence", c.evidence())
                    .put("weight", Math.round(c.weight() * 1000) / 1000.0);
        }
        if (entities) {
            ArrayNode found = o.putArray("entities");
            for (NamedEntity name : names) {
                found.addObject().put("text", name.text()).put("type", name.type().name());
            }
        }
        return o;
    }
}
