package org.claimdesk.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.claimdesk.store.StoredItem;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that names the index fields and says how an item becomes a document. Changing a
 * field's name or type here means raising {@link #SCHEMA_VERSION}: an index with another version
 * is reported as needing a rebuild.
 */
public final class IndexFields {

    /** Written into every commit's user data; bump when documents change shape. */
    public static final String SCHEMA_VERSION = "1";

    /** The item id as a string term: the key for updateDocument / deleteDocuments. Stored. */
    public static final String ID = "id";
    /** The item id as a number: range ("stored after item N", for watch queries) and sort tiebreak. */
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

    private static final String TITLE_PREFIX = "title_";
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

    public static Term idTerm(long itemId) {
        return new Term(ID, Long.toString(itemId));
    }

    /** How tags and entity keys are compared: case-insensitively. */
    static String keyword(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The time an item sorts by: published, else fetched (as the item list does). */
    static Instant time(StoredItem item) {
        return item.publishedAt() != null ? item.publishedAt()
                : item.fetchedAt() != null ? item.fetchedAt() : Instant.EPOCH;
    }

    /**
     * The document for an item; tags and entities may be empty (entities arrive with analysis).
     * The text is analysed as the item's effective language: the detected one once analysis read
     * it reliably from the text, the declared one before that.
     */
    static Document document(StoredItem item, List<String> tags, List<String> entities) {
        String language = item.effectiveLanguage();
        TextLanguage group = TextLanguage.of(language);
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(item.id()), Field.Store.YES));
        doc.add(new LongField(ID_NUMBER, item.id(), Field.Store.NO));
        doc.add(new StringField(ANALYSIS, group.key(), Field.Store.YES));
        doc.add(new KeywordField(LANGUAGE, TextLanguage.primarySubtag(language), Field.Store.YES));
        for (String source : new LinkedHashSet<>(item.sourceIds())) {
            doc.add(new KeywordField(SOURCE, source, Field.Store.YES));
        }
        for (String tag : distinct(tags, true)) {
            doc.add(new KeywordField(TAG, tag, Field.Store.YES));
        }
        for (String entity : distinct(entities, false)) {
            doc.add(new KeywordField(ENTITY, entity, Field.Store.YES));
            doc.add(new StringField(ENTITY_KEY, keyword(entity), Field.Store.NO));
        }
        doc.add(new LongField(TIME, time(item).toEpochMilli(), Field.Store.YES));
        if (item.url() != null) {
            doc.add(new StoredField(URL, item.url().toString()));
        }
        if (item.title() != null && !item.title().isBlank()) {
            doc.add(new TextField(title(group), item.title().strip(), Field.Store.YES));
        }
        if (item.text() != null && !item.text().isBlank()) {
            doc.add(new TextField(body(group), item.text(), Field.Store.YES));
        }
        return doc;
    }

    private static Set<String> distinct(List<String> values, boolean lowerCase) {
        Set<String> set = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    set.add(lowerCase ? keyword(value) : value.strip());
                }
            }
        }
        return set;
    }
}
