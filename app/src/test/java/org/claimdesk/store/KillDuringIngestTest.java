package org.claimdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real child JVM ingests into the database and is killed with SIGKILL in the middle of it, three
 * times on the same database at different moments. Everything it reported as committed must be
 * there in full after each kill, and nothing may be half-written.
 */
class KillDuringIngestTest {

    /** Commits reported before the kill, per run: different points in the write stream. */
    private static final int[] KILL_AFTER = {300, 173, 419};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void committedItemsSurviveSigkillAndNothingIsHalfWritten() throws Exception {
        Path db = dir.resolve("db");
        Set<String> committed = new LinkedHashSet<>();
        for (int run = 0; run < KILL_AFTER.length; run++) {
            Path stderr = dir.resolve("child-" + run + ".err");
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    IngestUntilKilled.class.getName(), db.toString(), "run" + run)
                    .redirectError(stderr.toFile())
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int reported = 0;
                boolean ready = false;
                String line;
                while (reported < KILL_AFTER[run] && (line = out.readLine()) != null) {
                    if (line.equals("ready")) {
                        ready = true;
                        if (run == 0) {
                            // a second ClaimDesk on the same workspace, in another process
                            assertThatThrownBy(() -> Database.open(db))
                                    .isInstanceOf(StoreException.class)
                                    .hasMessageContaining("in use by another ClaimDesk");
                        }
                    } else if (line.startsWith("committed ")) {
                        committed.add(line.substring("committed ".length()));
                        reported++;
                    }
                }
                if (!ready || reported < KILL_AFTER[run]) {
                    fail("child stopped early (exit " + child.waitFor() + "):\n" + Files.readString(stderr));
                }
                // SIGKILL. Not Process.destroyForcibly(): that also closes our end of the pipe and
                // would drop lines the child wrote just before dying.
                child.toHandle().destroyForcibly();
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        committed.add(line.substring("committed ".length()));
                    }
                }
            } finally {
                child.toHandle().destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

            verify(db, committed, run + 1);
        }
    }

    private static void verify(Path db, Set<String> committed, int kills) {
        try (Database database = Database.open(db)) {
            Map<String, Set<String>> linksByUrl = database.inTransaction(connection -> {
                Map<String, Set<String>> links = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT i.canonical_url, x.source_id FROM item i JOIN item_source x ON x.item_id = i.id
                        """);
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        links.computeIfAbsent(rows.getString(1), u -> new java.util.TreeSet<>()).add(rows.getString(2));
                    }
                }
                return links;
            });
            for (String url : committed) {
                assertThat(linksByUrl.get(url)).as("sources of committed %s", url).containsExactly("a", "b");
            }
            database.inTransaction(connection -> {
                assertThat(count(connection, "SELECT COUNT(*) FROM item i WHERE NOT EXISTS "
                        + "(SELECT 1 FROM item_source x WHERE x.item_id = i.id AND x.source_id = i.first_source_id)"))
                        .as("items without their first source link").isZero();
                assertThat(count(connection, "SELECT COUNT(*) FROM item_source x WHERE NOT EXISTS "
                        + "(SELECT 1 FROM item i WHERE i.id = x.item_id)"))
                        .as("source links without item").isZero();
                // beyond what was reported, each kill can leave per writer the one item it was saving
                assertThat(count(connection, "SELECT COUNT(*) FROM item"))
                        .isBetween((long) committed.size(), (long) committed.size() + (long) kills * IngestUntilKilled.WRITERS);
                return null;
            });
            ItemStore items = new ItemStore(database);
            for (String url : List.copyOf(committed).subList(Math.max(0, committed.size() - 20), committed.size())) {
                assertThat(items.containsUrl(URI.create(url))).isTrue();
            }
            StoredItem last = items.find(items.storedAfter(0, Integer.MAX_VALUE).stream()
                    .filter(s -> s.title().endsWith(committedLast(committed))).findFirst().orElseThrow().id()).orElseThrow();
            assertThat(last.text()).isEqualTo(IngestUntilKilled.textFor(last.canonicalUrl().toString()));
        }
    }

    private static String committedLast(Set<String> committed) {
        return List.copyOf(committed).getLast();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
