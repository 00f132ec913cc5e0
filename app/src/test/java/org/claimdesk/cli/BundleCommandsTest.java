package org.claimdesk.cli;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace bundles from the command line, end to end: export-bundle on A, import on B (twice),
 * edits on both sides, the conflict listed, shown and resolved; a tampered bundle refused.
 */
class BundleCommandsTest {
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);
    static final AnalystIdentity NOOR = new AnalystIdentity("Noor", Role.EDITOR);
    static final String PAGE = "<html><head><title>Water board statement</title></head><body><article><p>The board "
            + "tested tap water at twelve sites on Friday and found every sample within the legal limits.</p></article></body></html>";

    @TempDir
    Path tmp;
    final CommandRunner cli = new CommandRunner();

    private int run(Path desk, String... args) {
        return cli.runOn(desk, tmp.resolve("feeds.yml"), tmp.resolve("data"), args);
    }

    private String out() {
        return cli.out.toString();
    }

    @Test
    void exportImportTwiceEditOnBothSidesAndResolveTheConflict() throws Exception {
        Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        long cluster;
        try (Database database = Database.open(new Workspace(a).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        long rebuttal;
        StoredEvidence page;
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(a), tmp.resolve("feeds.yml"));
             LoopbackServer site = LoopbackServer.start()) {
            site.serveText("/statement", "text/html; charset=utf-8", PAGE);
            session.workAs(NOOR);
            var workflow = session.rebuttals().workflow();
            StoredRebuttal started = workflow.start(cluster, "en", null, AMAL);
            workflow.save(started.id(), 1, new RebuttalText("Tap water in Millbrook is poisoned", "false",
                    "The water board tested it on Friday: it is safe.", "# Tap water is safe"), null, AMAL);
            page = session.rebuttals().evidence().attachPage(started.id(), site.uri("/statement"), "The board's results", AMAL);
            rebuttal = started.id();
        }

        Path bundle = tmp.resolve("out/a.zip");
        assertThat(run(a, "export-bundle", "--out", bundle.toString())).as(cli.err.toString()).isZero();
        assertThat(out()).contains("1 clusters, 1 rebuttals").contains(bundle.toString());
        assertThat(run(a, "export-bundle", "--out", tmp.resolve("since.zip").toString(), "--since", "2026-12-01")).isZero();
        assertThat(out()).contains("changed since 2026-12-01T00:00:00Z");
        assertThat(run(a, "export-bundle", "--out", tmp.resolve("x.zip").toString(), "--since", "yesterday")).isEqualTo(2);

        assertThat(run(b, "import", bundle.toString())).as(cli.err.toString()).isZero();
        assertThat(out()).contains("workspace bundle from").contains("rebuttals   1 new, 0 updated, 0 unchanged")
                .contains("conflicts   0 new, 0 still pending");
        assertThat(run(b, "import", bundle.toString())).isZero();
        assertThat(out()).contains("rebuttals   0 new, 0 updated, 1 unchanged").contains("clusters    0 new, 0 updated, 1 unchanged");
        if (page.snapshot().taken()) {
            assertThat(Files.walk(b.resolve("snapshots")).filter(Files::isRegularFile).count()).isEqualTo(1);
        }

        // both sides change the same rebuttal
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(b), tmp.resolve("feeds.yml"))) {
            session.workAs(NOOR);
            StoredRebuttal there = session.rebuttals().list(Set.of(), 10).getFirst();
            session.rebuttals().workflow().save(there.id(), there.revision(), new RebuttalText("Tap water in Millbrook is poisoned",
                    "false", "The water board tested it on Friday: it is safe.", "# Tap water is safe\n\nTwelve sites."), null, NOOR);
        }
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(a), tmp.resolve("feeds.yml"))) {
            StoredRebuttal here = session.rebuttals().find(rebuttal).orElseThrow();
            session.rebuttals().workflow().save(rebuttal, here.revision(), new RebuttalText("Tap water in Millbrook is poisoned",
                    "false", "The water board tested it on Friday: it is safe.", "# Tap water is safe\n\nFriday's tests."), null, AMAL);
        }
        Path back = tmp.resolve("out/b.zip");
        assertThat(run(b, "export-bundle", "--out", back.toString())).isZero();
        assertThat(run(a, "import", back.toString())).as(cli.err.toString()).isZero();
        assertThat(out()).contains("rebuttals   0 new, 0 updated, 0 unchanged").contains("conflicts   1 new, 0 still pending: see 'claimdesk conflicts'");

        assertThat(run(a, "conflicts")).isZero();
        assertThat(out()).contains("Tap water in Millbrook is poisoned").contains("Noor");
        assertThat(run(a, "conflicts", "--json")).isZero();
        assertThat(out()).contains("\"theirs\":{").contains("Twelve sites.").contains("Friday's tests.");
        String id = out().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
        assertThat(run(a, "conflicts", "show", id)).isZero();
        assertThat(out()).contains("== Ours").contains("Friday's tests.").contains("== Theirs").contains("Twelve sites.");

        assertThat(run(a, "conflicts", "resolve", id, "--theirs", "--as", "Nobody")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("nobody called 'Nobody'");
        Path merged = Files.writeString(tmp.resolve("merged.md"), "# Tap water is safe\n\nFriday's tests at twelve sites.");
        assertThat(run(a, "conflicts", "resolve", id, "--text", merged.toString(), "--as", "Noor")).as(cli.err.toString()).isZero();
        assertThat(out()).contains("Conflict " + id + " resolved: rebuttal " + rebuttal).contains("saved by Noor");
        assertThat(run(a, "conflicts", "resolve", id, "--mine", "--as", "Noor")).isEqualTo(1);
        assertThat(cli.err.toString()).contains("resolved already");
        assertThat(run(a, "conflicts")).isZero();
        assertThat(out()).contains("No conflicts wait.");
        assertThat(run(a, "rebuttal", "show", Long.toString(rebuttal))).isZero();
        assertThat(out()).contains("Friday's tests at twelve sites.").contains("merged both");

        // a bundle changed after export is refused, nothing of it kept
        Path tampered = tmp.resolve("tampered.zip");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(back))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        files.put("rebuttals.json", new String(files.get("rebuttals.json"), StandardCharsets.UTF_8)
                .replace("Twelve sites.", "Twelve sitez.").getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(tampered); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        Path fresh = tmp.resolve("fresh");
        assertThat(run(fresh, "import", tampered.toString())).isEqualTo(3);
        assertThat(cli.err.toString()).contains("tampered.zip: refused: rebuttals.json does not match its SHA-256");
        assertThat(run(fresh, "rebuttals")).isZero();
        assertThat(out()).doesNotContain("Millbrook");
    }
}
