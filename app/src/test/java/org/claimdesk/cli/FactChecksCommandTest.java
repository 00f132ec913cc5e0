package org.claimdesk.cli;

import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.FactCheckStore;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earlier answers from the command line: ClaimReview files imported with a line per refused record,
 * imported again without change, and claims matched against them and the team's rebuttals.
 */
class FactChecksCommandTest {
    @TempDir
    Path tmp;
    Path workspace;
    final CommandRunner cli = new CommandRunner();

    static Path fixture(String name) {
        try {
            return Path.of(FactChecksCommandTest.class.getResource("/factchecks/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void emptyWorkspace() throws Exception {
        workspace = tmp.resolve("desk");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("feeds.yml"), "sources: []\n");
    }

    private int run(String... args) {
        cli.out.getBuffer().setLength(0);
        cli.err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = workspace.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(tmp, all);
    }

    private long storedFactChecks() {
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            return new FactCheckStore(database).count();
        }
    }

    @Test
    void importSaysWhatItKeptAndWhatItRefusedAndWhy() {
        Path array = fixture("array.json");
        Path lines = fixture("lines.jsonl");
        Path page = fixture("page.html");

        int code = run("factchecks", "import", array.toString(), lines.toString(), page.toString());

        assertThat(code).as(cli.err.toString()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.out.toString().lines()).containsExactly(
                array + ": 4 imported, 0 updated, 0 unchanged, 0 refused",
                lines + ": 3 imported, 0 updated, 0 unchanged, 2 refused",
                page + ": 1 imported, 0 updated, 0 unchanged, 0 refused");
        assertThat(cli.err.toString())
                .contains("refused: " + lines + ": line 2: not valid JSON")
                .contains("refused: " + lines + ": line 3: has no url")
                .contains("warning: " + array + ": record 4: rating scale not understood");
        assertThat(storedFactChecks()).isEqualTo(8);

        // the same files again: nothing changes; a newer version of one record replaces it
        assertThat(run("factchecks", "import", array.toString(), page.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli.out.toString().lines()).containsExactly(
                array + ": 0 imported, 0 updated, 4 unchanged, 0 refused",
                page + ": 0 imported, 0 updated, 1 unchanged, 0 refused");
        Path updated = fixture("updated.jsonl");
        assertThat(run("factchecks", "import", updated.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli.out.toString()).contains(updated + ": 0 imported, 1 updated, 0 unchanged, 0 refused");
        assertThat(storedFactChecks()).isEqualTo(8);
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            FactCheckStore store = new FactCheckStore(database);
            assertThat(store.findByUrl("https://checks.example.org/en/gates-microchip-vaccine").orElseThrow().ratingName())
                    .isEqualTo("False, and debunked again");
            // no inLanguage: the claim's language was detected on import
            assertThat(store.findByUrl("https://checks.example.org/fr/eau-javel").orElseThrow().language()).isEqualTo("fr");
        }
    }

    @Test
    void aMissingFileIsRefusedAndTheOthersImported() {
        Path missing = tmp.resolve("nowhere.json");
        assertThat(run("factchecks", "import", missing.toString(), fixture("page.html").toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.err.toString()).contains("refused: " + missing + ": no such file");
        assertThat(storedFactChecks()).isEqualTo(1);
    }

    @Test
    void matchFindsTheRightAnswerAcrossParaphrasesLanguagesAndTheTeamsRebuttals() throws Exception {
        long rebuttal = teamRebuttal();
        assertThat(run("factchecks", "import", fixture("array.json").toString(), fixture("lines.jsonl").toString(),
                fixture("page.html").toString())).isEqualTo(ExitCodes.PARTIAL);
        Path claims = Files.writeString(tmp.resolve("claims.txt"), String.join("\n",
                "BREAKING: the new 5G towers are what is spreading the corona virus!! https://t.co/xyz",
                "Vaccines from Bill Gates will implant a microchip in everyone",
                "الماء الساخن والليمون يقتلان فيروس كورونا",
                "緑茶を飲めば新型コロナに感染しないらしい",
                "",
                "Tap water in Millbrook was poisoned, says the mayor",
                "Das Beispielstadt Trinkwasser ist vergiftet",
                "The price of apples in Norway doubled in March") + "\n");

        assertThat(run("factchecks", "match", claims.toString())).as(cli.err.toString()).isEqualTo(ExitCodes.OK);

        List<String> out = cli.out.toString().lines().toList();
        assertThat(out).hasSize(8);
        assertThat(out.get(0)).startsWith("https://checks.example.org/en/5g-towers-spread-virus");
        assertThat(out.get(1)).startsWith("https://checks.example.org/en/gates-microchip-vaccine");
        assertThat(out.get(2)).startsWith("https://checks.example.org/ar/lemon-hot-water-cures");
        assertThat(out.get(3)).startsWith("https://checks.example.org/ja/tea-prevents-infection");
        assertThat(out.get(4)).isEmpty();
        assertThat(out.get(5)).startsWith("claimdesk:rebuttal/" + rebuttal);
        assertThat(out.get(6)).startsWith("https://checks.example.org/de/trinkwasser-beispielstadt");
        assertThat(out.get(7)).as("nothing fits").isEmpty();
        assertThat(out.get(0).split("\t")).doesNotHaveDuplicates().allMatch(url -> !url.isBlank());
    }

    @Test
    void evalScoresMatchesAgainstLabels() throws Exception {
        Path matches = Files.writeString(tmp.resolve("matches.tsv"), "a\tb\nc\td\n\nx\n");
        Path labels = Files.writeString(tmp.resolve("labels.tsv"), "a\nd\n\n\n");

        assertThat(cli.run(tmp, "factchecks", "eval", matches.toString(), labels.toString())).isEqualTo(ExitCodes.OK);

        assertThat(cli.out.toString()).contains("claims with a right answer  2", "MRR@10                      0.750",
                "recall@10                   1.000", "right first                 0.500", "claims without one          2 (1 left without an answer)");
    }

    /** A published rebuttal of the team, on a claim no imported fact-check answers. */
    private long teamRebuttal() throws Exception {
        long cluster;
        try (Database database = Database.open(new Workspace(workspace).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        AnalystIdentity amal = new AnalystIdentity("Amal", Role.ANALYST);
        AnalystIdentity noor = new AnalystIdentity("Noor", Role.EDITOR);
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(workspace), workspace.resolve("feeds.yml"))) {
            var workflow = session.rebuttals().workflow();
            StoredRebuttal first = workflow.start(cluster, "en", null, amal);
            workflow.save(first.id(), 1, new RebuttalText("Tap water in Millbrook is poisoned", "false",
                    "The water board tested it on Friday: it is safe.", "# Tap water is safe\n\nTests on Friday..."), null, amal);
            workflow.submit(first.id(), 2, amal);
            workflow.approve(first.id(), 2, noor, "checked the lab report");
            workflow.publish(first.id(), 2, noor);
            return first.id();
        }
    }
}
