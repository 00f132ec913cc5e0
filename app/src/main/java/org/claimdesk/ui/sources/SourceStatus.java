package org.claimdesk.ui.sources;

import org.claimdesk.store.SourceHealth;

/** What the status icon next to a source says. */
public enum SourceStatus {
    OK,
    FAILING,
    /** Configured but never fetched successfully nor unsuccessfully. */
    NEVER,
    /** Disabled in feeds.yml, or no longer configured there (its items stay). */
    INACTIVE;

    public static SourceStatus of(SourceHealth health) {
        if (!health.enabled() || !health.configured()) {
            return INACTIVE;
        }
        if (health.failing()) {
            return FAILING;
        }
        return health.lastSuccess() == null ? NEVER : OK;
    }
}
