package org.claimdesk.ui.firststart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.source.Source;
import org.claimdesk.ui.shared.Messages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The first start of a workspace: which sources of its starter list to watch. Nothing of the
 * list is fetched until the user chooses; "Not now" fetches nothing and the question comes back
 * at the next start (or from the Sources menu). Nothing is selected at first: the user picks
 * what to contact. FX thread, except where said.
 */
public final class FirstStartViewModel {
    /** The open workspace's starter list; each call blocks (run off the FX thread). */
    public interface StarterChoice {
        boolean awaitingChoice();

        List<Source> offered();

        /** Watches these sources and no other of the list; polling starts if any was chosen. */
        void choose(Set<String> ids) throws Exception;
    }

    /** One source to choose, as the list shows it. */
    public static final class StarterRow {
        private final String id;
        private final String name;
        private final String details;
        private final BooleanProperty selected = new SimpleBooleanProperty(false);

        StarterRow(String id, String name, String details) {
            this.id = id;
            this.name = name;
            this.details = details;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** Language and tags in a few words ("ar · news, international"). */
        public String details() {
            return details;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private final Executor background;
    private final Executor fx;
    private final Messages messages;
    private final Consumer<String> say;
    private final ObservableList<StarterRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private StarterChoice choice;

    /**
     * @param background where the starter list is read and the choice written
     * @param say        tells the user how it went, in the status line
     */
    public FirstStartViewModel(Executor background, Executor fx, Messages messages, Consumer<String> say) {
        this.background = background;
        this.fx = fx;
        this.messages = messages;
        this.say = say;
    }

    /** Asks about this workspace's starter list if it awaits a choice (null: no workspace). */
    public void attach(StarterChoice newChoice) {
        choice = newChoice;
        rows.clear();
        showing.set(false);
        ask(false);
    }

    /** Shows the question again if the open workspace still awaits a choice ("Not now" earlier). */
    public void show() {
        ask(true);
    }

    /** @param onRequest the user asked (the menu): say so when there is nothing left to choose */
    private void ask(boolean onRequest) {
        StarterChoice asked = choice;
        if (asked == null || showing.get()) {
            return;
        }
        background.execute(() -> {
            try {
                if (!asked.awaitingChoice()) {
                    fx.execute(() -> {
                        if (asked == choice && onRequest) {
                            say.accept(messages.get("firstStart.alreadyChosen"));
                        }
                    });
                    return;
                }
                List<Source> offered = asked.offered();
                fx.execute(() -> {
                    if (asked == choice) {
                        rows.setAll(offered.stream().map(this::row).toList());
                        updateCount();
                        showing.set(true);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> say.accept(messages.format("firstStart.failed", e.getMessage())));
            }
        });
    }

    private StarterRow row(Source source) {
        String language = source.languageHint() == null ? messages.get("firstStart.anyLanguage") : source.languageHint();
        String details = source.tags().isEmpty() ? language : language + " \u00b7 " + String.join(", ", source.tags());
        StarterRow row = new StarterRow(source.id(), source.name(), details);
        row.selectedProperty().addListener((obs, was, is) -> updateCount());
        return row;
    }

    private void updateCount() {
        selectedCount.set((int) rows.stream().filter(r -> r.selectedProperty().get()).count());
    }

    public void selectAll() {
        rows.forEach(r -> r.selectedProperty().set(true));
    }

    public void selectNone() {
        rows.forEach(r -> r.selectedProperty().set(false));
    }

    /** Watches the selected sources (none: watches none and does not ask again). */
    public void confirm() {
        StarterChoice asked = choice;
        if (asked == null || busy.get()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        rows.stream().filter(r -> r.selectedProperty().get()).forEach(r -> ids.add(r.id()));
        busy.set(true);
        background.execute(() -> {
            try {
                asked.choose(ids);
                fx.execute(() -> {
                    busy.set(false);
                    showing.set(false);
                    say.accept(messages.format("firstStart.chosen", ids.size()));
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    busy.set(false);
                    say.accept(messages.format("firstStart.failed", e.getMessage()));
                });
            }
        });
    }

    /** Fetches nothing now; the question comes back at the next start or from the Sources menu. */
    public void notNow() {
        showing.set(false);
        say.accept(messages.get("firstStart.postponed"));
    }

    public ObservableList<StarterRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }
}
