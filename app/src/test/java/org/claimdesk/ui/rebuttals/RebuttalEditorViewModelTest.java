package org.claimdesk.ui.rebuttals;

import org.claimdesk.rebuttals.VersionDiff;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.ManualScheduler;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuttal screen's view models over a real workspace (H2 on disk), on a reads thread the test
 * steps by hand: writing with autosave, review steps offered by role, two windows editing the same
 * rebuttal, typing kept across a crash, versions compared.
 */
class RebuttalEditorViewModelTest {
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);
    static final AnalystIdentity NOOR = new AnalystIdentity("Noor", Role.REVIEWER);
    static final AnalystIdentity SAMI = new AnalystIdentity("Sami", Role.EDITOR);

    @TempDir
    Path tmp;

    private final ManualScheduler reads = new ManualScheduler();
    private final ExecutorService pages = Executors.newVirtualThreadPerTaskExecutor();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final List<RuntimeException> failures = new ArrayList<>();
    private WorkspaceSession session;
    private long cluster;

    @BeforeEach
    void open() throws Exception {
        Path desk = tmp.resolve("desk");
        try (Database database = Database.open(new Workspace(desk).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        session = WorkspaceSession.open(new Workspace(desk), Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n"));
    }

    @AfterEach
    void close() {
        pages.shutdownNow();
        session.close();
    }

    private RebuttalsViewModel window() {
        RebuttalsViewModel model = new RebuttalsViewModel(reads, Runnable::run, pages, messages, Clock.systemUTC(), failures::add);
        model.attach(new RebuttalDesk(session.rebuttals(), session.knownAnswers(), session.claims(), session::workAs,
                session::workingAs));
        settle();
        return model;
    }

    /** Runs what the reads thread has due, and what comes due within the next minute. */
    private void settle() {
        reads.advance(Duration.ofSeconds(60));
    }

    private StoredRebuttal stored(long id) {
        return session.rebuttals().find(id).orElseThrow();
    }

    @Test
    void nothingIsWrittenBeforeAnIdentityIsChosenThenEveryStepIsRecordedUnderIt() {
        RebuttalsViewModel model = window();
        model.start(cluster, "en", null);
        settle();
        assertThat(model.problemProperty().get()).contains("Choose who you are");
        assertThat(session.rebuttals().ofCluster(cluster)).isEmpty();

        model.workAs("Amal", Role.ANALYST);
        settle();
        assertThat(model.whoProperty().get()).isEqualTo(AMAL);
        assertThat(model.identities()).contains(AMAL);
        model.start(cluster, "en", Instant.now().plus(Duration.ofHours(2)));
        settle();
        RebuttalEditorViewModel editor = model.editor();
        StoredRebuttal started = editor.rebuttalProperty().get();
        assertThat(started).isNotNull();
        assertThat(started.author()).isEqualTo("Amal");
        assertThat(model.rows()).extracting(row -> row.rebuttal() == null ? -1 : row.rebuttal().id()).contains(started.id());
        assertThat(model.waitingOn(model.rows().getFirst())).isEqualTo("waiting on Amal");
        assertThat(model.timingOf(model.rows().getFirst())).startsWith("Due in 1 h");
        assertThat(editor.steps()).containsExactly(RebuttalEditorViewModel.Step.SUBMIT);

        // sending it to review without a verdict is refused, with the reason
        editor.claimProperty().set("The river dam burst last night");
        editor.take(RebuttalEditorViewModel.Step.SUBMIT, null);
        settle();
        assertThat(editor.problemProperty().get()).contains("verdict");
        assertThat(stored(started.id()).status()).isEqualTo(RebuttalStatus.DRAFT);
        assertThat(stored(started.id()).text().claim()).isEqualTo("The river dam burst last night"); // saved anyway

        editor.verdictProperty().set("false");
        editor.shortAnswerProperty().set("The dam is intact: the water authority inspected it this morning.");
        editor.take(RebuttalEditorViewModel.Step.SUBMIT, null);
        settle();
        assertThat(editor.problemProperty().get()).isEmpty();
        assertThat(stored(started.id()).status()).isEqualTo(RebuttalStatus.IN_REVIEW);
        assertThat(editor.steps()).as("an analyst cannot review").isEmpty();
        assertThat(model.waitingOn(model.rows().getFirst())).isEqualTo("waiting on a reviewer");

        model.workAs("Noor", Role.REVIEWER);
        settle();
        assertThat(editor.steps()).containsExactlyInAnyOrder(RebuttalEditorViewModel.Step.APPROVE,
                RebuttalEditorViewModel.Step.SEND_BACK);
        editor.take(RebuttalEditorViewModel.Step.SEND_BACK, null);
        settle();
        assertThat(editor.problemProperty().get()).contains("needs a reason");
        editor.take(RebuttalEditorViewModel.Step.APPROVE, "checked with the authority");
        settle();
        assertThat(stored(started.id()).status()).isEqualTo(RebuttalStatus.APPROVED);

        model.workAs("Sami", Role.EDITOR);
        settle();
        assertThat(editor.steps()).contains(RebuttalEditorViewModel.Step.PUBLISH);
        editor.take(RebuttalEditorViewModel.Step.PUBLISH, null);
        settle();
        assertThat(stored(started.id()).status()).isEqualTo(RebuttalStatus.PUBLISHED);
        assertThat(editor.steps()).containsExactly(RebuttalEditorViewModel.Step.WITHDRAW);
        assertThat(editor.history()).extracting(change -> change.to() + " by " + change.changedBy()).containsExactly(
                "DRAFT by Amal", "IN_REVIEW by Amal", "APPROVED by Noor", "PUBLISHED by Sami");
        assertThat(failures).isEmpty();
    }

    @Test
    void typingIsKeptEveryFewSecondsAndAfterACrashTheNextEditorOffersItBack() {
        RebuttalsViewModel first = window();
        first.workAs("Amal", Role.ANALYST);
        settle();
        first.start(cluster, "ar", null);
        settle();
        long id = first.editor().rebuttalProperty().get().id();
        first.editor().fullTextProperty().set("السد سليم وفق هيئة المياه");
        reads.advance(Duration.ofMillis(500));
        assertThat(session.rebuttals().drafts(id)).as("not before the typing pauses").isEmpty();
        reads.advance(RebuttalEditorViewModel.AUTOSAVE_QUIET);
        assertThat(session.rebuttals().drafts(id)).singleElement()
                .satisfies(draft -> assertThat(draft.text().fullText()).isEqualTo("السد سليم وفق هيئة المياه"));
        assertThat(first.editor().noticeProperty().get()).startsWith("Typing kept at");

        // the window dies without saving; another opens the rebuttal and is offered the typing back
        RebuttalsViewModel second = window();
        second.workAs("Amal", Role.ANALYST);
        settle();
        second.editor().open(id);
        settle();
        assertThat(second.editor().fullTextProperty().get()).isEmpty();
        assertThat(second.editor().restorableProperty().get()).isNotNull();
        second.editor().restoreDraft();
        assertThat(second.editor().fullTextProperty().get()).isEqualTo("السد سليم وفق هيئة المياه");
        assertThat(second.editor().dirtyProperty().get()).isTrue();
        second.editor().save();
        settle();
        assertThat(stored(id).text().fullText()).isEqualTo("السد سليم وفق هيئة المياه");
        assertThat(failures).isEmpty();
    }

    @Test
    void twoWindowsEditingTheSameRebuttalTheSecondSaveIsRefusedNamingWhoAndItsTypingStays() {
        RebuttalsViewModel amal = window();
        amal.workAs("Amal", Role.ANALYST);
        settle();
        amal.start(cluster, "en", null);
        settle();
        long id = amal.editor().rebuttalProperty().get().id();
        RebuttalsViewModel noor = window();
        noor.workAs("Noor", Role.REVIEWER);
        settle();
        noor.editor().open(id);
        settle();

        amal.editor().shortAnswerProperty().set("Amal's answer");
        noor.editor().shortAnswerProperty().set("Noor's answer");
        amal.editor().save();
        settle();
        noor.editor().save();
        settle();

        assertThat(stored(id).text().shortAnswer()).isEqualTo("Amal's answer");
        assertThat(noor.editor().problemProperty().get()).contains("by Amal").contains("Your typing is still here");
        assertThat(noor.editor().shortAnswerProperty().get()).isEqualTo("Noor's answer");
        assertThat(noor.editor().dirtyProperty().get()).isTrue();

        // reload shows Amal's version and offers Noor's typing back, which then saves on top of it
        noor.editor().open(id);
        settle();
        assertThat(noor.editor().shortAnswerProperty().get()).isEqualTo("Amal's answer");
        assertThat(noor.editor().restorableProperty().get()).isNotNull();
        noor.editor().restoreDraft();
        noor.editor().save();
        settle();
        assertThat(noor.editor().problemProperty().get()).isEmpty();
        assertThat(stored(id).text().shortAnswer()).isEqualTo("Noor's answer");

        // the two versions side by side: the words that changed are marked
        noor.editor().compare(2, 3);
        settle();
        VersionDiff.Row changed = noor.editor().diff().stream().filter(row -> row.change() != VersionDiff.Change.SAME)
                .findFirst().orElseThrow();
        assertThat(changed.part()).isEqualTo("short answer");
        assertThat(changed.olderText()).isEqualTo("Amal's answer");
        assertThat(changed.newerText()).isEqualTo("Noor's answer");
        assertThat(changed.newer()).anySatisfy(span -> assertThat(span.changed()).isTrue());
        assertThat(failures).isEmpty();
    }

    @Test
    void aPageIsAttachedAsEvidenceOnItsOwnThreadAndASlowOneCanBeCancelled() throws Exception {
        RebuttalsViewModel model = window();
        model.workAs("Amal", Role.ANALYST);
        settle();
        model.start(cluster, "en", null);
        settle();
        RebuttalEditorViewModel editor = model.editor();
        long id = editor.rebuttalProperty().get().id();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (org.claimdesk.testing.LoopbackServer site = org.claimdesk.testing.LoopbackServer.start()) {
            site.serveText("/report", "text/html; charset=utf-8",
                    "<html><head><title>Dam inspection report</title></head><body><article><p>The dam was inspected at 07:00 "
                            + "and found intact by the water authority's engineers, who published their measurements.</p>"
                            + "</article></body></html>");
            site.handle("/slow", exchange -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });

            editor.attachPage("ftp://files.example/report", "");
            assertThat(editor.problemProperty().get()).isEqualTo("Not a web address (http or https): ftp://files.example/report");

            editor.attachPage(site.uri("/report").toString(), "the authority's own report");
            waitFor(() -> editor.fetchingProperty().get().isEmpty() && !session.rebuttals().evidence().of(id).isEmpty());
            settle();
            assertThat(editor.evidence()).singleElement().satisfies(kept -> {
                assertThat(kept.note()).isEqualTo("the authority's own report");
                assertThat(kept.snapshot().taken() || kept.snapshot().problem() != null).isTrue();
            });

            editor.attachPage(site.uri("/slow").toString(), "");
            assertThat(editor.fetchingProperty().get()).endsWith("/slow");
            editor.attachPage(site.uri("/report").toString(), "");
            assertThat(editor.problemProperty().get()).contains("still being fetched");
            editor.cancelFetch();
            waitFor(() -> editor.fetchingProperty().get().isEmpty());
            assertThat(editor.problemProperty().get()).isEqualTo("Cancelled: nothing was attached.");
            settle();
            assertThat(session.rebuttals().evidence().of(id)).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aTemplateFillsWhatIsEmptyAndAddsItsTextBelowWhatIsWritten() {
        RebuttalsViewModel model = window();
        model.workAs("Amal", Role.ANALYST);
        settle();
        model.start(cluster, "es", null);
        settle();
        RebuttalEditorViewModel editor = model.editor();
        assertThat(editor.templates()).isNotEmpty().allSatisfy(t -> assertThat(t.language()).isEqualTo("es"));
        var template = editor.templates().getFirst();
        editor.fullTextProperty().set("Mi nota.");
        editor.useTemplate(template);
        assertThat(editor.shortAnswerProperty().get()).isEqualTo(template.shortAnswer());
        assertThat(editor.fullTextProperty().get()).isEqualTo("Mi nota.\n\n" + template.fullText());
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void aReviewerCannotApproveWordsTheySavedThemselves() {
        RebuttalsViewModel model = window();
        model.workAs("Noor", Role.REVIEWER);
        settle();
        model.start(cluster, "en", null);
        settle();
        RebuttalEditorViewModel editor = model.editor();
        editor.verdictProperty().set("misleading");
        editor.shortAnswerProperty().set("Only one of the three figures is right.");
        editor.take(RebuttalEditorViewModel.Step.SUBMIT, null);
        settle();
        editor.take(RebuttalEditorViewModel.Step.APPROVE, null);
        settle();
        assertThat(editor.problemProperty().get()).contains("Noor's own");
        assertThat(stored(editor.rebuttalProperty().get().id()).status()).isEqualTo(RebuttalStatus.IN_REVIEW);
    }
}
