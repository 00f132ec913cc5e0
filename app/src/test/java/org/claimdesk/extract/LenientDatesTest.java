package org.claimdesk.extract;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LenientDatesTest {

    @Test
    void readsTheShapesPagesUse() {
        assertThat(LenientDates.parse("2024-05-01T10:00:00+02:00")).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(LenientDates.parse("2024-05-01T10:00:00+0200")).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(LenientDates.parse("2024-05-01T10:00:00.123Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(LenientDates.parse("2024-05-01 10:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(LenientDates.parse("2024-05-01")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(LenientDates.parse("Wed, 01 May 2024 10:00:00 GMT")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(LenientDates.parse("May 1st, 2024")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(LenientDates.parse("Updated 1 May 2024, 10:14")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void rejectsJunkAndPlaceholders() {
        assertThat(LenientDates.parse("yesterday")).isNull();
        assertThat(LenientDates.parse("0001-01-01T00:00:00Z")).isNull();
        assertThat(LenientDates.parse("2024-13-45")).isNull();
        assertThat(LenientDates.parse("")).isNull();
        assertThat(LenientDates.parse(null)).isNull();
    }
}
