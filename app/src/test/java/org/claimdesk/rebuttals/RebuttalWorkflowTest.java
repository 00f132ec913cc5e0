package org.claimdesk.rebuttals;

import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.AnalystStore;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StaleRevisionException;
import org.claimdesk.store.StoredRebuttal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing, reviewing and publishing a rebuttal on a real H2 database on disk, as three people would. */
class RebuttalWorkflowTest {
    static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);
    static final AnalystIdentity NOOR = new AnalystIdentity("Noor", Role.REVIEWER);
    static final AnalystIdentity SAMI = new AnalystIdentity("Sami", Role.EDITOR);

    @TempDir
    Path dir;

    private Database database;
    private RebuttalStore store;
    private ClusterStore clusters;
    private RebuttalWorkflow workflow;
    private long cluster;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        reopenWorkflow();
        cluster = clusters.newCluster(T0);
    }

    private void reopenWorkflow() {
        store = new RebuttalStore(database);
        clusters = new ClusterStore(database);
        workflow = new RebuttalWorkflow(store, clusters, RatingScale.DEFAULT, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static RebuttalText text(String verdict, String shortAnswer, String full) {
        return new RebuttalText("The dam at Millbrook burst overnight", verdict, shortAnswer, full);
    }

    @Test
    void aRebuttalIsWrittenReviewedPublishedCorrectedAndWithdrawnWithEveryStepRecorded() {
        StoredRebuttal draft = workflow.start(cluster, "en", T0.plusSeconds(3600), AMAL);
        assertThat(draft.status()).isEqualTo(RebuttalStatus.DRAFT);
        assertThat(draft.author()).isEqualTo("Amal");

        StoredRebuttal v2 = workflow.save(draft.id(), 1, text(null, "", "Engineers inspected it."), null, AMAL);
        assertThatThrownBy(() -> workflow.submit(draft.id(), 2, AMAL)).hasMessageContaining("verdict");
        StoredRebuttal v3 = workflow.save(draft.id(), 2, text("false", "The dam holds: engineers inspected it at 6am.",
                "Engineers inspected it."), null, AMAL);
        StoredRebuttal inReview = workflow.submit(draft.id(), v3.revision(), AMAL);
        assertThat(inReview.status()).isEqualTo(RebuttalStatus.IN_REVIEW);

        assertThatThrownBy(() -> workflow.approve(draft.id(), 3, AMAL, null)).hasMessageContaining("needs a reviewer");
        assertThatThrownBy(() -> workflow.publish(draft.id(), 3, NOOR)).hasMessageContaining("an editor publishes");
        StoredRebuttal approved = workflow.approve(draft.id(), 3, NOOR, "sources check out");
        assertThat(approved.status()).isEqualTo(RebuttalStatus.APPROVED);
        assertThat(approved.reviewer()).isEqualTo("Noor");

        // editing approved words sends them back to review
        StoredRebuttal edited = workflow.save(draft.id(), 3, text("false", "The dam holds: engineers inspected it at 6 am.",
                "Engineers inspected it."), null, AMAL);
        assertThat(edited.status()).isEqualTo(RebuttalStatus.IN_REVIEW);
        assertThat(edited.revision()).isEqualTo(4);
        workflow.approve(draft.id(), 4, NOOR, null);
        StoredRebuttal published = workflow.publish(draft.id(), 4, SAMI);
        assertThat(published.status()).isEqualTo(RebuttalStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(T0);

        // a correction after publication: reviewed again, then out as updated
        workflow.save(draft.id(), 4, text("false", "The dam holds: engineers inspected it at 06:00.", "Engineers inspected it."),
                null, AMAL);
        workflow.approve(draft.id(), 5, NOOR, null);
        assertThat(workflow.publish(draft.id(), 5, SAMI).status()).isEqualTo(RebuttalStatus.UPDATED);

        assertThatThrownBy(() -> workflow.withdraw(draft.id(), 5, SAMI, " ")).hasMessageContaining("needs a reason");
        assertThat(workflow.withdraw(draft.id(), 5, SAMI, "The dam did fail after all").status()).isEqualTo(RebuttalStatus.WITHDRAWN);
        assertThatThrownBy(() -> workflow.save(draft.id(), 5, text("false", "x", "y"), null, AMAL)).hasMessageContaining("withdrawn");

        assertThat(store.history(draft.id())).extracting(RebuttalStatusChange::to, RebuttalStatusChange::changedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.DRAFT, "Amal"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.IN_REVIEW, "Amal"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.APPROVED, "Noor"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.IN_REVIEW, "Amal"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.APPROVED, "Noor"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.PUBLISHED, "Sami"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.IN_REVIEW, "Amal"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.APPROVED, "Noor"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.UPDATED, "Sami"),
                org.assertj.core.groups.Tuple.tuple(RebuttalStatus.WITHDRAWN, "Sami"));
        assertThat(store.history(draft.id()).get(3).note()).isEqualTo("edited after it was approved");
        assertThat(store.versions(draft.id())).extracting(RebuttalVersion::revision).containsExactly(1, 2, 3, 4, 5);
        assertThat(store.versions(draft.id()).get(2).text().shortAnswer()).isEqualTo("The dam holds: engineers inspected it at 6am.");
    }

    @Test
    void aReviewerDoesNotApproveTheirOwnWordsNorAVersionTheyDidNotRead() {
        StoredRebuttal draft = workflow.start(cluster, "en", null, NOOR);
        workflow.save(draft.id(), 1, text("misleading", "Old photo, 2019 floods.", ""), null, NOOR);
        workflow.submit(draft.id(), 2, NOOR);
        assertThatThrownBy(() -> workflow.approve(draft.id(), 2, NOOR, null)).hasMessageContaining("another reviewer");

        AnalystIdentity other = new AnalystIdentity("Rana", Role.REVIEWER);
        workflow.save(draft.id(), 2, text("misleading", "Old photo from the 2019 floods.", ""), null, NOOR);
        assertThatThrownBy(() -> workflow.approve(draft.id(), 2, other, null))
                .isInstanceOf(StaleRevisionException.class).hasMessageContaining("by Noor");
        assertThat(workflow.approve(draft.id(), 3, other, null).status()).isEqualTo(RebuttalStatus.APPROVED);
    }

    @Test
    void twoWindowsEditingTheSameVersionCannotOverwriteEachOther() {
        StoredRebuttal draft = workflow.start(cluster, "en", null, AMAL);
        workflow.autosave(draft.id(), "window-1", 1, text(null, "typing in one", ""), AMAL);
        workflow.autosave(draft.id(), "window-2", 1, text(null, "typing in two", ""), NOOR);
        workflow.autosave(draft.id(), "window-1", 1, text(null, "typing in one, more", ""), AMAL);
        assertThat(store.drafts(draft.id())).extracting(d -> d.text().shortAnswer())
                .containsExactlyInAnyOrder("typing in one, more", "typing in two");

        workflow.save(draft.id(), 1, text(null, "typing in one, more", ""), "window-1", AMAL);
        assertThatThrownBy(() -> workflow.save(draft.id(), 1, text(null, "typing in two", ""), "window-2", NOOR))
                .isInstanceOf(StaleRevisionException.class)
                .hasMessageContaining("changed by Amal").hasMessageContaining("reload");
        assertThat(store.find(draft.id()).orElseThrow().text().shortAnswer()).isEqualTo("typing in one, more");
        // the refused window's typing is still there to copy from; the saved one's is gone
        assertThat(store.drafts(draft.id())).singleElement().satisfies(d -> assertThat(d.editorId()).isEqualTo("window-2"));

        // saving what is already there makes no version
        workflow.save(draft.id(), 2, text(null, "typing in one, more", ""), null, AMAL);
        assertThat(store.versions(draft.id())).hasSize(2);
    }

    @Test
    void autosavedTypingOutlivesTheDatabaseBeingClosedWithoutASave() {
        StoredRebuttal draft = workflow.start(cluster, "ar", null, AMAL);
        workflow.autosave(draft.id(), "window-1", 1, text(null, "السد سليم", ""), AMAL);
        database.close();

        database = Database.open(dir);
        reopenWorkflow();
        assertThat(store.drafts(draft.id())).singleElement().satisfies(d -> {
            assertThat(d.text().shortAnswer()).isEqualTo("السد سليم");
            assertThat(d.baseRevision()).isEqualTo(1);
            assertThat(d.savedBy()).isEqualTo("Amal");
        });
    }

    @Test
    void translationsAreLinkedAndEachHasItsOwnReview() {
        StoredRebuttal english = workflow.start(cluster, "en", null, AMAL);
        workflow.save(english.id(), 1, text("false", "The dam holds.", ""), null, AMAL);
        StoredRebuttal arabic = workflow.translate(english.id(), "ar", AMAL);
        assertThat(arabic.translationOf()).isEqualTo(english.id());
        assertThat(arabic.text().verdict()).isEqualTo("false");
        assertThat(arabic.status()).isEqualTo(RebuttalStatus.DRAFT);
        assertThatThrownBy(() -> workflow.translate(arabic.id(), "ar", AMAL)).hasMessageContaining("version in ar");

        workflow.submit(english.id(), 2, AMAL);
        assertThat(store.translations(arabic.id())).extracting(StoredRebuttal::language, StoredRebuttal::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("en", RebuttalStatus.IN_REVIEW),
                org.assertj.core.groups.Tuple.tuple("ar", RebuttalStatus.DRAFT));
    }

    @Test
    void aClustersRebuttalsFollowItWhenItIsMergedAndTheQueueOrdersByDeadline() {
        long other = clusters.newCluster(T0);
        StoredRebuttal late = workflow.start(other, "en", T0.plusSeconds(7200), AMAL);
        StoredRebuttal soon = workflow.start(cluster, "en", T0.plusSeconds(600), AMAL);
        StoredRebuttal none = workflow.start(cluster, "de", null, AMAL);
        clusters.merge(other, cluster, "Noor", T0);

        assertThat(store.ofCluster(cluster)).extracting(StoredRebuttal::id).containsExactlyInAnyOrder(late.id(), soon.id(), none.id());
        assertThat(store.list(Set.of(RebuttalStatus.DRAFT), 10)).extracting(StoredRebuttal::id)
                .containsExactly(soon.id(), late.id(), none.id());
        assertThat(soon.overdue(T0.plusSeconds(601))).isTrue();
        assertThat(soon.overdue(T0)).isFalse();
    }

    @Test
    void identitiesAreKeptWithTheirRole() {
        AnalystStore identities = new AnalystStore(database);
        identities.save(AMAL, T0);
        identities.save(new AnalystIdentity("Amal", Role.REVIEWER), T0);
        identities.save(SAMI, T0);
        assertThat(identities.identities()).containsExactly(new AnalystIdentity("Amal", Role.REVIEWER), SAMI);
        assertThatThrownBy(() -> new AnalystIdentity(" ", Role.ANALYST)).isInstanceOf(IllegalArgumentException.class);
    }
}
