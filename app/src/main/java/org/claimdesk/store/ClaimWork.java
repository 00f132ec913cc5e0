package org.claimdesk.store;

import java.util.List;

/**
 * What the claims stage reads of an item.
 *
 * @param language the language analysis detected when it could tell, else the declared one (may be null)
 * @param entities what analysis found, in text order
 */
public record ClaimWork(long id, String title, String text, String language, List<StoredEntity> entities) {
    public ClaimWork {
        entities = List.copyOf(entities);
    }
}
