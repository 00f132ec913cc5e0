package org.claimdesk.store;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between Java values and JDBC parameters/columns that both H2 and PostgreSQL accept.
 * Times go through {@link OffsetDateTime} in UTC because the PostgreSQL driver does not take
 * {@link Instant}; they are cut to microseconds, the precision both databases store, so that what
 * is read back is exactly what was written on either of them.
 */
final class SqlValues {
    private SqlValues() {
    }

    static Instant toStoredPrecision(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(toStoredPrecision(instant), ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setUri(PreparedStatement statement, int index, URI uri) throws SQLException {
        statement.setString(index, uri == null ? null : uri.toString());
    }

    /** Reads a URI column; a value that no longer parses is returned as null rather than failing the whole list. */
    static URI uri(ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        if (value == null) {
            return null;
        }
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The SQLSTATE of the first SQLException in a chain, or null. */
    static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** What was found for the asked ids, in the order asked for; ids with nothing found are left out. */
    static <T> java.util.Map<Long, T> inAskedOrder(java.util.List<Long> ids, java.util.Map<Long, T> found) {
        java.util.Map<Long, T> inOrder = new java.util.LinkedHashMap<>();
        for (Long id : ids) {
            T value = found.get(id);
            if (value != null) {
                inOrder.put(id, value);
            }
        }
        return inOrder;
    }
}
