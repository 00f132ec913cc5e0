package org.claimdesk.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.rebuttals.SnapshotFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a pack from another machine as hostile input: every file is read within limits (size of an
 * entry, of all of them, how many, how far they expand), names that would leave the pack's folder
 * are refused, and every file must be the one the manifest lists, by size and SHA-256, with none
 * missing and none added. Only a pack that passes it all is handed on; nothing is written here, so
 * a refused pack leaves nothing behind.
 */
public final class PackReader {
    /** Limits a pack must keep; a bigger one is refused rather than read into memory. */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxExpansion) {
        /** Room for hundreds of rebuttals with their evidence pages. */
        public static final Limits DEFAULT = new Limits(20_000, 64L << 20, 1L << 30, 200);
    }

    /**
     * What kind of zip is expected: the manifest's {@code format}, the newest version this ClaimDesk
     * reads, the files it cannot do without, and what the user calls it in a refusal ("pack").
     */
    public record Format(String name, int version, List<String> requiredFiles, String noun) {
        public Format {
            requiredFiles = List.copyOf(requiredFiles);
        }
    }

    /** A rebuttal pack (decision 0023). */
    public static final Format PACK = new Format("claimdesk-rebuttal-pack", RebuttalPackWriter.FORMAT,
            List.of("claimreview.jsonld", "evidence.csv", PackRebuttalJson.FILE), "pack");

    /** A pack that passed every check: its manifest and its files by name. */
    public record Contents(JsonNode manifest, Map<String, byte[]> files) {
    }

    /** Why a pack was refused, naming the file and what is wrong with it. */
    public static final class RefusedPack extends IOException {
        public RefusedPack(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // a plain relative name: no drive, no leading slash, no backslash, no . or .. segment, no control characters
    private static final Pattern SAFE_NAME = Pattern.compile("(?!/)(?!.*\\\\)(?!.*(^|/)\\.{1,2}(/|$))(?![A-Za-z]:)[^\\p{Cntrl}]{1,300}");

    private PackReader() {
    }

    /**
     * Whether a file looks like a rebuttal pack (a zip whose manifest says so), to tell it from a
     * zip of saved pages; it is checked in full only when read.
     */
    public static boolean isPack(Path file) {
        return PACK.name().equals(formatOf(file));
    }

    /**
     * The {@code format} a zip's manifest names (a pack's, a workspace bundle's), or null when it is
     * no zip of ours; only a look at the manifest, the zip is checked in full when read.
     */
    public static String formatOf(Path file) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return null;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            ZipEntry manifest = zip.getEntry(RebuttalPackWriter.MANIFEST);
            if (manifest == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(manifest)) {
                byte[] head = readAtMost(in, 1 << 20);
                String format = head == null ? "" : JSON.readTree(head).path("format").asText();
                return format.isEmpty() ? null : format;
            }
        } catch (IOException | RuntimeException e) {
            return null; // not a zip, or not ours: the other importers say what it is
        }
    }

    public static Contents read(Path pack) throws IOException {
        return read(pack, Limits.DEFAULT);
    }

    public static Contents read(Path pack, Limits limits) throws IOException {
        return read(pack, limits, PACK);
    }

    /** Reads a zip of the given format with every check of a pack: limits, names, manifest, hashes. */
    public static Contents read(Path pack, Limits limits, Format format) throws IOException {
        long packBytes = Files.size(pack);
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (InputStream raw = Files.newInputStream(pack); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new RefusedPack(pack.getFileName() + ": refused: the file name '" + printable(name)
                            + "' would be written outside the " + format.noun() + "'s folder");
                }
                if (files.containsKey(name)) {
                    throw new RefusedPack(pack.getFileName() + ": refused: " + name + " is in it twice");
                }
                if (files.size() >= limits.maxEntries()) {
                    throw new RefusedPack(pack.getFileName() + ": refused: more than " + limits.maxEntries() + " files");
                }
                // the sizes a zip declares may lie: count what is actually read
                byte[] bytes = readAtMost(zip, limits.maxEntryBytes());
                if (bytes == null) {
                    throw new RefusedPack(pack.getFileName() + ": refused: " + name + " is larger than "
                            + (limits.maxEntryBytes() >> 20) + " MB");
                }
                total += bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw new RefusedPack(pack.getFileName() + ": refused: its files come to more than "
                            + (limits.maxTotalBytes() >> 20) + " MB");
                }
                if (total > 1_000_000 && total > packBytes * limits.maxExpansion()) {
                    throw new RefusedPack(pack.getFileName() + ": refused: it expands more than " + limits.maxExpansion()
                            + " times its size (a zip bomb?)");
                }
                files.put(name, bytes);
            }
        } catch (ZipException e) {
            throw new RefusedPack(pack.getFileName() + ": not a readable zip: " + e.getMessage());
        }
        byte[] manifestBytes = files.remove(RebuttalPackWriter.MANIFEST);
        if (manifestBytes == null) {
            throw new RefusedPack(pack.getFileName() + ": refused: no " + RebuttalPackWriter.MANIFEST + " in it");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            throw new RefusedPack(pack.getFileName() + ": refused: " + RebuttalPackWriter.MANIFEST + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        check(pack, manifest, files, format);
        return new Contents(manifest, files);
    }

    /** The manifest is ours, in a version we know, and lists exactly the files there, by size and hash. */
    private static void check(Path pack, JsonNode manifest, Map<String, byte[]> files, Format format) throws RefusedPack {
        String where = pack.getFileName() + ": refused: ";
        if (manifest == null || !manifest.isObject() || !format.name().equals(manifest.path("format").asText())) {
            throw new RefusedPack(where + RebuttalPackWriter.MANIFEST + " is not a ClaimDesk " + format.noun() + " manifest");
        }
        int version = manifest.path("version").asInt(-1);
        if (version < 1 || version > format.version()) {
            throw new RefusedPack(where + format.noun() + " format " + manifest.path("version")
                    + " is not one this ClaimDesk reads (up to " + format.version() + "): update ClaimDesk");
        }
        JsonNode listed = manifest.path("files");
        if (!listed.isArray()) {
            throw new RefusedPack(where + RebuttalPackWriter.MANIFEST + " lists no files");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode file : listed) {
            String name = file.path("name").asText("");
            byte[] bytes = files.get(name);
            if (bytes == null) {
                throw new RefusedPack(where + name + " is listed in the manifest but missing");
            }
            if (bytes.length != file.path("bytes").asLong(-1)) {
                throw new RefusedPack(where + name + " has " + bytes.length + " bytes, the manifest says "
                        + file.path("bytes").asText("?"));
            }
            if (!SnapshotFolder.sha256(bytes).equals(file.path("sha256").asText())) {
                throw new RefusedPack(where + name + " does not match its SHA-256 in the manifest (changed after export?)");
            }
            seen.add(name);
        }
        for (String name : files.keySet()) {
            if (!seen.contains(name)) {
                throw new RefusedPack(where + name + " is not listed in the manifest (added after export?)");
            }
        }
        for (String required : format.requiredFiles()) {
            if (!files.containsKey(required)) {
                throw new RefusedPack(where + required + " is missing");
            }
        }
    }

    /** All of an entry, or null once it passes {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read += n;
            if (read > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
