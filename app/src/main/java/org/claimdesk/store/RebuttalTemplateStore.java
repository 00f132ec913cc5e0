package org.claimdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuttal templates ({@code rebuttal_template}): the shipped ones, seeded once per workspace and
 * then the team's to edit, and the team's own. A deleted built-in one is hidden rather than removed,
 * so that seeding does not bring it back; restoring it brings back the shipped words.
 */
public final class RebuttalTemplateStore {
    private static final String COLUMNS =
            "id, builtin_key, name, language, claim_skeleton, short_skeleton, full_skeleton, edited, updated_at";

    private final Database database;

    public RebuttalTemplateStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Every template not deleted: the built-in ones by key and language, then the team's own by name. */
    public List<RebuttalTemplate> list() {
        return database.inTransaction("list rebuttal templates", connection -> select(connection, "SELECT " + COLUMNS
                + " FROM rebuttal_template WHERE deleted_at IS NULL"
                + " ORDER BY CASE WHEN builtin_key IS NULL THEN 1 ELSE 0 END, builtin_key, language, name, id"));
    }

    public Optional<RebuttalTemplate> find(long id) {
        return database.inTransaction("read rebuttal template " + id, connection -> find(connection, id));
    }

    /**
     * Adds the shipped templates this workspace has never had (by key and language), in one
     * transaction; those it has, edited or deleted, stay as the team left them.
     *
     * @return how many were added
     */
    public int seed(List<RebuttalTemplate> shipped, Instant at) {
        return database.inTransaction("seed the built-in rebuttal templates", connection -> {
            int added = 0;
            for (RebuttalTemplate template : shipped) {
                Objects.requireNonNull(template.builtInKey(), "a shipped template has a key");
                // a row deleted by the team still counts: it stays hidden
                if (idOfBuiltIn(connection, template.builtInKey(), template.language()).isEmpty()) {
                    insert(connection, template, at);
                    added++;
                }
            }
            return added;
        });
    }

    /**
     * Saves a template: a new one (no id) as the team's own, else the changed words of an existing
     * one; a built-in one is then marked edited.
     */
    public RebuttalTemplate save(RebuttalTemplate template, Instant at) {
        Objects.requireNonNull(template, "template");
        if (template.name().isEmpty()) {
            throw new IllegalArgumentException("a template needs a name");
        }
        if (template.id() == null) {
            if (template.builtInKey() != null) {
                throw new IllegalArgumentException("only ClaimDesk ships built-in templates: save it as the team's own");
            }
            return database.inTransaction("add a rebuttal template", connection ->
                    find(connection, insert(connection, template, at)).orElseThrow());
        }
        long id = template.id();
        return database.inTransaction("save rebuttal template " + id, connection -> {
            RebuttalTemplate stored = find(connection, id).orElseThrow(() ->
                    new IllegalArgumentException("rebuttal template " + id + " does not exist"));
            if (stored.builtIn() && !stored.language().equals(template.language())) {
                throw new IllegalArgumentException("a built-in template keeps its language: save a copy as a new template");
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rebuttal_template SET name = ?, claim_skeleton = ?, short_skeleton = ?, full_skeleton = ?,
                           language = ?, edited = ?, updated_at = ? WHERE id = ?
                    """)) {
                setWords(update, 1, template);
                update.setString(5, template.language());
                update.setBoolean(6, stored.builtIn());
                SqlValues.setInstant(update, 7, at);
                update.setLong(8, id);
                update.executeUpdate();
            }
            return find(connection, id).orElseThrow();
        });
    }

    /** Deletes the team's own template; hides a built-in one (restoring brings it back). */
    public void delete(long id, Instant at) {
        database.inTransaction("delete rebuttal template " + id, connection -> {
            RebuttalTemplate stored = find(connection, id).orElseThrow(() ->
                    new IllegalArgumentException("rebuttal template " + id + " does not exist"));
            String sql = stored.builtIn() ? "UPDATE rebuttal_template SET deleted_at = ? WHERE id = ?"
                    : "DELETE FROM rebuttal_template WHERE id = ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                if (stored.builtIn()) {
                    SqlValues.setInstant(statement, index++, at);
                }
                statement.setLong(index, id);
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Puts the shipped words of a built-in template back (and shows it again if it was deleted). */
    public RebuttalTemplate restore(RebuttalTemplate shipped, Instant at) {
        Objects.requireNonNull(shipped.builtInKey(), "a shipped template has a key");
        return database.inTransaction("restore rebuttal template " + shipped.builtInKey(), connection -> {
            Optional<Long> existing = idOfBuiltIn(connection, shipped.builtInKey(), shipped.language());
            if (existing.isEmpty()) {
                return find(connection, insert(connection, shipped, at)).orElseThrow();
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rebuttal_template SET name = ?, claim_skeleton = ?, short_skeleton = ?, full_skeleton = ?,
                           edited = FALSE, deleted_at = NULL, updated_at = ? WHERE id = ?
                    """)) {
                setWords(update, 1, shipped);
                SqlValues.setInstant(update, 5, at);
                update.setLong(6, existing.get());
                update.executeUpdate();
            }
            return find(connection, existing.get()).orElseThrow();
        });
    }

    // ---- in a transaction ---------------------------------------------------------------------

    private static long insert(Connection connection, RebuttalTemplate template, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rebuttal_template (name, claim_skeleton, short_skeleton, full_skeleton, builtin_key, language,
                                               edited, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            setWords(insert, 1, template);
            insert.setString(5, template.builtInKey());
            insert.setString(6, template.language());
            SqlValues.setInstant(insert, 7, at);
            SqlValues.setInstant(insert, 8, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Sets the four columns of its words from {@code index}: name, claim, short answer, full text. */
    private static void setWords(PreparedStatement statement, int index, RebuttalTemplate template) throws SQLException {
        statement.setString(index, template.name());
        statement.setString(index + 1, template.claim());
        statement.setString(index + 2, template.shortAnswer());
        statement.setString(index + 3, template.fullText());
    }

    private static Optional<RebuttalTemplate> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM rebuttal_template WHERE id = ?")) {
            select.setLong(1, id);
            return read(select).stream().findFirst();
        }
    }

    private static Optional<Long> idOfBuiltIn(Connection connection, String key, String language) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM rebuttal_template WHERE builtin_key = ? AND language = ?")) {
            select.setString(1, key);
            select.setString(2, language);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static List<RebuttalTemplate> select(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            return read(select);
        }
    }

    private static List<RebuttalTemplate> read(PreparedStatement select) throws SQLException {
        List<RebuttalTemplate> templates = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                templates.add(new RebuttalTemplate(rows.getLong("id"), rows.getString("builtin_key"), rows.getString("name"),
                        rows.getString("language"), rows.getString("claim_skeleton"), rows.getString("short_skeleton"),
                        rows.getString("full_skeleton"), rows.getBoolean("edited"), SqlValues.instant(rows, "updated_at")));
            }
        }
        return templates;
    }
}
