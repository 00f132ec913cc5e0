package org.claimdesk.workspace;

import org.claimdesk.export.EncryptionException;
import org.claimdesk.export.OpenPgpEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain copies live in the workspace's tmp/ only while they are needed, and never beside the encrypted file. */
class EncryptedFilesTest {
    static final char[] PASSPHRASE = "a passphrase for the test".toCharArray();

    @TempDir
    Path tmp;

    private static long filesIn(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aFileIsWrittenPlainInsideTheWorkspaceOnlyAndComesBackUnderItsOwnName() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("desk")).ensureLayout();
        EncryptedFiles files = new EncryptedFiles(workspace, new OpenPgpEnvelope());
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Path target = EncryptedFiles.encryptedName(stick.resolve("bundle.zip"), false);
        assertThat(target.getFileName().toString()).isEqualTo("bundle.zip.pgp");
        assertThat(EncryptedFiles.encryptedName(target, true)).isEqualTo(target);

        String written = files.writeEncrypted("bundle.zip", target, OpenPgpEnvelope.Recipients.passphrase(PASSPHRASE), plain -> {
            assertThat(plain.startsWith(workspace.root().resolve("tmp"))).isTrue();
            Files.writeString(plain, "the bundle");
            return "done";
        });
        assertThat(written).isEqualTo("done");
        assertThat(filesIn(stick)).isEqualTo(1);
        assertThat(filesIn(workspace.root().resolve("tmp"))).isZero();
        assertThat(EncryptedFiles.isEncrypted(target)).isTrue();

        try (EncryptedFiles.DecryptedCopy copy = files.decrypt(target, OpenPgpEnvelope.Keys.passphrase(PASSPHRASE))) {
            assertThat(copy.file().getFileName().toString()).isEqualTo("bundle.zip");
            assertThat(Files.readString(copy.file())).isEqualTo("the bundle");
        }
        assertThat(filesIn(workspace.root().resolve("tmp"))).isZero();

        assertThatThrownBy(() -> files.decrypt(target, OpenPgpEnvelope.Keys.passphrase("not it".toCharArray())))
                .isInstanceOf(EncryptionException.class).hasMessage("bundle.zip.pgp: wrong passphrase");
        assertThat(filesIn(workspace.root().resolve("tmp"))).isZero();
    }

    @Test
    void aPlainCopyThatACrashLeftIsDeletedADayLater() throws Exception {
        Workspace workspace = new Workspace(tmp.resolve("desk")).ensureLayout();
        Path left = Files.createDirectories(workspace.root().resolve("tmp/decrypt-123"));
        Files.writeString(left.resolve("pack.zip"), "plain");
        Path recent = Files.createDirectories(workspace.root().resolve("tmp/decrypt-456"));
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Path plain = Files.writeString(tmp.resolve("notes.txt"), "notes");

        new EncryptedFiles(workspace, new OpenPgpEnvelope()).writeEncrypted("notes.txt", tmp.resolve("notes.pgp"),
                OpenPgpEnvelope.Recipients.passphrase(PASSPHRASE), target -> Files.copy(plain, target));
        assertThat(left).doesNotExist();
        assertThat(recent).exists();
    }
}
