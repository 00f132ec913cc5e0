package org.claimdesk.workspace;

import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The sample shipped inside the app (fictional feeds and pages in Arabic, English, German,
 * Japanese, French and Spanish, under resources org/claimdesk/sample), imported into a new default
 * workspace so a first start with no network still shows a working workbench. Its times are moved
 * at import ({@link SampleTimes}) so that its newest time is {@link #NEWEST_ITEM_AGE} old: the
 * story is running when the analyst first looks, and the board shows it taking off.
 */
public final class SampleBundle {
    private static final String ROOT = "/org/claimdesk/sample/";
    /**
     * How old the newest time written in the sample is once imported (a reader's comment on a
     * page; the newest item is 15 minutes older).
     */
    static final Duration NEWEST_ITEM_AGE = Duration.ofMinutes(20);

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

    /** Imports the sample into the session's workspace, its times moved to the session's present. */
    public static ImportReport importInto(WorkspaceSession session) throws InterruptedException {
        Path dir = null;
        try {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String name : files()) {
                try (InputStream in = SampleBundle.class.getResourceAsStream(ROOT + name)) {
                    if (in != null) {
                        texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            // the feed list's creation time is no item's: the newest item decides
            Instant newest = texts.entrySet().stream().filter(file -> !file.getKey().endsWith(".opml"))
                    .map(file -> SampleTimes.newest(file.getValue())).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            Duration span = newest == null ? Duration.ZERO
                    : SampleTimes.span(newest, session.clock().instant(), NEWEST_ITEM_AGE);
            // The importer reads files; a jar's resources are not files, so they are copied out first.
            dir = Files.createTempDirectory("claimdesk-sample");
            for (Map.Entry<String, String> file : texts.entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, SampleTimes.moved(file.getValue(), span), StandardCharsets.UTF_8);
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
