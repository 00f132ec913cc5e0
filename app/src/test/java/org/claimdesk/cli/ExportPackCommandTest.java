package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.export.ClaimReviewRecords;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuttal pack from the command line: what an editor hands to others to publish, checked file by file. */
class ExportPackCommandTest {
    static final String PAGE = "<html><head><title>Water board statement</title></head><body><article><p>The board "
            + "tested tap water at twelve sites on Friday and found every sample within the legal limits.</p></article></body></html>";

    @TempDir
    Path tmp;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;
    long published;
    long arabic;
    long draft;
    StoredEvidence page;

    @BeforeEach
    void workspaceWithRebuttals() throws Exception {
        workspace = tmp.resolve("desk");
        feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        long cluster;
        try (Database database = Database.open(new Workspace(workspace).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        AnalystIdentity amal = new AnalystIdentity("Amal", Role.ANALYST);
        AnalystIdentity noor = new AnalystIdentity("Noor", Role.EDITOR);
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(workspace), feeds);
             LoopbackServer site = LoopbackServer.start()) {
            site.serveText("/statement", "text/html; charset=utf-8", PAGE);
            var workflow = session.rebuttals().workflow();
            StoredRebuttal first = workflow.start(cluster, "en", null, amal);
            workflow.save(first.id(), 1, new RebuttalText("Tap water in Millbrook is poisoned", "false",
                    "The water board tested it on Friday: it is safe.", "# Tap water is safe\n\nTests on **Friday**."), null, amal);
            page = session.rebuttals().evidence().attachPage(first.id(), site.uri("/statement"), "The board's results", amal);
            workflow.submit(first.id(), 2, amal);
            workflow.approve(first.id(), 2, noor, null);
            workflow.publish(first.id(), 2, noor);
            published = first.id();

            StoredRebuttal second = workflow.translate(first.id(), "ar", amal);
            workflow.save(second.id(), 1, new RebuttalText("مياه الصنبور في ميلبروك مسممة", "false",
                    "فحصت هيئة المياه المياه يوم الجمعة: إنها آمنة.", "# المياه آمنة\n\nفحوص يوم **الجمعة**."), null, amal);
            workflow.submit(second.id(), 2, amal);
            workflow.approve(second.id(), 2, noor, null);
            arabic = second.id();

            draft = workflow.start(cluster, "de", null, amal).id();
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-w", workspace.toString(), "-f", feeds.toString()}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(tmp.resolve("data"), all);
    }

    @Test
    void everyApprovedRebuttalGoesInWithCompleteClaimReviewRecordsAndAManifestThatMatchesEveryFile() throws Exception {
        Path pack = tmp.resolve("out/pack.zip");
        assertThat(run("export-pack", "--approved", "--out", pack.toString(), "--org", "Millbrook Facts",
                "--base-url", "https://facts.example/answers")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("2 rebuttals, ");
        Map<String, byte[]> files = unzip(pack);
        ObjectMapper json = new ObjectMapper();

        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("claimdesk-rebuttal-pack");
        assertThat(manifest.get("organisation").asText()).isEqualTo("Millbrook Facts");
        assertThat(manifest.get("rebuttals")).extracting(node -> node.get("id").asLong()).containsExactly(published, arabic);
        assertThat(manifest.get("rebuttals").get(1).get("translationOf").asLong()).isEqualTo(published);
        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = files.get(file.get("name").asText());
            assertThat(bytes).as(file.get("name").asText()).isNotNull();
            assertThat(bytes.length).isEqualTo(file.get("bytes").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(file.get("sha256").asText());
        }
        assertThat(manifest.get("files")).hasSize(files.size() - 1); // all but itself

        JsonNode english = json.readTree(files.get("claimreview/" + published + "-en.jsonld"));
        assertThat(ClaimReviewRecords.problems(english)).isEmpty();
        assertThat(english.get("url").asText()).isEqualTo("https://facts.example/answers/" + published + "-en");
        assertThat(english.get("claimReviewed").asText()).isEqualTo("Tap water in Millbrook is poisoned");
        assertThat(english.get("reviewRating").get("alternateName").asText()).isEqualTo("False");
        assertThat(english.get("reviewRating").get("ratingValue").asInt()).isEqualTo(1);
        assertThat(english.get("author").get("name").asText()).isEqualTo("Millbrook Facts");
        JsonNode arabicRecord = json.readTree(files.get("claimreview/" + arabic + "-ar.jsonld"));
        assertThat(ClaimReviewRecords.problems(arabicRecord)).isEmpty();
        assertThat(arabicRecord.get("inLanguage").asText()).isEqualTo("ar");
        assertThat(arabicRecord.get("claimReviewed").asText()).isEqualTo("مياه الصنبور في ميلبروك مسممة");
        assertThat(json.readTree(files.get("claimreview.jsonld"))).hasSize(2);

        String markdown = new String(files.get("rebuttals/" + arabic + "-ar.md"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("مياه الصنبور في ميلبروك مسممة").contains("# المياه آمنة");
        assertThat(files).doesNotContainKey("rebuttals/" + draft + "-de.md");

        String csv = new String(files.get("evidence.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFrebuttal_id,language,position,title,url");
        assertThat(csv).contains("The board's results");
        if (page.snapshot().taken()) {
            assertThat(new String(files.get("evidence/" + page.snapshot().sha256()), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        } else {
            assertThat(csv).contains(page.snapshot().problem());
        }
    }

    @Test
    void aDraftIsRefusedByNameAndNothingIsWritten() throws Exception {
        Path pack = tmp.resolve("pack.zip");
        assertThat(run("export-pack", "--rebuttals", published + "," + draft, "--out", pack.toString(), "--org", "Millbrook Facts",
                "--base-url", "https://facts.example/answers")).isEqualTo(1);
        assertThat(err.toString()).contains("rebuttal " + draft + " is draft: only approved or published rebuttals go in a pack");
        assertThat(pack).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }

        assertThat(run("export-pack", "--rebuttals", String.valueOf(published), "--approved", "--out", pack.toString(),
                "--org", "X", "--base-url", "https://facts.example/")).isEqualTo(2);
        assertThat(run("export-pack", "--approved", "--out", pack.toString(), "--org", "X", "--base-url", "ftp://x/"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--base-url must be an http(s) address");

        assertThat(run("export-pack", "--approved", "--languages", "ar", "--no-snapshots", "--out", pack.toString(),
                "--org", "Millbrook Facts", "--base-url", "https://facts.example/answers/")).as(err.toString()).isZero();
        assertThat(unzip(pack).keySet()).contains("rebuttals/" + arabic + "-ar.md")
                .noneMatch(name -> name.startsWith("evidence/") || name.contains("-en."));
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
