package org.claimdesk.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.List;
import java.util.Locale;

/**
 * The one place that names the index fields, for every {@link DocumentKind}. Changing a field's
 * name or type here, or what a kind's documents hold ({@link ItemDocuments}), means raising
 * {@link #SCHEMA_VERSION}: an index with another version is reported as needing a rebuild.
 */
public final class IndexFields {

    /**
     * Written into every commit's user data; bump when documents change shape. 2: documents have
     * a kind and are keyed by kind and key (decision 0008).
     */
    public static final String SCHEMA_VERSION = "2";

    /** The document's {@link DocumentKind#value() kind}: every search filters to one. Every kind. */
    public static final String KIND = "kind";
    /** Kind and key in one term ("item:42"): the key for updateDocument / deleteDocuments. Every kind. */
    public static final String UID = "uid";
    /** The key within the kind (an item's id) as text. Stored only. Every kind. */
    public static final String ID = "id";
    /**
     * The key within the kind as a number: the keys a kind holds ({@link ItemIndex#keys}); for
     * items, range ("stored after item N", for watch queries) and sort tiebreak. Every kind.
     */
    public static final String ID_NUMBER = "id_number";
    /** The analysis group of the text ({@link TextLanguage#key()}): restricts each group's query part. Stored. */
    public static final String ANALYSIS = "analysis";
    /** Primary language subtag ("ar", "en", "und"): filter and facet. Stored. */
    public static final String LANGUAGE = "lang";
    /** Every source the item came from: filter and facet. Stored. */
    public static final String SOURCE = "source";
    /** Tags of the item's sources, lower case: filter and facet. Stored. */
    public static final String TAG = "tag";
    /** Named entities as analysis wrote them: filter (exact) and facet. Stored. */
    public static final String ENTITY = "entity";
    /** Entities in lower case, for {@code entity:} in the query box. */
    public static final String ENTITY_KEY = "entity_key";
    /** Published time, else fetched time, in epoch milliseconds: sort, range. Stored. */
    public static final String TIME = "time";
    /** The item's address, shown with a hit. Stored only. */
    public static final String URL = "url";

    /**
     * An earlier answer's version (when its row last changed, epoch ms): {@link AnswerFeeder}
     * rewrites a document whose version differs from the database's. Fact-checks and rebuttals.
     */
    public static final String VERSION = "version";
    /**
     * Language-neutral keys of an earlier answer's claim ({@link ClaimKeys}): numbers, names in
     * Latin letters, codes such as 5g; what a claim in one language shares with an answer in another.
     * Fact-checks and rebuttals.
     */
    public static final String CLAIM_KEYS = "claim_keys";
    /** An earlier answer's kind, stored (the {@link #KIND} term is not), to tell a hit's kind. */
    public static final String ANSWER_KIND = "answer_kind";

    private static final String TITLE_PREFIX = "title_";
    private static final String CLAIM_PREFIX = "claim_";
    private static final String BODY_PREFIX = "body_";

    /** The keyword fields a query can name, by the name a user types. */
    static final List<String> QUERY_KEYWORD_FIELDS = List.of("source", "lang", "tag", "entity");

    private IndexFields() {
    }

    /** The analysed, stored title field of a group, e.g. {@code title_ar}. */
    public static String title(TextLanguage language) {
        return TITLE_PREFIX + language.key();
    }

    /** The analysed, stored text field of a group, e.g. {@code body_ar}. */
    public static String body(TextLanguage language) {
        return BODY_PREFIX + language.key();
    }

    /** The claim an earlier answer answers, analysed in its group, e.g. {@code claim_es}. Stored. */
    public static String claim(TextLanguage language) {
        return CLAIM_PREFIX + language.key();
    }

    /** The group whose analyzer reads this field, or null for keyword and numeric fields. */
    static TextLanguage languageOfField(String field) {
        if (field.startsWith(TITLE_PREFIX)) {
            return TextLanguage.ofKey(field.substring(TITLE_PREFIX.length()));
        }
        if (field.startsWith(BODY_PREFIX)) {
            return TextLanguage.ofKey(field.substring(BODY_PREFIX.length()));
        }
        return null;
    }

    static boolean isTitleField(String field) {
        return field.startsWith(TITLE_PREFIX);
    }

    static String uid(DocumentKind kind, long key) {
        return kind.value() + ":" + key;
    }

    /** The term that names one document, whatever its kind, for upsert and delete. */
    static Term uidTerm(DocumentKind kind, long key) {
        return new Term(UID, uid(kind, key));
    }

    /** Matches the documents of one kind: a filter under every search of that kind. */
    static Query ofKind(DocumentKind kind) {
        return new TermQuery(new Term(KIND, kind.value()));
    }

    /** How tags and entity keys are compared: case-insensitively. */
    static String keyword(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
