package org.claimdesk.rebuttals;

import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalDraft;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.RebuttalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst types, the editor autosaves every few hundred milliseconds, and the machine dies
 * (kill -9 of a real JVM, mid-typing): after a restart, the typing is there up to the last
 * autosave that was reported done, and the database opens cleanly.
 */
class AutosaveKillTest {
    @TempDir
    Path dir;

    @Test
    void aKillWhileTypingLosesNothingThatWasAutosaved() throws Exception {
        long rebuttal;
        try (Database database = Database.open(dir)) {
            long cluster = new ClusterStore(database).newCluster(Instant.now());
            rebuttal = new RebuttalStore(database).create(cluster, null, "en", new RebuttalText("The dam burst", null, "", ""),
                    "Amal", null, Instant.now()).id();
        }

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process typist = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Typist.class.getName(), dir.toString(), Long.toString(rebuttal)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int lastSaved = -1;
        try (BufferedReader saved = new BufferedReader(new InputStreamReader(typist.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = saved.readLine()) != null; ) {
                lastSaved = Integer.parseInt(line.strip());
                if (lastSaved >= 25) {
                    typist.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                    break;
                }
            }
        }
        assertThat(typist.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lastSaved).as("the typist got going").isGreaterThanOrEqualTo(25);

        int reported = lastSaved;
        try (Database database = Database.open(dir)) {
            List<RebuttalDraft> drafts = new RebuttalStore(database).drafts(rebuttal);
            assertThat(drafts).singleElement().satisfies(draft -> {
                int kept = Integer.parseInt(draft.text().fullText().replaceAll("\\D+", " ").strip().split(" ")[0]);
                assertThat(kept).as("every autosave reported done survives").isGreaterThanOrEqualTo(reported);
                assertThat(draft.text().fullText()).startsWith("Typed " + kept + " words");
            });
        }
    }

    /** The child JVM: autosaves growing text every 100 ms and prints each number once it is committed. */
    public static final class Typist {
        public static void main(String[] args) throws Exception {
            Database database = Database.open(Path.of(args[0]));
            RebuttalStore store = new RebuttalStore(database);
            long rebuttal = Long.parseLong(args[1]);
            for (int n = 1; ; n++) {
                store.autosave(rebuttal, "window-1", 1, new RebuttalText("The dam burst", null, "",
                        "Typed " + n + " words so far. " + "word ".repeat(n)), "Amal", Instant.now());
                System.out.println(n);
                System.out.flush();
                Thread.sleep(100);
            }
        }
    }
}
