package org.claimdesk.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rows as plain maps, column name to value, for copying them from one workspace to another in a
 * bundle (decision 0024): a text, a number, a boolean or a time as ISO-8601 text. Written back
 * only into the columns the table has here, each value checked against its column's type, so a
 * bundle can name neither a column nor a table of its own and a wrong value refuses the import.
 */
final class TableRows {
    private final Connection connection;
    private final Map<String, Map<String, Integer>> columns = new HashMap<>();
    private final java.util.Set<String> generatedIds = new java.util.HashSet<>();

    TableRows(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    Connection connection() {
        return connection;
    }

    /** Every row the query gives, its columns in lower case. */
    List<Map<String, Object>> select(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Map<String, Object>> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rows, i, meta.getColumnType(i)));
                    }
                    found.add(row);
                }
            }
            return found;
        }
    }

    /** The first column of every row the query gives, as longs. */
    List<Long> ids(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Long> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        }
    }

    /** The first column of the first row, as a long, or null when there is none. */
    Long id(String sql, Object... parameters) throws SQLException {
        List<Long> found = ids(sql + " FETCH FIRST 1 ROWS ONLY", parameters);
        return found.isEmpty() ? null : found.getFirst();
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /**
     * Inserts {@code row} into {@code table}, with {@code set} over it: every column of the table
     * but its generated {@code id}; values it does not give stay NULL (or the column's default).
     *
     * @return the generated id, or -1 for a table without one
     */
    long insert(String table, Map<String, ?> row, Map<String, ?> set) throws SQLException {
        Map<String, Integer> types = columnsOf(table);
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String column : types.keySet()) {
            if (column.equals("id") && generated(table)) {
                continue;
            }
            Object value = set.containsKey(column) ? set.get(column) : row.get(column);
            if (value == null && !set.containsKey(column) && !row.containsKey(column)) {
                continue; // the column's default
            }
            names.add(column);
            values.add(value);
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        boolean withKey = generated(table);
        try (PreparedStatement statement = withKey ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                set(statement, i + 1, table, names.get(i), types.get(names.get(i)), values.get(i));
            }
            statement.executeUpdate();
            if (!withKey) {
                return -1;
            }
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Replaces every column {@code row} gives (but the id) of the row with this id. */
    void replace(String table, long id, Map<String, ?> row) throws SQLException {
        Map<String, Integer> types = columnsOf(table);
        List<String> names = types.keySet().stream().filter(column -> !column.equals("id") && row.containsKey(column)).toList();
        if (names.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + table + " SET " + String.join(", ", names.stream().map(n -> n + " = ?").toList()) + " WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                set(statement, i + 1, table, names.get(i), types.get(names.get(i)), row.get(names.get(i)));
            }
            statement.setLong(names.size() + 1, id);
            statement.executeUpdate();
        }
    }

    /** A time as the bundle writes it (ISO-8601), or null. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 instant");
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static URI uri(Object value) {
        try {
            return value == null ? null : URI.create(value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an address");
        }
    }

    private Map<String, Integer> columnsOf(String table) throws SQLException {
        Map<String, Integer> known = columns.get(table);
        if (known != null) {
            return known;
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table)) {
            try (ResultSet rows = meta.getColumns(null, null, name, null)) {
                while (rows.next()) {
                    String column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    found.put(column, rows.getInt("DATA_TYPE"));
                    if (column.equals("id") && "YES".equals(rows.getString("IS_AUTOINCREMENT"))) {
                        generatedIds.add(table);
                    }
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new SQLException("no table " + table);
        }
        columns.put(table, found);
        return found;
    }

    /** Whether the table's rows get their id from the database (an identity column). */
    private boolean generated(String table) throws SQLException {
        columnsOf(table);
        return generatedIds.contains(table);
    }

    private static Object value(ResultSet rows, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
                yield time == null ? null : time.toInstant().toString();
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rows.getBoolean(column);
                yield rows.wasNull() ? null : b;
            }
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long n = rows.getLong(column);
                yield rows.wasNull() ? null : n;
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> {
                double d = rows.getDouble(column);
                yield rows.wasNull() ? null : d;
            }
            default -> rows.getString(column);
        };
    }

    private static void set(PreparedStatement statement, int index, String table, String column, int type, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
            return;
        }
        try {
            switch (type) {
                case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> SqlValues.setInstant(statement, index,
                        value instanceof Instant instant ? instant : instant(value));
                case Types.BOOLEAN, Types.BIT -> statement.setBoolean(index, (Boolean) value);
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                    if (value instanceof Double || value instanceof Float) {
                        throw new ClassCastException();
                    }
                    statement.setLong(index, ((Number) value).longValue());
                }
                case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC ->
                        statement.setDouble(index, ((Number) value).doubleValue());
                default -> {
                    if (!(value instanceof String) && !(value instanceof URI)) {
                        throw new ClassCastException();
                    }
                    statement.setString(index, value.toString());
                }
            }
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException(table + "." + column + ": '" + value + "' is not a value of its type");
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (value) {
                case null -> statement.setObject(i + 1, null);
                case Instant instant -> SqlValues.setInstant(statement, i + 1, instant);
                case URI uri -> statement.setString(i + 1, uri.toString());
                default -> statement.setObject(i + 1, value);
            }
        }
    }
}
