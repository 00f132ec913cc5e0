package org.claimdesk.store;

import org.claimdesk.nlp.AnalysisEngine;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.TextAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.T0;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

/** Claim sentences on a real H2 database on disk. */
class ClaimStoreTest {
    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private AnalysisStore analyses;
    private ClaimStore claims;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        new SourceStore(database).sync(List.of(feed("a")));
        items = new ItemStore(database);
        analyses = new AnalysisStore(database);
        claims = new ClaimStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long store(int n) {
        items.save(item("a", "https://a.example.org/" + n, longText("topic " + n)));
        return items.lastId();
    }

    private void write(ItemWrite write) {
        database.inTransaction("test write", connection -> {
            write.writeTo(connection);
            return null;
        });
    }

    private static ClaimSentence sentence(long item, int ordinal, String text, double score, ClaimSentence.Reason... reasons) {
        return new ClaimSentence(item, ordinal, ordinal * 100, ordinal * 100 + text.length(), text, score, List.of(reasons));
    }

    @Test
    void theStageReadsTheDetectedLanguageWhenAnalysisCouldTellAndTheEntitiesItFound() {
        long detected = store(1);
        long undetected = store(2);
        long unanalysed = store(3);
        analyses.save(detected, new TextAnalysis(new DetectedLanguage("de", true, DetectedLanguage.Basis.TEXT),
                AnalysisPath.FAST, AnalysisEngine.CORENLP, List.of(), 10, List.of(),
                List.of(new NamedEntity("Olaf Scholz", EntityType.PERSON, 0, 11))), T0);
        analyses.save(undetected, new TextAnalysis(new DetectedLanguage("und", false, DetectedLanguage.Basis.HINT),
                AnalysisPath.FAST, AnalysisEngine.ICU, List.of(), 10, List.of(), List.of()), T0);

        var work = claims.toScore(List.of(unanalysed, 999L, undetected, detected));

        assertThat(work.keySet()).containsExactly(unanalysed, undetected, detected);
        assertThat(work.get(detected).language()).isEqualTo("de");
        assertThat(work.get(detected).entities()).extracting(StoredEntity::text).containsExactly("Olaf Scholz");
        assertThat(work.get(undetected).language()).as("the feed's declared language").isEqualTo("en");
        assertThat(work.get(unanalysed).text()).isEqualTo(longText("topic 3"));
        assertThat(work.get(unanalysed).title()).isEqualTo("Title of https://a.example.org/3");
        // entity cues only from CoreNLP's NER, the model the check-worthiness weights were fitted with
        assertThat(work.get(detected).entitiesByCoreNlp()).isTrue();
        assertThat(work.get(undetected).entitiesByCoreNlp()).isFalse();
        assertThat(work.get(unanalysed).entitiesByCoreNlp()).isFalse();
    }

    @Test
    void scoredSentencesReadBackInTextOrderWithTheirReasonsAndReplaceWhatWasThere() {
        long id = store(1);
        write(claims.scored(id, List.of(
                sentence(id, 0, "Unemployment fell to 4.1 % in May, the ministry said.", 0.91,
                        new ClaimSentence.Reason("number", 1.25), new ClaimSentence.Reason("reporting verb: said", 0.5)),
                sentence(id, 3, "Prices rose by 12 % according to the agency.", 0.64))));

        List<ClaimSentence> stored = claims.claimsOf(id);
        assertThat(stored).extracting(ClaimSentence::ordinal).containsExactly(0, 3);
        assertThat(stored.getFirst().reasons()).containsExactly(
                new ClaimSentence.Reason("number", 1.25), new ClaimSentence.Reason("reporting verb: said", 0.5));
        assertThat(stored.getFirst().score()).isEqualTo(0.91);
        assertThat(stored.get(1).start()).isEqualTo(300);

        write(claims.scored(id, List.of(sentence(id, 2, "The mayor said 300 homes were flooded.", 0.8))));
        assertThat(claims.claimsOf(id)).extracting(ClaimSentence::sentence)
                .containsExactly("The mayor said 300 homes were flooded.");
        write(claims.scored(id, List.of()));
        assertThat(claims.claimsOf(id)).isEmpty();
    }

    @Test
    void theBestSentenceOfEachItemIsTheHighestScore() {
        long first = store(1);
        long second = store(2);
        long none = store(3);
        write(claims.scored(first, List.of(sentence(first, 0, "Low.", 0.31), sentence(first, 1, "High.", 0.9))));
        write(claims.scored(second, List.of(sentence(second, 4, "Only.", 0.5))));

        var best = claims.bestOf(List.of(first, second, none));

        assertThat(best.keySet()).containsExactlyInAnyOrder(first, second);
        assertThat(best.get(first).sentence()).isEqualTo("High.");
        assertThat(best.get(second).sentence()).isEqualTo("Only.");
    }

    @Test
    void aSentenceOfAnotherItemOrAScoreOutsideZeroToOneIsRefused() {
        long id = store(1);
        assertThatThrownBy(() -> claims.scored(id, List.of(sentence(id + 1, 0, "Elsewhere.", 0.5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sentence(id, 0, "Too sure.", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingAnItemDeletesItsClaims() {
        long id = store(1);
        write(claims.scored(id, List.of(sentence(id, 0, "Gone soon.", 0.7))));
        database.inTransaction("delete", connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM item WHERE id = ?")) {
                statement.setLong(1, id);
                statement.executeUpdate();
            }
            return null;
        });
        assertThat(claims.claimsOf(id)).isEmpty();
    }
}
