package org.claimdesk.store;

import org.claimdesk.store.StageLedger.Counts;
import org.claimdesk.store.StageLedger.Due;
import org.claimdesk.store.StageLedger.FailureOutcome;
import org.claimdesk.store.StageLedger.RetryPolicy;
import org.claimdesk.store.StageLedger.TaskState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.T0;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

/** The pipeline's record on a real H2 database on disk. */
class StageLedgerTest {
    private static final String ANALYSIS = "analysis";
    private static final RetryPolicy THREE_TRIES = new RetryPolicy(3, Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private StageLedger ledger;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"));
        new SourceStore(database).sync(List.of(feed("a")));
        items = new ItemStore(database);
        ledger = new StageLedger(database);
        // these tests are about the ledger, with analysis as the entry stage (V8 puts the article stage first)
        ledger.register(ANALYSIS, null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long store(int n) {
        items.save(item("a", "https://a.example.org/" + n, longText("topic " + n)));
        return items.lastId();
    }

    private TaskState state(String stage, long itemId) {
        return ledger.task(stage, itemId).map(StageLedger.Task::state).orElse(null);
    }

    private Due due(String stage, long itemId) {
        return ledger.due(stage, 1000, T0.plus(Duration.ofDays(365))).stream().filter(d -> d.itemId() == itemId)
                .findFirst().orElseThrow(() -> new AssertionError("item " + itemId + " is not due for " + stage));
    }

    @Test
    void aStoredItemIsDueForTheStagesWithoutPrerequisiteFromItsOwnTransaction() {
        ledger.register("claims", ANALYSIS);
        long id = store(1);

        assertThat(state(ANALYSIS, id)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.task("claims", id)).isEmpty(); // until analysis finished it
        // a second source of the same item queues nothing again
        items.save(item("a", "https://a.example.org/1", longText("topic 1")));
        assertThat(ledger.counts(ANALYSIS)).isEqualTo(new Counts(1, 0, 0));
    }

    @Test
    void waitingWorkIsCountedByTheSourceThatFirstDeliveredTheItem() {
        new SourceStore(database).sync(List.of(feed("a"), feed("b")));
        long first = store(1);
        store(2);
        items.save(item("b", "https://b.example.org/1", longText("topic b")));
        ledger.register("claims", ANALYSIS);

        assertThat(ledger.markDone(ANALYSIS, due(ANALYSIS, first), ItemWrite.NOTHING, T0)).isTrue();

        assertThat(ledger.waitingByFirstSource(ANALYSIS)).containsOnly(entry("a", 1L), entry("b", 1L));
        assertThat(ledger.waitingByFirstSource("claims")).containsOnly(entry("a", 1L));
        assertThat(ledger.waitingByFirstSource("nothing-declared")).isEmpty();
    }

    @Test
    void dueItemsComeNewestFirstInBoundedBatchesAndARetryOnlyWhenItsTimeHasCome() {
        long first = store(1);
        long second = store(2);
        long third = store(3);

        assertThat(ledger.due(ANALYSIS, 2, T0)).extracting(Due::itemId).containsExactly(third, second);
        assertThat(ledger.due(ANALYSIS, 10, T0)).extracting(Due::itemId).containsExactly(third, second, first);
        assertThat(ledger.due(ANALYSIS, 0, T0)).isEmpty();

        assertThat(ledger.markFailed(ANALYSIS, due(ANALYSIS, third), "boom", THREE_TRIES, T0))
                .isEqualTo(FailureOutcome.RETRY_LATER);
        assertThat(ledger.due(ANALYSIS, 10, T0.plusSeconds(59))).extracting(Due::itemId).containsExactly(second, first);
        assertThat(ledger.due(ANALYSIS, 10, T0.plusSeconds(60))).extracting(Due::itemId).containsExactly(third, second, first);
    }

    @Test
    void doneWritesTheResultMarksItAndQueuesTheNextStagesInOneTransaction() {
        ledger.register("claims", ANALYSIS);
        ledger.register("clusters", "claims");
        long id = store(1);
        IndexChangeLog changes = new IndexChangeLog(database);
        long changesBefore = changes.count();

        ItemWrite write = ItemWrite.of(connection -> IndexChangeLog.record(connection, id, IndexChangeLog.Reason.ANALYSED));
        assertThat(ledger.markDone(ANALYSIS, due(ANALYSIS, id), write, T0)).isTrue();

        assertThat(changes.count()).isEqualTo(changesBefore + 1);
        assertThat(state(ANALYSIS, id)).isEqualTo(TaskState.DONE);
        assertThat(state("claims", id)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.task("clusters", id)).isEmpty();
        // done once: the same queueing cannot be saved twice
        Due stale = new Due(id, ledger.due("claims", 1, T0).getFirst().taskId());
        assertThat(ledger.markDone("claims", stale, ItemWrite.NOTHING, T0)).isTrue();
        assertThat(ledger.markDone("claims", stale, ItemWrite.NOTHING, T0)).isFalse();
        assertThat(state("clusters", id)).isEqualTo(TaskState.WAITING);
    }

    @Test
    void aResultThatCannotBeWrittenLeavesTheItemWaitingAndQueuesNothing() {
        ledger.register("claims", ANALYSIS);
        long id = store(1);
        ItemWrite failing = ItemWrite.of(connection -> {
            throw new SQLException("disk full");
        });

        assertThatThrownBy(() -> ledger.markDone(ANALYSIS, due(ANALYSIS, id), failing, T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("save the analysis result of item " + id)
                .hasMessageContaining("disk full");
        assertThat(state(ANALYSIS, id)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.task("claims", id)).isEmpty();
    }

    @Test
    void aFailingItemIsTriedABoundedNumberOfTimesWithGrowingDelaysThenKeptWithItsReason() {
        long id = store(1);
        Instant now = T0;
        assertThat(ledger.markFailed(ANALYSIS, due(ANALYSIS, id), "first", THREE_TRIES, now)).isEqualTo(FailureOutcome.RETRY_LATER);
        assertThat(ledger.task(ANALYSIS, id).orElseThrow().retryAfter()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(ledger.markFailed(ANALYSIS, due(ANALYSIS, id), "second", THREE_TRIES, now)).isEqualTo(FailureOutcome.RETRY_LATER);
        assertThat(ledger.task(ANALYSIS, id).orElseThrow().retryAfter()).isEqualTo(now.plus(Duration.ofMinutes(4)));
        assertThat(ledger.counts(ANALYSIS)).isEqualTo(new Counts(1, 0, 0));

        String longReason = "tokenizer gave up " + "x".repeat(5000);
        assertThat(ledger.markFailed(ANALYSIS, due(ANALYSIS, id), longReason, THREE_TRIES, now)).isEqualTo(FailureOutcome.GAVE_UP);

        StageLedger.Task failed = ledger.task(ANALYSIS, id).orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).startsWith("tokenizer gave up").hasSizeLessThan(2100);
        assertThat(failed.retryAfter()).isNull();
        assertThat(ledger.due(ANALYSIS, 10, now.plus(Duration.ofDays(400)))).isEmpty();
        assertThat(ledger.counts(ANALYSIS)).isEqualTo(new Counts(0, 0, 1));
        assertThat(ledger.failures(ANALYSIS, 10)).extracting(StageLedger.Task::itemId).containsExactly(id);
        assertThat(new RetryPolicy(9, Duration.ofHours(1)).delayAfter(8)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void requeueRunsTheStageAgainAndTheStagesAfterItOnlyOnceItIsDone() {
        ledger.register("claims", ANALYSIS);
        ledger.register("clusters", "claims");
        long id = store(1);
        ledger.markDone(ANALYSIS, due(ANALYSIS, id), ItemWrite.NOTHING, T0);
        ledger.markDone("claims", due("claims", id), ItemWrite.NOTHING, T0);
        Due clustering = due("clusters", id);

        assertThat(ledger.requeue(ANALYSIS, id, T0)).isTrue();
        assertThat(state(ANALYSIS, id)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.task("claims", id)).isEmpty();
        assertThat(ledger.task("clusters", id)).isEmpty();
        // a result computed before the requeue is stale: not saved
        assertThat(ledger.markDone("clusters", clustering, ItemWrite.NOTHING, T0)).isFalse();
        assertThat(ledger.markFailed("clusters", clustering, "late", THREE_TRIES, T0)).isEqualTo(FailureOutcome.SUPERSEDED);

        ledger.markDone(ANALYSIS, due(ANALYSIS, id), ItemWrite.NOTHING, T0);
        assertThat(state("claims", id)).isEqualTo(TaskState.WAITING);
        // a stage whose prerequisite has not finished the item waits for it
        ledger.requeue(ANALYSIS, id, T0);
        assertThat(ledger.requeue("claims", id, T0)).isTrue();
        assertThat(ledger.task("claims", id)).isEmpty();
        assertThat(ledger.requeue(ANALYSIS, 999, T0)).isFalse();
    }

    @Test
    void aWriteCanQueueTheItemAgainForAnotherStageInTheSameTransaction() {
        ledger.register("article", null);
        long id = store(1);
        ledger.markDone(ANALYSIS, due(ANALYSIS, id), ItemWrite.NOTHING, T0);

        // the article arrived: the item is analysed again, with its full text
        assertThat(ledger.markDone("article", due("article", id), ItemWrite.NOTHING.requeueing(ANALYSIS), T0)).isTrue();
        assertThat(state("article", id)).isEqualTo(TaskState.DONE);
        assertThat(state(ANALYSIS, id)).isEqualTo(TaskState.WAITING);
    }

    @Test
    void aNewStageIsSweptOverTheItemsAlreadyStoredAndItsPrerequisitesResults() {
        long first = store(1);
        long second = store(2);
        ledger.markDone(ANALYSIS, due(ANALYSIS, second), ItemWrite.NOTHING, T0);

        ledger.register("article", null);
        ledger.register("claims", ANALYSIS);
        assertThat(ledger.sweep("article", T0)).isEqualTo(2);
        assertThat(ledger.sweep("claims", T0)).isEqualTo(1);
        assertThat(state("claims", second)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.task("claims", first)).isEmpty();
        // idempotent: a sweep at every start costs nothing when nothing was missed
        assertThat(ledger.sweep("article", T0)).isZero();
        assertThat(ledger.sweep("claims", T0)).isZero();
        assertThat(ledger.counts()).containsKeys("analysis", "article", "claims");
        assertThatThrownBy(() -> ledger.register("Bad Name", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPausedStageStaysPausedAfterARestart() {
        ledger.register("claims", ANALYSIS);
        ledger.setPaused("claims", true);
        database.close();
        database = Database.open(dir.resolve("db"));
        ledger = new StageLedger(database);

        assertThat(ledger.pausedStages()).containsExactly("claims");
        ledger.register("claims", ANALYSIS); // declaring it again at start keeps the flag
        assertThat(ledger.pausedStages()).containsExactly("claims");
        ledger.setPaused("claims", false);
        assertThat(ledger.pausedStages()).isEmpty();
        assertThatThrownBy(() -> ledger.setPaused("nothing", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextBatchIsReadFromTheIndexNewestFirst() {
        for (int n = 0; n < 20; n++) {
            store(n);
        }
        String plan = database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + StageLedger.DUE_SQL)) {
                statement.setString(1, ANALYSIS);
                statement.setObject(2, java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z"));
                statement.setInt(3, 8);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
        // not a sort of every waiting row: a backlog of a million items costs what a batch costs
        assertThat(plan).containsIgnoringCase("stage_task_next").containsIgnoringCase("index sorted");
    }

    /** A workspace written before V6: what analysis did carries over, nothing is analysed twice. */
    @Test
    void upgradingCarriesOverWhatAnalysisDidAndFailed() throws Exception {
        database.close();
        Path old = dir.resolve("old");
        String url = "jdbc:h2:file:" + old.resolve("claimdesk") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "claimdesk", "").locations("classpath:db/migration").target("5").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "claimdesk", "")) {
            execute(connection, """
                    INSERT INTO source (id, name, url, kind, tags, poll_interval_seconds, enabled, configured, position)
                    VALUES ('a', 'A', 'https://a.example.org/feed', 'FEED', '', 60, TRUE, TRUE, 0)
                    """);
            for (int id = 1; id <= 3; id++) {
                // ids 1, 2, 3 from the identity column
                execute(connection, "INSERT INTO item (title, fetched_at, sort_time, first_source_id) VALUES ("
                        + "'item " + id + "', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z',"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z', 'a')");
            }
            execute(connection, """
                    INSERT INTO item_analysis (item_id, language, language_reliable, analysis_path, sentence_count,
                                               token_count, analysed_at, error)
                    VALUES (1, 'en', TRUE, 'FAST', 1, 5, TIMESTAMP WITH TIME ZONE '2026-03-01 11:00:00Z', NULL),
                           (2, NULL, FALSE, 'FAST', 0, 0, TIMESTAMP WITH TIME ZONE '2026-03-01 11:00:00Z',
                            'java.lang.IllegalStateException: tokenizer gave up')
                    """);
        }

        database = Database.open(old);
        ledger = new StageLedger(database);
        assertThat(state(ANALYSIS, 1)).isEqualTo(TaskState.DONE);
        StageLedger.Task failed = ledger.task(ANALYSIS, 2).orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.lastError()).isEqualTo("java.lang.IllegalStateException: tokenizer gave up");
        assertThat(state(ANALYSIS, 3)).isEqualTo(TaskState.WAITING);
        assertThat(ledger.counts(ANALYSIS)).isEqualTo(new Counts(1, 1, 1));
        assertThat(ledger.due(ANALYSIS, 10, T0)).extracting(Due::itemId).containsExactly(3L);
        // new items after the upgrade are queued as they are stored
        new SourceStore(database).sync(List.of(feed("a")));
        items = new ItemStore(database);
        // since V8 analysis follows the article stage; an item that wants no page passes it at once (decision 0011)
        long fourth = store(4);
        assertThat(state(ArticleStore.STAGE, fourth)).isEqualTo(TaskState.DONE);
        assertThat(state(ANALYSIS, fourth)).isEqualTo(TaskState.WAITING);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
