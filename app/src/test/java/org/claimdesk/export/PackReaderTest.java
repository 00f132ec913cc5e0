package org.claimdesk.export;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pack from another machine read as hostile input: a good one passes whole; one that escapes its
 * folder, expands like a bomb, is too big, lacks or breaks its manifest, or was changed after export
 * is refused with the file and the reason.
 */
class PackReaderTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;
    Path pack;
    Map<String, byte[]> original;

    @BeforeEach
    void writeAPack() throws IOException {
        PackRebuttal rebuttal = new PackRebuttal(7, "ja", "ダムが決壊した", "false", "False", 1, 1, 5,
                "ダムは無事です。", "# ダムは無事\n\n点検済み。", "Aiko", "Ken", T0, T0,
                List.of(new PackRebuttal.Appearance(URI.create("https://news.example/dam"), "ダム決壊か", "News", T0)),
                List.of(new PackRebuttal.Evidence(1, URI.create("https://water.example/report"), null, "Report", "", T0,
                        "a".repeat(64), "text/html", null, "evidence/" + "a".repeat(64))),
                null);
        pack = tmp.resolve("pack.zip");
        RebuttalPackWriter.write(pack, List.of(rebuttal), new RebuttalPackWriter.Publisher("Dam Facts",
                Map.of(7L, URI.create("https://facts.example/7-ja")), "Aiko", "ws-1"), Map.of(), true,
                sha -> "<html>report</html>".getBytes(StandardCharsets.UTF_8), T0);
        original = unzip(pack);
    }

    @Test
    void aGoodPackPassesWhole() throws IOException {
        PackReader.Contents contents = PackReader.read(pack);
        assertThat(contents.manifest().get("organisation").asText()).isEqualTo("Dam Facts");
        assertThat(contents.files()).containsKeys("claimreview.jsonld", "claimreview/7-ja.jsonld", "rebuttals/7-ja.md",
                "evidence.csv", "evidence/" + "a".repeat(64));
        assertThat(new String(contents.files().get("rebuttals/7-ja.md"), StandardCharsets.UTF_8)).contains("ダムは無事");
    }

    @Test
    void namesThatLeaveThePacksFolderAreRefused() throws IOException {
        for (String evil : List.of("../../.bashrc", "/etc/cron.d/x", "evidence/../../x", "C:/Windows/x", "a\\..\\b", "./x")) {
            Map<String, byte[]> files = new LinkedHashMap<>(original);
            files.put(evil, "x".getBytes(StandardCharsets.UTF_8));
            Path bad = zip(files);
            assertThatThrownBy(() -> PackReader.read(bad)).as(evil).isInstanceOf(PackReader.RefusedPack.class)
                    .hasMessageContaining("would be written outside the pack's folder");
        }
    }

    @Test
    void aZipBombAndOversizedFilesAreRefusedWithoutReadingThemWhole() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(original);
        files.put("evidence/bomb", new byte[40 << 20]); // 40 MB of zeros packs into about 40 KB
        Path bomb = zip(files);
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> PackReader.read(bomb)).isInstanceOf(PackReader.RefusedPack.class)
                .hasMessageContaining("expands more than 200 times");
        assertThatThrownBy(() -> PackReader.read(bomb, new PackReader.Limits(100, 1 << 20, 1L << 30, 10_000)))
                .hasMessageContaining("evidence/bomb is larger than 1 MB");
        assertThatThrownBy(() -> PackReader.read(pack, new PackReader.Limits(3, 1 << 20, 1L << 30, 200)))
                .hasMessageContaining("more than 3 files");
    }

    @Test
    void aMissingBrokenOrForeignManifestIsRefused() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(original);
        files.remove("manifest.json");
        Path none = zip(files);
        assertThatThrownBy(() -> PackReader.read(none)).hasMessageContaining("no manifest.json in it");

        files.put("manifest.json", "{\"format\": ".getBytes(StandardCharsets.UTF_8));
        Path broken = zip(files);
        assertThatThrownBy(() -> PackReader.read(broken)).hasMessageContaining("manifest.json is not JSON");

        files.put("manifest.json", new String(original.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"version\" : 1", "\"version\" : 99").getBytes(StandardCharsets.UTF_8));
        Path future = zip(files);
        assertThatThrownBy(() -> PackReader.read(future)).hasMessageContaining("pack format 99 is not one this ClaimDesk reads");

        Path notAZip = Files.write(tmp.resolve("noise.zip"), "this is no zip at all".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PackReader.read(notAZip)).isInstanceOf(PackReader.RefusedPack.class);
    }

    @Test
    void aFileChangedAddedOrTakenOutAfterExportIsRefusedByName() throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(original);
        byte[] record = changed.get("claimreview/7-ja.jsonld").clone();
        int at = new String(record, StandardCharsets.ISO_8859_1).indexOf("\"ratingValue\" : 1") + "\"ratingValue\" : ".length();
        record[at] = '2'; // same length, other bytes
        changed.put("claimreview/7-ja.jsonld", record);
        Path tampered = zip(changed);
        assertThatThrownBy(() -> PackReader.read(tampered))
                .hasMessageContaining("claimreview/7-ja.jsonld does not match its SHA-256");

        Map<String, byte[]> added = new LinkedHashMap<>(original);
        added.put("rebuttals/99-en.md", "# planted".getBytes(StandardCharsets.UTF_8));
        Path planted = zip(added);
        assertThatThrownBy(() -> PackReader.read(planted)).hasMessageContaining("rebuttals/99-en.md is not listed in the manifest");

        Map<String, byte[]> missing = new LinkedHashMap<>(original);
        missing.remove("evidence.csv");
        Path short1 = zip(missing);
        assertThatThrownBy(() -> PackReader.read(short1)).hasMessageContaining("evidence.csv is listed in the manifest but missing");
    }

    private Path zip(Map<String, byte[]> files) throws IOException {
        Path target = Files.createTempFile(tmp, "pack", ".zip");
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
