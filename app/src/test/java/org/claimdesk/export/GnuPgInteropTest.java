package org.claimdesk.export;

import org.claimdesk.export.OpenPgpEnvelope.Keys;
import org.claimdesk.export.OpenPgpEnvelope.Recipients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What we write, GnuPG opens, and what GnuPG writes, we open: passphrases both ways, and a key that
 * gpg made (Curve25519, gpg's own choice since 2.3) both ways. Skipped where gpg is not installed.
 */
class GnuPgInteropTest {
    static final String PASSPHRASE = "interop passphrase \u00e9\u00e8 \u0645\u0631\u062d\u0628\u0627";

    @TempDir
    Path tmp;
    Path home;
    Path passphraseFile;
    Path plain;
    final OpenPgpEnvelope envelope = new OpenPgpEnvelope();

    @BeforeEach
    void gnupgHome() throws Exception {
        assumeTrue(gpgAvailable(), "gpg is not installed");
        // a short folder of its own: gpg-agent's socket path must stay short
        home = Files.createTempDirectory(Path.of("/tmp"), "cdgpg");
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        passphraseFile = Files.writeString(tmp.resolve("passphrase.txt"), PASSPHRASE + "\n", StandardCharsets.UTF_8);
        byte[] content = new byte[150_000];
        new Random(7).nextBytes(content);
        plain = Files.write(tmp.resolve("pack.zip"), content);
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (home != null) {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
            try (var paths = Files.walk(home)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static boolean gpgAvailable() {
        try {
            Process process = new ProcessBuilder("gpg", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
                "--pinentry-mode", "loopback", "--passphrase-file", passphraseFile.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "gpg", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("gpg finished").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    @Test
    void gpgDecryptsWhatWeEncryptWithAPassphrase() throws Exception {
        Path encrypted = tmp.resolve("pack.zip.pgp");
        envelope.encrypt(plain, encrypted, Recipients.passphrase(PASSPHRASE.toCharArray()));
        Path out = tmp.resolve("by-gpg.zip");
        String said = gpg("--output", out.toString(), "--decrypt", encrypted.toString());
        assertThat(out).hasSameBinaryContentAs(plain);
        assertThat(said).contains("AES256").doesNotContain("WARNING: message was not integrity protected");

        Path armored = tmp.resolve("pack.zip.asc");
        envelope.encrypt(plain, armored, new Recipients(PASSPHRASE.toCharArray(), List.of(), true));
        Path outArmored = tmp.resolve("by-gpg-armored.zip");
        gpg("--output", outArmored.toString(), "--decrypt", armored.toString());
        assertThat(outArmored).hasSameBinaryContentAs(plain);
    }

    @Test
    void weDecryptWhatGpgEncryptsWithAPassphraseCompressedByDefault() throws Exception {
        Path encrypted = tmp.resolve("from-gpg.gpg");
        gpg("--symmetric", "--output", encrypted.toString(), plain.toString());
        assertThat(OpenPgpEnvelope.isEncrypted(encrypted)).isTrue();
        Path out = tmp.resolve("back.zip");
        OpenPgpEnvelope.Decrypted decrypted = envelope.decrypt(encrypted, out, Keys.passphrase(PASSPHRASE.toCharArray()));
        assertThat(out).hasSameBinaryContentAs(plain);
        assertThat(decrypted.originalName()).isEqualTo("pack.zip");

        Path armored = tmp.resolve("from-gpg.asc");
        gpg("--symmetric", "--armor", "--cipher-algo", "AES256", "--output", armored.toString(), plain.toString());
        envelope.decrypt(armored, tmp.resolve("back2.zip"), Keys.passphrase(PASSPHRASE.toCharArray()));
        assertThat(tmp.resolve("back2.zip")).hasSameBinaryContentAs(plain);
    }

    @Test
    void aKeyGpgMadeWorksBothWays() throws Exception {
        gpg("--quick-generate-key", "Interop Test Key <interop@example.invalid>", "ed25519", "sign", "never");
        String fingerprint = gpg("--with-colons", "--list-keys", "interop@example.invalid").lines()
                .filter(line -> line.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        gpg("--quick-add-key", fingerprint, "cv25519", "encr", "never");
        Path publicKey = tmp.resolve("interop.asc");
        gpg("--armor", "--output", publicKey.toString(), "--export", fingerprint);
        Path secretKey = tmp.resolve("interop-secret.gpg");
        gpg("--output", secretKey.toString(), "--export-secret-keys", fingerprint);

        // we encrypt to gpg's key, gpg decrypts
        Path ours = tmp.resolve("to-gpg-key.pgp");
        envelope.encrypt(plain, ours, new Recipients(null, List.of(publicKey), false));
        Path byGpg = tmp.resolve("by-gpg.zip");
        gpg("--output", byGpg.toString(), "--decrypt", ours.toString());
        assertThat(byGpg).hasSameBinaryContentAs(plain);

        // gpg encrypts to its key, we decrypt with the exported secret key and its passphrase
        Path theirs = tmp.resolve("from-gpg.pgp");
        gpg("--trust-model", "always", "--recipient", fingerprint, "--output", theirs.toString(), "--encrypt", plain.toString());
        Path byUs = tmp.resolve("by-us.zip");
        envelope.decrypt(theirs, byUs, new Keys(PASSPHRASE.toCharArray(), List.of(secretKey)));
        assertThat(byUs).hasSameBinaryContentAs(plain);
    }
}
