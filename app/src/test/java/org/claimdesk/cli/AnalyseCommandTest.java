package org.claimdesk.cli;

import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.workspace.Stages;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyse} on a real workspace, as a script runs it. Japanese and Russian items, whose
 * analysis (Kuromoji, ICU) loads in a moment; CoreNLP languages are covered by WorkspaceAnalysisTest.
 */
class AnalyseCommandTest {
    @TempDir
    Path tmp;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    @BeforeEach
    void fill() throws Exception {
        workspace = tmp.resolve("desk");
        feeds = tmp.resolve("feeds.yml");
        Files.writeString(feeds, """
                sources:
                  - id: ja-news
                    url: https://ja.example.org/feed
                    language: ja
                  - id: ru-news
                    url: https://ru.example.org/feed
                    language: ru
                """);
        // the session syncs feeds.yml's sources; the items are stored as an earlier run would have
        WorkspaceSession.open(new Workspace(workspace).ensureLayout(), feeds).close();
        try (Database database = Database.open(new Workspace(workspace).databaseDir())) {
            ItemStore session = new ItemStore(database);
            save(session, "ja-news", "山田太郎氏、東京で水道水の安全を説明",
                    "山田太郎氏は東京で記者会見を開き、水道水に化学物質の汚染はないと説明した。噂は事実ではないという。", 1);
            save(session, "ja-news", "大阪の給水所について",
                    "大阪市は、給水所の水質検査の結果をすべて公開すると発表した。検査では問題は見つからなかった。", 2);
            save(session, "ru-news", "Вода безопасна",
                    "В субботу управление водоснабжения сообщило, что химического загрязнения водопроводной воды не обнаружено.", 3);
        }
    }

    private static void save(ItemStore session, String source, String title, String text, int n) {
        URI url = URI.create("https://" + source + ".example.org/" + n);
        Instant at = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(n);
        session.save(new NewItem(source, url, url, null, title, null, text, null, at, at, "h" + n));
    }

    private int run(String... args) {
        return cli.run(tmp.resolve("data"), args);
    }

    @Test
    void analysesWaitingItemsInStepsThenSaysNothingIsLeftAndSearchFindsTheEntities() {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "analyse", "--limit", "1")).isZero();
        assertThat(out.toString()).contains("Analysing 1 of 3 waiting items").contains("Analysed 1 items")
                .contains("2 items still waiting");

        out.getBuffer().setLength(0);
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "analyze")).isZero();
        assertThat(out.toString()).contains("Analysing 2 of 2 waiting items").contains("Analysed 2 items")
                .containsPattern("[1-9]\\d* entity mentions found").contains("0 items still waiting")
                .as("then their claims and clusters").contains("Found the claims of 3 items and put them in clusters");

        out.getBuffer().setLength(0);
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "analyse")).isZero();
        assertThat(out.toString()).contains("No items waiting for analysis.");

        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(workspace), feeds)) {
            assertThat(session.stages().status(Stages.ANALYSIS).waiting()).isZero();
        }
        out.getBuffer().setLength(0);
        // the items were stored without a language: the detected one is what the index filters by
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "search", "entity:大阪", "--lang", "ja")).isZero();
        assertThat(out.toString()).contains("大阪の給水所について");
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        assertThat(run("-w", workspace.toString(), "-f", feeds.toString(), "analyse", "--limit", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--limit must be at least 1");
    }
}
