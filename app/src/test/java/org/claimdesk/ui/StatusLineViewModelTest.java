package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.QueuedExecutor;
import org.claimdesk.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class StatusLineViewModelTest {
    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor fx = new QueuedExecutor();
    private final TaskRunner tasks = new TaskRunner(background, fx);
    private final StatusLineViewModel line = new StatusLineViewModel(Messages.forLocale(Locale.ENGLISH), tasks);

    @Test
    void aRunningTaskSaysWhatItDoesThenTheOutcomeShows() {
        line.say("Opened workspace desk.");
        tasks.start("poll", progress -> {
            progress.message("Polling sources\u2026");
            return 3;
        }, n -> line.say(n + " new items"), failure -> { }, () -> { });
        background.runAll();
        fx.runOne();
        assertThat(line.lineProperty().get()).isEqualTo("Polling sources\u2026");
        assertThat(line.sentenceProperty().get()).isEqualTo("Opened workspace desk.");
        fx.runAll();
        assertThat(line.lineProperty().get()).isEqualTo("3 new items");
    }

    @Test
    void aStoppedStageStaysInTheStatusBarUntilItRunsAgain() {
        line.stageChanged("analysis", true, "Out of memory");
        line.say("Search saved as \"Dam\".");
        assertThat(line.stoppedProperty().get()).isEqualTo("analysis stopped: Out of memory");

        line.stageChanged("index feeder", true, null);
        assertThat(line.stoppedProperty().get()).isEqualTo("2 background tasks stopped: analysis, index feeder");
        assertThat(line.stoppedDetailProperty().get()).isEqualTo("analysis stopped: Out of memory\nindex feeder stopped");

        line.stageChanged("analysis", false, null);
        line.stageChanged("nothing stopped here", false, null);
        assertThat(line.stoppedProperty().get()).isEqualTo("index feeder stopped");

        line.clearStopped(); // another workspace
        assertThat(line.stoppedProperty().get()).isEmpty();
        assertThat(line.stoppedDetailProperty().get()).isEmpty();
    }
}
