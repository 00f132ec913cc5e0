package org.claimdesk.index;

import java.time.Duration;

/** How a rebuild or catch-up went: items written, items removed, time, and whether it was interrupted. */
public record RebuildReport(long indexed, long removed, Duration took, boolean cancelled) {
}
