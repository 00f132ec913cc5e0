package org.claimdesk.index;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.claimdesk.store.StoredFactCheck;
import org.claimdesk.store.StoredRebuttal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an earlier answer becomes its document: an imported fact-check ({@link DocumentKind#FACT_CHECK})
 * or one of the team's rebuttals ({@link DocumentKind#REBUTTAL}). The claim it answers is kept apart
 * from the answer's own words, since a new claim is matched against claims first.
 */
final class AnswerDocuments {
    /** The address a rebuttal is known by until it is published somewhere: {@code claimdesk:rebuttal/ID}. */
    static final String REBUTTAL_ADDRESS = "claimdesk:rebuttal/";

    private AnswerDocuments() {
    }

    static IndexDocument of(StoredFactCheck factCheck) {
        return document(DocumentKind.FACT_CHECK, factCheck.id(), factCheck.url(), factCheck.language(),
                factCheck.claimReviewed(), factCheck.title(), factCheck.reviewText(), factCheck.datePublished(),
                factCheck.updatedAt());
    }

    static IndexDocument of(StoredRebuttal rebuttal) {
        return document(DocumentKind.REBUTTAL, rebuttal.id(), REBUTTAL_ADDRESS + rebuttal.id(), rebuttal.language(),
                rebuttal.text().claim(), rebuttal.text().shortAnswer(), rebuttal.text().fullText(),
                rebuttal.publishedAt() != null ? rebuttal.publishedAt() : rebuttal.createdAt(), rebuttal.updatedAt());
    }

    private static IndexDocument document(DocumentKind kind, long key, String url, String language, String claim,
                                          String title, String text, Instant date, Instant version) {
        String answer = join(title, text);
        TextLanguage group = TextLanguage.of(language);
        List<IndexableField> doc = new ArrayList<>();
        doc.add(new StringField(IndexFields.ANALYSIS, group.key(), Field.Store.YES));
        doc.add(new KeywordField(IndexFields.LANGUAGE, TextLanguage.primarySubtag(language), Field.Store.YES));
        doc.add(new StoredField(IndexFields.URL, url));
        doc.add(new StoredField(IndexFields.ANSWER_KIND, kind.value()));
        doc.add(new LongField(IndexFields.VERSION, version.toEpochMilli(), Field.Store.NO));
        if (date != null) {
            doc.add(new LongField(IndexFields.TIME, date.toEpochMilli(), Field.Store.YES));
        }
        doc.add(new TextField(IndexFields.claim(group), claim, Field.Store.YES));
        if (!answer.isBlank()) {
            doc.add(new TextField(IndexFields.answer(group), answer, Field.Store.NO));
        }
        // the headline often names what the claim only alludes to ("5G" for "the fifth generation")
        for (String claimKey : ClaimKeys.of(title == null ? claim : claim + "\n" + title)) {
            doc.add(new StringField(IndexFields.CLAIM_KEYS, claimKey, Field.Store.YES));
        }
        return new IndexDocument(kind, key, doc);
    }

    private static String join(String first, String second) {
        return (first == null ? "" : first) + (first != null && second != null ? "\n" : "") + (second == null ? "" : second);
    }
}
