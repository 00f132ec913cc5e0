package org.claimdesk.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;

import java.util.List;

/**
 * One document ready for {@link ItemIndex#upsert}: its kind, its key within the kind, and its
 * fields. Built in this package only (see {@link ItemDocuments}), where the fields are named.
 */
public final class IndexDocument {
    private final DocumentKind kind;
    private final long key;
    private final Document fields;

    /** The fields every kind has (kind, the upsert key, the key as text and number) come first. */
    IndexDocument(DocumentKind kind, long key, List<? extends IndexableField> fields) {
        this.kind = kind;
        this.key = key;
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, kind.value(), Field.Store.NO));
        doc.add(new StringField(IndexFields.UID, IndexFields.uid(kind, key), Field.Store.NO));
        doc.add(new StoredField(IndexFields.ID, Long.toString(key)));
        doc.add(new LongField(IndexFields.ID_NUMBER, key, Field.Store.NO));
        fields.forEach(doc::add);
        this.fields = doc;
    }

    public DocumentKind kind() {
        return kind;
    }

    public long key() {
        return key;
    }

    Document fields() {
        return fields;
    }
}
