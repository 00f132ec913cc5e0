package org.claimdesk.ui.stages;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The stages that work through stored items in the background (language analysis now): how far
 * each has got (waiting, done, failed, items per second), and pausing or resuming one. Shown in
 * the status bar. FX thread, except where said.
 */
public final class StagesViewModel {
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(150);

    /** What the window may do with the workspace's stages; each call blocks (run off the FX thread). */
    public interface Control {
        List<StageStatus> statuses();

        void pause(String stage);

        void resume(String stage);
    }

    /**
     * One stage as the status bar shows it.
     *
     * @param name   the stage as the window names it ("Analysis")
     * @param line   its state in a few words ("120 waiting · 4.2 items/s")
     * @param detail its counts in full, for a tooltip
     */
    public record StageRow(String stage, String name, String line, String detail, boolean paused, boolean stopped) {
    }

    private final Messages messages;
    private final Executor background;
    private final Executor fx;
    private final Consumer<RuntimeException> failed;
    private final Reload<List<StageStatus>> reload;
    private final ObservableList<StageRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private volatile Control control;

    /**
     * @param reads      where the statuses are read
     * @param background where pause and resume run (they write the database)
     * @param failed     told when reading or changing a stage failed
     */
    public StagesViewModel(Scheduler reads, Executor background, Executor fx, Messages messages,
                           Consumer<RuntimeException> failed) {
        this.messages = messages;
        this.background = background;
        this.fx = fx;
        this.failed = failed;
        this.reload = new Reload<>("stages", reads, RELOAD_PERIOD, fx, this::replace, failed);
    }

    /** Shows this workspace's stages from now on (null: none open). */
    public void attach(Control newControl) {
        control = newControl;
        replace(List.of());
        reload.from(newControl == null ? null : newControl::statuses);
        reload.request();
    }

    /** A stage reported progress, went idle, was paused or resumed, or stopped. */
    public void update(StageStatus status) {
        List<StageRow> next = new ArrayList<>(rows);
        StageRow row = row(status);
        int at = indexOf(status.stage());
        if (at < 0) {
            next.add(row);
        } else {
            next.set(at, row);
        }
        rows.setAll(next);
        summarise();
    }

    public void replace(List<StageStatus> statuses) {
        rows.setAll(statuses.stream().map(this::row).toList());
        summarise();
    }

    /** Pauses the stage in the background; it stays paused, across restarts too, until resumed. */
    public void pause(String stage) {
        change(stage, true);
    }

    /** Resumes a paused stage, or starts a stopped one again. */
    public void resume(String stage) {
        change(stage, false);
    }

    private void change(String stage, boolean pause) {
        Control target = control;
        if (target == null) {
            return;
        }
        background.execute(() -> {
            try {
                if (pause) {
                    target.pause(stage);
                } else {
                    target.resume(stage);
                }
                List<StageStatus> now = target.statuses();
                fx.execute(() -> {
                    if (control == target) {
                        replace(now);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
            }
        });
    }

    private int indexOf(String stage) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stage().equals(stage)) {
                return i;
            }
        }
        return -1;
    }

    private StageRow row(StageStatus status) {
        String name = messages.getOrDefault("stage." + status.stage(), status.stage());
        String line = switch (status.state()) {
            case PAUSED -> messages.format("stages.paused", status.waiting());
            case STOPPED -> messages.get("stages.stopped");
            case RUNNING -> messages.format("stages.running", status.waiting(), status.itemsPerSecond());
            case IDLE -> status.waiting() > 0
                    ? messages.format("stages.waiting", status.waiting())
                    : messages.get("stages.upToDate");
        };
        String detail = messages.format("stages.detail", name, status.done(), status.failed(), status.waiting());
        return new StageRow(status.stage(), name, line, detail, status.state() == StageStatus.State.PAUSED,
                status.state() == StageStatus.State.STOPPED);
    }

    private void summarise() {
        summary.set(String.join("  \u00b7  ", rows.stream().map(r -> r.name() + ": " + r.line()).toList()));
    }

    public ObservableList<StageRow> rows() {
        return rows;
    }

    /** Every stage in a few words, for the status bar ("Analysis: 120 waiting · 4.2 items/s"). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
