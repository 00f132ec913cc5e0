package org.claimdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.NumberBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.FetchAttempt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The errors panel: recent failed fetches, files an import could not read, and what is wrong
 * with feeds.yml. None of it stops the workbench: the last good configuration stays in force.
 */
public final class ErrorsViewModel {
    /** How many recent failed fetches to list. */
    public static final int FAILURE_LIMIT = 200;

    /** One line of the errors table. */
    public record ErrorRow(Instant time, String source, String message) {
    }

    private final Messages messages;
    private final ObservableList<ErrorRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> configProblems = FXCollections.observableArrayList();
    private final List<ErrorRow> fetchFailures = new ArrayList<>();
    private final List<ErrorRow> importProblems = new ArrayList<>();
    private final BooleanBinding configBroken = Bindings.isNotEmpty(configProblems);
    private final NumberBinding count = Bindings.size(rows).add(Bindings.size(configProblems));

    public ErrorsViewModel(Messages messages) {
        this.messages = messages;
    }

    public ObservableList<ErrorRow> rows() {
        return rows;
    }

    public ObservableList<String> configProblems() {
        return configProblems;
    }

    public BooleanBinding configBrokenProperty() {
        return configBroken;
    }

    /** Every listed error and configuration problem, for the tab's title. */
    public NumberBinding countProperty() {
        return count;
    }

    public void replaceFetchFailures(List<FetchAttempt> failures, Function<String, String> sourceName) {
        fetchFailures.clear();
        for (FetchAttempt attempt : failures) {
            String message = attempt.message() != null ? attempt.message() : attempt.failure();
            String where = attempt.url() == null ? "" : " (" + attempt.url() + ")";
            fetchFailures.add(new ErrorRow(attempt.at(), sourceName.apply(attempt.sourceId()), message + where));
        }
        rebuild();
    }

    public void addImportProblems(Instant at, List<String> problems) {
        String source = messages.get("errors.importSource");
        problems.forEach(p -> importProblems.add(new ErrorRow(at, source, p)));
        rebuild();
    }

    public void replaceConfigProblems(List<String> problems) {
        if (!configProblems.equals(problems)) {
            configProblems.setAll(problems);
        }
    }

    public void clear() {
        fetchFailures.clear();
        importProblems.clear();
        configProblems.clear();
        rebuild();
    }

    private void rebuild() {
        List<ErrorRow> all = new ArrayList<>(fetchFailures);
        all.addAll(importProblems);
        all.sort(Comparator.comparing(ErrorRow::time, Comparator.nullsLast(Comparator.reverseOrder())));
        rows.setAll(all);
    }
}
