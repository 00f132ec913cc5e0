package org.claimdesk.workspace;

import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.rebuttals.AfterPublication;
import org.claimdesk.rebuttals.PublicationSpread;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterPlacement;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.RebuttalTemplate;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After a rebuttal is out, on a real workspace on disk: the claim's items before and after it, the
 * sources that kept spreading it, its pace, and items that link to or quote the answer; and the
 * templates analysts start from, across a restart.
 */
class RebuttalsAfterPublicationTest {
    static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    /** When the answer goes out. */
    static final Instant PUBLISHED = T0.plus(Duration.ofHours(10));
    static final URI ANSWER_URL = URI.create("https://desk.example.org/answers/millbrook-dam-holds/");
    static final String CLAIM = "The dam at Millbrook burst overnight";
    static final String SHORT_ANSWER = "False: the dam at Millbrook did not burst. Engineers inspected every gate at 6 am and found no damage.";
    static final AnalystIdentity AMAL = new AnalystIdentity("Amal", Role.ANALYST);
    static final AnalystIdentity NOOR = new AnalystIdentity("Noor", Role.REVIEWER);
    static final AnalystIdentity SAMI = new AnalystIdentity("Sami", Role.EDITOR);

    @TempDir
    Path tmp;

    private final StreamClock clock = new StreamClock(T0);

    private WorkspaceSession open() {
        return WorkspaceSession.openScratch(new Workspace(tmp.resolve("desk")), new SessionSettings(clock, new TextAnalyzer()));
    }

    @Test
    void afterTheAnswerIsOutTheClaimsNewItemsSourcesPaceLinksAndQuotesAreShown() {
        long rebuttalId;
        long cluster;
        try (WorkspaceSession session = open()) {
            session.sourceStore().sync(List.of(source("rumour", "Daily Rumour"), source("wire", "Wire"),
                    source("chain", "Chain Blog"), source("roundup", "Fact Roundup")));
            cluster = session.clusterStore().newCluster(T0);
            // six items in the six hours before the answer: 1 an hour
            for (int hour : new int[]{5, 6, 7, 8}) {
                place(session, cluster, item(session, "rumour", "Millbrook dam burst " + hour, "Water everywhere, they say.", hour * 60));
            }
            place(session, cluster, item(session, "wire", "Reports of Millbrook dam failure", "Unconfirmed reports.", 8 * 60 + 30));
            place(session, cluster, item(session, "wire", "Millbrook dam: officials silent", "No word yet.", 9 * 60));
            // the answer goes out at 10:00
            clock.moveTo(PUBLISHED);
            StoredRebuttal rebuttal = publish(session, cluster);
            rebuttalId = rebuttal.id();
            assertThat(rebuttal.publishedUrl()).isEqualTo(ANSWER_URL);
            // after it: two more in the cluster, from a source that went on and a new one
            place(session, cluster, item(session, "rumour", "Millbrook: they are hiding the dam collapse", "Don't believe them.", 13 * 60));
            place(session, cluster, item(session, "chain", "SHARE: Millbrook dam burst", "Forward to everyone.", 12 * 60));
            // elsewhere: a round-up linking to the answer as posts write links, one quoting it, one near miss,
            // and the answer itself stored as an item (neither a link to it nor a quote of it)
            long linking = item(session, "roundup", "This week's checks",
                    "Millbrook: see www.desk.example.org/answers/millbrook-dam-holds?utm_source=tw. Also: bridge tolls.", 14 * 60);
            long quoting = item(session, "roundup", "Millbrook update",
                    "The council said engineers inspected every gate at 6 am and found no damage, residents can return.", 15 * 60);
            item(session, "roundup", "Millbrook", "Engineers inspected every gate at 6 am yesterday, the council said.", 15 * 60 + 30);
            item(session, "roundup", "The dam at Millbrook holds", SHORT_ANSWER + " https://desk.example.org/answers/millbrook-dam-holds/",
                    10 * 60, ANSWER_URL);
            clock.moveTo(T0.plus(Duration.ofHours(17)));

            AfterPublication after = session.rebuttals().afterPublication(rebuttalId).orElseThrow();
            assertThat(after.publishedAt()).isEqualTo(PUBLISHED);
            assertThat(after.spread().itemsBefore()).isEqualTo(6);
            assertThat(after.spread().itemsAfter()).isEqualTo(2);
            assertThat(after.spread().stillSpreading()).extracting(PublicationSpread.SourceCount::name)
                    .containsExactlyInAnyOrder("Daily Rumour", "Chain Blog");
            PublicationSpread.SourceCount rumour = after.spread().sources().stream()
                    .filter(s -> s.name().equals("Daily Rumour")).findFirst().orElseThrow();
            assertThat(rumour.before()).isEqualTo(4);
            assertThat(rumour.after()).isEqualTo(1);
            assertThat(rumour.keptSpreading()).isTrue();
            assertThat(after.spread().sources()).filteredOn(s -> s.name().equals("Wire")).singleElement()
                    .satisfies(wire -> assertThat(wire.stillSpreading()).isFalse());

            assertThat(after.pace().trend()).isEqualTo(AfterPublication.Trend.SLOWED);
            assertThat(after.pace().inWords())
                    .isEqualTo("slowed down: 1.0 items/h in the 6 h before publication, 0.3 items/h in the 6 h after");

            assertThat(after.links()).singleElement().satisfies(link -> {
                assertThat(link.itemId()).isEqualTo(linking);
                assertThat(link.inCluster()).isFalse();
                assertThat(link.evidence()).isEqualTo("www.desk.example.org/answers/millbrook-dam-holds?utm_source=tw");
            });
            assertThat(after.quotes()).singleElement().satisfies(quote -> {
                assertThat(quote.itemId()).isEqualTo(quoting);
                assertThat(quote.source()).isEqualTo("Fact Roundup");
                assertThat(quote.evidence()).isEqualTo("engineers inspected every gate at 6 am and found no damage");
            });

            // the cluster view marks the answer on the timeline and counts what came after it
            ClusterDetail detail = session.claims().detail(cluster).orElseThrow();
            assertThat(detail.answersPublished()).containsExactly(PUBLISHED);
            assertThat(detail.sinceAnswer().itemsAfter()).isEqualTo(2);
        }
        try (WorkspaceSession session = open()) {
            // the address can be said later too, by an editor only, and it outlives a restart
            assertThat(session.rebuttals().find(rebuttalId).orElseThrow().publishedUrl()).isEqualTo(ANSWER_URL);
            assertThatThrownBy(() -> session.rebuttals().setPublishedUrl(rebuttalId, URI.create("https://x.example/a"), AMAL))
                    .hasMessageContaining("not an editor");
            URI moved = URI.create("https://desk.example.org/a/1");
            assertThat(session.rebuttals().setPublishedUrl(rebuttalId, moved, SAMI).publishedUrl()).isEqualTo(moved);
            assertThat(session.rebuttals().afterPublication(rebuttalId).orElseThrow().links()).isEmpty();
        }
    }

    @Test
    void anUnpublishedRebuttalHasNothingAfterPublicationAndAnAddressNeedsTheWeb() {
        try (WorkspaceSession session = open()) {
            long cluster = session.clusterStore().newCluster(T0);
            StoredRebuttal draft = session.rebuttals().workflow().start(cluster, "en", null, AMAL);
            assertThat(session.rebuttals().afterPublication(draft.id())).isEmpty();
            assertThat(session.claims().detail(cluster).orElseThrow().answersPublished()).isEmpty();
            assertThatThrownBy(() -> session.rebuttals().setPublishedUrl(draft.id(), ANSWER_URL, SAMI))
                    .hasMessageContaining("never published");
            assertThatThrownBy(() -> session.rebuttals().workflow().publish(draft.id(), 1, SAMI, URI.create("ftp://x.example/a")))
                    .hasMessageContaining("not a web address");
        }
    }

    @Test
    void templatesAreSeededEditableAddableAndRestorableAndOutliveARestart() {
        long own;
        long editedId;
        try (WorkspaceSession session = open()) {
            Rebuttals rebuttals = session.rebuttals();
            List<RebuttalTemplate> all = rebuttals.templates();
            assertThat(all).allSatisfy(t -> assertThat(t.builtIn()).isTrue());
            for (String shape : List.of("fabricated-quote", "out-of-context-image", "manipulated-statistic",
                    "misleading-headline", "impostor", "old-story-recirculated")) {
                assertThat(all).filteredOn(t -> t.builtInKey().equals(shape)).extracting(RebuttalTemplate::language)
                        .as(shape).containsExactlyInAnyOrder("en", "ar", "es", "fr");
            }
            RebuttalTemplate arabic = rebuttals.templates("ar").stream()
                    .filter(t -> t.builtInKey().equals("fabricated-quote")).findFirst().orElseThrow();
            assertThat(arabic.name()).isEqualTo("اقتباس مختلق");
            assertThat(arabic.shortAnswer()).startsWith("غير صحيح");
            assertThat(arabic.fullText()).contains("## المصادر");

            RebuttalTemplate english = rebuttals.templates("en").getFirst();
            RebuttalTemplate edited = rebuttals.saveTemplate(english.withText(english.name(), english.claim(),
                    "False: [Person] never said it. Our own wording.", english.fullText()));
            editedId = edited.id();
            assertThat(edited.edited()).isTrue();
            own = rebuttals.saveTemplate(RebuttalTemplate.of("Deepfake audio", "en", "[Person] is heard saying [words].",
                    "False: this audio is synthetic.", "## What we found\n[analysis of the audio]")).id();
            RebuttalTemplate spanishImpostor = rebuttals.templates("es").stream()
                    .filter(t -> t.builtInKey().equals("impostor")).findFirst().orElseThrow();
            rebuttals.deleteTemplate(spanishImpostor.id());
            assertThatThrownBy(() -> rebuttals.saveTemplate(RebuttalTemplate.of(" ", "en", "", "", "")))
                    .hasMessageContaining("needs a name");
        }
        try (WorkspaceSession session = open()) {
            Rebuttals rebuttals = session.rebuttals();
            List<RebuttalTemplate> all = rebuttals.templates();
            assertThat(all).filteredOn(t -> t.id() == editedId).singleElement()
                    .satisfies(t -> assertThat(t.shortAnswer()).isEqualTo("False: [Person] never said it. Our own wording."));
            assertThat(all).filteredOn(t -> t.id() == own).singleElement()
                    .satisfies(t -> assertThat(t.builtIn()).isFalse());
            assertThat(all.getLast().name()).isEqualTo("Deepfake audio"); // the team's own after the built-in ones
            assertThat(all).noneMatch(t -> "impostor".equals(t.builtInKey()) && t.language().equals("es"));

            RebuttalTemplate restored = rebuttals.restoreTemplate("fabricated-quote", "en");
            assertThat(restored.edited()).isFalse();
            assertThat(restored.shortAnswer()).startsWith("False: [Person] never said this.");
            rebuttals.restoreBuiltInTemplates();
            assertThat(rebuttals.templates()).anyMatch(t -> "impostor".equals(t.builtInKey()) && t.language().equals("es"));
            rebuttals.deleteTemplate(own);
            assertThat(rebuttals.templates()).noneMatch(t -> t.id() == own);
        }
    }

    private StoredRebuttal publish(WorkspaceSession session, long cluster) {
        var workflow = session.rebuttals().workflow();
        StoredRebuttal draft = workflow.start(cluster, "en", null, AMAL);
        StoredRebuttal saved = workflow.save(draft.id(), 1, new RebuttalText(CLAIM, "false", SHORT_ANSWER,
                "Engineers inspected it."), null, AMAL);
        workflow.submit(saved.id(), saved.revision(), AMAL);
        workflow.approve(saved.id(), saved.revision(), NOOR, null);
        return workflow.publish(saved.id(), saved.revision(), SAMI, ANSWER_URL);
    }

    private static Source source(String id, String name) {
        return new Source(id, name, URI.create("https://" + id + ".example.org/feed"), SourceKind.FEED, "en", List.of(),
                Duration.ofMinutes(30), true, PageSelectors.NONE, false);
    }

    private static long item(WorkspaceSession session, String source, String title, String text, int minutes) {
        return item(session, source, title, text, minutes,
                URI.create("https://" + source + ".example.org/" + Math.abs((title + text).hashCode())));
    }

    private static long item(WorkspaceSession session, String source, String title, String text, int minutes, URI url) {
        Instant at = T0.plus(Duration.ofMinutes(minutes));
        session.itemStore().save(new NewItem(source, url, url, null, title, null, text, "en", at, at, null));
        return session.itemStore().lastId();
    }

    private static void place(WorkspaceSession session, long cluster, long item) {
        session.clusterStore().place(new ClusterPlacement(item, cluster, 1, List.of(), T0));
    }
}
