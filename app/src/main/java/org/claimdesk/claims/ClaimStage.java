package org.claimdesk.claims;

import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.Stage;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClaimStore;
import org.claimdesk.store.ClaimWork;
import org.claimdesk.store.ItemWrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stage after language analysis: scores every sentence of an item for check-worthiness and
 * keeps the ones worth showing ({@code claim_sentence}), with what made each score. Clustering
 * and flagging read them; the window shows them.
 */
public final class ClaimStage implements Stage<ClaimWork> {
    /** Stored in the database: never rename. */
    public static final String NAME = "claims";
    /** A long article's tail of middling sentences is noise on the board. */
    public static final int MOST_PER_ITEM = 20;

    /**
     * Scores the sentences of one text: {@link ClaimScorer} in the application, a seam so that a
     * test can fail or hang one item with the real scorer doing the rest.
     */
    @FunctionalInterface
    public interface Scoring {
        /**
         * @param entities the text's named entities with offsets into it; empty where the language
         *                 has no CoreNLP entity model (the entity cues then stay off)
         */
        List<ScoredSentence> score(String text, String language, List<NamedEntity> entities);
    }

    /** The shipped model, fitted with CoreNLP's entities where a language has them (decision 0019). */
    public static Scoring bundled() {
        return BundledScorer.SCORER::scoreSentences;
    }

    /** Loaded once per application, at the first item scored. */
    private static final class BundledScorer {
        static final ClaimScorer SCORER = ClaimScorer.bundled();
    }

    private final Scoring scoring;
    private final ClaimStore claims;
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();

    public ClaimStage(Scoring scoring, ClaimStore claims) {
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after() {
        // on the article's text and with the entities analysis found, never on a feed's summary
        return Optional.of(AnalysisStage.NAME);
    }

    @Override
    public Map<Long, ClaimWork> load(List<Long> itemIds) {
        return claims.toScore(itemIds);
    }

    @Override
    public ItemWrite process(ClaimWork item) {
        String text = textOf(item);
        List<ScoredSentence> sentences = scoring.score(text, item.language(), entitiesIn(text, item));
        scored.incrementAndGet();
        List<ClaimSentence> keep = worthKeeping(item.id(), sentences);
        kept.addAndGet(keep.size());
        return claims.scored(item.id(), keep);
    }

    /** Items scored and sentences kept since this stage was created. */
    public long itemsScored() {
        return scored.get();
    }

    public long sentencesKept() {
        return kept.get();
    }

    /**
     * The sentences the model calls check-worthy (its threshold for the language, decision 0013),
     * at most {@link #MOST_PER_ITEM} of the best, in text order; and the best sentence whatever its score, so that every item has a line that
     * stands for it when it starts a cluster.
     */
    static List<ClaimSentence> worthKeeping(long itemId, List<ScoredSentence> sentences) {
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!sentences.get(i).text().isBlank()) {
                ranked.add(i);
            }
        }
        ranked.sort(Comparator.comparingDouble((Integer i) -> -sentences.get(i).score().score()).thenComparing(i -> i));
        List<Integer> chosen = new ArrayList<>();
        for (int rank = 0; rank < ranked.size() && chosen.size() < MOST_PER_ITEM; rank++) {
            int i = ranked.get(rank);
            if (rank == 0 || sentences.get(i).score().checkWorthy()) {
                chosen.add(i);
            }
        }
        chosen.sort(Comparator.naturalOrder());
        List<ClaimSentence> keep = new ArrayList<>();
        for (int i : chosen) {
            ScoredSentence sentence = sentences.get(i);
            keep.add(new ClaimSentence(itemId, i, sentence.start(), sentence.end(), sentence.text().strip(),
                    Math.clamp(sentence.score().score(), 0.0, 1.0), reasonsOf(sentence.score())));
        }
        return keep;
    }

    /** Cues of a name the sentence mentions: analysts look for whom a claim is about. */
    private static final Set<String> NAME_CUES = Set.of(Cue.PERSON.key(), Cue.ORGANIZATION.key(),
            Cue.LOCATION.key(), Cue.OTHER_NAME.key());
    static final int MOST_REASONS = 5;

    /**
     * The five strongest contributions, in words with what showed them ("numbers “42%”"); when a
     * name the sentence mentions is not among them, its cue takes the fifth place, so that the
     * window (which shows five) says whom the claim names and how little or much that counted.
     */
    static List<ClaimSentence.Reason> reasonsOf(ClaimScore score) {
        List<Contribution> chosen = new ArrayList<>(score.top(MOST_REASONS));
        if (chosen.size() == MOST_REASONS && chosen.stream().noneMatch(c -> NAME_CUES.contains(c.feature()))) {
            score.contributions().stream().filter(c -> NAME_CUES.contains(c.feature())).findFirst()
                    .ifPresent(name -> chosen.set(MOST_REASONS - 1, name));
        }
        List<ClaimSentence.Reason> reasons = new ArrayList<>();
        for (Contribution contribution : chosen) {
            boolean shown = contribution.evidence().isBlank()
                    || contribution.label().contains("\u201c" + contribution.evidence() + "\u201d");
            String cue = shown ? contribution.label() : contribution.label() + " \u201c" + contribution.evidence() + "\u201d";
            cue = cue.replaceAll("[\\t\\r\\n]+", " ").strip();
            if (!cue.isEmpty()) {
                reasons.add(new ClaimSentence.Reason(cue, contribution.weight()));
            }
        }
        return reasons;
    }

    /**
     * Where the item's entities occur in its text. Only CoreNLP's: the model's entity cues were
     * fitted on what its NER models find, and Kuromoji's proper nouns or a guess from capitals are
     * something else; those languages score with the cues that need no entities, as before.
     */
    static List<NamedEntity> entitiesIn(String text, ClaimWork item) {
        return item.entitiesByCoreNlp() ? EntityMentions.in(text, item.entities()) : List.of();
    }

    /** Title and body as one text, as analysis read them (entity offsets refer to it). */
    static String textOf(ClaimWork item) {
        return AnalysisStage.titleAndBody(item.title(), item.text());
    }
}
