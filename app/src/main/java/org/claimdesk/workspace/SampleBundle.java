package org.claimdesk.workspace;

import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample shipped inside the app (fictional feeds and pages in Arabic, English, German and
 * Japanese, under resources org/claimdesk/sample), imported into a new default workspace so a
 * first start with no network still shows a working workbench.
 */
public final class SampleBundle {
    private static final String ROOT = "/org/claimdesk/sample/";

    private SampleBundle() {
    }

    /** The files of the sample, as listed in its index.txt. */
    static List<String> files() {
        try (InputStream in = SampleBundle.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample: " + e.getMessage(), e);
        }
    }

    /** Imports the sample into the session's workspace. */
    public static ImportReport importInto(WorkspaceSession session) throws InterruptedException {
        Path dir = null;
        try {
            // The importer reads files; a jar's resources are not files, so they are copied out first.
            dir = Files.createTempDirectory("claimdesk-sample");
            for (String name : files()) {
                try (InputStream in = SampleBundle.class.getResourceAsStream(ROOT + name)) {
                    if (in == null) {
                        continue;
                    }
                    Path target = dir.resolve(name).normalize();
                    if (!target.startsWith(dir)) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
            return session.importPath(dir, ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled sample: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary copy of bundled files: nothing of the user's is at stake.
        }
    }
}
