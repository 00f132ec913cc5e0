package org.claimdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Named values a workspace keeps about itself (table {@code workspace_setting}). */
public final class WorkspaceSettingStore {
    private final Database database;

    public WorkspaceSettingStore(Database database) {
        this.database = database;
    }

    public Optional<String> get(String name) {
        return database.inTransaction("read the workspace setting " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT setting_value FROM workspace_setting WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void put(String name, String value) {
        database.inTransaction("save the workspace setting " + name, connection -> {
            // delete and insert in one transaction: portable, unlike H2's MERGE ... KEY
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM workspace_setting WHERE name = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO workspace_setting (name, setting_value) VALUES (?, ?)")) {
                delete.setString(1, name);
                delete.executeUpdate();
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
            }
            return null;
        });
    }

    public void remove(String name) {
        database.inTransaction("remove the workspace setting " + name, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM workspace_setting WHERE name = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
