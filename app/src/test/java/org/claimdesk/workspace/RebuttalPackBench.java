package org.claimdesk.workspace;

import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's figure: time to export a pack of 50 approved rebuttals with evidence (two pages each,
 * kept as snapshots) in English, Arabic and Japanese, and to import it on a fresh workspace.
 * {@code mvn -B -q -pl app -am test -Pbench -Dtest=RebuttalPackBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class RebuttalPackBench {
    static final int REBUTTALS = 50;
    static final List<String> LANGUAGES = List.of("en", "ar", "ja");

    @TempDir
    Path tmp;

    @Test
    void exportFiftyWithEvidenceAndImportOnAFreshWorkspace() throws Exception {
        Path desk = tmp.resolve("desk");
        Path feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        long cluster;
        try (Database database = Database.open(new Workspace(desk).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        AnalystIdentity amal = new AnalystIdentity("Amal", Role.ANALYST);
        AnalystIdentity noor = new AnalystIdentity("Noor", Role.EDITOR);
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(desk), feeds);
             LoopbackServer site = LoopbackServer.start()) {
            var workflow = session.rebuttals().workflow();
            for (int n = 0; n < REBUTTALS; n++) {
                site.serveText("/report/" + n, "text/html; charset=utf-8", "<html><head><title>Report " + n
                        + "</title></head><body><article><p>" + "The authority measured the water at site " + n
                        + " and found it within every legal limit. ".repeat(40) + "</p></article></body></html>");
                String language = LANGUAGES.get(n % LANGUAGES.size());
                StoredRebuttal rebuttal = workflow.start(cluster, language, null, amal);
                workflow.save(rebuttal.id(), 1, text(language, n), null, amal);
                session.rebuttals().evidence().attachPage(rebuttal.id(), site.uri("/report/" + n), "measurements " + n, amal);
                session.rebuttals().evidence().attachPage(rebuttal.id(), site.uri("/report/" + n), "again " + n, amal);
                workflow.submit(rebuttal.id(), 2, amal);
                workflow.approve(rebuttal.id(), 2, noor, null);
                workflow.publish(rebuttal.id(), 2, noor);
            }
            Path pack = tmp.resolve("pack.zip");
            long start = System.nanoTime();
            Exporting.PackWritten written = session.exports().exportRebuttalPack(new Exporting.PackRequest(List.of(),
                    Set.of(), true, "Bench Facts", java.net.URI.create("https://facts.example/"), "Noor"), pack);
            long exported = System.nanoTime() - start;
            assertThat(written.rebuttals()).isEqualTo(REBUTTALS);

            Path fresh = tmp.resolve("fresh");
            try (WorkspaceSession other = WorkspaceSession.open(new Workspace(fresh), feeds)) {
                long importStart = System.nanoTime();
                Rebuttals.PackImported imported = other.importRebuttalPack(pack);
                long importedIn = System.nanoTime() - importStart;
                assertThat(imported.added()).isEqualTo(REBUTTALS);
                System.out.printf("RebuttalPackBench: %d rebuttals, %d snapshots, pack %.1f MB; export %.2f s, import %.2f s%n",
                        written.rebuttals(), written.snapshots(), Files.size(pack) / 1e6, exported / 1e9, importedIn / 1e9);
            }
        }
    }

    private static RebuttalText text(String language, int n) {
        return switch (language) {
            case "ar" -> new RebuttalText("المياه في الموقع " + n + " ملوثة", "false", "فحصت الهيئة المياه: إنها آمنة.",
                    "# المياه آمنة\n\nقاست الهيئة المياه في الموقع " + n + " ووجدتها ضمن الحدود.");
            case "ja" -> new RebuttalText("地点" + n + "の水が汚染されている", "false", "当局の検査で安全と確認。",
                    "# 水は安全\n\n当局が地点" + n + "の水を測定し、基準内と確認した。");
            default -> new RebuttalText("The water at site " + n + " is poisoned", "false", "The authority tested it: it is safe.",
                    "# The water is safe\n\nThe authority measured site " + n + " and found it within every limit.");
        };
    }
}
