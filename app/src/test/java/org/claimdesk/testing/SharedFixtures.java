package org.claimdesk.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates ../shared/fixtures (real-world material kept beside the repo, never copied into it).
 * Tests that read it call {@link #require(String)} and are skipped cleanly when it is absent.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The fixtures folder, or null when it is not beside the repo. */
    public static Path root() {
        String configured = System.getProperty("claimdesk.sharedFixtures");
        Path candidate = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "fixtures");
        candidate = candidate.toAbsolutePath().normalize();
        return Files.isDirectory(candidate) ? candidate : null;
    }

    /** The named sub-folder of the fixtures; skips the calling test when it is not there. */
    public static Path require(String subfolder) {
        Path root = root();
        Assumptions.assumeTrue(root != null, "../shared/fixtures is not present");
        Path dir = root.resolve(subfolder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/fixtures/" + subfolder + " is not present");
        return dir;
    }
}
