package org.claimdesk.ui.errors;

import org.claimdesk.ui.shared.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorWordingTest {

    @Test
    void failuresAreDescribedWithoutStackTraces() {
        assertThat(ErrorWording.reason(new RuntimeException(new java.io.IOException("disk full"))))
                .isEqualTo("java.io.IOException: disk full");
        assertThat(ErrorWording.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aFailedReadSaysWhatCouldNotBeRead() {
        ErrorWording wording = new ErrorWording(Messages.forLocale(Locale.ENGLISH));
        assertThat(wording.couldNotRead(new IllegalStateException("Database is already closed")))
                .isEqualTo("Could not read the workspace: Database is already closed");
        assertThat(wording.failed("status.pollFailed", new java.io.UncheckedIOException(new java.io.IOException("no route"))))
                .isEqualTo("Poll failed: java.io.IOException: no route");
    }
}
