package org.claimdesk.ui.errors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.NumberBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The errors panel: recent failed fetches, files an import could not read, failures of the
 * workspace's background work, and what is wrong with feeds.yml. None of it stops the
 * workbench: the last good configuration stays in force. FX thread, except where said.
 */
public final class ErrorsViewModel {
    /** How many recent failed fetches to list. */
    public static final int FAILURE_LIMIT = 200;
    /** How many background failures to keep: a loop that fails again and again must not fill the memory. */
    static final int BACKGROUND_LIMIT = 200;
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(150);

    /** Where an error came from. */
    public enum Kind {FETCH, IMPORT, BACKGROUND}

    /** One line of the errors table: when, where (a source's name, "Import", a background task) and what. */
    public record ErrorRow(Instant time, String source, String message, Kind kind) {
    }

    private record Recorded(List<FetchAttempt> failures, List<String> configProblems) {
    }

    private final Messages messages;
    private final Function<String, String> sourceName;
    private final Reload<Recorded> reload;
    private final ObservableList<ErrorRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> configProblems = FXCollections.observableArrayList();
    private final List<FetchAttempt> fetchFailures = new ArrayList<>();
    private final List<ErrorRow> importProblems = new ArrayList<>();
    private final Deque<ErrorRow> backgroundFailures = new ArrayDeque<>();
    private final BooleanBinding configBroken = Bindings.isNotEmpty(configProblems);
    private final NumberBinding count = Bindings.size(rows).add(Bindings.size(configProblems));
    private final StringBinding title;
    private final StringBinding bannerTitle;

    /**
     * @param sourceName the name shown for a source id
     * @param readFailed told when reading the recorded failures failed
     */
    public ErrorsViewModel(Scheduler reads, Executor fx, Messages messages, Function<String, String> sourceName,
                           Consumer<RuntimeException> readFailed) {
        this.messages = messages;
        this.sourceName = sourceName;
        this.reload = new Reload<>("recorded failures", reads, RELOAD_PERIOD, fx, this::show, readFailed);
        this.title = Bindings.createStringBinding(() -> count.intValue() == 0
                ? messages.get("errors.tab") : messages.format("errors.tabWithCount", count.intValue()), count);
        this.bannerTitle = Bindings.createStringBinding(
                () -> messages.format("errors.configBanner", configProblems.size()), configProblems);
    }

    /**
     * Lists the failures of this workspace from now on (both null: none open); everything listed
     * before is cleared.
     *
     * @param recentFailures the most recent failed fetches, newest first, at most the given number
     * @param problems       what is wrong with feeds.yml, empty when nothing
     */
    public void attach(IntFunction<List<FetchAttempt>> recentFailures, Supplier<List<String>> problems) {
        clear();
        reload.from(recentFailures == null ? null
                : () -> new Recorded(recentFailures.apply(FAILURE_LIMIT), problems.get()));
        reload.request();
    }

    /** Reads the failed fetches and feeds.yml's problems again, after a short quiet period; any thread. */
    public void reload() {
        reload.request();
    }

    public void replaceFetchFailures(List<FetchAttempt> failures) {
        fetchFailures.clear();
        fetchFailures.addAll(failures);
        rebuild();
    }

    /** feeds.yml was rejected (or fixed: empty). */
    public void replaceConfigProblems(List<String> problems) {
        if (!configProblems.equals(problems)) {
            configProblems.setAll(problems);
        }
    }

    public void addImportProblems(Instant at, List<String> problems) {
        String source = messages.get("errors.importSource");
        problems.forEach(p -> importProblems.add(new ErrorRow(at, source, p, Kind.IMPORT)));
        rebuild();
    }

    /**
     * A background task of the workspace (a pipeline stage, the index feeder, a scheduled poll)
     * failed; it was logged where it happened.
     *
     * @param task    the task's name as the workspace calls it
     * @param message what went wrong, in the analyst's words
     * @param stopped true when the task stopped for good (the status line says so too)
     */
    public void addBackgroundFailure(String task, String message, Instant at, boolean stopped) {
        String what = message == null || message.isBlank() ? messages.get("errors.backgroundUnknown") : message;
        backgroundFailures.addFirst(new ErrorRow(at, messages.format("errors.backgroundSource", task),
                stopped ? messages.format("errors.backgroundStopped", what) : what, Kind.BACKGROUND));
        while (backgroundFailures.size() > BACKGROUND_LIMIT) {
            backgroundFailures.removeLast();
        }
        rebuild();
    }

    /** The sources were reloaded: failed fetches show their sources' current names. */
    public void sourceNamesChanged() {
        if (!fetchFailures.isEmpty()) {
            rebuild();
        }
    }

    public void clear() {
        fetchFailures.clear();
        importProblems.clear();
        backgroundFailures.clear();
        configProblems.clear();
        rebuild();
    }

    /** When the error happened, as the analyst reads times. */
    public String timeOf(ErrorRow row) {
        return messages.time(row.time());
    }

    private void show(Recorded recorded) {
        replaceFetchFailures(recorded.failures());
        replaceConfigProblems(recorded.configProblems());
    }

    private void rebuild() {
        List<ErrorRow> all = new ArrayList<>();
        for (FetchAttempt attempt : fetchFailures) {
            String message = attempt.message() != null ? attempt.message() : attempt.failure();
            String where = attempt.url() == null ? "" : " (" + attempt.url() + ")";
            all.add(new ErrorRow(attempt.at(), sourceName.apply(attempt.sourceId()), message + where, Kind.FETCH));
        }
        all.addAll(importProblems);
        all.addAll(backgroundFailures);
        all.sort(Comparator.comparing(ErrorRow::time, Comparator.nullsLast(Comparator.reverseOrder())));
        rows.setAll(all);
    }

    // ---- what the view binds to ---------------------------------------------------------------

    public ObservableList<ErrorRow> rows() {
        return rows;
    }

    public ObservableList<String> configProblems() {
        return configProblems;
    }

    public BooleanBinding configBrokenProperty() {
        return configBroken;
    }

    /** Every listed error and configuration problem. */
    public NumberBinding countProperty() {
        return count;
    }

    /** The tab's title: "Errors", or "Errors (3)". */
    public StringBinding titleProperty() {
        return title;
    }

    /** The banner over the window while feeds.yml is broken. */
    public StringBinding bannerTitleProperty() {
        return bannerTitle;
    }
}
