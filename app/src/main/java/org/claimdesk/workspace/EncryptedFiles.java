package org.claimdesk.workspace;

import org.claimdesk.export.OpenPgpEnvelope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Files that leave or enter a workspace encrypted (decision 0025): whatever writes a finished file (a
 * rebuttal pack, a workspace bundle) writes it plain inside the workspace, where the data is anyway,
 * and only the encrypted file goes where the user asked; an encrypted file from elsewhere is decrypted
 * and checked inside the workspace before anything reads it. So no plain copy is ever left on a USB
 * stick or in a shared folder, where deleting it would not wipe it.
 */
public final class EncryptedFiles {
    /** Writes a finished file at the path it is given. */
    @FunctionalInterface
    public interface PlainWriter<T> {
        T writeTo(Path plain) throws IOException;
    }

    /** A decrypted copy inside the workspace; closing it deletes it. */
    public record DecryptedCopy(Path file, String originalName) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            deleteTree(file.getParent());
        }
    }

    private final Workspace workspace;
    private final OpenPgpEnvelope envelope;

    EncryptedFiles(Workspace workspace, OpenPgpEnvelope envelope) {
        this.workspace = workspace;
        this.envelope = envelope;
    }

    /** Whether a file is an OpenPGP encrypted message, by its first bytes, not its name. */
    public static boolean isEncrypted(Path file) {
        return OpenPgpEnvelope.isEncrypted(file);
    }

    /**
     * The name an encrypted file gets when the user named it like the plain one: {@code .pgp}
     * ({@code .asc} when armored) is added unless it already ends so.
     */
    public static Path encryptedName(Path target, boolean armored) {
        String name = target.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pgp") || lower.endsWith(".gpg") || lower.endsWith(".asc")) {
            return target;
        }
        return target.resolveSibling(name + (armored ? ".asc" : ".pgp"));
    }

    /**
     * The name inside the envelope of a zip encrypted to {@code target}: the target's without
     * {@code .pgp}, {@code .gpg} or {@code .asc}, ending in {@code .zip}, as
     * {@code gpg --decrypt --use-embedded-filename} writes it and as import knows a zip.
     */
    static String plainZipName(Path target) {
        String name = target.getFileName().toString().replaceFirst("(?i)\\.(pgp|gpg|asc)$", "");
        return name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name : name + ".zip";
    }

    /**
     * Has {@code writer} write a file named {@code plainName} into a private folder of the workspace,
     * encrypts it to {@code to} into {@code target} and deletes the plain file, whatever happens.
     */
    public <T> T writeEncrypted(String plainName, Path target, OpenPgpEnvelope.Recipients to, PlainWriter<T> writer)
            throws IOException {
        Path folder = privateFolder("encrypt-");
        try {
            Path plain = folder.resolve(plainName);
            T written = writer.writeTo(plain);
            envelope.encrypt(plain, target, to);
            return written;
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * Decrypts {@code encrypted} into a private folder of the workspace and checks its integrity;
     * the copy is named as it was when encrypted (else as the encrypted file without {@code .pgp},
     * {@code .gpg} or {@code .asc}). Nothing is left when it is refused.
     *
     * @throws org.claimdesk.export.EncryptionException naming what is wrong (passphrase, key, a damaged file)
     */
    public DecryptedCopy decrypt(Path encrypted, OpenPgpEnvelope.Keys keys) throws IOException {
        Path folder = privateFolder("decrypt-");
        try {
            Path target = folder.resolve("decrypted");
            OpenPgpEnvelope.Decrypted decrypted = envelope.decrypt(encrypted, target, keys);
            String name = decrypted.originalName().isEmpty() ? withoutEncryptedSuffix(encrypted) : decrypted.originalName();
            Path named = Files.move(target, folder.resolve(name));
            return new DecryptedCopy(named, decrypted.originalName());
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    private static String withoutEncryptedSuffix(Path encrypted) {
        String name = encrypted.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".pgp", ".gpg", ".asc"}) {
            if (lower.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return "decrypted-" + name;
    }

    /**
     * A new folder under the workspace's {@code tmp/}, readable by its owner alone; plain copies that
     * a crash left there more than a day ago are deleted first (nothing runs that long).
     */
    private Path privateFolder(String prefix) throws IOException {
        Path tmp = Files.createDirectories(workspace.root().resolve("tmp"));
        java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        try (Stream<Path> folders = Files.list(tmp)) {
            for (Path folder : folders.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith("encrypt-") || name.startsWith("decrypt-");
            }).toList()) {
                if (Files.getLastModifiedTime(folder).toInstant().isBefore(dayAgo)) {
                    deleteTree(folder);
                }
            }
        }
        return Files.createTempDirectory(tmp, prefix);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
