package org.claimdesk.ui.exchange;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Scheduler;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an editor chooses for a rebuttal pack before it is written: which approved rebuttals (all
 * at first), whether the kept evidence pages go in, the publishing organisation, where the answers
 * are published, a logo, and whether it travels encrypted. FX thread; the list is read on the
 * reads thread.
 */
public final class PackChoiceViewModel {
    /** One approved or published rebuttal, and whether it goes in. */
    public record Candidate(StoredRebuttal rebuttal, BooleanProperty chosen) {
    }

    /**
     * Everything the pack needs, checked.
     *
     * @param logo a PNG or JPEG file, or null
     */
    public record PackChoice(List<Long> rebuttalIds, boolean includeSnapshots, String organisation, URI baseUrl,
                             Path logo) {
        public PackChoice {
            rebuttalIds = List.copyOf(rebuttalIds);
        }
    }

    private final Scheduler reads;
    private final Executor fx;
    private final Messages messages;
    private final Consumer<RuntimeException> readFailed;
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final BooleanProperty includeSnapshots = new SimpleBooleanProperty(this, "includeSnapshots", true);
    private final StringProperty organisation = new SimpleStringProperty(this, "organisation", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final ObjectProperty<Path> logo = new SimpleObjectProperty<>(this, "logo");
    private final BooleanProperty encrypt = new SimpleBooleanProperty(this, "encrypt", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private volatile Supplier<List<StoredRebuttal>> packable;

    public PackChoiceViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> readFailed) {
        this.reads = reads;
        this.fx = fx;
        this.messages = messages;
        this.readFailed = readFailed;
    }

    /** @param workspacePackable the workspace's approved and published rebuttals (blocks) */
    public void attach(Supplier<List<StoredRebuttal>> workspacePackable) {
        packable = workspacePackable;
        candidates.clear();
    }

    /** Reads the rebuttals that may go in a pack, every one chosen. */
    public void load() {
        Supplier<List<StoredRebuttal>> source = packable;
        if (source == null) {
            return;
        }
        problem.set("");
        reads.execute(() -> {
            List<StoredRebuttal> now;
            try {
                now = source.get();
            } catch (RuntimeException e) {
                fx.execute(() -> readFailed.accept(e));
                return;
            }
            fx.execute(() -> {
                if (packable == source) {
                    candidates.setAll(now.stream().map(r -> new Candidate(r, new SimpleBooleanProperty(true))).toList());
                    if (now.isEmpty()) {
                        problem.set(messages.get("pack.noneApproved"));
                    }
                }
            });
        });
    }

    /** The languages among the candidates, to choose whole languages at once. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        candidates.forEach(c -> languages.add(c.rebuttal().language()));
        return languages;
    }

    /** Chooses or drops every rebuttal in this language. */
    public void chooseLanguage(String language, boolean chosen) {
        candidates.stream().filter(c -> c.rebuttal().language().equals(language)).forEach(c -> c.chosen().set(chosen));
    }

    /** The choice as it stands, or null when something is missing or wrong ({@link #problemProperty()} says what). */
    public PackChoice choice() {
        List<Long> ids = candidates.stream().filter(c -> c.chosen().get()).map(c -> c.rebuttal().id()).toList();
        if (ids.isEmpty()) {
            problem.set(messages.get("pack.noneChosen"));
            return null;
        }
        String org = organisation.get() == null ? "" : organisation.get().strip();
        if (org.isEmpty()) {
            problem.set(messages.get("pack.organisationMissing"));
            return null;
        }
        URI base = null;
        String address = baseUrl.get() == null ? "" : baseUrl.get().strip();
        if (!address.isEmpty()) {
            try {
                base = new URI(address);
            } catch (URISyntaxException e) {
                base = null;
            }
            String scheme = base == null || base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                problem.set(messages.format("pack.addressWrong", address));
                return null;
            }
        }
        boolean unpublishedWithoutAddress = base == null && candidates.stream()
                .anyMatch(c -> c.chosen().get() && c.rebuttal().publishedUrl() == null);
        if (unpublishedWithoutAddress) {
            problem.set(messages.get("pack.addressMissing"));
            return null;
        }
        problem.set("");
        return new PackChoice(ids, includeSnapshots.get(), org, base, logo.get());
    }

    /** Says why the pack was not written (a refusal from the writer, a passphrase mismatch). */
    public void refused(String why) {
        problem.set(why);
    }

    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    public BooleanProperty includeSnapshotsProperty() {
        return includeSnapshots;
    }

    public StringProperty organisationProperty() {
        return organisation;
    }

    /** Where the answers are published; each record's address is this with the rebuttal's id and language. */
    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public ObjectProperty<Path> logoProperty() {
        return logo;
    }

    /** Whether the pack is written encrypted with a passphrase (asked twice by the view). */
    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
