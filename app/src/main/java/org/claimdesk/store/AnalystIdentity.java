package org.claimdesk.store;

import java.util.Objects;

/** A local identity an analyst chose at start: a name the team knows and a role. No account, no password. */
public record AnalystIdentity(String name, Role role) {
    /** What the identity may do in review. Stored by name: never rename. */
    public enum Role {
        /** Writes rebuttals and sends them to review. */
        ANALYST,
        /** Also approves or sends back others' rebuttals. */
        REVIEWER,
        /** Also publishes and withdraws. */
        EDITOR
    }

    public AnalystIdentity {
        Objects.requireNonNull(role, "role");
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a name is 1 to 200 characters on one line");
        }
    }

    public boolean mayReview() {
        return role == Role.REVIEWER || role == Role.EDITOR;
    }

    public boolean mayPublish() {
        return role == Role.EDITOR;
    }
}
