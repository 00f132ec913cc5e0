package org.claimdesk.store;

import org.claimdesk.nlp.DetectedLanguage;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An item as stored, with every source it arrived from (first source first) and what analysis
 * found in it so far.
 *
 * @param language         the language the feed or page declared (may be null)
 * @param detectedLanguage the language analysis detected, or null while the item is not analysed
 * @param languageReliable true when the detected language was read from the text itself
 * @param entities         named entities analysis found, in text order; empty until analysed
 * @param articleProblem   why the text is the feed's summary and not the article (a paywall, an
 *                         error page, a failed fetch: decision 0011), or null
 * @param notes            the analysts' notes on the item, oldest first (searchable with its text)
 */
public record StoredItem(long id, URI url, URI canonicalUrl, String title, String byline, String text,
                         String language, Instant publishedAt, Instant fetchedAt, String contentHash,
                         List<String> sourceIds, String detectedLanguage, boolean languageReliable,
                         List<StoredEntity> entities, String articleProblem, List<String> notes) {
    public StoredItem {
        sourceIds = List.copyOf(sourceIds);
        entities = List.copyOf(entities);
        notes = List.copyOf(notes);
    }

    /** An item with no analysts' notes yet. */
    public StoredItem(long id, URI url, URI canonicalUrl, String title, String byline, String text,
                      String language, Instant publishedAt, Instant fetchedAt, String contentHash,
                      List<String> sourceIds, String detectedLanguage, boolean languageReliable,
                      List<StoredEntity> entities, String articleProblem) {
        this(id, url, canonicalUrl, title, byline, text, language, publishedAt, fetchedAt, contentHash, sourceIds,
                detectedLanguage, languageReliable, entities, articleProblem, List.of());
    }

    /** An item whose text is what its feed or page gave. */
    public StoredItem(long id, URI url, URI canonicalUrl, String title, String byline, String text,
                      String language, Instant publishedAt, Instant fetchedAt, String contentHash,
                      List<String> sourceIds, String detectedLanguage, boolean languageReliable,
                      List<StoredEntity> entities) {
        this(id, url, canonicalUrl, title, byline, text, language, publishedAt, fetchedAt, contentHash, sourceIds,
                detectedLanguage, languageReliable, entities, null);
    }

    /** An item not analysed yet. */
    public StoredItem(long id, URI url, URI canonicalUrl, String title, String byline, String text,
                      String language, Instant publishedAt, Instant fetchedAt, String contentHash,
                      List<String> sourceIds) {
        this(id, url, canonicalUrl, title, byline, text, language, publishedAt, fetchedAt, contentHash, sourceIds,
                null, false, List.of());
    }

    /**
     * The language to treat the text as: the detected one when the text showed it clearly (feeds
     * often declare one language for all their entries) or nothing was declared, else the
     * declared one.
     */
    public String effectiveLanguage() {
        return effectiveLanguage(language, detectedLanguage, languageReliable);
    }

    /** {@link #effectiveLanguage()} from its parts, for views that read no whole item. */
    static String effectiveLanguage(String declaredLanguage, String detectedLanguage, boolean reliable) {
        boolean detected = detectedLanguage != null && !DetectedLanguage.UNDETERMINED.equals(detectedLanguage);
        boolean declared = declaredLanguage != null && !declaredLanguage.isBlank();
        return detected && (reliable || !declared) ? detectedLanguage : declaredLanguage;
    }

    StoredItem withSources(List<String> sources) {
        return new StoredItem(id, url, canonicalUrl, title, byline, text, language, publishedAt, fetchedAt,
                contentHash, sources, detectedLanguage, languageReliable, entities, articleProblem, notes);
    }

    StoredItem withEntities(List<StoredEntity> found) {
        return new StoredItem(id, url, canonicalUrl, title, byline, text, language, publishedAt, fetchedAt,
                contentHash, sourceIds, detectedLanguage, languageReliable, found, articleProblem, notes);
    }

    StoredItem withNotes(List<String> written) {
        return new StoredItem(id, url, canonicalUrl, title, byline, text, language, publishedAt, fetchedAt,
                contentHash, sourceIds, detectedLanguage, languageReliable, entities, articleProblem, written);
    }
}
