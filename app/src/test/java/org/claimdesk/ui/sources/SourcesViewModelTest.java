package org.claimdesk.ui.sources;

import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesViewModelTest {
    private static final Instant EARLIER = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");

    private final ManualScheduler reads = new ManualScheduler();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final Messages messages = new Messages(ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH), ZoneOffset.UTC);
    private final SourcesViewModel model = new SourcesViewModel(reads, fx, messages, e -> {
        throw new AssertionError(e);
    });

    @Test
    void eachRowIsWordedForItsCell() {
        model.replaceSources(List.of(
                new SourceHealth("ok", "Working Desk", "https://example.org/ok.xml", "FEED", true, true, LATER, LATER, null, null, 12),
                new SourceHealth("bad", "Broken Desk", "https://example.org/bad.xml", "FEED", true, true, LATER, EARLIER, LATER,
                        "HTTP 503 from example.org", 1),
                new SourceHealth("new", "New Desk", "https://example.org/new.xml", "FEED", true, true, null, null, null, null, 0),
                new SourceHealth("desk-en-xml", "Loopback Desk", "file:///desk-en.xml", "FEED", false, false, null, null,
                        null, null, 3, true),
                new SourceHealth("gone", "الجزيرة", "https://example.org/ar.xml", "FEED", true, false, LATER, LATER, null, null, 2)));

        assertThat(model.rows()).extracting(SourceRow::status).containsExactly(
                SourceStatus.OK, SourceStatus.FAILING, SourceStatus.NEVER, SourceStatus.INACTIVE, SourceStatus.INACTIVE);
        SourceRow ok = model.rows().get(0);
        assertThat(ok.detail()).startsWith("Last success ").endsWith(" \u00b7 12 items");
        assertThat(ok.tooltip()).isEqualTo("https://example.org/ok.xml\nWorking");
        assertThat(model.rows().get(1).tooltip()).contains("HTTP 503 from example.org");
        assertThat(model.rows().get(2).detail()).isEqualTo("Never fetched successfully \u00b7 no items");
        // Imported from a file: said so, not "never fetched", though it has no success either.
        assertThat(model.rows().get(3).detail()).isEqualTo("Imported from a saved file \u00b7 3 items");
        assertThat(model.rows().get(3).statusText()).isEqualTo("Disabled or no longer in feeds.yml");
        assertThat(model.rows().get(4).script()).isEqualTo(WritingSystem.ARABIC);
        assertThat(model.rows().get(0).script()).isEqualTo(WritingSystem.DEFAULT);
    }

    @Test
    void aSourceWithArticlesStillToFetchSaysHowMany() {
        SourceHealth polled = new SourceHealth("ok", "Working Desk", "https://example.org/ok.xml", "FEED", true, true,
                LATER, LATER, null, null, 40);
        model.replaceSources(List.of(polled.withArticlesWaiting(37), polled.withArticlesWaiting(1), polled));

        assertThat(model.rows().get(0).detail()).endsWith(" \u00b7 40 items \u00b7 37 articles to fetch");
        assertThat(model.rows().get(1).detail()).endsWith(" \u00b7 40 items \u00b7 1 article to fetch");
        assertThat(model.rows().get(2).detail()).endsWith(" \u00b7 40 items");
    }

    @Test
    void namesAreLookedUpByIdAndUnknownIdsShowThemselves() {
        model.replaceSources(List.of(
                new SourceHealth("desk-ar", "Loopback Arabic", "https://example.org/ar.xml", "FEED", true, true, null, null, null, null, 0)));
        assertThat(model.nameOf("desk-ar")).isEqualTo("Loopback Arabic");
        assertThat(model.nameOf("elsewhere")).isEqualTo("elsewhere");
    }

    @Test
    void theFirstReadIsAtOnceAndLaterOnesOffTheFxThreadAfterAShortPause() {
        List<SourceHealth> health = new java.util.ArrayList<>(List.of(
                new SourceHealth("ok", "Working Desk", "https://example.org/ok.xml", "FEED", true, true, LATER, LATER, null, null, 12)));
        model.attach(() -> List.copyOf(health));
        assertThat(model.loadedProperty().get()).isFalse();
        reads.advance(Duration.ZERO); // a newly opened workspace's sources are read at once
        fx.runAll();
        assertThat(model.rows()).extracting(SourceRow::name).containsExactly("Working Desk");
        assertThat(model.loadedProperty().get()).as("shown: the workbench may count as ready").isTrue();

        health.add(new SourceHealth("new", "New Desk", "https://example.org/new.xml", "FEED", true, true, null, null, null, null, 0));
        model.reload();
        reads.advance(Duration.ofMillis(149));
        fx.runAll();
        assertThat(model.rows()).hasSize(1);
        reads.advance(Duration.ofMillis(1));
        fx.runAll();
        assertThat(model.rows()).extracting(SourceRow::name).containsExactly("Working Desk", "New Desk");

        model.attach(null); // no workspace
        model.reload();
        reads.advance(Duration.ofSeconds(1));
        assertThat(fx.runAll()).isZero();
        assertThat(model.rows()).isEmpty();
    }
}
