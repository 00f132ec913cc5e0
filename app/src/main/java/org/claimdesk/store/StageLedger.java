package org.claimdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each pipeline stage has to do, has done and gave up on, per item (tables
 * {@code pipeline_stage} and {@code stage_task}, V6; decision 0007). The database is the queue:
 * nothing is lost when the application stops or is killed, and the rest is done at the next start.
 *
 * <p>An item becomes due for a stage in the transaction that makes it so: stages without a
 * prerequisite when {@link ItemStore} stores the item, the others when their prerequisite marks
 * it done. A stage's result is written in the transaction that marks the item done
 * ({@link #markDone}), so the two commit together. Stages thus follow each other through this
 * table, never by reading each other's result tables.
 */
public final class StageLedger {
    /** Stage names: short, lower case, safe in logs, thread names and file names. */
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    /** Item ids per sweep transaction: a new stage over a million items is queued in short steps. */
    public static final long SWEEP_SLICE = 10_000;
    /** Errors are cut to this many characters; the log has the whole stack. */
    private static final int MAX_ERROR_CHARS = 2_000;

    public enum TaskState { WAITING, DONE, FAILED }

    /** An item due for a stage; {@code taskId} names this queueing of it (a re-queue makes a new one). */
    public record Due(long itemId, long taskId) {
    }

    /** How many items of a stage wait (retries included), are done and were given up on. */
    public record Counts(long waiting, long done, long failed) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /** One stage's record of one item. */
    public record Task(String stage, long itemId, TaskState state, int attempts, String lastError,
                       Instant retryAfter, Instant updatedAt) {
    }

    /**
     * How often a failing item is tried: {@code maxAttempts} in all, the n-th retry
     * {@code firstDelay × 4^(n-1)} after the failure before it (at most a day). Retries cover what
     * passes (memory, a model that failed to load, a site that was down); what fails every time is
     * then given up on and keeps its reason, instead of being tried forever.
     */
    public record RetryPolicy(int maxAttempts, Duration firstDelay) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMinutes(1));
        private static final Duration LONGEST_DELAY = Duration.ofDays(1);

        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            Objects.requireNonNull(firstDelay, "firstDelay");
            if (firstDelay.isNegative()) {
                throw new IllegalArgumentException("firstDelay must not be negative, got " + firstDelay);
            }
        }

        /** The wait after the {@code failedAttempts}-th failure. */
        public Duration delayAfter(int failedAttempts) {
            Duration delay = firstDelay;
            for (int i = 1; i < failedAttempts && delay.compareTo(LONGEST_DELAY) < 0; i++) {
                delay = delay.multipliedBy(4);
            }
            return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
        }
    }

    /** What recording a failure did. */
    public enum FailureOutcome {
        /** Waiting again; tried after the policy's delay. */
        RETRY_LATER,
        /** The last attempt failed: FAILED with its reason, not tried again. */
        GAVE_UP,
        /** The item was re-queued or deleted meanwhile: nothing recorded, the new queueing stands. */
        SUPERSEDED
    }

    /*
     * Ordered by the index's leading columns too, although they are equal here: H2 reads an index in
     * order (instead of sorting every waiting row) only when the ORDER BY is a prefix of its columns.
     */
    static final String DUE_SQL = """
            SELECT id, item_id FROM stage_task
            WHERE stage = ? AND state = 'WAITING' AND (retry_after IS NULL OR retry_after <= ?)
            ORDER BY stage, state, item_id DESC FETCH FIRST ? ROWS ONLY
            """;

    private final Database database;

    public StageLedger(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Throws unless {@code name} is a valid stage name. */
    public static String requireStageName(String name) {
        if (name == null || !STAGE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a stage name is 1 to 50 of a-z, 0-9 and '-', starting with a letter; got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    /**
     * Declares a stage, or changes what it runs after; keeps its pause flag. Items already stored
     * are queued for it by {@link #sweep}.
     *
     * @param after the stage that must have finished an item first, or null
     */
    public void register(String stage, String after) {
        requireStageName(stage);
        if (after != null) {
            requireStageName(after);
        }
        database.inTransaction("declare pipeline stage " + stage, connection -> {
            Map<String, String> stages = stages(connection);
            if (!stages.containsKey(stage)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO pipeline_stage (name, depends_on, paused) VALUES (?, ?, FALSE)")) {
                    statement.setString(1, stage);
                    statement.setString(2, after);
                    statement.executeUpdate();
                }
            } else if (!Objects.equals(stages.get(stage), after)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE pipeline_stage SET depends_on = ? WHERE name = ?")) {
                    statement.setString(1, after);
                    statement.setString(2, stage);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Queues for {@code stage} every item it has no record of and may run on: any item for a stage
     * without prerequisite, items its prerequisite finished for the others. Returns how many.
     * A new stage starts with this; at every start it also catches an item whose insert (or whose
     * prerequisite's result) committed while the stage was being declared and so missed it.
     * In slices of {@link #SWEEP_SLICE} item ids, newest first, one short transaction each.
     */
    public int sweep(String stage, Instant now) {
        int queued = 0;
        for (long below = newestItemId() + 1; below > 0; below -= SWEEP_SLICE) {
            queued += sweep(stage, Math.max(0, below - SWEEP_SLICE), below, now);
        }
        return queued;
    }

    /** Like {@link #sweep(String, Instant)} for the items with ids in [{@code fromId}, {@code belowId}). */
    public int sweep(String stage, long fromId, long belowId, Instant now) {
        return database.inTransaction("queue stored items for stage " + stage, connection -> {
            String after = prerequisiteOf(stages(connection), stage);
            String sql = after == null
                    ? """
                    INSERT INTO stage_task (stage, item_id, state, attempts, updated_at)
                    SELECT ?, i.id, 'WAITING', 0, ? FROM item i
                    WHERE i.id >= ? AND i.id < ?
                      AND NOT EXISTS (SELECT 1 FROM stage_task t WHERE t.item_id = i.id AND t.stage = ?)
                    """
                    : """
                    INSERT INTO stage_task (stage, item_id, state, attempts, updated_at)
                    SELECT ?, p.item_id, 'WAITING', 0, ? FROM stage_task p
                    WHERE p.stage = ? AND p.state = 'DONE' AND p.item_id >= ? AND p.item_id < ?
                      AND NOT EXISTS (SELECT 1 FROM stage_task t WHERE t.item_id = p.item_id AND t.stage = ?)
                    """;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setString(i++, stage);
                SqlValues.setInstant(statement, i++, now);
                if (after != null) {
                    statement.setString(i++, after);
                }
                statement.setLong(i++, fromId);
                statement.setLong(i++, belowId);
                statement.setString(i, stage);
                return statement.executeUpdate();
            }
        });
    }

    /** The highest item id stored, or 0: where a sweep starts. */
    public long newestItemId() {
        return database.inTransaction("find the newest item id", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM item")) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /**
     * Up to {@code limit} items due for {@code stage}, newest first (in rapid response today's
     * items matter before last month's); items waiting for a retry only once its time has come.
     */
    public List<Due> due(String stage, int limit, Instant now) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("list items waiting for stage " + stage, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DUE_SQL)) {
                statement.setString(1, stage);
                SqlValues.setInstant(statement, 2, now);
                statement.setInt(3, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    List<Due> due = new ArrayList<>();
                    while (rows.next()) {
                        due.add(new Due(rows.getLong("item_id"), rows.getLong("id")));
                    }
                    return due;
                }
            }
        });
    }

    /**
     * In one transaction: writes the stage's result, marks the item done and queues it for the
     * stages after this one (and for what the write asks to re-queue). Returns false, writing
     * nothing, when the item was re-queued or deleted since it was taken: this result is stale.
     */
    public boolean markDone(String stage, Due due, ItemWrite write, Instant now) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(write, "write");
        return database.inTransaction("save the " + stage + " result of item " + due.itemId(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE stage_task SET state = 'DONE', last_error = NULL, retry_after = NULL, updated_at = ?
                    WHERE id = ? AND stage = ? AND item_id = ? AND state = 'WAITING'
                    """)) {
                SqlValues.setInstant(statement, 1, now);
                statement.setLong(2, due.taskId());
                statement.setString(3, stage);
                statement.setLong(4, due.itemId());
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            write.writeTo(connection);
            Map<String, String> stages = stages(connection);
            for (String next : dependentsOf(stages, stage)) {
                if (write.keepsDependents()) {
                    queueIfUnknown(connection, next, due.itemId(), now);
                } else {
                    queueAgain(connection, stages, next, due.itemId(), now);
                }
            }
            for (String again : write.requeued()) {
                queueAgain(connection, stages, again, due.itemId(), now);
            }
            return true;
        });
    }

    /**
     * Records that the stage failed on the item: it waits for another attempt after the policy's
     * delay, or, when that was the last attempt, is marked FAILED with {@code reason} for good.
     */
    public FailureOutcome markFailed(String stage, Due due, String reason, RetryPolicy retries, Instant now) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(retries, "retries");
        String message = cut(reason == null || reason.isBlank() ? "failed" : reason);
        return database.inTransaction("record that stage " + stage + " failed on item " + due.itemId(), connection -> {
            int attempts;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT attempts FROM stage_task WHERE id = ? AND stage = ? AND item_id = ? AND state = 'WAITING'")) {
                statement.setLong(1, due.taskId());
                statement.setString(2, stage);
                statement.setLong(3, due.itemId());
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return FailureOutcome.SUPERSEDED;
                    }
                    attempts = rows.getInt(1) + 1;
                }
            }
            boolean givingUp = attempts >= retries.maxAttempts();
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE stage_task SET state = ?, attempts = ?, last_error = ?, retry_after = ?, updated_at = ?
                    WHERE id = ?
                    """)) {
                statement.setString(1, givingUp ? TaskState.FAILED.name() : TaskState.WAITING.name());
                statement.setInt(2, attempts);
                statement.setString(3, message);
                SqlValues.setInstant(statement, 4, givingUp ? null : now.plus(retries.delayAfter(attempts)));
                SqlValues.setInstant(statement, 5, now);
                statement.setLong(6, due.taskId());
                statement.executeUpdate();
            }
            return givingUp ? FailureOutcome.GAVE_UP : FailureOutcome.RETRY_LATER;
        });
    }

    /**
     * Queues the item for {@code stage} again, with no failed attempts; the stages after it forget
     * the item and take it again once this stage has finished it anew. When the stage's own
     * prerequisite has not finished the item, the item waits for that instead. Returns false when
     * the item does not exist.
     */
    public boolean requeue(String stage, long itemId, Instant now) {
        requireStageName(stage);
        return database.inTransaction("queue item " + itemId + " for stage " + stage + " again", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM item WHERE id = ?")) {
                statement.setLong(1, itemId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            queueAgain(connection, stages(connection), stage, itemId, now);
            return true;
        });
    }

    /** Counts of one stage. */
    public Counts counts(String stage) {
        return counts().getOrDefault(stage, Counts.NONE);
    }

    /** Counts of every declared stage. */
    public Map<String, Counts> counts() {
        return database.inTransaction("count pipeline work", connection -> {
            Map<String, long[]> byStage = new LinkedHashMap<>();
            for (String stage : stages(connection).keySet()) {
                byStage.put(stage, new long[3]);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT stage, state, COUNT(*) FROM stage_task GROUP BY stage, state")) {
                while (rows.next()) {
                    long[] counts = byStage.computeIfAbsent(rows.getString(1), s -> new long[3]);
                    switch (stateOf(rows.getString(2))) {
                        case WAITING -> counts[0] += rows.getLong(3);
                        case DONE -> counts[1] += rows.getLong(3);
                        case FAILED -> counts[2] += rows.getLong(3);
                        case null -> {
                            // written by a newer version: not counted
                        }
                    }
                }
            }
            Map<String, Counts> counts = new LinkedHashMap<>();
            byStage.forEach((stage, c) -> counts.put(stage, new Counts(c[0], c[1], c[2])));
            return counts;
        });
    }

    /**
     * Items waiting for the stage, by the source that first delivered them (imported items count
     * under their imported source); sources with none are left out.
     */
    public Map<String, Long> waitingByFirstSource(String stage) {
        return database.inTransaction("count waiting work of " + stage + " by source", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT i.first_source_id, COUNT(*) FROM stage_task t JOIN item i ON i.id = t.item_id
                    WHERE t.stage = ? AND t.state = 'WAITING' GROUP BY i.first_source_id
                    """)) {
                statement.setString(1, stage);
                try (ResultSet rows = statement.executeQuery()) {
                    Map<String, Long> waiting = new LinkedHashMap<>();
                    while (rows.next()) {
                        waiting.put(rows.getString(1), rows.getLong(2));
                    }
                    return waiting;
                }
            }
        });
    }

    /** The stage's record of the item, if it has one. */
    public Optional<Task> task(String stage, long itemId) {
        return database.inTransaction("read the " + stage + " record of item " + itemId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT stage, item_id, state, attempts, last_error, retry_after, updated_at FROM stage_task
                    WHERE stage = ? AND item_id = ?
                    """)) {
                statement.setString(1, stage);
                statement.setLong(2, itemId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(task(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Items the stage gave up on, the most recent first, with their reasons (for the errors panel). */
    public List<Task> failures(String stage, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.inTransaction("list the failures of stage " + stage, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT stage, item_id, state, attempts, last_error, retry_after, updated_at FROM stage_task
                    WHERE stage = ? AND state = 'FAILED' ORDER BY updated_at DESC, item_id DESC FETCH FIRST ? ROWS ONLY
                    """)) {
                statement.setString(1, stage);
                statement.setInt(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    List<Task> tasks = new ArrayList<>();
                    while (rows.next()) {
                        tasks.add(task(rows));
                    }
                    return tasks;
                }
            }
        });
    }

    /** Stages the analyst paused. */
    public Set<String> pausedStages() {
        return database.inTransaction("read paused pipeline stages", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM pipeline_stage WHERE paused")) {
                Set<String> paused = new HashSet<>();
                while (rows.next()) {
                    paused.add(rows.getString(1));
                }
                return paused;
            }
        });
    }

    /** Pauses or resumes a declared stage, for good (it stays so after a restart). */
    public void setPaused(String stage, boolean paused) {
        int changed = database.inTransaction((paused ? "pause" : "resume") + " stage " + stage, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE pipeline_stage SET paused = ? WHERE name = ?")) {
                statement.setBoolean(1, paused);
                statement.setString(2, stage);
                return statement.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new IllegalArgumentException("no pipeline stage named '" + stage + "'");
        }
    }

    /**
     * Within the caller's transaction, which has just inserted item {@code itemId}: queues it for
     * every stage without a prerequisite.
     */
    static void enqueueNewItem(Connection connection, long itemId, Instant now) throws SQLException {
        enqueueNewItem(connection, itemId, Set.of(), now);
    }

    /**
     * Like {@link #enqueueNewItem(Connection, long, Instant)}, but the entry stages in
     * {@code nothingToDo} are marked done at once (e.g. no article page is wanted for the item) and
     * the stages after them get the item: one transaction less per item than a stage run would take.
     */
    static void enqueueNewItem(Connection connection, long itemId, Set<String> nothingToDo, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO stage_task (stage, item_id, state, attempts, updated_at)
                SELECT name, ?, 'WAITING', 0, ? FROM pipeline_stage WHERE depends_on IS NULL
                """)) {
            statement.setLong(1, itemId);
            SqlValues.setInstant(statement, 2, now);
            statement.executeUpdate();
        }
        for (String stage : nothingToDo) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE stage_task SET state = 'DONE', updated_at = ? WHERE stage = ? AND item_id = ?
                    """)) {
                SqlValues.setInstant(statement, 1, now);
                statement.setString(2, stage);
                statement.setLong(3, itemId);
                if (statement.executeUpdate() == 0) {
                    continue; // not an entry stage of this workspace (not declared yet): the sweep decides
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO stage_task (stage, item_id, state, attempts, updated_at)
                    SELECT name, ?, 'WAITING', 0, ? FROM pipeline_stage WHERE depends_on = ?
                    """)) {
                statement.setLong(1, itemId);
                SqlValues.setInstant(statement, 2, now);
                statement.setString(3, stage);
                statement.executeUpdate();
            }
        }
    }

    /** Queues the item for {@code stage} unless the stage has a record of it (done, failed or waiting). */
    private static void queueIfUnknown(Connection connection, String stage, long itemId, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO stage_task (stage, item_id, state, attempts, updated_at)
                SELECT ?, ?, 'WAITING', 0, ? FROM (VALUES (1)) one
                WHERE NOT EXISTS (SELECT 1 FROM stage_task WHERE stage = ? AND item_id = ?)
                """)) {
            statement.setString(1, stage);
            statement.setLong(2, itemId);
            SqlValues.setInstant(statement, 3, now);
            statement.setString(4, stage);
            statement.setLong(5, itemId);
            statement.executeUpdate();
        }
    }

    /**
     * Forgets what {@code stage} and every stage after it did with the item, then queues it for
     * {@code stage} if its prerequisite (if any) has finished it. The new row has a new id, so a
     * result still being computed for the old one is not saved.
     */
    private static void queueAgain(Connection connection, Map<String, String> stages, String stage, long itemId,
                                   Instant now) throws SQLException {
        String after = prerequisiteOf(stages, stage);
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM stage_task WHERE stage = ? AND item_id = ?")) {
            for (String forgotten : withDependents(stages, stage)) {
                statement.setString(1, forgotten);
                statement.setLong(2, itemId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        if (after != null && !isDone(connection, after, itemId)) {
            return; // queued for this stage when its prerequisite finishes the item
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO stage_task (stage, item_id, state, attempts, updated_at) VALUES (?, ?, 'WAITING', 0, ?)")) {
            statement.setString(1, stage);
            statement.setLong(2, itemId);
            SqlValues.setInstant(statement, 3, now);
            statement.executeUpdate();
        }
    }

    private static boolean isDone(Connection connection, String stage, long itemId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM stage_task WHERE stage = ? AND item_id = ? AND state = 'DONE'")) {
            statement.setString(1, stage);
            statement.setLong(2, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Declared stages: name → the stage it runs after (null for none). */
    private static Map<String, String> stages(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, depends_on FROM pipeline_stage ORDER BY name")) {
            Map<String, String> stages = new LinkedHashMap<>();
            while (rows.next()) {
                stages.put(rows.getString(1), rows.getString(2));
            }
            return stages;
        }
    }

    private static String prerequisiteOf(Map<String, String> stages, String stage) {
        if (!stages.containsKey(stage)) {
            throw new IllegalArgumentException("no pipeline stage named '" + stage + "'");
        }
        return stages.get(stage);
    }

    private static List<String> dependentsOf(Map<String, String> stages, String stage) {
        List<String> dependents = new ArrayList<>();
        stages.forEach((name, after) -> {
            if (stage.equals(after)) {
                dependents.add(name);
            }
        });
        return dependents;
    }

    /** The stage and every stage that runs after it, directly or not. */
    private static List<String> withDependents(Map<String, String> stages, String stage) {
        List<String> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(stage));
        while (!next.isEmpty()) {
            String current = next.poll();
            if (seen.add(current)) {
                all.add(current);
                next.addAll(dependentsOf(stages, current));
            }
        }
        return all;
    }

    private static Task task(ResultSet rows) throws SQLException {
        return new Task(rows.getString("stage"), rows.getLong("item_id"), stateOf(rows.getString("state")),
                rows.getInt("attempts"), rows.getString("last_error"), SqlValues.instant(rows, "retry_after"),
                SqlValues.instant(rows, "updated_at"));
    }

    private static TaskState stateOf(String name) {
        try {
            return TaskState.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String cut(String message) {
        if (message.length() <= MAX_ERROR_CHARS) {
            return message;
        }
        int end = MAX_ERROR_CHARS;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "…";
    }
}
