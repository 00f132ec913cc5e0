package org.claimdesk.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One workspace folder: everything a desk or campaign keeps, safe to carry as one folder.
 * <pre>
 * WORKSPACE/
 *   feeds.yml      the sources this workspace watches
 *   db/            H2 database, the source of truth
 *   index/         Lucene index (derived, rebuilt from db when missing)
 *   snapshots/     raw fetched pages kept as evidence
 *   logs/          rolling log files
 * </pre>
 */
public record Workspace(Path root) {

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    public Path feedsFile() {
        return root.resolve("feeds.yml");
    }

    public Path databaseDir() {
        return root.resolve("db");
    }

    public Path indexDir() {
        return root.resolve("index");
    }

    public Path snapshotsDir() {
        return root.resolve("snapshots");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    /** Name shown to the user: the folder's name. */
    public String name() {
        Path name = root.getFileName();
        return name == null ? root.toString() : name.toString();
    }

    /** Creates the folder layout where missing; leaves existing content alone. */
    public Workspace ensureLayout() {
        try {
            for (Path dir : new Path[] {root, databaseDir(), indexDir(), snapshotsDir(), logsDir()}) {
                Files.createDirectories(dir);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workspace folders in " + root + ": " + e.getMessage(), e);
        }
    }
}
