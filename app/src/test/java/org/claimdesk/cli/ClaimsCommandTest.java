package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code claimdesk claims}: one score per input line, as a script would read them. */
class ClaimsCommandTest {
    @TempDir
    Path dir;

    private static final List<String> SENTENCES = List.of(
            "Unemployment fell to 4.2 percent last year, according to the Labor Department.",
            "What do you think?",
            "",
            "قال وزير الصحة إن عدد الإصابات ارتفع إلى 1200 حالة أمس",
            "Die Arbeitslosigkeit stieg laut Bundesagentur im März auf 6,1 Prozent.",
            "厚生労働省によると、昨年の失業率は2.6%に上昇した。");

    private Path sentencesFile() throws Exception {
        Path file = dir.resolve("sentences.txt");
        Files.writeString(file, String.join("\n", SENTENCES) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void printsOneScorePerLineInOrderAndKeepsEmptyLines() throws Exception {
        CommandRunner runner = new CommandRunner();
        int code = runner.run(dir, "claims", sentencesFile().toString());
        assertThat(code).as(runner.err.toString()).isZero();
        List<String> lines = runner.out.toString().lines().toList();
        assertThat(lines).hasSize(SENTENCES.size());
        assertThat(lines.get(2)).isEmpty();
        for (int i : new int[] {0, 1, 3, 4, 5}) {
            assertThat(lines.get(i)).matches("[01]\\.\\d{3}");
        }
        assertThat(Double.parseDouble(lines.get(0))).isGreaterThan(Double.parseDouble(lines.get(1)));
    }

    @Test
    void jsonCarriesTheLanguageAndTheReasons() throws Exception {
        CommandRunner runner = new CommandRunner();
        assertThat(runner.run(dir, "claims", "--json", sentencesFile().toString())).isZero();
        List<JsonNode> lines = jsonLines(runner);
        assertThat(lines).hasSize(SENTENCES.size());
        assertThat(lines.get(0).get("language").asText()).isEqualTo("en");
        assertThat(lines.get(0).get("contributions")).isNotEmpty();
        assertThat(lines.get(0).get("contributions").get(0).has("weight")).isTrue();
        assertThat(lines.get(2).get("score").isNull()).isTrue();
        assertThat(lines.get(3).get("language").asText()).isEqualTo("ar");
        assertThat(lines.get(3).get("model").asText()).isEqualTo("ar");
        assertThat(lines.get(4).get("language").asText()).isEqualTo("de");
        assertThat(lines.get(5).get("language").asText()).isEqualTo("ja");
        assertThat(lines.get(5).get("contributions").toString()).contains("percentage");
    }

    @Test
    void readsStandardInputWithAForcedLanguage() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Thank you.\nThe deficit doubled to $2 trillion.\n".getBytes(StandardCharsets.UTF_8)));
            CommandRunner runner = new CommandRunner();
            assertThat(runner.run(dir, "claims", "--lang", "en", "--json", "-")).isZero();
            List<String> lines = runner.out.toString().lines().toList();
            assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"language\":\"en\""));
        } finally {
            System.setIn(original);
        }
    }

    private static List<JsonNode> jsonLines(CommandRunner runner) {
        ObjectMapper mapper = new ObjectMapper();
        return runner.out.toString().lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void withEntitiesTheNamesCoreNlpFindsCountAsInTheWorkbench() throws Exception {
        Path file = dir.resolve("names.txt");
        Files.writeString(file, """
                The World Health Organization said 4,000 people had died in Geneva.
                厚生労働省によると、昨年の失業率は2.6%に上昇した。
                """, StandardCharsets.UTF_8);
        CommandRunner plain = new CommandRunner();
        assertThat(plain.run(dir, "claims", "--json", file.toString())).isZero();
        CommandRunner named = new CommandRunner();
        assertThat(named.run(dir, "claims", "--json", "--entities", file.toString())).as(named.err.toString()).isZero();

        List<JsonNode> without = jsonLines(plain);
        List<JsonNode> with = jsonLines(named);
        assertThat(without.getFirst().has("entities")).isFalse();
        assertThat(with.getFirst().get("entities").findValuesAsText("text"))
                .contains("World Health Organization", "Geneva");
        assertThat(with.getFirst().get("score").asDouble()).as("the organisation and the place count")
                .isNotEqualTo(without.getFirst().get("score").asDouble());
        // Japanese has no CoreNLP entity model here: nothing found, the score as without
        assertThat(with.get(1).get("entities")).isEmpty();
        assertThat(with.get(1).get("score").asDouble()).isEqualTo(without.get(1).get("score").asDouble());
        assertThat(named.err.toString()).contains("loading CoreNLP for en").doesNotContain("for ja");
    }

    @Test
    void wrongUsageExitsTwoAndAMissingFileOne() {
        CommandRunner noFile = new CommandRunner();
        assertThat(noFile.run(dir, "claims")).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err.toString()).contains("Usage:");
        CommandRunner badLanguage = new CommandRunner();
        assertThat(badLanguage.run(dir, "claims", "--lang", "english!", "x.txt")).isEqualTo(ExitCodes.USAGE);
        CommandRunner missing = new CommandRunner();
        assertThat(missing.run(dir, "claims", dir.resolve("nope.txt").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err.toString()).contains("no such file");
        CommandRunner help = new CommandRunner();
        assertThat(help.run(dir, "claims", "--help")).isZero();
        assertThat(help.out.toString()).contains("--lang", "--json", "--entities");
    }
}
