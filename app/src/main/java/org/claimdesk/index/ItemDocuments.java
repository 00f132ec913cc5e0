package org.claimdesk.index;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.store.StoredEntity;
import org.claimdesk.store.StoredItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How a stored item becomes its {@link DocumentKind#ITEM} document. */
final class ItemDocuments {

    /**
     * Entity types worth a filter and a facet: who, which organisation, where. Dates and amounts are
     * not names; CoreNLP's MISC is mostly nationalities and language names ("Arabic", "German"),
     * which swamp the facet without telling an analyst anything; all stay in H2.
     */
    private static final Set<EntityType> NAME_TYPES =
            EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);

    /** Marks an analyst's note among the body's values, so a snippet from it reads as one. */
    static final String NOTE_MARK = "✎ ";

    private ItemDocuments() {
    }

    /** The item's document as the database holds it now: with its sources' tags and the names analysis found. */
    static IndexDocument of(StoredItem item, Map<String, List<String>> tagsBySource) {
        return of(item, tagsOf(item, tagsBySource), entitiesOf(item));
    }

    /**
     * The document for an item; tags and entities may be empty (entities arrive with analysis).
     * The text is analysed as the item's effective language: the detected one once analysis read
     * it reliably from the text, the declared one before that.
     */
    static IndexDocument of(StoredItem item, List<String> tags, List<String> entities) {
        String language = item.effectiveLanguage();
        TextLanguage group = TextLanguage.of(language);
        List<IndexableField> doc = new ArrayList<>();
        doc.add(new StringField(IndexFields.ANALYSIS, group.key(), Field.Store.YES));
        doc.add(new KeywordField(IndexFields.LANGUAGE, TextLanguage.primarySubtag(language), Field.Store.YES));
        for (String source : new LinkedHashSet<>(item.sourceIds())) {
            doc.add(new KeywordField(IndexFields.SOURCE, source, Field.Store.YES));
        }
        for (String tag : distinct(tags, true)) {
            doc.add(new KeywordField(IndexFields.TAG, tag, Field.Store.YES));
        }
        for (String entity : distinct(entities, false)) {
            doc.add(new KeywordField(IndexFields.ENTITY, entity, Field.Store.YES));
            doc.add(new StringField(IndexFields.ENTITY_KEY, IndexFields.keyword(entity), Field.Store.NO));
        }
        doc.add(new LongField(IndexFields.TIME, time(item).toEpochMilli(), Field.Store.YES));
        if (item.url() != null) {
            doc.add(new StoredField(IndexFields.URL, item.url().toString()));
        }
        if (item.title() != null && !item.title().isBlank()) {
            doc.add(new TextField(IndexFields.title(group), item.title().strip(), Field.Store.YES));
        }
        if (item.text() != null && !item.text().isBlank()) {
            doc.add(new TextField(IndexFields.body(group), item.text(), Field.Store.YES));
        }
        for (String note : item.notes()) {
            // with the body, so that plain words find it and the snippet shows the note that matched
            doc.add(new TextField(IndexFields.body(group), NOTE_MARK + note, Field.Store.YES));
        }
        return new IndexDocument(DocumentKind.ITEM, item.id(), doc);
    }

    /** The time an item sorts by: published, else fetched (as the item list does). */
    static Instant time(StoredItem item) {
        return item.publishedAt() != null ? item.publishedAt()
                : item.fetchedAt() != null ? item.fetchedAt() : Instant.EPOCH;
    }

    /** The names analysis found in an item (persons, organisations, places), for its document. */
    static List<String> entitiesOf(StoredItem item) {
        List<String> names = new ArrayList<>();
        for (StoredEntity entity : item.entities()) {
            if (NAME_TYPES.contains(entity.type())) {
                names.add(entity.text());
            }
        }
        return names;
    }

    /** An item carries the tags of every source it came from. */
    static List<String> tagsOf(StoredItem item, Map<String, List<String>> tagsBySource) {
        Set<String> tags = new LinkedHashSet<>();
        for (String source : item.sourceIds()) {
            tags.addAll(tagsBySource.getOrDefault(source, List.of()));
        }
        return List.copyOf(tags);
    }

    private static Set<String> distinct(List<String> values, boolean lowerCase) {
        Set<String> set = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    set.add(lowerCase ? IndexFields.keyword(value) : value.strip());
                }
            }
        }
        return set;
    }
}
