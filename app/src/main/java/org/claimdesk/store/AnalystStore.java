package org.claimdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The local identities of a workspace ({@code analyst}): chosen at start, recorded on every change. */
public final class AnalystStore {
    private final Database database;

    public AnalystStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Adds an identity, or gives an existing name its new role. */
    public AnalystIdentity save(AnalystIdentity identity, Instant at) {
        Objects.requireNonNull(identity, "identity");
        return database.inTransaction("save the identity " + identity.name(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE analyst SET role = ? WHERE name = ?")) {
                update.setString(1, identity.role().name());
                update.setString(2, identity.name());
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO analyst (name, role, created_at) VALUES (?, ?, ?)")) {
                        insert.setString(1, identity.name());
                        insert.setString(2, identity.role().name());
                        SqlValues.setInstant(insert, 3, at);
                        insert.executeUpdate();
                    }
                }
            }
            return identity;
        });
    }

    /** Every identity, by name. */
    public List<AnalystIdentity> identities() {
        return database.inTransaction("list the identities", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT name, role FROM analyst ORDER BY name")) {
                List<AnalystIdentity> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new AnalystIdentity(rows.getString(1), AnalystIdentity.Role.valueOf(rows.getString(2))));
                    }
                }
                return found;
            }
        });
    }

    public Optional<AnalystIdentity> find(String name) {
        return identities().stream().filter(identity -> identity.name().equals(name == null ? null : name.strip())).findFirst();
    }
}
