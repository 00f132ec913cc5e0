package org.claimdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void workThatThrowsLeavesNothingBehind() {
        try (Database database = Database.open(dir)) {
            new SourceStore(database).sync(List.of(feed("a")));

            assertThatThrownBy(() -> database.inTransaction(connection -> {
                connection.createStatement().executeUpdate("UPDATE source SET name = 'renamed'");
                throw new IllegalStateException("parser gave up");
            })).isInstanceOf(IllegalStateException.class).hasMessage("parser gave up");

            assertThat(new SourceStore(database).health()).extracting(SourceHealth::name).containsExactly("Feed a");
        }
    }

    @Test
    void sqlErrorBecomesStoreExceptionSayingWhatWasBeingDone() {
        try (Database database = Database.open(dir)) {
            assertThatThrownBy(() -> database.inTransaction("count the widgets",
                    connection -> connection.createStatement().executeQuery("SELECT COUNT(*) FROM widget")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not count the widgets (database " + dir.toAbsolutePath())
                    .hasMessageContaining("WIDGET")
                    .hasCauseInstanceOf(SQLException.class);
        }
    }

    /** Cancelling a poll interrupts its thread; that must neither break the database nor lose the save. */
    @Test
    void interruptedCallerStillSavesAndTheDatabaseStaysOpen() throws Exception {
        try (Database database = Database.open(dir)) {
            new SourceStore(database).sync(List.of(feed("a")));
            ItemStore items = new ItemStore(database);
            AtomicReference<Object> result = new AtomicReference<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                Thread.currentThread().interrupt();
                try {
                    for (int i = 0; i < 50; i++) {
                        items.save(item("a", "https://x.example.org/" + i, longText("interrupted " + i)));
                    }
                    result.set(Thread.currentThread().isInterrupted());
                } catch (Throwable e) {
                    result.set(e);
                }
            });
            caller.join();

            assertThat(result.get()).as("still interrupted afterwards, no exception").isEqualTo(true);
            assertThat(items.count()).isEqualTo(50);
        }
    }

    @Test
    void closedDatabaseRefusesWorkClearly() {
        Database database = Database.open(dir);
        database.close();
        database.close(); // a second close is harmless

        assertThatThrownBy(() -> new ItemStore(database).count())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void timestampsAreStoredInUtc() {
        try (Database database = Database.open(dir)) {
            new SourceStore(database).sync(List.of(feed("a")));
            new ItemStore(database).save(item("a", "https://x.example.org/1", "text"));

            String offset = database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT CAST(fetched_at AS VARCHAR(40)) FROM item");
                     ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(offset).endsWith("+00");
        }
    }
}
