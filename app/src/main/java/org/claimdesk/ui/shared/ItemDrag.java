package org.claimdesk.ui.shared;

import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

import java.util.Optional;

/**
 * An item of the workspace dragged from one screen to another (from the item list onto a rebuttal's
 * evidence): its id in a format of our own, and its address as plain text for anything else.
 */
public final class ItemDrag {
    /** The dragged item's id, as a Long. */
    public static final DataFormat ITEM_ID = new DataFormat("application/x-claimdesk-item-id");

    private ItemDrag() {
    }

    /** What a drag of this item carries: its id, and its address (if any) for other programs. */
    public static ClipboardContent content(long itemId, String url) {
        ClipboardContent content = new ClipboardContent();
        content.put(ITEM_ID, itemId);
        if (url != null && !url.isBlank()) {
            content.putString(url);
            content.putUrl(url);
        }
        return content;
    }

    /** The id of the item dragged, if an item is. */
    public static Optional<Long> itemOf(Dragboard board) {
        return board.hasContent(ITEM_ID) && board.getContent(ITEM_ID) instanceof Long id ? Optional.of(id) : Optional.empty();
    }
}
