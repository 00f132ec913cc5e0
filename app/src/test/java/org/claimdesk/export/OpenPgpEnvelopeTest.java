package org.claimdesk.export;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.claimdesk.export.EncryptionException.Reason;
import org.claimdesk.export.OpenPgpEnvelope.Keys;
import org.claimdesk.export.OpenPgpEnvelope.Recipients;
import org.claimdesk.testing.TestKeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Packs wrapped in OpenPGP and back: round trips, and every way a file can be refused leaving nothing behind. */
class OpenPgpEnvelopeTest {
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    static Path keys;
    static TestKeyPair alice;
    static TestKeyPair bob;

    @TempDir
    Path tmp;
    final OpenPgpEnvelope envelope = new OpenPgpEnvelope();

    @BeforeAll
    static void testKeys() throws Exception {
        alice = TestKeyPair.create(keys, "alice", "alice's key passphrase");
        bob = TestKeyPair.create(keys, "bob", "bob's key passphrase");
    }

    private Path plainFile(int bytes) throws Exception {
        byte[] content = new byte[bytes];
        new Random(13).nextBytes(content);
        return Files.write(tmp.resolve("pack.zip"), content);
    }

    /** The folder holds exactly these names: no partial or plain copy is left. */
    private static void assertOnly(Path dir, String... names) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(names);
        }
    }

    @Test
    void aPassphraseRoundTripGivesTheSameBytesAndTheNameItHad() throws Exception {
        Path plain = plainFile(300_000);
        Path encrypted = tmp.resolve("sealed");
        envelope.encrypt(plain, encrypted, Recipients.passphrase(PASSPHRASE));

        assertThat(OpenPgpEnvelope.isEncrypted(encrypted)).as("known by its packets, not its name").isTrue();
        assertThat(OpenPgpEnvelope.isEncrypted(plain)).isFalse();
        assertThat(Files.size(encrypted)).isBetween(300_000L, 301_000L); // not compressed: a zip would not shrink
        Path out = tmp.resolve("out/back.zip");
        OpenPgpEnvelope.Decrypted decrypted = envelope.decrypt(encrypted, out, Keys.passphrase(PASSPHRASE));
        assertThat(decrypted.originalName()).isEqualTo("pack.zip");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(plain));
        assertOnly(out.getParent(), "back.zip");
    }

    @Test
    void aPublicKeyRoundTripOpensWithTheSecretKeyAndItsPassphraseArmoredOrNot() throws Exception {
        Path plain = plainFile(70_000);
        for (boolean armored : new boolean[] {false, true}) {
            Path encrypted = tmp.resolve(armored ? "to-alice.asc" : "to-alice.pgp");
            envelope.encrypt(plain, encrypted, new Recipients(null, List.of(bob.publicKey(), alice.publicKey()), armored));
            assertThat(OpenPgpEnvelope.isEncrypted(encrypted)).isTrue();
            if (armored) {
                assertThat(Files.readString(encrypted)).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("Version:");
            }
            Path out = tmp.resolve("from-" + encrypted.getFileName());
            envelope.decrypt(encrypted, out, new Keys(alice.passphrase(), List.of(alice.secretKey())));
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(plain));
        }
    }

    @Test
    void aPassphraseAndAKeyTogetherEitherOpensIt() throws Exception {
        Path plain = plainFile(5_000);
        Path encrypted = tmp.resolve("both.pgp");
        envelope.encrypt(plain, encrypted, new Recipients(PASSPHRASE, List.of(alice.publicKey()), false));
        envelope.decrypt(encrypted, tmp.resolve("a"), Keys.passphrase(PASSPHRASE));
        envelope.decrypt(encrypted, tmp.resolve("b"), new Keys(alice.passphrase(), List.of(alice.secretKey())));
        assertThat(tmp.resolve("a")).hasSameBinaryContentAs(plain);
        assertThat(tmp.resolve("b")).hasSameBinaryContentAs(plain);
    }

    @Test
    void aWrongPassphraseIsRefusedAndNothingIsWritten() throws Exception {
        Path encrypted = tmp.resolve("sealed.pgp");
        envelope.encrypt(plainFile(10_000), encrypted, Recipients.passphrase(PASSPHRASE));
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("pack.zip");

        assertThatThrownBy(() -> envelope.decrypt(encrypted, out, Keys.passphrase("Correct horse battery staple".toCharArray())))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE))
                .hasMessage("sealed.pgp: wrong passphrase");
        assertThatThrownBy(() -> envelope.decrypt(encrypted, out, new Keys(null, List.of())))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEEDS_KEY))
                .hasMessageContaining("encrypted with a passphrase");
        assertOnly(out.getParent());
    }

    @Test
    void theWrongKeyOrALockedOneIsRefusedByName() throws Exception {
        Path encrypted = tmp.resolve("to-alice.pgp");
        envelope.encrypt(plainFile(10_000), encrypted, new Recipients(null, List.of(alice.publicKey()), false));
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("pack.zip");

        assertThatThrownBy(() -> envelope.decrypt(encrypted, out, new Keys(bob.passphrase(), List.of(bob.secretKey()))))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY))
                .hasMessageContaining("none of the secret keys given is one of them");
        assertThatThrownBy(() -> envelope.decrypt(encrypted, out, new Keys("not it".toCharArray(), List.of(alice.secretKey()))))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE))
                .hasMessage("to-alice.pgp: the passphrase does not unlock the secret key");
        assertThatThrownBy(() -> envelope.decrypt(encrypted, out, new Keys(null, List.of(alice.publicKey()))))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY_FILE))
                .hasMessage("alice.asc: holds no secret key (a public key cannot decrypt)");
        assertOnly(out.getParent());
    }

    @ParameterizedTest(name = "a byte flipped at {0}% of the file")
    @ValueSource(ints = {30, 50, 90, 99})
    void aFlippedByteFailsTheIntegrityCheckAndLeavesNothing(int percent) throws Exception {
        Path encrypted = tmp.resolve("sealed.pgp");
        envelope.encrypt(plainFile(200_000), encrypted, Recipients.passphrase(PASSPHRASE));
        byte[] bytes = Files.readAllBytes(encrypted);
        int at = (int) ((long) bytes.length * percent / 100);
        bytes[at] ^= 0x01;
        assertRefusedAsDamaged(Files.write(encrypted, bytes));
    }

    @ParameterizedTest(name = "cut to {0} bytes less")
    @ValueSource(ints = {1, 22, 100_000, 199_000})
    void aTruncatedFileIsRefusedAndLeavesNothing(int cut) throws Exception {
        Path encrypted = tmp.resolve("sealed.pgp");
        envelope.encrypt(plainFile(200_000), encrypted, new Recipients(PASSPHRASE, List.of(alice.publicKey()), false));
        byte[] bytes = Files.readAllBytes(encrypted);
        assertRefusedAsDamaged(Files.write(encrypted, java.util.Arrays.copyOf(bytes, bytes.length - cut)));
    }

    /** Decrypting it is refused as damaged, naming it, and leaves nothing in the target's folder. */
    private void assertRefusedAsDamaged(Path encrypted) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("pack.zip");
        assertThatThrownBy(() -> envelope.decrypt(encrypted, out, Keys.passphrase(PASSPHRASE)))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED))
                .hasMessageStartingWith(encrypted.getFileName() + ": refused: ");
        assertOnly(out.getParent());
    }

    /** A message of zeros to {@link #PASSPHRASE} as other tools could write it: with or without MDC, compressed or not. */
    private static Path writeMessage(Path target, boolean integrity, boolean compressed, int bytes) throws Exception {
        try (OutputStream file = Files.newOutputStream(target)) {
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                    new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(integrity));
            generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(PASSPHRASE));
            try (OutputStream encrypted = generator.open(file, new byte[1 << 16]);
                 OutputStream inner = compressed ? new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB)
                         .open(encrypted, new byte[1 << 16]) : encrypted;
                 OutputStream literal = new PGPLiteralDataGenerator().open(inner, PGPLiteralData.BINARY, "pack.zip",
                         new java.util.Date(), new byte[1 << 16])) {
                byte[] zeros = new byte[1 << 20];
                for (int left = bytes; left > 0; left -= zeros.length) {
                    literal.write(zeros, 0, Math.min(left, zeros.length));
                }
            }
        }
        return target;
    }

    @Test
    void aDecompressionBombIsStoppedAtTheLimit() throws Exception {
        // 64 MB of zeros compress to a few tens of kilobytes: far past 200 times the file's size
        Path bomb = writeMessage(tmp.resolve("bomb.pgp"), true, true, 64 << 20);
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("pack.zip");
        assertThatThrownBy(() -> envelope.decrypt(bomb, out, Keys.passphrase(PASSPHRASE)))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("decompression bomb");
        assertThatThrownBy(() -> new OpenPgpEnvelope(new OpenPgpEnvelope.Limits(10L << 20, 1_000_000))
                .decrypt(bomb, out, Keys.passphrase(PASSPHRASE)))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage("bomb.pgp: refused: it decrypts to more than 10 MB");
        assertOnly(out.getParent());
    }

    @Test
    void aMessageWithoutIntegrityProtectionIsRefused() throws Exception {
        Path old = writeMessage(tmp.resolve("old.pgp"), false, false, 1000);
        assertThatThrownBy(() -> envelope.decrypt(old, tmp.resolve("pack.zip"), Keys.passphrase(PASSPHRASE)))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
                .hasMessageContaining("no integrity protection");
        assertThat(tmp.resolve("pack.zip")).doesNotExist();
    }

    @Test
    void onlyEncryptedMessagesAreTakenForThem() throws Exception {
        assertThat(OpenPgpEnvelope.isEncrypted(alice.publicKey())).isFalse();
        assertThat(OpenPgpEnvelope.isEncrypted(alice.secretKey())).isFalse();
        assertThat(OpenPgpEnvelope.isEncrypted(Files.writeString(tmp.resolve("notes.pgp"), "just text"))).isFalse();
        assertThat(OpenPgpEnvelope.isEncrypted(Files.write(tmp.resolve("empty"), new byte[0]))).isFalse();
        assertThat(OpenPgpEnvelope.isEncrypted(tmp)).isFalse();
        assertThatThrownBy(() -> envelope.encrypt(plainFile(10), tmp.resolve("x.pgp"),
                new Recipients(null, List.of(Files.writeString(tmp.resolve("k.asc"), "not a key")), false)))
                .isInstanceOfSatisfying(EncryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY_FILE))
                .hasMessageStartingWith("k.asc: ");
        assertThat(tmp.resolve("x.pgp")).doesNotExist();
    }
}
