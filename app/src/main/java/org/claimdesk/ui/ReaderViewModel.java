package org.claimdesk.ui;

import org.claimdesk.script.WritingSystem;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.claimdesk.store.StoredItem;

import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reader pane: the selected item's extracted text as plain strings. Nothing here is ever
 * interpreted as markup or fetched: the URL is shown, not followed.
 */
public final class ReaderViewModel {
    public static final long NONE = -1;

    private final Messages messages;
    private final ReadOnlyLongWrapper itemId = new ReadOnlyLongWrapper(this, "itemId", NONE);
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty byline = new SimpleStringProperty(this, "byline", "");
    private final StringProperty sources = new SimpleStringProperty(this, "sources", "");
    private final StringProperty published = new SimpleStringProperty(this, "published", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ObjectProperty<WritingSystem> writingSystem =
            new SimpleObjectProperty<>(this, "writingSystem", WritingSystem.DEFAULT);

    public ReaderViewModel(Messages messages) {
        this.messages = messages;
    }

    /** @param sourceName the name to show for a source id */
    public void show(StoredItem item, Function<String, String> sourceName) {
        itemId.set(item.id());
        title.set(nullToEmpty(item.title()));
        byline.set(nullToEmpty(item.byline()));
        sources.set(item.sourceIds().stream().map(sourceName).collect(Collectors.joining(", ")));
        published.set(item.publishedAt() != null
                ? messages.format("reader.published", messages.time(item.publishedAt()))
                : messages.format("reader.fetched", messages.time(item.fetchedAt())));
        url.set(item.url() == null ? "" : item.url().toString());
        body.set(nullToEmpty(item.text()));
        String sample = item.title() == null || item.title().isBlank() ? item.text() : item.title();
        writingSystem.set(WritingSystem.of(item.language(), sample));
        showing.set(true);
    }

    public void clear() {
        itemId.set(NONE);
        showing.set(false);
        title.set("");
        byline.set("");
        sources.set("");
        published.set("");
        url.set("");
        body.set("");
        writingSystem.set(WritingSystem.DEFAULT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ReadOnlyLongProperty itemIdProperty() {
        return itemId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty bylineProperty() {
        return byline;
    }

    public ReadOnlyStringProperty sourcesProperty() {
        return sources;
    }

    public ReadOnlyStringProperty publishedProperty() {
        return published;
    }

    public ReadOnlyStringProperty urlProperty() {
        return url;
    }

    public ReadOnlyStringProperty bodyProperty() {
        return body;
    }

    /** Decides direction (right-to-left for Arabic and Hebrew script) and the font the view names. */
    public ReadOnlyObjectProperty<WritingSystem> writingSystemProperty() {
        return writingSystem;
    }
}
