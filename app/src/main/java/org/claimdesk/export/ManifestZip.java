package org.claimdesk.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.rebuttals.SnapshotFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip every exchange file is (packs, workspace bundles): {@code manifest.json} first, listing
 * every other file with its size and SHA-256 ({@link PackReader} checks them), written beside the
 * target and moved over it once complete, so a failure never leaves half a file.
 */
final class ManifestZip {
    private ManifestZip() {
    }

    /** Each file with its size and hash, in the order given. */
    static List<RebuttalPackWriter.PackFile> listed(Map<String, byte[]> files) {
        List<RebuttalPackWriter.PackFile> listed = new ArrayList<>();
        files.forEach((name, bytes) -> listed.add(new RebuttalPackWriter.PackFile(name, bytes.length, SnapshotFolder.sha256(bytes))));
        return listed;
    }

    /** Adds the manifest's {@code files}: what a reader checks every file against. */
    static void list(ObjectNode manifest, List<RebuttalPackWriter.PackFile> files) {
        ArrayNode list = manifest.putArray("files");
        for (RebuttalPackWriter.PackFile file : files) {
            ObjectNode entry = list.addObject();
            entry.put("name", file.name());
            entry.put("bytes", file.bytes());
            entry.put("sha256", file.sha256());
        }
    }

    /** Writes the manifest and the files as one zip at {@code target}, replacing it only once complete. */
    static Path write(Path target, byte[] manifest, Map<String, byte[]> files, Instant now) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "." + absolute.getFileName(), ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, RebuttalPackWriter.MANIFEST, manifest, now);
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    put(zip, file.getKey(), file.getValue(), now);
                }
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return absolute;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, Instant now) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(now.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
