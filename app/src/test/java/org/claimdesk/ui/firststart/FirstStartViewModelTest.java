package org.claimdesk.ui.firststart;

import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-start question without a toolkit: reads and the choice stepped by hand. */
class FirstStartViewModelTest {
    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<String> said = new ArrayList<>();
    private final FirstStartViewModel model = new FirstStartViewModel(background, fx, Messages.forLocale(Locale.ENGLISH),
            said::add);

    /** A new workspace's starter list; choosing records what was chosen and ends the question. */
    private static class FakeStarterList implements FirstStartViewModel.StarterChoice {
        boolean awaiting = true;
        final List<Set<String>> choices = new ArrayList<>();

        @Override
        public boolean awaitingChoice() {
            return awaiting;
        }

        @Override
        public List<Source> offered() {
            return List.of(source("bbc-arabic", "BBC News \u0639\u0631\u0628\u064a", "ar", List.of("news", "international")),
                    source("dpa", "dpa", null, List.of()));
        }

        @Override
        public void choose(Set<String> ids) {
            choices.add(ids);
            awaiting = false;
        }
    }

    private static Source source(String id, String name, String language, List<String> tags) {
        return new Source(id, name, URI.create("https://" + id + ".example/rss"), SourceKind.FEED, language, tags,
                Duration.ofMinutes(30), true, PageSelectors.NONE, false);
    }

    private void settle() {
        while (background.runAll() + fx.runAll() > 0) {
            // a step on one side may queue work on the other
        }
    }

    @Test
    void aWorkspaceAwaitingTheChoiceShowsTheStarterSourcesWithNothingSelected() {
        model.attach(new FakeStarterList());
        assertThat(model.showingProperty().get()).isFalse();

        settle();

        assertThat(model.showingProperty().get()).isTrue();
        assertThat(model.rows()).extracting(FirstStartViewModel.StarterRow::name, FirstStartViewModel.StarterRow::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BBC News \u0639\u0631\u0628\u064a", "ar \u00b7 news, international"),
                        org.assertj.core.groups.Tuple.tuple("dpa", "any language"));
        assertThat(model.selectedCountProperty().get()).isZero();
    }

    @Test
    void selectAllNoneAndConfirmWatchTheSelectedOnly() {
        FakeStarterList starter = new FakeStarterList();
        model.attach(starter);
        settle();

        model.selectAll();
        assertThat(model.selectedCountProperty().get()).isEqualTo(2);
        model.selectNone();
        model.rows().getFirst().selectedProperty().set(true);
        assertThat(model.selectedCountProperty().get()).isEqualTo(1);
        model.confirm();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(starter.choices).isEmpty(); // nothing chosen before the background runs it
        settle();

        assertThat(starter.choices).containsExactly(Set.of("bbc-arabic"));
        assertThat(model.showingProperty().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(said).containsExactly("Watching 1 source.");
    }

    @Test
    void notNowChoosesNothingAndTheMenuAsksAgain() {
        FakeStarterList starter = new FakeStarterList();
        model.attach(starter);
        settle();

        model.notNow();
        settle();

        assertThat(model.showingProperty().get()).isFalse();
        assertThat(starter.choices).isEmpty();
        assertThat(said.getLast()).startsWith("Nothing is fetched.");

        model.show();
        settle();
        assertThat(model.showingProperty().get()).isTrue();
    }

    @Test
    void aWorkspaceThatChoseAlreadyIsNotAsked() {
        FakeStarterList starter = new FakeStarterList();
        starter.awaiting = false;
        model.attach(starter);
        settle();

        assertThat(model.showingProperty().get()).isFalse();
        assertThat(model.rows()).isEmpty();
        assertThat(said).isEmpty();

        model.show(); // from the menu: says why nothing is shown
        settle();
        assertThat(said).containsExactly("The sources to watch were chosen already: change them in the workspace's feeds.yml.");
    }

    @Test
    void aFailedChoiceKeepsTheQuestionOpenAndSaysWhy() {
        model.attach(new FakeStarterList() {
            @Override
            public void choose(Set<String> ids) {
                throw new IllegalStateException("feeds.yml:3:1: broken");
            }
        });
        settle();

        model.confirm();
        settle();

        assertThat(model.showingProperty().get()).isTrue();
        assertThat(said).containsExactly("Could not save the choice of sources: feeds.yml:3:1: broken");
    }
}
