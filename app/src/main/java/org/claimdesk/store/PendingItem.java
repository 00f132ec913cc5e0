package org.claimdesk.store;

/**
 * An item waiting for analysis: just what the analyser reads.
 *
 * @param language the declared language, a hint for texts too short to tell
 */
public record PendingItem(long id, String title, String text, String language) {
}
