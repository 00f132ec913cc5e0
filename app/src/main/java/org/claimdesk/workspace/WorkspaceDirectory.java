package org.claimdesk.workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where workspaces live by default and which were opened recently, kept in the user's data
 * directory ($XDG_DATA_HOME/claimdesk, ~/Library/Application Support/ClaimDesk, %APPDATA%\ClaimDesk,
 * or $CLAIMDESK_HOME when set).
 */
public final class WorkspaceDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceDirectory.class);
    private static final int MAX_RECENT = 10;

    private final Path dataDir;

    public WorkspaceDirectory(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The per-user data directory for this OS, or $CLAIMDESK_HOME when set. */
    public static Path defaultDataDir() {
        String override = System.getenv("CLAIMDESK_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "ClaimDesk") : Path.of(home, "AppData", "Roaming", "ClaimDesk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "ClaimDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "claimdesk") : Path.of(home, ".local", "share", "claimdesk");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The workspace used when none was ever opened: DATA/workspaces/default. */
    public Workspace defaultWorkspace() {
        return new Workspace(dataDir.resolve("workspaces").resolve("default"));
    }

    /** The workspace to open when none is named: the last opened, else the default one. */
    public Workspace lastOrDefault() {
        return lastOpened().orElseGet(this::defaultWorkspace);
    }

    /** The last opened workspace that still exists. */
    public Optional<Workspace> lastOpened() {
        return recent().stream().findFirst();
    }

    /** Most recent first, at most ten, only those that still exist. */
    public List<Workspace> recent() {
        Path file = recentFile();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(Path::of)
                    .filter(Files::isDirectory)
                    .map(Workspace::new)
                    .distinct()
                    .limit(MAX_RECENT)
                    .toList();
        } catch (IOException | RuntimeException e) {
            // A damaged list only costs the "recent" menu; the workspaces themselves are untouched.
            LOG.warn("could not read the recent workspaces list {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Remembers a workspace as the last opened one. */
    public void remember(Workspace workspace) {
        List<String> lines = new ArrayList<>();
        lines.add(workspace.root().toString());
        recent().stream().map(w -> w.root().toString())
                .filter(p -> !p.equals(workspace.root().toString()))
                .limit(MAX_RECENT - 1)
                .forEach(lines::add);
        Path file = recentFile();
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, "recent", ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not save the recent workspaces list {}: {}", file, e.getMessage());
        }
    }

    private Path recentFile() {
        return dataDir.resolve("recent-workspaces.txt");
    }
}
