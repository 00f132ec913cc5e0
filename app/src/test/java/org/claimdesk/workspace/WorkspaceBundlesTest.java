package org.claimdesk.workspace;

import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.export.PackReader;
import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalConflict;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StoredItem;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.testing.LoopbackServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workspace bundles between two real workspaces on disk (H2 and Lucene): A feeds B, B sends its
 * work back; the same bundle twice changes nothing; both sides editing one rebuttal gives a
 * conflict that an analyst resolves; hostile bundles are refused with nothing kept.
 */
class WorkspaceBundlesTest {
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);
    static final AnalystIdentity NOOR = new AnalystIdentity("Noor", Role.EDITOR);
    static final AnalystIdentity KENJI = new AnalystIdentity("Kenji", Role.EDITOR);
    static final RebuttalText FIRST = new RebuttalText("The dam at Millbrook burst", "false",
            "Engineers inspected every gate at 6 am and found no damage.", "# The dam holds\n\nInspection at **6 am**.");

    @TempDir
    Path tmp;
    Path feeds;
    Path deskA;
    Path deskB;
    long cluster;
    long rebuttal;
    List<StoredItem> itemsOfA;

    @BeforeEach
    void workspaceAWithItemsAClusterAndAPublishedRebuttal() throws Exception {
        feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        deskA = tmp.resolve("a");
        deskB = tmp.resolve("b");
        try (WorkspaceSession a = open(deskA)) {
            assertThat(SampleBundle.importInto(a).newItems()).isPositive();
            itemsOfA = a.itemStore().itemsAfter(0, 1000);
        }
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        try (Database database = Database.open(new Workspace(deskA).databaseDir())) {
            ClusterStore clusters = new ClusterStore(database);
            cluster = clusters.newCluster(t);
            for (StoredItem item : itemsOfA.subList(0, 3)) {
                clusters.pin(item.id(), cluster, "Amal", t);
            }
            clusters.setState(cluster, ClusterState.NEEDS_REBUTTAL, null, "Amal", t.plusSeconds(60));
            clusters.addNote(null, cluster, "Same voice note as last year", "Amal", t.plusSeconds(120));
            clusters.addNote(itemsOfA.getFirst().id(), null, "Confirmed by the hydrologist we called", "Amal", t.plusSeconds(180));
            clusters.tag(cluster, "floods");
        }
        Path factChecks = Files.writeString(tmp.resolve("checks.jsonld"), """
                {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example.org/dam",
                 "claimReviewed": "The Millbrook dam burst overnight", "inLanguage": "en", "datePublished": "2026-11-30",
                 "author": {"@type": "Organization", "name": "Checks"},
                 "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"}}
                """);
        try (WorkspaceSession a = open(deskA); LoopbackServer site = LoopbackServer.start()) {
            assertThat(a.knownAnswers().importFile(factChecks).imported()).isEqualTo(1);
            site.serveText("/inspection", "text/html; charset=utf-8", "<html><head><title>Inspection</title></head><body>"
                    + "<article><p>Engineers inspected every gate of the dam at 6 am and found no damage at all.</p></article></body></html>");
            var workflow = a.rebuttals().workflow();
            StoredRebuttal started = workflow.start(cluster, "en", null, AMAL);
            workflow.save(started.id(), 1, FIRST, null, AMAL);
            assertThat(a.rebuttals().evidence().attachPage(started.id(), site.uri("/inspection"), "the inspection", AMAL)
                    .snapshot().taken()).isTrue();
            workflow.submit(started.id(), 2, AMAL);
            workflow.approve(started.id(), 2, NOOR, "checked the inspection report");
            workflow.publish(started.id(), 2, NOOR);
            rebuttal = started.id();
        }
    }

    private WorkspaceSession open(Path desk) {
        return WorkspaceSession.open(new Workspace(desk), feeds);
    }

    private Path export(Path desk, Instant since, String name) throws IOException {
        try (WorkspaceSession session = open(desk)) {
            return session.bundles().export(since, tmp.resolve(name)).file();
        }
    }

    private WorkspaceBundles.BundleImportReport importInto(Path desk, Path bundle) throws IOException {
        try (WorkspaceSession session = open(desk)) {
            return session.bundles().importBundle(bundle);
        }
    }

    @Test
    void everythingOfAGoesToBWhichSearchesItsItemsAndKeepsTheClusterAndTheRebuttalWithItsHistory() throws Exception {
        Path bundle = export(deskA, null, "a-all.zip");
        WorkspaceBundles.BundleImportReport report = importInto(deskB, bundle);
        assertThat(report.items().added()).isEqualTo(itemsOfA.size());
        assertThat(report.clusters().added()).isEqualTo(1);
        assertThat(report.rebuttals().added()).isEqualTo(1);
        assertThat(report.factChecks().added()).isEqualTo(1);
        assertThat(report.conflicts()).isZero();
        assertThat(files(deskB.resolve("snapshots"))).isEqualTo(1);

        try (WorkspaceSession b = open(deskB)) {
            assertThat(b.knownAnswers().factCheckCount()).isEqualTo(1);
            assertThat(b.rebuttals().evidence().of(b.rebuttals().list(java.util.Set.of(), 10).getFirst().id()))
                    .singleElement().satisfies(piece -> assertThat(piece.note()).isEqualTo("the inspection"));
            assertThat(b.itemStore().itemsAfter(0, 1000)).extracting(StoredItem::url)
                    .containsExactlyInAnyOrderElementsOf(itemsOfA.stream().map(StoredItem::url).toList());
            b.search().bringUpToDate(RebuildProgress.NONE);
            assertThat(b.search().search(SearchRequest.of("hydrologist")).hits()).singleElement()
                    .satisfies(hit -> assertThat(hit.title().text()).isEqualTo(itemsOfA.getFirst().title()));
            StoredRebuttal there = b.rebuttals().list(java.util.Set.of(), 10).getFirst();
            assertThat(there.text()).isEqualTo(FIRST);
            assertThat(there.status()).isEqualTo(RebuttalStatus.PUBLISHED);
            try (WorkspaceSession a = open(deskA)) {
                assertThat(b.rebuttals().versions(there.id())).extracting(RebuttalVersion::text, RebuttalVersion::savedBy)
                        .containsExactlyElementsOf(a.rebuttals().versions(rebuttal).stream()
                                .map(v -> org.assertj.core.groups.Tuple.tuple(v.text(), v.savedBy())).toList());
                assertThat(b.rebuttals().history(there.id())).hasSameSizeAs(a.rebuttals().history(rebuttal));
            }
            var detail = b.claims().detail(there.clusterId()).orElseThrow();
            assertThat(detail.itemCount()).isEqualTo(3);
            assertThat(detail.summary().state()).isEqualTo(ClusterState.NEEDS_REBUTTAL);
            assertThat(b.claims().ranked(new ClaimClusters.Filter(null, "floods", null, 1, null), 10))
                    .singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(there.clusterId()));
        }
    }

    @Test
    void anEncryptedBundleIsTheTargetAloneAndOpensToTheBundleItWasWrittenFrom() throws Exception {
        Path target = tmp.resolve("stick/a-all.zip.pgp");
        WorkspaceBundles.BundleWritten written;
        try (WorkspaceSession a = open(deskA)) {
            written = a.bundles().export(null, target, OpenPgpEnvelope.Recipients.passphrase("bundle passphrase".toCharArray()));
        }
        assertThat(written.file()).isEqualTo(target);
        assertThat(written.bytes()).as("the size of what was written: the encrypted file").isEqualTo(Files.size(target));
        assertThat(written.items()).isEqualTo(itemsOfA.size());
        assertThat(written.rebuttals()).isEqualTo(1);
        assertThat(written.snapshots()).isEqualTo(1);
        assertThat(files(target.getParent())).isEqualTo(1);
        assertThat(files(deskA.resolve("tmp"))).isZero();
        assertThat(OpenPgpEnvelope.isEncrypted(target)).isTrue();

        try (WorkspaceSession b = open(deskB);
             EncryptedFiles.DecryptedCopy plain = b.exports().encryptedFiles().decrypt(target,
                     OpenPgpEnvelope.Keys.passphrase("bundle passphrase".toCharArray()))) {
            assertThat(plain.originalName()).isEqualTo("a-all.zip");
            assertThat(WorkspaceBundles.isBundle(plain.file())).isTrue();
            assertThat(b.bundles().importBundle(plain.file()).rebuttals().added()).isEqualTo(1);
        }
        assertThat(files(deskB.resolve("tmp"))).isZero();
    }

    @Test
    void theSameBundleTwiceChangesNothing() throws Exception {
        Path bundle = export(deskA, null, "a-all.zip");
        importInto(deskB, bundle);
        Map<String, Long> once = fingerprint(deskB);
        WorkspaceBundles.BundleImportReport again = importInto(deskB, bundle);
        assertThat(again.items().added() + again.items().updated()).isZero();
        assertThat(again.clusters().added() + again.clusters().updated()).isZero();
        assertThat(again.rebuttals().added() + again.rebuttals().updated()).isZero();
        assertThat(again.rebuttals().unchanged()).isEqualTo(1);
        assertThat(fingerprint(deskB)).isEqualTo(once);

        // and A's own work coming back unchanged changes nothing there either
        Map<String, Long> before = fingerprint(deskA);
        WorkspaceBundles.BundleImportReport back = importInto(deskA, export(deskB, null, "b-all.zip"));
        assertThat(back.rebuttals().unchanged()).isEqualTo(1);
        assertThat(back.items().added() + back.rebuttals().added() + back.clusters().added()).isZero();
        assertThat(fingerprint(deskA)).isEqualTo(before);
    }

    @Test
    void anEditOnlyOnBIsTakenByAWithoutAConflictAndGoesNoFurther() throws Exception {
        importInto(deskB, export(deskA, null, "a-all.zip"));
        RebuttalText kenjis = new RebuttalText(FIRST.claim(), "false", FIRST.shortAnswer(), FIRST.fullText() + "\n\nPhotos of the gates.");
        long there;
        try (WorkspaceSession b = open(deskB)) {
            StoredRebuttal r = b.rebuttals().list(java.util.Set.of(), 10).getFirst();
            there = r.id();
            b.rebuttals().workflow().save(there, r.revision(), kenjis, null, KENJI);
        }
        WorkspaceBundles.BundleImportReport back = importInto(deskA, export(deskB, null, "b-all.zip"));
        assertThat(back.rebuttals().updated()).isEqualTo(1);
        assertThat(back.conflicts()).isZero();
        try (WorkspaceSession a = open(deskA)) {
            StoredRebuttal mine = a.rebuttals().find(rebuttal).orElseThrow();
            assertThat(mine.text()).isEqualTo(kenjis);
            assertThat(mine.status()).isEqualTo(RebuttalStatus.IN_REVIEW); // an edit of a published text goes back to review
            assertThat(a.rebuttals().versions(rebuttal).getLast().savedBy()).isEqualTo("Kenji");
            assertThat(a.rebuttals().list(java.util.Set.of(), 10)).hasSize(1); // recognised as its own, not a copy
        }
        // going back to B brings nothing new
        WorkspaceBundles.BundleImportReport again = importInto(deskB, export(deskA, null, "a-again.zip"));
        assertThat(again.rebuttals().unchanged()).isEqualTo(1);
        assertThat(again.conflicts()).isZero();
    }

    /** Both edit the rebuttal after the first exchange; B's bundle comes into A. */
    private RebuttalConflict conflictOnA(RebuttalText amals, RebuttalText kenjis) throws IOException {
        importInto(deskB, export(deskA, null, "a-all.zip"));
        try (WorkspaceSession b = open(deskB)) {
            StoredRebuttal r = b.rebuttals().list(java.util.Set.of(), 10).getFirst();
            b.rebuttals().workflow().save(r.id(), r.revision(), kenjis, null, KENJI);
        }
        try (WorkspaceSession a = open(deskA)) {
            StoredRebuttal r = a.rebuttals().find(rebuttal).orElseThrow();
            a.rebuttals().workflow().save(rebuttal, r.revision(), amals, null, AMAL);
        }
        Path fromB = export(deskB, null, "b-all.zip");
        Map<String, Long> before = fingerprint(deskA);
        WorkspaceBundles.BundleImportReport report = importInto(deskA, fromB);
        assertThat(report.newConflicts()).hasSize(1);
        assertThat(report.rebuttals().updated()).isZero();
        Map<String, Long> after = fingerprint(deskA);
        after.merge("rebuttal_conflict", -1L, Long::sum);
        assertThat(after).as("nothing but the conflict was written").isEqualTo(before);
        // the same bundle again: still the one conflict
        WorkspaceBundles.BundleImportReport again = importInto(deskA, fromB);
        assertThat(again.newConflicts()).isEmpty();
        assertThat(again.conflictsStillPending()).isEqualTo(1);
        try (WorkspaceSession a = open(deskA)) {
            assertThat(a.rebuttals().find(rebuttal).orElseThrow().text()).isEqualTo(amals);
            RebuttalConflict conflict = a.bundles().conflicts().getFirst();
            assertThat(a.bundles().conflicts()).hasSize(1);
            assertThat(conflict.rebuttalId()).isEqualTo(rebuttal);
            assertThat(conflict.mine()).isEqualTo(amals);
            assertThat(conflict.theirs()).isEqualTo(kenjis);
            assertThat(conflict.theirSavedBy()).isEqualTo("Kenji");
            assertThat(conflict.bundleName()).isEqualTo("b-all.zip");
            return conflict;
        }
    }

    private static RebuttalText edited(String words) {
        return new RebuttalText(FIRST.claim(), "false", FIRST.shortAnswer(), FIRST.fullText() + "\n\n" + words);
    }

    @Test
    void keepMineKeepsOursAsANewVersionByWhoResolvedItAndTheConflictDoesNotComeBack() throws Exception {
        RebuttalText amals = edited("Amal: the regional engineer confirmed it.");
        RebuttalText kenjis = edited("Kenji: photos of every gate.");
        RebuttalConflict conflict = conflictOnA(amals, kenjis);
        try (WorkspaceSession a = open(deskA)) {
            int versions = a.rebuttals().versions(rebuttal).size();
            StoredRebuttal resolved = a.bundles().resolve(conflict.id(), new WorkspaceBundles.Resolution.KeepMine(), NOOR);
            assertThat(resolved.text()).isEqualTo(amals);
            assertThat(a.rebuttals().versions(rebuttal)).hasSize(versions + 1).last()
                    .satisfies(v -> assertThat(v.savedBy()).isEqualTo("Noor"));
            assertThat(a.rebuttals().history(rebuttal).getLast().note()).contains("kept this one").contains("Kenji");
            assertThat(a.bundles().conflicts()).isEmpty();
            assertThat(a.bundles().conflictsOf(rebuttal)).singleElement()
                    .satisfies(c -> assertThat(c.resolution()).isEqualTo(RebuttalConflict.Resolution.MINE));
            assertThatThrownBy(() -> a.bundles().resolve(conflict.id(), new WorkspaceBundles.Resolution.TakeTheirs(), NOOR))
                    .hasMessageContaining("resolved already");
        }
        // A's resolution goes to B, which takes it without a conflict: it saw both versions
        WorkspaceBundles.BundleImportReport onB = importInto(deskB, export(deskA, null, "a-resolved.zip"));
        assertThat(onB.conflicts()).isZero();
        assertThat(onB.rebuttals().updated()).isEqualTo(1);
        try (WorkspaceSession b = open(deskB)) {
            assertThat(b.rebuttals().list(java.util.Set.of(), 10).getFirst().text()).isEqualTo(amals);
        }
        // and B's work coming back to A raises nothing: no conflict, no version; only Kenji's review step is new there
        int versionsOnA;
        try (WorkspaceSession a = open(deskA)) {
            versionsOnA = a.rebuttals().versions(rebuttal).size();
        }
        Path fromB = export(deskB, null, "b-after.zip");
        WorkspaceBundles.BundleImportReport back = importInto(deskA, fromB);
        assertThat(back.conflicts()).isZero();
        try (WorkspaceSession a = open(deskA)) {
            assertThat(a.rebuttals().versions(rebuttal)).hasSize(versionsOnA);
            assertThat(a.rebuttals().find(rebuttal).orElseThrow().text()).isEqualTo(amals);
        }
        assertThat(importInto(deskA, fromB).rebuttals().unchanged()).isEqualTo(1);
    }

    @Test
    void takeTheirsMakesTheirTextCurrentAsANewVersionByWhoResolvedIt() throws Exception {
        RebuttalText kenjis = edited("Kenji: photos of every gate.");
        RebuttalConflict conflict = conflictOnA(edited("Amal: the regional engineer confirmed it."), kenjis);
        try (WorkspaceSession a = open(deskA)) {
            StoredRebuttal resolved = a.bundles().resolve(conflict.id(), new WorkspaceBundles.Resolution.TakeTheirs(), NOOR);
            assertThat(resolved.text()).isEqualTo(kenjis);
            assertThat(a.rebuttals().versions(rebuttal).getLast()).satisfies(v -> {
                assertThat(v.text()).isEqualTo(kenjis);
                assertThat(v.savedBy()).isEqualTo("Noor");
            });
            assertThat(a.rebuttals().history(rebuttal).getLast().note()).contains("took theirs");
        }
    }

    @Test
    void aMergedTextWrittenByTheAnalystBecomesCurrent() throws Exception {
        RebuttalConflict conflict = conflictOnA(edited("Amal: the regional engineer confirmed it."),
                edited("Kenji: photos of every gate."));
        RebuttalText merged = edited("The regional engineer confirmed it; photos of every gate.");
        try (WorkspaceSession a = open(deskA)) {
            StoredRebuttal resolved = a.bundles().resolve(conflict.id(), new WorkspaceBundles.Resolution.Merged(merged), NOOR);
            assertThat(resolved.text()).isEqualTo(merged);
            assertThat(a.rebuttals().versions(rebuttal)).extracting(RebuttalVersion::text)
                    .contains(edited("Amal: the regional engineer confirmed it."), merged);
            assertThat(a.rebuttals().history(rebuttal).getLast().note()).contains("merged both");
        }
        WorkspaceBundles.BundleImportReport onB = importInto(deskB, export(deskA, null, "a-merged.zip"));
        assertThat(onB.conflicts()).isZero();
        try (WorkspaceSession b = open(deskB)) {
            assertThat(b.rebuttals().list(java.util.Set.of(), 10).getFirst().text()).isEqualTo(merged);
        }
    }

    @Test
    void tamperedZipSlipAndBadContentBundlesAreRefusedAndNothingOfThemIsKept() throws Exception {
        Path good = export(deskA, null, "a-all.zip");
        importInto(deskB, export(deskB, null, "b-empty.zip")); // B has its tables and id
        Map<String, Long> before = fingerprint(deskB);
        long snapshotsBefore = files(deskB.resolve("snapshots"));

        Path tampered = rewrite(good, "tampered.zip", files -> {
            files.put("rebuttals.json", new String(files.get("rebuttals.json"), StandardCharsets.UTF_8)
                    .replace("Engineers inspected", "Engineerz inspected").getBytes(StandardCharsets.UTF_8));
            return files;
        }, false);
        assertThatThrownBy(() -> importInto(deskB, tampered)).isInstanceOf(PackReader.RefusedPack.class)
                .hasMessageContaining("rebuttals.json does not match its SHA-256");

        Path slip = rewrite(good, "slip.zip", files -> {
            files.put("../../outside.txt", "x".getBytes(StandardCharsets.UTF_8));
            return files;
        }, true);
        assertThatThrownBy(() -> importInto(deskB, slip)).isInstanceOf(PackReader.RefusedPack.class)
                .hasMessageContaining("would be written outside the bundle's folder");
        assertThat(tmp.resolve("outside.txt")).doesNotExist();

        // a manifest that matches, over content that breaks half-way through: items first, then a bad rebuttal
        Path broken = rewrite(good, "broken.zip", files -> {
            files.put("rebuttals.json", new String(files.get("rebuttals.json"), StandardCharsets.UTF_8)
                    .replace("\"PUBLISHED\"", "\"LOST\"").getBytes(StandardCharsets.UTF_8));
            return files;
        }, true);
        assertThatThrownBy(() -> importInto(deskB, broken)).isInstanceOf(PackReader.RefusedPack.class)
                .hasMessageContaining("broken.zip: refused");

        Path foreign = rewrite(good, "foreign.zip", files -> files, true, "claimdesk-rebuttal-pack");
        assertThatThrownBy(() -> importInto(deskB, foreign)).isInstanceOf(PackReader.RefusedPack.class);

        assertThat(fingerprint(deskB)).isEqualTo(before);
        assertThat(snapshotsBefore).isZero();
        assertThat(files(deskB.resolve("snapshots"))).as("the broken bundle's snapshot was removed again").isZero();
    }

    @Test
    void sinceCarriesOnlyWhatChangedAfterIt() throws Exception {
        Instant since = Instant.now();
        long second;
        try (WorkspaceSession a = open(deskA)) {
            long alone = a.claims().moveOut(itemsOfA.get(1).id());
            StoredRebuttal started = a.rebuttals().workflow().start(alone, "de", null, AMAL);
            second = started.id();
        }
        try (WorkspaceSession a = open(deskA)) {
            WorkspaceBundles.BundleWritten written = a.bundles().export(since, tmp.resolve("since.zip"));
            assertThat(written.rebuttals()).isEqualTo(1);
            // the cluster the item left changed too (a take-out is a decision on it): both go, with their items
            assertThat(written.clusters()).isEqualTo(2);
            assertThat(written.items()).isEqualTo(3);
            WorkspaceBundles.BundleWritten all = a.bundles().export(null, tmp.resolve("all.zip"));
            assertThat(all.rebuttals()).isEqualTo(2);
            assertThat(all.items()).isEqualTo(itemsOfA.size());
        }
        WorkspaceBundles.BundleImportReport report = importInto(deskB, tmp.resolve("since.zip"));
        assertThat(report.rebuttals().added()).isEqualTo(1);
        assertThat(report.items().added()).isEqualTo(3);
        try (WorkspaceSession b = open(deskB)) {
            assertThat(b.rebuttals().list(java.util.Set.of(), 10)).singleElement()
                    .satisfies(r -> assertThat(r.language()).isEqualTo("de"));
        }
        assertThat(second).isPositive();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Rows per table, and the largest id of each table that has one: what an import could change. */
    private Map<String, Long> fingerprint(Path desk) {
        try (Database database = Database.open(new Workspace(desk).databaseDir())) {
            return database.inTransaction(connection -> {
                Map<String, Long> counts = new TreeMap<>();
                List<String> tables = new java.util.ArrayList<>();
                try (ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE", "BASE TABLE"})) {
                    while (rows.next()) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
                for (String table : tables) {
                    if (table.startsWith("flyway") || table.equalsIgnoreCase("workspace_setting")) {
                        continue;
                    }
                    try (Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rows.next();
                        counts.put(table.toLowerCase(), rows.getLong(1));
                    }
                }
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT COALESCE(SUM(revision), 0) FROM rebuttal")) {
                    rows.next();
                    counts.put("rebuttal revisions", rows.getLong(1));
                }
                return counts;
            });
        }
    }

    private static long files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private Path rewrite(Path zip, String name, UnaryOperator<Map<String, byte[]>> change, boolean resign) throws IOException {
        return rewrite(zip, name, change, resign, null);
    }

    /** The zip's files changed; with {@code resign} its manifest lists them again (a forger who knows the format). */
    private Path rewrite(Path zip, String name, UnaryOperator<Map<String, byte[]>> change, boolean resign, String format)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        byte[] manifest = files.remove("manifest.json");
        files = change.apply(files);
        if (resign) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest);
            if (format != null) {
                node.put("format", format);
            }
            var list = node.putArray("files");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                list.addObject().put("name", file.getKey()).put("bytes", file.getValue().length)
                        .put("sha256", org.claimdesk.rebuttals.SnapshotFolder.sha256(file.getValue()));
            }
            manifest = json.writeValueAsBytes(node);
        }
        Path target = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("manifest.json"));
            zipOut.write(manifest);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(file.getKey()));
                zipOut.write(file.getValue());
            }
        }
        return target;
    }
}
