package org.claimdesk.ui.rebuttals;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.rebuttals.AfterPublication;
import org.claimdesk.rebuttals.PublishedAddress;
import org.claimdesk.rebuttals.RatingScale;
import org.claimdesk.rebuttals.VersionDiff;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.RebuttalDraft;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalTemplate;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StaleRevisionException;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Debounce;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.KnownAnswer;
import org.claimdesk.workspace.Rebuttals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One rebuttal open for writing and review: its text as typed (autosaved every few seconds, saved
 * as a version on request), the review steps the identity at work may take now, its evidence, its
 * versions and review history, two versions compared, and earlier answers that fit its claim.
 * Every read and change runs on the reads thread; attaching a page runs on its own thread, since it
 * waits on the network, and can be cancelled. FX thread, except where said.
 */
public final class RebuttalEditorViewModel {
    /** Typing is kept once it pauses this long, and at least this often while it goes on. */
    static final Duration AUTOSAVE_QUIET = Duration.ofSeconds(2);
    static final Duration AUTOSAVE_AT_MOST = Duration.ofSeconds(5);
    /** Earlier answers shown beside the editor. */
    static final int KNOWN_ANSWERS_SHOWN = 5;

    /** A review step, as a button offers it. */
    public enum Step { SUBMIT, APPROVE, SEND_BACK, PUBLISH, WITHDRAW }

    /** Everything the editor shows of one rebuttal, read together. */
    record Loaded(StoredRebuttal rebuttal, List<RebuttalVersion> versions, List<RebuttalStatusChange> history,
                  List<StoredEvidence> evidence, List<RebuttalDraft> drafts, List<KnownAnswer> known,
                  List<StoredRebuttal> translations, List<RebuttalTemplate> templates, AfterPublication after) {
    }

    /** Typing in one rebuttal of one workspace, begun from one version. */
    private record Typing(Rebuttals source, long rebuttalId, int baseRevision, RebuttalText text, AnalystIdentity who) {
    }

    private final Scheduler reads;
    private final Executor fx;
    private final ExecutorService pages;
    private final Messages messages;
    private final Consumer<RuntimeException> failed;
    private final Runnable changed;
    /** This window's editor: its autosaved typing is kept apart from another window's. */
    private final String editorId = UUID.randomUUID().toString();
    private final ReadOnlyObjectWrapper<StoredRebuttal> rebuttal = new ReadOnlyObjectWrapper<>(this, "rebuttal");
    private final StringProperty claim = new SimpleStringProperty(this, "claim", "");
    private final ObjectProperty<String> verdict = new SimpleObjectProperty<>(this, "verdict");
    private final StringProperty shortAnswer = new SimpleStringProperty(this, "shortAnswer", "");
    private final StringProperty fullText = new SimpleStringProperty(this, "fullText", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper fetching = new ReadOnlyStringWrapper(this, "fetching", "");
    private final ReadOnlyObjectWrapper<RebuttalDraft> restorable = new ReadOnlyObjectWrapper<>(this, "restorable");
    private final ReadOnlyObjectWrapper<AnalystIdentity> who = new ReadOnlyObjectWrapper<>(this, "who");
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObservableList<RebuttalVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<RebuttalStatusChange> history = FXCollections.observableArrayList();
    private final ObservableList<StoredEvidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<KnownAnswer> known = FXCollections.observableArrayList();
    private final ObservableList<StoredRebuttal> translations = FXCollections.observableArrayList();
    private final ObservableList<VersionDiff.Row> diff = FXCollections.observableArrayList();
    private final ObservableList<RebuttalTemplate> templates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AfterPublication> after = new ReadOnlyObjectWrapper<>(this, "after");
    private final Debounce autosave;
    private volatile RebuttalDesk desk;
    /** The rebuttal shown, or -1; results for another one are dropped. */
    private volatile long shown = -1;
    /** The version the typing started from: a save names it, and a stale one is refused. */
    private volatile int baseRevision;
    /** The typing to autosave, taken on the FX thread at each change with the rebuttal and version it belongs to. */
    private volatile Typing typed;
    private boolean filling;
    private Future<?> pageFetch;

    RebuttalEditorViewModel(Scheduler reads, Executor fx, ExecutorService pages, Messages messages,
                            Consumer<RuntimeException> failed, Runnable changed) {
        this.reads = reads;
        this.fx = fx;
        this.pages = pages;
        this.messages = messages;
        this.failed = failed;
        this.changed = changed;
        this.autosave = new Debounce("rebuttal autosave", reads, AUTOSAVE_QUIET, AUTOSAVE_AT_MOST, this::autosaveNow);
        claim.addListener((obs, before, now) -> typing());
        verdict.addListener((obs, before, now) -> typing());
        shortAnswer.addListener((obs, before, now) -> typing());
        fullText.addListener((obs, before, now) -> typing());
    }

    void attach(RebuttalDesk workspaceDesk) {
        flushTyping();
        desk = workspaceDesk;
        shown = -1;
        fill(null);
    }

    void workAs(AnalystIdentity identity) {
        who.set(identity);
        StoredRebuttal open = rebuttal.get();
        steps.setAll(open == null || identity == null ? List.of() : stepsFor(open.status(), identity));
    }

    // ---- what the view shows -----------------------------------------------------------------------

    /** The rebuttal open, as last read; null before one is opened. */
    public ReadOnlyObjectProperty<StoredRebuttal> rebuttalProperty() {
        return rebuttal.getReadOnlyProperty();
    }

    public StringProperty claimProperty() {
        return claim;
    }

    /** A key of the rating scale, or null while none is chosen. */
    public ObjectProperty<String> verdictProperty() {
        return verdict;
    }

    public StringProperty shortAnswerProperty() {
        return shortAnswer;
    }

    /** Markdown. */
    public StringProperty fullTextProperty() {
        return fullText;
    }

    /** Typed since the last version was saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Why the last change was refused, in words (a stale version names who changed it); empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What just happened ("Version 3 saved", "Typing kept at 14:02"); empty at first. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The address being fetched as evidence, or empty. */
    public ReadOnlyStringProperty fetchingProperty() {
        return fetching.getReadOnlyProperty();
    }

    /** Typing kept from an editor that closed without saving it (a crash), newer than the text shown; or null. */
    public ReadOnlyObjectProperty<RebuttalDraft> restorableProperty() {
        return restorable.getReadOnlyProperty();
    }

    /** Who is working; null until an identity is chosen, and then nothing can be changed. */
    public ReadOnlyObjectProperty<AnalystIdentity> whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** The review steps the identity at work may take now; none for a rebuttal out of their hands. */
    public ObservableList<Step> steps() {
        return steps;
    }

    /** Every version, newest first. */
    public ObservableList<RebuttalVersion> versions() {
        return versions;
    }

    /** Every review step, oldest first. */
    public ObservableList<RebuttalStatusChange> history() {
        return history;
    }

    public ObservableList<StoredEvidence> evidence() {
        return evidence;
    }

    /** Earlier answers (the team's and imported fact-checks) that fit the claim, best first. */
    public ObservableList<KnownAnswer> knownAnswers() {
        return known;
    }

    /** The other languages' versions of this rebuttal. */
    public ObservableList<StoredRebuttal> translations() {
        return translations;
    }

    /** The two versions last compared, side by side; empty before a comparison. */
    public ObservableList<VersionDiff.Row> diff() {
        return diff;
    }

    /** Templates for common shapes of rebuttal in its language (English when there are none in it). */
    public ObservableList<RebuttalTemplate> templates() {
        return templates;
    }

    /** What the claim did since this rebuttal was published; null while it never was. */
    public ReadOnlyObjectProperty<AfterPublication> afterProperty() {
        return after.getReadOnlyProperty();
    }

    public RatingScale scale() {
        RebuttalDesk open = desk;
        return open == null ? RatingScale.DEFAULT : open.rebuttals().workflow().scale();
    }

    // ---- what the analyst does ---------------------------------------------------------------------

    /** Opens a rebuttal; typing in the one open before is kept first. */
    public void open(long rebuttalId) {
        flushTyping();
        shown = rebuttalId;
        problem.set("");
        notice.set("");
        diff.clear();
        reload(true);
    }

    /** Saves the typing as the next version. A version saved meanwhile elsewhere makes it refused, and the typing stays. */
    public void save() {
        change(null, null);
    }

    /**
     * Takes a review step (saving the typing first, if any). Sending back and withdrawing need
     * {@code why}; for publishing it is the address it went out at, or null.
     */
    public void take(Step step, String why) {
        change(step, why);
    }

    /** Puts the typing from a closed editor (see {@link #restorableProperty()}) back in the editor, unsaved. */
    public void restoreDraft() {
        RebuttalDraft draft = restorable.get();
        if (draft == null) {
            return;
        }
        setText(draft.text());
        restorable.set(null);
        typing();
    }

    /** Drops the kept typing offered for restoring; it stays in the workspace. */
    public void ignoreDraft() {
        restorable.set(null);
    }

    /** Compares two versions side by side. */
    public void compare(int olderRevision, int newerRevision) {
        Rebuttals source = rebuttals();
        long id = shown;
        if (source == null || id < 0) {
            return;
        }
        reads.execute(() -> {
            try {
                List<RebuttalVersion> all = source.versions(id);
                Optional<RebuttalVersion> older = all.stream().filter(v -> v.revision() == olderRevision).findFirst();
                Optional<RebuttalVersion> newer = all.stream().filter(v -> v.revision() == newerRevision).findFirst();
                if (older.isEmpty() || newer.isEmpty()) {
                    return;
                }
                List<VersionDiff.Row> rows = VersionDiff.between(older.get().text(), newer.get().text());
                fx.execute(() -> {
                    if (shown == id) {
                        diff.setAll(rows);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
            }
        });
    }

    /**
     * Attaches a web page as evidence: fetched now and kept with its hash, or attached with the
     * reason it could not be (offline, 404). Only http and https addresses.
     */
    public void attachPage(String address, String note) {
        Rebuttals source = rebuttals();
        AnalystIdentity identity = who.get();
        long id = shown;
        if (source == null || id < 0 || identity == null) {
            return;
        }
        URI url;
        try {
            url = URI.create(address == null ? "" : address.strip());
        } catch (IllegalArgumentException e) {
            problem.set(messages.format("rebuttal.evidence.badAddress", address));
            return;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            problem.set(messages.format("rebuttal.evidence.badAddress", address));
            return;
        }
        if (pageFetch != null && !pageFetch.isDone()) {
            problem.set(messages.get("rebuttal.evidence.busy"));
            return;
        }
        problem.set("");
        fetching.set(url.toString());
        pageFetch = pages.submit(() -> {
            try {
                source.evidence().attachPage(id, url, note, identity);
            } catch (InterruptedException e) {
                return; // cancelled: the editor said so already, and nothing was attached
            } catch (IllegalArgumentException e) {
                fx.execute(() -> {
                    fetching.set("");
                    problem.set(e.getMessage());
                });
                return;
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    fetching.set("");
                    failed.accept(e);
                });
                return;
            }
            fx.execute(() -> fetching.set(""));
            reads.execute(() -> readEvidence(source, id));
        });
    }

    /** Stops fetching a page as evidence; nothing is attached. */
    public void cancelFetch() {
        if (pageFetch != null && !pageFetch.isDone()) {
            pageFetch.cancel(true); // interrupts the fetch, or it never starts
            fetching.set("");
            problem.set(messages.get("rebuttal.evidence.cancelled"));
        }
    }

    /** Attaches an item of the workspace as evidence, as it is stored. */
    public void attachItem(long itemId, String note) {
        AnalystIdentity identity = who.get();
        act((source, id) -> source.evidence().attachItem(id, itemId, note, identity), false);
    }

    /** Starts a version in another language, and opens it. */
    public void translate(String language) {
        AnalystIdentity identity = who.get();
        String tag = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
            problem.set(messages.get("rebuttal.translate.noLanguage"));
            return;
        }
        Rebuttals source = rebuttals();
        long id = shown;
        if (source == null || id < 0 || identity == null) {
            return;
        }
        flushTyping();
        reads.execute(() -> {
            try {
                StoredRebuttal started = source.workflow().translate(id, tag, identity);
                fx.execute(() -> open(started.id()));
                changed.run();
            } catch (IllegalArgumentException e) {
                fx.execute(() -> problem.set(e.getMessage()));
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
            }
        });
    }

    /** Sets the deadline (null: none). */
    public void setDeadline(Instant deadline) {
        act((source, id) -> source.workflow().setDeadline(id, deadline), true);
    }

    /**
     * Puts an earlier answer into the full text as a reference to reuse or adapt: who answered, when,
     * their verdict and the address. Left unsaved, like typing.
     */
    public void useKnownAnswer(KnownAnswer answer) {
        String date = answer.answeredOn() == null ? "" : " " + LocalDate.ofInstant(answer.answeredOn(), ZoneOffset.UTC);
        String by = answer.answeredBy() == null ? messages.get("rebuttal.known.someone") : answer.answeredBy();
        String line = messages.format("rebuttal.known.reference", by, date.strip(),
                answer.verdict() == null ? "" : answer.verdict(), answer.url());
        String text = fullText.get();
        fullText.set(text.isBlank() ? line : text.stripTrailing() + "\n\n" + line);
    }

    /**
     * Starts from a template: its short answer and full text go where nothing is written yet (the
     * full text below what is, otherwise), and its claim only when the claim is empty. Unsaved, like typing.
     */
    public void useTemplate(RebuttalTemplate template) {
        if (template == null) {
            return;
        }
        if (claim.get().isBlank()) {
            claim.set(template.claim());
        }
        if (shortAnswer.get().isBlank()) {
            shortAnswer.set(template.shortAnswer());
        }
        String text = fullText.get();
        fullText.set(text.isBlank() ? template.fullText() : text.stripTrailing() + "\n\n" + template.fullText());
    }

    /** Keeps the typing now (before the window closes or another rebuttal opens). */
    public void flushTyping() {
        if (dirty.get()) {
            autosave.requestNow();
        }
    }

    /** Keeps the typing now, on the calling thread (the window is closing: the reads thread is going). */
    public void keepTypingNow() {
        autosaveNow();
    }

    // ---- on the reads thread -----------------------------------------------------------------------

    private void autosaveNow() {
        Typing typing = typed;
        if (typing == null || typing.who() == null) {
            return;
        }
        long id = typing.rebuttalId();
        try {
            typing.source().workflow().autosave(id, editorId, typing.baseRevision(), typing.text(), typing.who());
            Instant at = Instant.now();
            fx.execute(() -> {
                if (shown == id) {
                    notice.set(messages.format("rebuttal.autosaved", messages.time(at)));
                }
            });
        } catch (RuntimeException e) {
            fx.execute(() -> failed.accept(e));
        }
    }

    /** Saves the typing (if any) and then takes the step (if any), then reads the rebuttal again. */
    private void change(Step step, String why) {
        Rebuttals source = rebuttals();
        AnalystIdentity identity = who.get();
        long id = shown;
        if (source == null || id < 0 || identity == null) {
            return;
        }
        boolean save = dirty.get();
        RebuttalText text = current();
        int base = baseRevision;
        reads.execute(() -> {
            String refused = "";
            // the typing stays in the editor unless it was stored: it is what the analyst must not lose
            boolean keepTyping = save;
            try {
                int revision = base;
                if (save) {
                    revision = source.workflow().save(id, base, text, editorId, identity).revision();
                    keepTyping = false;
                }
                if (step != null) {
                    takeStep(source, id, revision, step, why, identity);
                }
            } catch (StaleRevisionException e) {
                refused = messages.format("rebuttal.stale", e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException e) {
                refused = e.getMessage();
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            String why2 = refused;
            boolean keep = keepTyping;
            String done = !why2.isEmpty() ? "" : step != null ? messages.get("rebuttal.step.done." + step.name())
                    : save ? messages.get("rebuttal.saved") : "";
            Loaded read = read(source, id);
            fx.execute(() -> {
                if (shown != id) {
                    return;
                }
                apply(read, !keep);
                problem.set(why2);
                if (!done.isEmpty()) {
                    notice.set(done);
                }
            });
            changed.run();
        });
    }

    private static void takeStep(Rebuttals source, long id, int revision, Step step, String why, AnalystIdentity who) {
        switch (step) {
            case SUBMIT -> source.workflow().submit(id, revision, who);
            case APPROVE -> source.workflow().approve(id, revision, who, why);
            case SEND_BACK -> source.workflow().sendBack(id, revision, who, why);
            // the address it went out at, if given: items linking there are recognised afterwards
            case PUBLISH -> source.workflow().publish(id, revision, who,
                    why == null || why.isBlank() ? null : PublishedAddress.parse(why));
            case WITHDRAW -> source.workflow().withdraw(id, revision, who, why);
        }
    }

    /** A change of the rebuttal open when it was asked for, then read again. */
    private void act(java.util.function.BiConsumer<Rebuttals, Long> work, boolean listChanged) {
        Rebuttals source = rebuttals();
        long id = shown;
        if (source == null || id < 0 || who.get() == null) {
            return;
        }
        reads.execute(() -> {
            String refused = "";
            try {
                work.accept(source, id);
            } catch (IllegalArgumentException e) {
                refused = e.getMessage();
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            String why = refused;
            Loaded read = read(source, id);
            fx.execute(() -> {
                if (shown == id) {
                    apply(read, false);
                    problem.set(why);
                }
            });
            if (listChanged) {
                changed.run();
            }
        });
    }

    private void reload(boolean fillText) {
        Rebuttals source = rebuttals();
        long id = shown;
        if (source == null || id < 0) {
            return;
        }
        reads.execute(() -> {
            Loaded read;
            try {
                read = read(source, id);
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            fx.execute(() -> {
                if (shown == id) {
                    apply(read, fillText);
                }
            });
        });
    }

    private void readEvidence(Rebuttals source, long id) {
        try {
            List<StoredEvidence> now = source.evidence().of(id);
            fx.execute(() -> {
                if (shown == id) {
                    evidence.setAll(now);
                }
            });
        } catch (RuntimeException e) {
            fx.execute(() -> failed.accept(e));
        }
    }

    private Loaded read(Rebuttals source, long id) {
        StoredRebuttal found = source.find(id).orElse(null);
        if (found == null) {
            return null;
        }
        RebuttalDesk open = desk;
        List<KnownAnswer> answers = open == null ? List.of()
                : open.knownAnswers().forCluster(found.clusterId(), KNOWN_ANSWERS_SHOWN + 1).stream()
                        .filter(answer -> !(answer.teams() && answer.id() == id)) // not itself
                        .limit(KNOWN_ANSWERS_SHOWN).toList();
        long root = found.translationOf() == null ? found.id() : found.translationOf();
        List<StoredRebuttal> family = new ArrayList<>(source.translations(root));
        source.find(root).ifPresent(original -> family.addFirst(original));
        family.removeIf(other -> other.id() == id);
        List<RebuttalVersion> all = new ArrayList<>(source.versions(id));
        all.sort(Comparator.comparingInt(RebuttalVersion::revision).reversed());
        List<RebuttalTemplate> shapes = source.templates(found.language());
        if (shapes.isEmpty()) {
            shapes = source.templates("en");
        }
        AfterPublication since = found.publishedAt() == null ? null : source.afterPublication(id).orElse(null);
        return new Loaded(found, all, source.history(id), source.evidence().of(id), source.drafts(id), answers,
                family.stream().distinct().toList(), shapes, since);
    }

    // ---- on the FX thread --------------------------------------------------------------------------

    private void apply(Loaded read, boolean fillText) {
        if (read == null) {
            fill(null);
            return;
        }
        StoredRebuttal found = read.rebuttal();
        rebuttal.set(found);
        if (fillText) {
            setText(found.text());
            baseRevision = found.revision();
            dirty.set(false);
            typed = null;
            restorable.set(kept(read.drafts(), found).orElse(null));
        }
        versions.setAll(read.versions());
        history.setAll(read.history());
        evidence.setAll(read.evidence());
        known.setAll(read.known());
        translations.setAll(read.translations());
        templates.setAll(read.templates());
        after.set(read.after());
        AnalystIdentity identity = who.get();
        steps.setAll(identity == null ? List.of() : stepsFor(found.status(), identity));
    }

    /** The newest typing some editor kept that differs from the stored text, and is not older than it. */
    private Optional<RebuttalDraft> kept(List<RebuttalDraft> drafts, StoredRebuttal found) {
        return drafts.stream()
                .filter(draft -> !draft.text().equals(found.text()))
                .filter(draft -> !draft.savedAt().isBefore(found.updatedAt()) || draft.baseRevision() == found.revision())
                .max(Comparator.comparing(RebuttalDraft::savedAt));
    }

    private void fill(StoredRebuttal none) {
        rebuttal.set(none);
        setText(new RebuttalText("", null, "", ""));
        dirty.set(false);
        typed = null;
        restorable.set(null);
        steps.clear();
        versions.clear();
        history.clear();
        evidence.clear();
        known.clear();
        translations.clear();
        templates.clear();
        after.set(null);
        diff.clear();
        problem.set("");
        notice.set("");
    }

    private void setText(RebuttalText text) {
        filling = true;
        try {
            claim.set(text.claim());
            verdict.set(text.verdict());
            shortAnswer.set(text.shortAnswer());
            fullText.set(text.fullText());
        } finally {
            filling = false;
        }
    }

    private void typing() {
        if (filling || shown < 0) {
            return;
        }
        dirty.set(true);
        typed = new Typing(rebuttals(), shown, baseRevision, current(), who.get());
        autosave.request();
    }

    private RebuttalText current() {
        return new RebuttalText(claim.get() == null ? "" : claim.get(), verdict.get(),
                shortAnswer.get() == null ? "" : shortAnswer.get(), fullText.get() == null ? "" : fullText.get());
    }

    private Rebuttals rebuttals() {
        RebuttalDesk open = desk;
        return open == null ? null : open.rebuttals();
    }

    /**
     * The steps an identity may take on a rebuttal in this status: anyone sends a draft to review;
     * reviewers approve or send back; editors publish and withdraw. The workflow checks again.
     */
    static List<Step> stepsFor(RebuttalStatus status, AnalystIdentity identity) {
        Set<Step> offered = EnumSet.noneOf(Step.class);
        for (RebuttalStatus next : status.next()) {
            switch (next) {
                case IN_REVIEW -> offered.add(Step.SUBMIT);
                case APPROVED -> {
                    if (identity.mayReview()) {
                        offered.add(Step.APPROVE);
                    }
                }
                case DRAFT -> {
                    if (identity.mayReview()) {
                        offered.add(Step.SEND_BACK);
                    }
                }
                case PUBLISHED, UPDATED -> {
                    if (identity.mayPublish()) {
                        offered.add(Step.PUBLISH);
                    }
                }
                case WITHDRAWN -> {
                    if (identity.mayPublish()) {
                        offered.add(Step.WITHDRAW);
                    }
                }
            }
        }
        return List.copyOf(offered);
    }
}
