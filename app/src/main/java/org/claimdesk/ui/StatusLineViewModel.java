package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.claimdesk.ui.task.TaskRunner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status bar: what the running task is doing, else the outcome of the last action; and,
 * apart from that, which of the workspace's background stages or loops have stopped, until they
 * run again or another workspace opens. FX thread.
 */
public final class StatusLineViewModel {
    private final Messages messages;
    private final TaskRunner tasks;
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper(this, "sentence", "");
    private final StringBinding line;
    /** Stopped stage or loop → why, in the order they stopped. */
    private final Map<String, String> stopped = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper stoppedText = new ReadOnlyStringWrapper(this, "stoppedText", "");
    private final ReadOnlyStringWrapper stoppedDetail = new ReadOnlyStringWrapper(this, "stoppedDetail", "");

    public StatusLineViewModel(Messages messages, TaskRunner tasks) {
        this.messages = messages;
        this.tasks = tasks;
        this.line = Bindings.when(tasks.busyProperty()).then(tasks.messageProperty()).otherwise(sentence);
    }

    /** The outcome of an action, shown until the next one (or under a running task until it ends). */
    public void say(String text) {
        sentence.set(text == null ? "" : text);
    }

    /**
     * A stage or loop of the workspace changed state; only stopping and running again show.
     *
     * @param stage  its name as the workspace calls it
     * @param reason why it stopped (ignored unless {@code isStopped}); may be null
     */
    public void stageChanged(String stage, boolean isStopped, String reason) {
        String why = reason == null ? "" : reason.strip();
        boolean changed = isStopped ? !why.equals(stopped.put(stage, why)) : stopped.remove(stage) != null;
        if (changed) {
            showStopped();
        }
    }

    /** Another workspace is open: its stages have not stopped. */
    public void clearStopped() {
        stopped.clear();
        showStopped();
    }

    private void showStopped() {
        List<String> lines = stopped.entrySet().stream().map(e -> stoppedLine(e.getKey(), e.getValue())).toList();
        stoppedDetail.set(String.join("\n", lines));
        stoppedText.set(switch (stopped.size()) {
            case 0 -> "";
            case 1 -> lines.getFirst();
            default -> messages.format("status.stoppedMany", stopped.size(), String.join(", ", stopped.keySet()));
        });
    }

    private String stoppedLine(String stage, String reason) {
        return reason.isEmpty() ? messages.format("status.stoppedNoReason", stage) : messages.format("status.stopped", stage, reason);
    }

    /** What is happening now, else the outcome of the last action. */
    public StringBinding lineProperty() {
        return line;
    }

    /** The outcome of the last action (also while a task runs). */
    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    /** "analysis stopped: …", or "" while nothing has stopped. */
    public ReadOnlyStringProperty stoppedProperty() {
        return stoppedText.getReadOnlyProperty();
    }

    /** Every stopped stage with its reason, one a line, for a tooltip. */
    public ReadOnlyStringProperty stoppedDetailProperty() {
        return stoppedDetail.getReadOnlyProperty();
    }

    /** True while a task runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** The running task's progress, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
