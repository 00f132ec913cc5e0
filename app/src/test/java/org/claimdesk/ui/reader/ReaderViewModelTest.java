package org.claimdesk.ui.reader;

import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.StoredItem;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderViewModelTest {
    private final ManualScheduler reads = new ManualScheduler();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<String> failures = new ArrayList<>();
    private final Messages messages = new Messages(ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH), ZoneOffset.UTC);
    private final ReaderViewModel reader = new ReaderViewModel(reads, fx, messages, e -> failures.add(e.getMessage()));
    private final List<Long> found = new ArrayList<>();
    private final Map<Long, StoredItem> stored = Map.of(
            1L, item(1, "Ministry denies reports of water shortage", "en", Instant.parse("2026-03-02T09:00:00Z")),
            2L, item(2, "Fact check: the bridge was not closed", "en", null),
            3L, item(3, "الحكومة تنفي الشائعات", null, null));

    private static StoredItem item(long id, String title, String language, Instant published) {
        return new StoredItem(id, URI.create("https://example.org/" + id), null, title, "Desk reporter", "Text of " + id,
                language, published, Instant.parse("2026-03-03T08:00:00Z"), "h" + id, List.of("desk-en", "desk-ar"));
    }

    private void attach() {
        reader.attach(id -> {
            found.add(id);
            return Optional.ofNullable(stored.get(id));
        }, id -> id.equals("desk-en") ? "Loopback English" : id);
    }

    @Test
    void anOpenedItemIsReadAndShownAsPlainText() {
        attach();
        reader.open(1);
        reads.advance(Duration.ofMillis(30));
        fx.runAll();

        assertThat(reader.showingProperty().get()).isTrue();
        assertThat(reader.itemIdProperty().get()).isEqualTo(1);
        assertThat(reader.titleProperty().get()).isEqualTo("Ministry denies reports of water shortage");
        assertThat(reader.sourcesProperty().get()).isEqualTo("Source: Loopback English, desk-ar");
        assertThat(reader.publishedProperty().get()).startsWith("Published ");
        assertThat(reader.urlProperty().get()).isEqualTo("https://example.org/1");
        assertThat(reader.bodyProperty().get()).isEqualTo("Text of 1");
        assertThat(reader.writingSystemProperty().get()).isEqualTo(WritingSystem.DEFAULT);

        reader.open(1); // already shown: nothing to read
        reads.advance(Duration.ofSeconds(1));
        assertThat(found).containsExactly(1L);
    }

    @Test
    void aSummaryKeptForWantOfItsArticleSaysWhyUntilTheArticleArrives() {
        StoredItem summary = item(1, "Ministry denies reports of water shortage", "en", null);
        Map<Long, StoredItem> now = new java.util.HashMap<>(Map.of(1L, new StoredItem(summary.id(), summary.url(), null,
                summary.title(), null, "One line from the feed.", "en", null, summary.fetchedAt(), "h1",
                summary.sourceIds(), null, false, List.of(), "paywall: the page asks to subscribe or sign in")));
        reader.attach(id -> Optional.ofNullable(now.get(id)), id -> id);
        reader.open(1);
        reads.advance(Duration.ofMillis(30));
        fx.runAll();

        assertThat(reader.summaryOnlyProperty().get())
                .isEqualTo("Only the feed's summary: the article page could not be read "
                        + "(paywall: the page asks to subscribe or sign in).");

        now.put(1L, summary); // a later attempt got the article
        reader.refresh();
        reads.advance(Duration.ofMillis(30));
        fx.runAll();

        assertThat(reader.bodyProperty().get()).isEqualTo("Text of 1");
        assertThat(reader.summaryOnlyProperty().get()).isEmpty();
    }

    @Test
    void arrowingThroughTheListReadsOnlyTheItemTheAnalystStopsOn() {
        attach();
        reader.open(1);
        reads.advance(Duration.ofMillis(10));
        reader.open(2);
        reads.advance(Duration.ofMillis(10));
        reader.open(3);
        reads.advance(Duration.ofMillis(30));
        fx.runAll();

        assertThat(found).containsExactly(3L);
        assertThat(reader.itemIdProperty().get()).isEqualTo(3);
        assertThat(reader.writingSystemProperty().get()).isEqualTo(WritingSystem.ARABIC); // by its title's script
        assertThat(reader.publishedProperty().get()).startsWith("Fetched ");
    }

    @Test
    void anItemReadAfterTheAnalystMovedOnIsNotShown() {
        attach();
        reader.open(1);
        reads.advance(Duration.ofMillis(30)); // read; waiting for the FX thread
        reader.open(2);
        fx.runAll();
        assertThat(reader.showingProperty().get()).isFalse();

        reads.advance(Duration.ofMillis(30));
        fx.runAll();
        assertThat(reader.itemIdProperty().get()).isEqualTo(2);
    }

    @Test
    void anItemThatIsGoneEmptiesTheReader() {
        attach();
        reader.open(1);
        reads.advance(Duration.ofMillis(30));
        fx.runAll();
        reader.open(99);
        reads.advance(Duration.ofMillis(30));
        fx.runAll();
        assertThat(reader.showingProperty().get()).isFalse();
        assertThat(reader.titleProperty().get()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void withoutAWorkspaceNothingIsRead() {
        reader.open(1);
        reads.advance(Duration.ofSeconds(1));
        assertThat(fx.runAll()).isZero();
        assertThat(found).isEmpty();
    }
}
