package org.claimdesk.ui.stages;

import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.pipeline.StageStatus.State;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.ui.task.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The status bar's stages without a toolkit: reads, pause and resume stepped by hand. */
class StagesViewModelTest {
    private final ManualScheduler reads = new ManualScheduler();
    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final StagesViewModel model = new StagesViewModel(reads, background, fx, Messages.forLocale(Locale.ENGLISH),
            failures::add);

    /** A workspace's stages as the runner reports them; pause and resume change what it reports. */
    private final class FakeWorkspaceStages implements StagesViewModel.Control {
        State state = State.IDLE;
        final List<String> calls = new ArrayList<>();

        @Override
        public List<StageStatus> statuses() {
            return List.of(new StageStatus("analysis", 120, 30, 2, 0, state, null));
        }

        @Override
        public void pause(String stage) {
            calls.add("pause " + stage);
            state = State.PAUSED;
        }

        @Override
        public void resume(String stage) {
            calls.add("resume " + stage);
            state = State.IDLE;
        }
    }

    @Test
    void progressReadsAsAFewWordsPerStage() {
        model.update(new StageStatus("analysis", 120, 30, 2, 4.2, State.RUNNING, null));
        assertThat(model.summaryProperty().get()).isEqualTo("Analysis: 120 waiting \u00b7 4.2 items/s");
        assertThat(model.rows()).singleElement().satisfies(row ->
                assertThat(row.detail()).isEqualTo("Analysis: 30 done, 2 failed, 120 waiting"));

        model.update(new StageStatus("analysis", 0, 152, 2, 0, State.IDLE, null));
        assertThat(model.summaryProperty().get()).isEqualTo("Analysis: up to date");

        // a stage the window has no name for yet (a later one) shows under its own name
        model.update(new StageStatus("translation", 5, 0, 0, 0, State.IDLE, null));
        assertThat(model.summaryProperty().get()).isEqualTo("Analysis: up to date  \u00b7  translation: 5 waiting");
    }

    @Test
    void pauseRunsInTheBackgroundThenShowsWhatTheStageNowSays() {
        FakeWorkspaceStages stages = new FakeWorkspaceStages();
        model.attach(stages);
        reads.advance(Duration.ofMillis(150));
        fx.runAll();
        assertThat(model.summaryProperty().get()).isEqualTo("Analysis: 120 waiting");

        model.pause("analysis");
        assertThat(stages.calls).isEmpty(); // not on the FX thread
        background.runAll();
        assertThat(stages.calls).containsExactly("pause analysis");
        assertThat(model.summaryProperty().get()).isEqualTo("Analysis: 120 waiting");
        fx.runAll();
        assertThat(model.summaryProperty().get()).isEqualTo("Analysis: paused, 120 waiting");
        assertThat(model.rows().getFirst().paused()).isTrue();

        model.resume("analysis");
        background.runAll();
        fx.runAll();
        assertThat(stages.calls).containsExactly("pause analysis", "resume analysis");
        assertThat(model.rows().getFirst().paused()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void aWorkspaceClosedMeanwhileDoesNotOverwriteTheNextOne() {
        FakeWorkspaceStages first = new FakeWorkspaceStages();
        model.attach(first);
        model.pause("analysis");
        model.attach(null); // another workspace opens (or none)
        background.runAll();
        fx.runAll();
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).isEmpty();
    }
}
