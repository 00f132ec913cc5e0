package org.claimdesk.store;

import java.time.Instant;

/**
 * Typing autosaved from one open editor and not yet saved as a version.
 *
 * @param editorId     the editor (window) it came from
 * @param baseRevision the version the typing started from
 */
public record RebuttalDraft(long rebuttalId, String editorId, int baseRevision, RebuttalText text, Instant savedAt,
                            String savedBy) {
}
