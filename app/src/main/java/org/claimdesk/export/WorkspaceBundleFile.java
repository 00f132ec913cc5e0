package org.claimdesk.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimdesk.rebuttals.SnapshotFolder;
import org.claimdesk.store.BundleContent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workspace bundle on disk (decision 0024): a zip like a pack, with a manifest of every file's
 * size and SHA-256 under its own format name, holding the bundle's rows as JSON ({@code stages.json},
 * {@code sources.json}, {@code items/NNNNN.json} a thousand items a file, {@code clusters.json},
 * {@code rebuttals.json}, {@code factchecks.json}) and the evidence snapshots under their SHA-256.
 * Read back through {@link PackReader}'s checks: nothing of a refused bundle reaches the workspace.
 */
public final class WorkspaceBundleFile {
    /** The bundle format; a newer one is refused with "update ClaimDesk". */
    public static final int FORMAT = 1;
    public static final PackReader.Format BUNDLE = new PackReader.Format("claimdesk-workspace-bundle", FORMAT,
            List.of("stages.json", "sources.json", "clusters.json", "rebuttals.json", "factchecks.json"), "bundle");
    static final int ITEMS_PER_FILE = 1000;
    private static final Pattern ITEMS_FILE = Pattern.compile("items/\\d{5}\\.json");
    private static final Pattern SNAPSHOT_FILE = Pattern.compile("evidence/[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };

    /**
     * Who made a bundle and of what.
     *
     * @param origin    the id of the workspace it comes from
     * @param since     what changed since this instant; null for everything
     * @param createdBy the identity that exported it, or null
     */
    public record Header(String origin, Instant createdAt, Instant since, String createdBy) {
        public Header {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** A bundle written: where, how many files and bytes, how many snapshots went in. */
    public record Written(Path file, int files, int snapshots, long bytes) {
    }

    /** A bundle that passed every check: who made it, its rows, its snapshots by SHA-256. */
    public record Read(Header header, BundleContent content, Map<String, byte[]> snapshots) {
    }

    private WorkspaceBundleFile() {
    }

    /** Whether a file looks like a workspace bundle (its manifest says so); checked in full when read. */
    public static boolean isBundle(Path file) {
        return BUNDLE.name().equals(PackReader.formatOf(file));
    }

    public static Written write(Path target, Header header, BundleContent content, RebuttalPackWriter.Snapshots snapshots,
                                Instant now) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("stages.json", JSON.writeValueAsBytes(content.stages()));
        files.put("sources.json", JSON.writeValueAsBytes(content.sources()));
        List<BundleContent.Item> items = content.items();
        for (int from = 0, n = 1; from < items.size(); from += ITEMS_PER_FILE, n++) {
            files.put("items/%05d.json".formatted(n), JSON.writeValueAsBytes(items.subList(from,
                    Math.min(items.size(), from + ITEMS_PER_FILE))));
        }
        files.put("clusters.json", JSON.writeValueAsBytes(content.clusters()));
        files.put("rebuttals.json", JSON.writeValueAsBytes(content.rebuttals()));
        files.put("factchecks.json", JSON.writeValueAsBytes(content.factChecks()));
        int kept = 0;
        for (String sha : content.snapshots()) {
            byte[] bytes = snapshots.read(sha);
            if (bytes != null) {
                files.put("evidence/" + sha, bytes);
                kept++;
            }
        }
        List<RebuttalPackWriter.PackFile> listed = ManifestZip.listed(files);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", BUNDLE.name());
        manifest.put("version", FORMAT);
        manifest.put("createdAt", header.createdAt().toString());
        manifest.put("origin", header.origin());
        manifest.put("since", header.since() == null ? null : header.since().toString());
        manifest.put("createdBy", header.createdBy());
        ObjectNode counts = manifest.putObject("counts");
        counts.put("items", items.size());
        counts.put("clusters", content.clusters().size());
        counts.put("rebuttals", content.rebuttals().size());
        counts.put("factChecks", content.factChecks().size());
        counts.put("snapshots", kept);
        ManifestZip.list(manifest, listed);
        Path file = ManifestZip.write(target, JSON.writeValueAsBytes(manifest), files, now);
        return new Written(file, files.size(), kept, java.nio.file.Files.size(file));
    }

    /**
     * Reads a bundle from another machine as hostile input: {@link PackReader}'s limits, names,
     * manifest and hashes first, then every file must be one a bundle has and parse as its rows.
     *
     * @throws PackReader.RefusedPack naming the file and what is wrong
     */
    public static Read read(Path file) throws IOException {
        return read(file, PackReader.Limits.DEFAULT);
    }

    public static Read read(Path file, PackReader.Limits limits) throws IOException {
        PackReader.Contents contents = PackReader.read(file, limits, BUNDLE);
        String where = file.getFileName() + ": refused: ";
        JsonNode manifest = contents.manifest();
        String origin = manifest.path("origin").asText("");
        if (origin.isBlank() || origin.contains(":") || origin.length() > 100) {
            throw new PackReader.RefusedPack(where + "its manifest names no workspace it came from");
        }
        Header header;
        try {
            header = new Header(origin, Instant.parse(manifest.path("createdAt").asText()),
                    manifest.hasNonNull("since") ? Instant.parse(manifest.get("since").asText()) : null,
                    manifest.hasNonNull("createdBy") ? manifest.get("createdBy").asText() : null);
        } catch (DateTimeParseException e) {
            throw new PackReader.RefusedPack(where + "its manifest has a time that is not ISO-8601");
        }
        Map<String, byte[]> snapshots = new LinkedHashMap<>();
        List<String> itemFiles = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : contents.files().entrySet()) {
            String name = entry.getKey();
            if (SNAPSHOT_FILE.matcher(name).matches()) {
                String sha = name.substring("evidence/".length());
                if (!SnapshotFolder.sha256(entry.getValue()).equals(sha)) {
                    throw new PackReader.RefusedPack(where + name + " is not the snapshot its name says");
                }
                snapshots.put(sha, entry.getValue());
            } else if (ITEMS_FILE.matcher(name).matches()) {
                itemFiles.add(name);
            } else if (!BUNDLE.requiredFiles().contains(name)) {
                throw new PackReader.RefusedPack(where + name + " is no file a bundle has");
            }
        }
        itemFiles.sort(null);
        try {
            List<BundleContent.Item> items = new ArrayList<>();
            for (String name : itemFiles) {
                items.addAll(JSON.readValue(contents.files().get(name), new TypeReference<List<BundleContent.Item>>() { }));
            }
            BundleContent content = new BundleContent(rows(contents, "stages.json"), rows(contents, "sources.json"), items,
                    JSON.readValue(contents.files().get("clusters.json"), new TypeReference<List<BundleContent.Cluster>>() { }),
                    JSON.readValue(contents.files().get("rebuttals.json"), new TypeReference<List<BundleContent.Rebuttal>>() { }),
                    rows(contents, "factchecks.json"));
            return new Read(header, content, snapshots);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new PackReader.RefusedPack(where + "its contents cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static List<Map<String, Object>> rows(PackReader.Contents contents, String name) throws IOException {
        return JSON.readValue(contents.files().get(name), ROWS);
    }
}
