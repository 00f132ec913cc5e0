package org.claimdesk.ui.sources;

import org.claimdesk.store.SourceHealth;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SourceStatusTest {
    private static final Instant EARLIER = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-01T11:00:00Z");

    private static SourceHealth health(boolean enabled, boolean configured, Instant success, Instant error) {
        return new SourceHealth("s", "Source", "https://example.org/feed", "FEED", enabled, configured,
                success != null ? success : error, success, error, error == null ? null : "HTTP 503", 3);
    }

    @Test
    void lastAttemptDecides() {
        assertThat(SourceStatus.of(health(true, true, EARLIER, LATER))).isEqualTo(SourceStatus.FAILING);
        assertThat(SourceStatus.of(health(true, true, LATER, EARLIER))).isEqualTo(SourceStatus.OK);
        assertThat(SourceStatus.of(health(true, true, null, LATER))).isEqualTo(SourceStatus.FAILING);
        assertThat(SourceStatus.of(health(true, true, null, null))).isEqualTo(SourceStatus.NEVER);
    }

    @Test
    void disabledOrRemovedSourcesAreInactiveWhateverTheirHistory() {
        assertThat(SourceStatus.of(health(false, true, EARLIER, LATER))).isEqualTo(SourceStatus.INACTIVE);
        assertThat(SourceStatus.of(health(true, false, LATER, null))).isEqualTo(SourceStatus.INACTIVE);
    }
}
