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
 * or one of the team's rebuttals ({@link DocumentKind#REBUTTAL}). A new claim is matched against the
 * claims they answer; the answers' own text is not indexed, since searching it doubled the time per
 * claim and found nothing more (docs/benchmarks.md). The headline (a rebuttal's short answer) adds keys.
 */
final class AnswerDocuments {
    /** The address a rebuttal is known by until it is published somewhere: {@code claimdesk:rebuttal/ID}. */
    static final String REBUTTAL_ADDRESS = "claimdesk:rebuttal/";

    private AnswerDocuments() {
    }

    static IndexDocument of(StoredFactCheck factCheck) {
        return document(DocumentKind.FACT_CHECK, factCheck.id(), factCheck.url(), factCheck.language(),
                factCheck.claimReviewed(), factCheck.title(), factCheck.datePublished(),
                factCheck.updatedAt());
    }

    static IndexDocument of(StoredRebuttal rebuttal) {
        return document(DocumentKind.REBUTTAL, rebuttal.id(), REBUTTAL_ADDRESS + rebuttal.id(), rebuttal.language(),
                rebuttal.text().claim(), rebuttal.text().shortAnswer(),
                rebuttal.publishedAt() != null ? rebuttal.publishedAt() : rebuttal.createdAt(), rebuttal.updatedAt());
    }

    private static IndexDocument document(DocumentKind kind, long key, String url, String language, String claim,
                                          String title, Instant date, Instant version) {
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
        // the headline often names what the claim only alludes to ("5G" for "the fifth generation")
        for (String claimKey : ClaimKeys.of(title == null ? claim : claim + "\n" + title)) {
            doc.add(new StringField(IndexFields.CLAIM_KEYS, claimKey, Field.Store.YES));
        }
        return new IndexDocument(kind, key, doc);
    }
}
