package org.claimdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;

class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void freshDatabaseHasTheTablesAndIndexes() {
        Path db = dir.resolve("workspace/db");
        try (Database database = Database.open(db)) {
            assertThat(db.resolve("claimdesk.mv.db")).isRegularFile();
            assertThat(names(database, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                    .containsExactlyInAnyOrder("source", "item", "item_source", "fetch_attempt", "http_validator",
                            "item_analysis", "item_entity", "saved_search", "index_change", "pipeline_stage", "stage_task",
                            "workspace_setting", "claim_sentence", "claim_cluster", "cluster_item", "cluster_decision",
                            "cluster_state_change", "note", "cluster_tag", "watch_entry", "analyst", "rebuttal", "rebuttal_version",
                            "rebuttal_draft", "rebuttal_status_change", "evidence", "fact_check", "rebuttal_template",
                            "rebuttal_conflict", "flyway_schema_history");
            assertThat(names(database, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                    .contains("item_newest", "item_source_by_source", "fetch_attempt_by_source", "fetch_attempt_newest",
                            "item_entity_by_text", "stage_task_next", "claim_sentence_best", "claim_cluster_ranked",
                            "cluster_item_by_cluster", "claim_cluster_origin", "rebuttal_conflict_pending");
            assertThat(names(database, """
                    SELECT c.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
                    JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE c ON c.CONSTRAINT_NAME = t.CONSTRAINT_NAME
                    WHERE t.TABLE_NAME = 'ITEM' AND t.CONSTRAINT_TYPE = 'UNIQUE'
                    """)).containsExactlyInAnyOrder("canonical_url", "content_key");
        }
    }

    @Test
    void openingAgainMigratesNothingAndKeepsData() {
        try (Database database = Database.open(dir)) {
            new SourceStore(database).sync(List.of(feed("a")));
            new ItemStore(database).save(item("a", "https://x.example.org/1", "text"));
        }
        try (Database database = Database.open(dir)) {
            assertThat(names(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
            assertThat(new ItemStore(database).count()).isEqualTo(1);
        }
        try (Database database = Database.open(dir)) {
            assertThat(new ItemStore(database).count()).isEqualTo(1);
        }
    }

    @Test
    void secondOpenWhileOpenIsRefusedAsInUse() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by another ClaimDesk")
                    .hasMessageContaining(dir.toAbsolutePath().toString());
            // the refused open did not disturb the first one
            new SourceStore(first).sync(List.of(feed("a")));
            assertThat(new SourceStore(first).health()).hasSize(1);
        }
        try (Database again = Database.open(dir)) {
            assertThat(new SourceStore(again).health()).hasSize(1);
        }
    }

    @Test
    void databaseFromANewerClaimDeskIsRefused() {
        try (Database database = Database.open(dir)) {
            database.inTransaction(connection -> connection.createStatement().executeUpdate("""
                    INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                        "checksum", "installed_by", "installed_on", "execution_time", "success")
                    VALUES (100, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'claimdesk',
                        CURRENT_TIMESTAMP, 1, TRUE)
                    """));
        }

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("written by a newer version of ClaimDesk")
                .hasMessageContaining("version 99")
                .hasMessageContaining("knows up to 15");
        // refusing released the workspace: trying again gives the same answer, not "in use"
        assertThatThrownBy(() -> Database.open(dir)).hasMessageContaining("written by a newer version of ClaimDesk");
    }

    @Test
    void damagedDatabaseFileGivesAClearError() throws Exception {
        Files.write(dir.resolve("claimdesk.mv.db"), "this is not an H2 database, just some text".repeat(200).getBytes());

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("damaged");
        // and the file is left as it was, for the analyst or a backup tool
        assertThat(Files.readString(dir.resolve("claimdesk.mv.db"))).startsWith("this is not an H2 database");
    }

    private static List<String> names(Database database, String sql) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
                return names;
            }
        });
    }
}
