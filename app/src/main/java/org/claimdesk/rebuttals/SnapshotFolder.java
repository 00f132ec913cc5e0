package org.claimdesk.rebuttals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Evidence bytes kept in the workspace under their SHA-256 ({@code snapshots/ab/abcd…}): the same
 * page kept twice is one file, a file is never changed once written, and reading checks the hash,
 * so a snapshot altered on disk is refused rather than shown as evidence.
 */
public final class SnapshotFolder {
    private final Path root;

    public SnapshotFolder(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Whether bytes with this hash are kept. */
    public boolean has(String sha256) {
        return Files.isRegularFile(fileOf(sha256));
    }

    /** Drops kept bytes that nothing refers to (a pack whose import was refused after its files were kept). */
    public void forget(String sha256) {
        try {
            Files.deleteIfExists(fileOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + sha256 + " from " + root + ": " + e.getMessage(), e);
        }
    }

    /** Keeps these bytes (if not kept already) and returns their hex SHA-256. */
    public String keep(byte[] bytes) {
        String sha256 = sha256(bytes);
        Path file = fileOf(sha256);
        if (Files.isRegularFile(file)) {
            return sha256;
        }
        try {
            Files.createDirectories(file.getParent());
            // written aside, forced to disk, then moved into place: a crash never leaves half a file under the name
            Path partial = Files.createTempFile(file.getParent(), sha256, ".partial");
            try {
                Files.write(partial, bytes);
                try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an evidence snapshot in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bytes kept under this hash.
     *
     * @throws IOException when they are missing, or changed since they were kept
     */
    public byte[] read(String sha256) throws IOException {
        Path file = fileOf(sha256);
        byte[] bytes = Files.readAllBytes(file);
        if (!sha256(bytes).equals(sha256)) {
            throw new IOException("the evidence snapshot " + file + " was changed after it was kept (its hash differs)");
        }
        return bytes;
    }

    Path fileOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** The hex SHA-256 of some bytes, as snapshots and packs name them. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
