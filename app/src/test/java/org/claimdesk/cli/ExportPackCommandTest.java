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
        return runIn(workspace, args);
    }

    private int runIn(Path desk, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-w", desk.toString(), "-f", feeds.toString()}, 0, all, 0, 4);
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

        String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Millbrook Facts").contains("مياه الصنبور في ميلبروك مسممة").contains("dir=\"rtl\"");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(files.get("rebuttals.pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Tap water in Millbrook is poisoned");
        }

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

    @Test
    void anotherMachineImportsThePackOnceAndATamperedOneLeavesNothing() throws Exception {
        Path pack = tmp.resolve("pack.zip");
        assertThat(run("export-pack", "--approved", "--out", pack.toString(), "--org", "Millbrook Facts",
                "--base-url", "https://facts.example/answers")).as(err.toString()).isZero();
        Path other = tmp.resolve("other");

        assertThat(runIn(other, "import", pack.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rebuttal pack from Millbrook Facts: 2 new, 0 updated, 0 unchanged");
        assertThat(runIn(other, "import", pack.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 new, 0 updated, 2 unchanged");
        // the machine that made it knows its own rebuttals
        assertThat(run("import", pack.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 new, 0 updated, 2 unchanged");

        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(other), feeds)) {
            var all = session.rebuttals().list(java.util.Set.of(), 10);
            assertThat(all).hasSize(2);
            StoredRebuttal english = all.stream().filter(r -> r.language().equals("en")).findFirst().orElseThrow();
            StoredRebuttal arabicHere = all.stream().filter(r -> r.language().equals("ar")).findFirst().orElseThrow();
            assertThat(english.status()).isEqualTo(org.claimdesk.store.RebuttalStatus.PUBLISHED);
            assertThat(english.text().shortAnswer()).isEqualTo("The water board tested it on Friday: it is safe.");
            assertThat(arabicHere.status()).isEqualTo(org.claimdesk.store.RebuttalStatus.APPROVED);
            assertThat(arabicHere.translationOf()).isEqualTo(english.id());
            assertThat(arabicHere.text().claim()).isEqualTo("مياه الصنبور في ميلبروك مسممة");
            var evidence = session.rebuttals().evidence().of(english.id());
            assertThat(evidence).singleElement().satisfies(piece -> {
                assertThat(piece.note()).isEqualTo("The board's results");
                if (page.snapshot().taken()) {
                    assertThat(piece.snapshot().sha256()).isEqualTo(page.snapshot().sha256());
                }
            });
            if (page.snapshot().taken()) {
                assertThat(new String(session.rebuttals().snapshots().read(page.snapshot().sha256()), StandardCharsets.UTF_8))
                        .isEqualTo(PAGE);
            }
            assertThat(session.rebuttals().history(english.id())).last()
                    .satisfies(step -> assertThat(step.note()).contains("imported from Millbrook Facts's pack"));
        }

        // one byte changed in transit: refused by name, and a third workspace holds nothing afterwards
        Map<String, byte[]> files = unzip(pack);
        byte[] markdown = files.get("rebuttals/" + published + "-en.md");
        markdown[markdown.length - 2] ^= 1;
        Path tampered = tmp.resolve("tampered.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        Path third = tmp.resolve("third");
        assertThat(runIn(third, "import", tampered.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("rebuttals/" + published + "-en.md does not match its SHA-256");
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(third), feeds)) {
            assertThat(session.rebuttals().list(java.util.Set.of(), 10)).isEmpty();
        }
    }

    /** Every approved rebuttal exported to {@code out}, encrypted as {@code options} say. */
    private void exportEncrypted(Path out, String... options) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("export-pack", "--approved", "--out",
                out.toString(), "--org", "Millbrook Facts", "--base-url", "https://facts.example/answers"),
                java.util.stream.Stream.of(options)).toArray(String[]::new);
        assertThat(run(args)).as(err.toString()).isZero();
    }

    private int rebuttalsIn(Path desk) throws Exception {
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(desk), feeds)) {
            return session.rebuttals().list(java.util.Set.of(), 10).size();
        }
    }

    private static void assertNoPlainCopyIn(Path desk) throws IOException {
        Path scratch = desk.resolve("tmp");
        if (Files.exists(scratch)) {
            try (var left = Files.walk(scratch)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void aPackEncryptedWithAPassphraseFileIsImportedWithItAndAWrongOneChangesNothing() throws Exception {
        Path passphrase = Files.writeString(tmp.resolve("passphrase"), "our shared passphrase\n");
        Path pack = tmp.resolve("stick/pack.zip");
        exportEncrypted(pack, "--passphrase-file", passphrase.toString());
        Path encrypted = tmp.resolve("stick/pack.zip.pgp");
        assertThat(out.toString()).contains("written to " + encrypted).contains("encrypted (OpenPGP) to a passphrase");
        assertThat(pack).as("no plain pack beside the encrypted one").doesNotExist();
        try (var stick = Files.list(encrypted.getParent())) {
            assertThat(stick).containsExactly(encrypted);
        }
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(encrypted), 2)).isNotEqualTo(new byte[] {(byte) 'P', (byte) 'K'});
        assertThat(org.claimdesk.export.OpenPgpEnvelope.isEncrypted(encrypted)).isTrue();
        assertNoPlainCopyIn(workspace);

        Path other = tmp.resolve("other");
        Path wrong = Files.writeString(tmp.resolve("wrong"), "our shared passphrasE\n");
        assertThat(runIn(other, "import", encrypted.toString(), "--passphrase-file", wrong.toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("pack.zip.pgp: wrong passphrase").contains("nothing of it was imported")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(rebuttalsIn(other)).isZero();
        assertThat(runIn(other, "import", encrypted.toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("encrypted with a passphrase").contains("--passphrase-file FILE");
        assertThat(rebuttalsIn(other)).isZero();
        assertNoPlainCopyIn(other);

        assertThat(runIn(other, "import", encrypted.toString(), "--passphrase-file", passphrase.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("pack.zip.pgp: decrypted (OpenPGP, integrity checked)")
                .contains("pack.zip.pgp: rebuttal pack from Millbrook Facts: 2 new, 0 updated, 0 unchanged");
        assertThat(rebuttalsIn(other)).isEqualTo(2);
        assertNoPlainCopyIn(other);
    }

    @Test
    void aTamperedEncryptedPackIsRefusedAndTheWorkspaceStaysAsItWas() throws Exception {
        Path passphrase = Files.writeString(tmp.resolve("passphrase"), "our shared passphrase");
        Path encrypted = tmp.resolve("pack.pgp");
        exportEncrypted(encrypted, "--passphrase-file", passphrase.toString());
        byte[] bytes = Files.readAllBytes(encrypted);
        bytes[bytes.length / 2] ^= 0x20;
        Path tampered = Files.write(tmp.resolve("tampered.pgp"), bytes);
        Path truncated = Files.write(tmp.resolve("truncated.pgp"), java.util.Arrays.copyOf(Files.readAllBytes(encrypted), bytes.length - 30));

        Path other = tmp.resolve("other");
        assertThat(rebuttalsIn(other)).isZero();
        assertThat(runIn(other, "import", tampered.toString(), truncated.toString(), "--passphrase-file", passphrase.toString()))
                .isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("tampered.pgp: refused: ").contains("truncated.pgp: refused: ")
                .doesNotContain("Exception");
        assertThat(rebuttalsIn(other)).isZero();
        assertNoPlainCopyIn(other);
    }

    @Test
    void aPackEncryptedToAPublicKeyOpensWithTheSecretKeyAlone() throws Exception {
        org.claimdesk.testing.TestKeyPair desk = org.claimdesk.testing.TestKeyPair.create(tmp, "partner-desk", "partner key passphrase");
        Path pack = tmp.resolve("for-partner.asc");
        exportEncrypted(pack, "--encrypt-to", desk.publicKey().toString(), "--armor");
        assertThat(Files.readString(pack)).startsWith("-----BEGIN PGP MESSAGE-----");

        Path other = tmp.resolve("other");
        Path keyPassphrase = Files.writeString(tmp.resolve("key-passphrase"), "partner key passphrase\n");
        assertThat(runIn(other, "import", pack.toString(), "--secret-key", desk.secretKey().toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("for-partner.asc: the passphrase of the secret key is missing");
        assertThat(runIn(other, "import", pack.toString(), "--secret-key", desk.secretKey().toString(),
                "--passphrase-file", keyPassphrase.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 new, 0 updated, 0 unchanged");
        assertThat(rebuttalsIn(other)).isEqualTo(2);

        assertThat(run("export-pack", "--approved", "--out", pack.toString(), "--org", "X", "--armor",
                "--base-url", "https://facts.example/answers")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--armor is for an encrypted pack");
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
