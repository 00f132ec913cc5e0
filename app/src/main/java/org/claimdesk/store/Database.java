package org.claimdesk.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workspace's H2 database on disk, the source of truth. Opening it applies any pending
 * Flyway migrations (db/migration/V*.sql, portable SQL). Every write goes through a transaction
 * so that a kill at any moment loses nothing committed and leaves nothing half-written.
 *
 * <p>Database work never runs on the caller's thread: H2 closes the whole database when a thread
 * is interrupted inside its file I/O (the JDK closes an interrupted FileChannel), and ClaimDesk
 * cancels polls and imports by interrupting them. So each transaction runs on a virtual thread
 * of its own that nobody interrupts; the caller waits for it and keeps its interrupt flag.
 * Do not call {@link #inTransaction} from inside a transaction: it would take a second connection.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** H2 adds ".mv.db": the database is {@code <directory>/claimdesk.mv.db}. */
    static final String DATABASE_NAME = "claimdesk";
    /** Held with an OS lock while the database is open; the OS drops it when the process dies. */
    static final String LOCK_FILE_NAME = "claimdesk.lock";

    /*
     * URL settings, each chosen on purpose:
     * - WRITE_DELAY=0: by default H2 keeps committed changes in memory and writes them from a
     *   background thread up to 500 ms later (MVStore has no write-ahead log), so a SIGKILL or
     *   crash loses transactions that already reported success; measured: 5 of 5 killed runs lost
     *   commits with the default, 0 of 5 with 0. With 0 every commit writes its chunk before
     *   returning. (It is not an fsync: a power cut may still lose the last moments, but MVStore
     *   then reopens at the last complete chunk, never half a transaction.)
     * - DB_CLOSE_ON_EXIT=FALSE: no JVM shutdown hook closing the database underneath ingest
     *   threads that are still finishing; the application closes it in order, and WRITE_DELAY=0
     *   means a missed close loses nothing.
     * - LOCK_TIMEOUT=10000: many ingest threads write at once; a thread waiting on a row another
     *   one is inserting (same canonical URL) should wait for it, not fail after H2's 1 s default.
     * - No AUTO_SERVER (it would open a TCP port for other processes: ClaimDesk listens on
     *   nothing), and FILE_LOCK stays at its default (an OS lock on the .mv.db) as a second line of
     *   defence behind our own lock file.
     */
    private static final String URL_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    private static final String USER = "claimdesk";
    /** Ingest uses virtual threads; beyond this many, they queue for a connection instead of thrashing H2. */
    private static final int MAX_CONNECTIONS = 16;
    private static final int CONNECTION_WAIT_SECONDS = 60;
    private static final long CLOSE_WAIT_SECONDS = 30;

    /** H2 error codes that deserve their own message when opening. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JdbcConnectionPool pool;
    private final ExecutorService transactions;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pool = JdbcConnectionPool.create(jdbcUrl(directory), USER, "");
        this.pool.setMaxConnections(MAX_CONNECTIONS);
        this.pool.setLoginTimeout(CONNECTION_WAIT_SECONDS);
        this.transactions = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("db-", 0).factory());
    }

    /** Opens (creating if needed) the database in {@code directory} (e.g. workspace/db). */
    public static Database open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (dir.toString().indexOf(';') >= 0) {
            // H2 reads ';' in its URL as the start of a setting
            throw new StoreException("Cannot use the database folder " + dir
                    + ": its path contains ';'. Move the workspace to a folder without ';' in its path.", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the database folder " + dir + ": " + e.getMessage(), e);
        }
        FileChannel lockChannel;
        try {
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot open the database in " + dir + ": cannot create its lock file ("
                    + e.getMessage() + ")", e);
        }
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            // another Database in this same JVM has it open
            closeQuietly(lockChannel);
            throw inUse(dir, e);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StoreException("Cannot open the database in " + dir + ": cannot lock it (" + e.getMessage() + ")", e);
        }
        if (lock == null) {
            closeQuietly(lockChannel);
            throw inUse(dir, null);
        }
        Database database = new Database(dir, lockChannel, lock);
        try {
            database.isolated("open the database", () -> {
                database.migrate();
                return null;
            });
            return database;
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** Where the database lives. */
    public Path directory() {
        return directory;
    }

    /** Work that runs in one transaction: committed if it returns, rolled back if it throws. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws java.sql.SQLException;
    }

    public <T> T inTransaction(TransactionWork<T> work) {
        return inTransaction("use the database", work);
    }

    /**
     * Like {@link #inTransaction(TransactionWork)}; {@code action} says what was being done
     * ("save item https://…") and starts the message of the StoreException thrown on failure.
     */
    public <T> T inTransaction(String action, TransactionWork<T> work) {
        return isolated(action, () -> runTransaction(action, work));
    }

    private <T> T runTransaction(String action, TransactionWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + action + " (database " + directory + "): " + e.getMessage(), e);
        }
    }

    /** Runs {@code task} on a virtual thread that nobody interrupts and waits for it (see class comment). */
    private <T> T isolated(String action, Callable<T> task) {
        Future<T> future;
        try {
            future = transactions.submit(task);
        } catch (RejectedExecutionException e) {
            throw new StoreException("Could not " + action + ": the database in " + directory + " is closed", e);
        }
        return awaitUninterruptibly(future);
    }

    private static <T> T awaitUninterruptibly(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // the work is short and must finish: a commit cannot be half done
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case RuntimeException runtime -> throw runtime;
                        case Error error -> throw error;
                        case Throwable other -> throw new StoreException(other.getMessage(), other);
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void migrate() {
        try (Connection connection = pool.getConnection()) {
            // opening the first connection opens the file: fail here with a clear message
            connection.isValid(1);
        } catch (SQLException e) {
            throw openFailure(e);
        }
        Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
        try {
            MigrationInfoService info = flyway.info();
            refuseNewerSchema(info);
            var result = flyway.migrate();
            log.info("Opened database {} (schema version {}, {} migration(s) applied now)",
                    directory, result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion(info),
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StoreException("Cannot update the database structure in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Flyway by default ignores migrations it does not know ("future" ones); for us they mean the
     * workspace was opened by a newer ClaimDesk whose tables this version would misread.
     */
    private void refuseNewerSchema(MigrationInfoService info) {
        MigrationInfo[] future = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            String newest = future[future.length - 1].getVersion().getVersion();
            String known = Arrays.stream(info.all())
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                    .map(m -> m.getVersion() == null ? "?" : m.getVersion().getVersion())
                    .reduce((a, b) -> b).orElse("none");
            throw new StoreException("The database in " + directory + " was written by a newer version of ClaimDesk"
                    + " (database structure version " + newest + "; this version knows up to " + known
                    + "). Open this workspace with that newer ClaimDesk, or choose another workspace.", null);
        }
    }

    private static String currentVersion(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
    }

    private StoreException openFailure(SQLException e) {
        return switch (e.getErrorCode()) {
            case H2_DATABASE_ALREADY_OPEN -> inUse(directory, e);
            case H2_FILE_CORRUPTED -> new StoreException("The database file in " + directory
                    + " is damaged and cannot be opened: " + e.getMessage(), e);
            case H2_FILE_VERSION_ERROR -> new StoreException("The database file in " + directory
                    + " was written by an incompatible version of the H2 database engine: " + e.getMessage(), e);
            case H2_WRONG_USER_OR_PASSWORD -> new StoreException("The database in " + directory
                    + " was not created by ClaimDesk (it refuses ClaimDesk's user)", e);
            default -> new StoreException("Cannot open the database in " + directory + ": " + e.getMessage(), e);
        };
    }

    private static StoreException inUse(Path dir, Throwable cause) {
        return new StoreException("The workspace database in " + dir + " is in use by another ClaimDesk."
                + " Close the other ClaimDesk window or command using this workspace, or choose another workspace.", cause);
    }

    /**
     * Waits (up to 30 s) for running transactions, closes every connection, which closes H2's
     * file, then releases the workspace lock. Later calls to {@link #inTransaction} fail.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        transactions.shutdown();
        boolean interrupted = false;
        try {
            if (!transactions.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Closing database {} while transactions are still running after {} s", directory, CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        // H2 writes while it closes, so that too happens on a thread nobody interrupts
        FutureTask<Void> dispose = new FutureTask<>(() -> {
            pool.dispose();
            return null;
        });
        Thread.ofVirtual().name("db-close").start(dispose);
        try {
            awaitUninterruptibly(dispose);
        } catch (RuntimeException e) {
            log.warn("Closing database {} failed: {}", directory, e.getMessage(), e);
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                log.warn("Could not release the lock of database {}: {}", directory, e.getMessage());
            }
            closeQuietly(lockChannel);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String jdbcUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve(DATABASE_NAME) + URL_SETTINGS;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("Closing lock file failed", e);
        }
    }
}
