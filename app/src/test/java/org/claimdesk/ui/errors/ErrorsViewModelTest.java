package org.claimdesk.ui.errors;

import org.claimdesk.store.FetchAttempt;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.errors.ErrorsViewModel.ErrorRow;
import org.claimdesk.ui.errors.ErrorsViewModel.Kind;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final ManualScheduler reads = new ManualScheduler();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final Map<String, String> names = new HashMap<>(Map.of("bad", "Broken Desk"));
    private final ErrorsViewModel errors = new ErrorsViewModel(reads, fx, Messages.forLocale(Locale.ENGLISH),
            id -> names.getOrDefault(id, id), e -> {
                throw new AssertionError(e);
            });

    private static FetchAttempt failed(String source, Instant at, String message) {
        return new FetchAttempt(1, source, URI.create("https://example.org/" + source + ".xml"), at, 120, 503, 0, 0,
                "HTTP_STATUS", message);
    }

    @Test
    void fetchFailuresImportProblemsAndBackgroundFailuresAreOneListNewestFirst() {
        errors.replaceFetchFailures(List.of(failed("bad", T0, "HTTP 503 from example.org")));
        errors.addImportProblems(T0.plusSeconds(60), List.of("bundle.zip: not a zip file"));
        errors.addBackgroundFailure("analysis", "Out of memory while analysing item 42", T0.plusSeconds(120), true);
        errors.addBackgroundFailure("index feeder", "Disk full", T0.plusSeconds(30), false);

        assertThat(errors.rows()).extracting(ErrorRow::kind)
                .containsExactly(Kind.BACKGROUND, Kind.IMPORT, Kind.BACKGROUND, Kind.FETCH);
        assertThat(errors.rows().get(0)).satisfies(row -> {
            assertThat(row.source()).isEqualTo("Background: analysis");
            assertThat(row.message()).isEqualTo("Out of memory while analysing item 42 \u2014 it stopped");
            assertThat(row.time()).isEqualTo(T0.plusSeconds(120));
        });
        assertThat(errors.rows().get(2).message()).isEqualTo("Disk full");
        assertThat(errors.rows().get(3).source()).isEqualTo("Broken Desk");
        assertThat(errors.rows().get(3).message()).isEqualTo("HTTP 503 from example.org (https://example.org/bad.xml)");
        assertThat(errors.rows().get(1).source()).isEqualTo("Import");
        assertThat(errors.titleProperty().get()).isEqualTo("Errors (4)");
    }

    @Test
    void aLoopThatFailsAgainAndAgainKeepsOnlyItsLatestFailures() {
        for (int i = 0; i < ErrorsViewModel.BACKGROUND_LIMIT + 50; i++) {
            errors.addBackgroundFailure("index feeder", "attempt " + i, T0.plusSeconds(i), false);
        }
        assertThat(errors.rows()).hasSize(ErrorsViewModel.BACKGROUND_LIMIT);
        assertThat(errors.rows().getFirst().message()).isEqualTo("attempt " + (ErrorsViewModel.BACKGROUND_LIMIT + 49));
    }

    @Test
    void aFailureWithoutAMessageStillSaysWhereToLook() {
        errors.addBackgroundFailure("analysis", null, T0, false);
        assertThat(errors.rows().getFirst().message()).isEqualTo("Failed without saying why (see the log)");
    }

    @Test
    void failedFetchesFollowTheirSourcesNames() {
        errors.replaceFetchFailures(List.of(failed("new", T0, "timeout")));
        assertThat(errors.rows().getFirst().source()).isEqualTo("new");
        names.put("new", "New Desk");
        errors.sourceNamesChanged();
        assertThat(errors.rows().getFirst().source()).isEqualTo("New Desk");
    }

    @Test
    void theRecordedFailuresAndFeedsYmlsProblemsAreReadTogetherAndAttachingClearsTheOldWorkspaces() {
        errors.addBackgroundFailure("analysis", "old workspace", T0, true);
        errors.attach(limit -> {
            assertThat(limit).isEqualTo(ErrorsViewModel.FAILURE_LIMIT);
            return List.of(failed("bad", T0, "HTTP 503"));
        }, () -> List.of("feeds.yml:4:5: unknown key 'ulr'"));
        assertThat(errors.rows()).isEmpty();

        reads.advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(errors.rows()).extracting(ErrorRow::source).containsExactly("Broken Desk");
        assertThat(errors.configBrokenProperty().get()).isTrue();
        assertThat(errors.bannerTitleProperty().get()).startsWith("feeds.yml has a problem;");
        assertThat(errors.titleProperty().get()).isEqualTo("Errors (2)");

        errors.replaceConfigProblems(List.of()); // fixed
        assertThat(errors.configBrokenProperty().get()).isFalse();
        assertThat(errors.titleProperty().get()).isEqualTo("Errors (1)");
    }
}
