package org.claimdesk.workspace;

import org.claimdesk.store.AnalystIdentity;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who is working in a session, as recorded on decisions, notes, state changes and rebuttals: the
 * local identity chosen at start (the window asks; a command takes {@code --as}). Until one is
 * chosen nobody is named: the workspace never records the computer's account name, which a
 * carried workspace would otherwise give away.
 */
final class Analyst {
    private final AtomicReference<AnalystIdentity> current = new AtomicReference<>();

    void workAs(AnalystIdentity identity) {
        current.set(identity);
    }

    Optional<AnalystIdentity> identity() {
        return Optional.ofNullable(current.get());
    }

    /** The name to record, or null while nobody was chosen. */
    String name() {
        AnalystIdentity identity = current.get();
        return identity == null ? null : identity.name();
    }
}
