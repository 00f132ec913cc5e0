package org.claimdesk.store;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * The workspace's H2 database on disk, the source of truth. Opening it applies any pending
 * Flyway migrations (db/migration/V*.sql, portable SQL). Every write goes through a transaction
 * so that a kill at any moment loses nothing committed and leaves nothing half-written.
 */
public final class Database implements AutoCloseable {

    /** Opens (creating if needed) the database in {@code directory} (e.g. workspace/db). */
    public static Database open(Path directory) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Work that runs in one transaction: committed if it returns, rolled back if it throws. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws java.sql.SQLException;
    }

    public <T> T inTransaction(TransactionWork<T> work) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
    }
}
