package org.claimdesk.cli;

import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.testing.TestKeyPair;
import org.claimdesk.workspace.SampleBundle;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Encrypted workspace bundles from the command line, between two real workspaces: export-bundle
 * with a passphrase or to a public key leaves only an OpenPGP file where it was asked to; import
 * opens it with the passphrase or the secret key; a wrong passphrase or a changed byte is refused
 * by name and the other workspace stays empty.
 */
class EncryptedBundleCommandsTest {
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);

    @TempDir
    Path tmp;
    final CommandRunner cli = new CommandRunner();
    Path feeds;
    Path deskA;
    Path deskB;
    long itemsOfA;

    @BeforeEach
    void workspaceAWithItemsAndARebuttal() throws Exception {
        feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        deskA = tmp.resolve("a");
        deskB = tmp.resolve("b");
        long cluster;
        try (Database database = Database.open(new Workspace(deskA).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(deskA), feeds)) {
            assertThat(SampleBundle.importInto(session).newItems()).isPositive();
            var workflow = session.rebuttals().workflow();
            StoredRebuttal started = workflow.start(cluster, "en", null, AMAL);
            workflow.save(started.id(), 1, new RebuttalText("Tap water in Millbrook is poisoned", "false",
                    "The water board tested it on Friday: it is safe.", "# Tap water is safe"), null, AMAL);
        }
        itemsOfA = itemsIn(deskA);
    }

    private int run(Path desk, String... args) {
        return cli.runOn(desk, feeds, tmp.resolve("data"), args);
    }

    private long itemsIn(Path desk) throws Exception {
        try (Database database = Database.open(new Workspace(desk).ensureLayout().databaseDir())) {
            return new ItemStore(database).count();
        }
    }

    private List<String> rebuttalClaimsIn(Path desk) {
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(desk), feeds)) {
            return session.rebuttals().list(Set.of(), 10).stream().map(rebuttal -> rebuttal.text().claim()).toList();
        }
    }

    /** The files below a folder of a workspace; none when it does not exist. */
    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** Plain copies are only ever made in the workspace's tmp/, and none may stay there. */
    private static void assertNoPlainCopyIn(Path desk) throws IOException {
        assertThat(filesUnder(desk.resolve("tmp"))).isEmpty();
    }

    @Test
    void aBundleEncryptedWithAPassphraseFileIsOnlyOpenPgpOnTheStickAndOpensInAnotherWorkspaceWithIt() throws Exception {
        Path passphrase = Files.writeString(tmp.resolve("passphrase"), "our shared passphrase\n");
        Path stick = tmp.resolve("stick");
        assertThat(run(deskA, "export-bundle", "--out", stick.resolve("a.zip").toString(), "--passphrase-file",
                passphrase.toString())).as(cli.err.toString()).isZero();
        Path encrypted = stick.resolve("a.zip.pgp");
        assertThat(cli.out.toString()).contains("1 rebuttals").contains("written to " + encrypted)
                .contains("encrypted (OpenPGP) to a passphrase; gpg --decrypt opens it too");
        try (var onStick = Files.list(stick)) {
            assertThat(onStick).as("no plain bundle beside the encrypted one").containsExactly(encrypted);
        }
        assertThat(Arrays.copyOf(Files.readAllBytes(encrypted), 2)).isNotEqualTo(new byte[] {'P', 'K'});
        assertThat(OpenPgpEnvelope.isEncrypted(encrypted)).isTrue();
        assertNoPlainCopyIn(deskA);
        // the name inside is the one gpg --decrypt --use-embedded-filename would write
        Path opened = tmp.resolve("opened");
        assertThat(new OpenPgpEnvelope().decrypt(encrypted, opened,
                new OpenPgpEnvelope.Keys("our shared passphrase".toCharArray(), List.of())).originalName()).isEqualTo("a.zip");
        assertThat(Arrays.copyOf(Files.readAllBytes(opened), 2)).isEqualTo(new byte[] {'P', 'K'});

        Path wrong = Files.writeString(tmp.resolve("wrong"), "our shared passphrasE\n");
        assertThat(run(deskB, "import", encrypted.toString(), "--passphrase-file", wrong.toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.err.toString()).contains("a.zip.pgp: wrong passphrase").contains("(from " + wrong + ")")
                .contains("nothing of it was imported").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(itemsIn(deskB)).isZero();
        assertThat(rebuttalClaimsIn(deskB)).isEmpty();
        assertNoPlainCopyIn(deskB);

        assertThat(run(deskB, "import", encrypted.toString(), "--passphrase-file", passphrase.toString()))
                .as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("a.zip.pgp: decrypted (OpenPGP, integrity checked)")
                .contains("a.zip.pgp: workspace bundle from").contains("rebuttals   1 new, 0 updated, 0 unchanged");
        assertThat(itemsIn(deskB)).isEqualTo(itemsOfA);
        assertThat(rebuttalClaimsIn(deskB)).containsExactly("Tap water in Millbrook is poisoned");
        assertNoPlainCopyIn(deskB);
    }

    @Test
    void aBundleEncryptedToAPublicKeyOpensWithTheSecretKeyAndItsPassphrase() throws Exception {
        TestKeyPair partner = TestKeyPair.create(tmp, "partner-desk", "partner key passphrase");
        Path bundle = tmp.resolve("for-partner.zip");
        assertThat(run(deskA, "export-bundle", "--out", bundle.toString(), "--encrypt-to", partner.publicKey().toString(),
                "--armor")).as(cli.err.toString()).isZero();
        Path encrypted = tmp.resolve("for-partner.zip.asc");
        assertThat(cli.out.toString()).contains("written to " + encrypted).contains("encrypted (OpenPGP) to 1 key");
        assertThat(bundle).doesNotExist();
        assertThat(Files.readString(encrypted)).startsWith("-----BEGIN PGP MESSAGE-----");
        assertNoPlainCopyIn(deskA);

        assertThat(run(deskB, "import", encrypted.toString())).isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.err.toString()).contains("for-partner.zip.asc: ").contains("--secret-key FILE");
        assertThat(itemsIn(deskB)).isZero();

        Path keyPassphrase = Files.writeString(tmp.resolve("key-passphrase"), "partner key passphrase\n");
        assertThat(run(deskB, "import", encrypted.toString(), "--secret-key", partner.secretKey().toString(),
                "--passphrase-file", keyPassphrase.toString())).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("for-partner.zip.asc: workspace bundle from")
                .contains("rebuttals   1 new, 0 updated, 0 unchanged");
        assertThat(itemsIn(deskB)).isEqualTo(itemsOfA);
        assertThat(rebuttalClaimsIn(deskB)).containsExactly("Tap water in Millbrook is poisoned");
        assertNoPlainCopyIn(deskB);
    }

    @Test
    void aTamperedEncryptedBundleIsRefusedAndTheOtherWorkspaceKeepsNothing() throws Exception {
        Path passphrase = Files.writeString(tmp.resolve("passphrase"), "our shared passphrase");
        Path encrypted = tmp.resolve("a.pgp");
        assertThat(run(deskA, "export-bundle", "--out", encrypted.toString(), "--passphrase-file", passphrase.toString()))
                .as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("written to " + encrypted);
        byte[] bytes = Files.readAllBytes(encrypted);
        bytes[bytes.length / 2] ^= 0x01;
        Path tampered = Files.write(tmp.resolve("tampered.pgp"), bytes);

        assertThat(run(deskB, "import", tampered.toString(), "--passphrase-file", passphrase.toString()))
                .isEqualTo(ExitCodes.PARTIAL);
        assertThat(cli.err.toString()).contains("tampered.pgp: refused: ").contains("nothing of it was imported")
                .doesNotContain("Exception");
        assertThat(itemsIn(deskB)).isZero();
        assertThat(rebuttalClaimsIn(deskB)).isEmpty();
        assertNoPlainCopyIn(deskB);
        assertThat(filesUnder(deskB.resolve("snapshots"))).as("no evidence snapshot of it kept").isEmpty();
    }

    @Test
    void armorWithoutEncryptionOrEncryptWithoutAPassphraseIsWrongUsageAndAFileThatIsNoKeyIsRefusedWritingNothing()
            throws Exception {
        Path bundle = tmp.resolve("a.zip");
        Path notAKey = Files.writeString(tmp.resolve("partner.asc"), "our shared passphrase\n");
        assertThat(run(deskA, "export-bundle", "--out", bundle.toString(), "--encrypt-to", notAKey.toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err.toString()).contains("claimdesk export-bundle: partner.asc: ").doesNotContain("Exception");
        assertThat(bundle).doesNotExist();
        assertThat(tmp.resolve("a.zip.pgp")).doesNotExist();
        assertNoPlainCopyIn(deskA);

        assertThat(run(deskA, "export-bundle", "--out", bundle.toString(), "--armor")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("claimdesk export-bundle: --armor is for an encrypted bundle");
        assertThat(bundle).doesNotExist();

        // with no terminal to ask on (as under a test runner) and no $CLAIMDESK_PASSPHRASE
        assumeTrue(System.getenv(Passphrases.VARIABLE) == null
                && (System.console() == null || !System.console().isTerminal()));
        assertThat(run(deskA, "export-bundle", "--out", bundle.toString(), "--encrypt")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("claimdesk export-bundle: --encrypt needs a passphrase")
                .contains("nothing was written");
        assertThat(bundle).doesNotExist();
        assertThat(tmp.resolve("a.zip.pgp")).doesNotExist();
    }
}
