package org.claimdesk.ui.reader;

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
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.StoredItem;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The reader pane: one item's extracted text as plain strings. Nothing here is ever interpreted
 * as markup or fetched: the URL is shown, not followed. FX thread.
 */
public final class ReaderViewModel {
    public static final long NONE = -1;
    /** Arrow keys through the list ask for many items in a row; only the one the analyst stops on is read. */
    private static final Duration LOAD_PERIOD = Duration.ofMillis(30);

    private record Loaded(long id, Optional<StoredItem> item) {
    }

    private final Messages messages;
    private final Reload<Loaded> load;
    private LongFunction<Optional<StoredItem>> find;
    private Function<String, String> sourceName = id -> id;
    /** The item asked for last; read by the reads thread. */
    private volatile long wanted = NONE;

    private final ReadOnlyLongWrapper itemId = new ReadOnlyLongWrapper(this, "itemId", NONE);
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty byline = new SimpleStringProperty(this, "byline", "");
    private final StringProperty sources = new SimpleStringProperty(this, "sources", "");
    private final StringProperty published = new SimpleStringProperty(this, "published", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final StringProperty summaryOnly = new SimpleStringProperty(this, "summaryOnly", "");
    private final ObjectProperty<WritingSystem> writingSystem =
            new SimpleObjectProperty<>(this, "writingSystem", WritingSystem.DEFAULT);

    /** @param readFailed told when reading an item failed */
    public ReaderViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> readFailed) {
        this.messages = messages;
        this.load = new Reload<>("item", reads, LOAD_PERIOD, fx, this::loaded, readFailed);
    }

    /**
     * Reads items from this workspace from now on (find null: none open); the pane is cleared.
     *
     * @param sourceName the name to show for a source id
     */
    public void attach(LongFunction<Optional<StoredItem>> findItem, Function<String, String> sourceName) {
        clear();
        find = findItem;
        this.sourceName = sourceName == null ? id -> id : sourceName;
        load.from(findItem == null ? null : () -> {
            long id = wanted;
            return id == NONE ? null : new Loaded(id, findItem.apply(id));
        });
    }

    /** Shows this item once it is read; when several are asked for in a row, the last one wins. */
    public void open(long id) {
        if (find == null || id == itemId.get()) {
            return;
        }
        wanted = id;
        load.request();
    }

    /** Reads the item shown again: a stage changed stored items (e.g. its article page arrived). */
    public void refresh() {
        if (find != null && wanted != NONE) {
            load.request();
        }
    }

    private void loaded(Loaded loaded) {
        // Latest wins: the analyst may have moved on while this item loaded.
        if (loaded != null && loaded.id() == wanted) {
            loaded.item().ifPresentOrElse(item -> show(item, sourceName), this::clear);
        }
    }

    /** @param sourceName the name to show for a source id */
    public void show(StoredItem item, Function<String, String> sourceName) {
        itemId.set(item.id());
        title.set(nullToEmpty(item.title()));
        byline.set(nullToEmpty(item.byline()));
        sources.set(messages.format("reader.sources",
                item.sourceIds().stream().map(sourceName).collect(Collectors.joining(", "))));
        published.set(item.publishedAt() != null
                ? messages.format("reader.published", messages.time(item.publishedAt()))
                : messages.format("reader.fetched", messages.time(item.fetchedAt())));
        url.set(item.url() == null ? "" : item.url().toString());
        body.set(nullToEmpty(item.text()));
        summaryOnly.set(item.articleProblem() == null || item.articleProblem().isBlank()
                ? "" : messages.format("reader.summaryOnly", item.articleProblem()));
        String sample = item.title() == null || item.title().isBlank() ? item.text() : item.title();
        writingSystem.set(WritingSystem.of(item.language(), sample));
        showing.set(true);
    }

    public void clear() {
        wanted = NONE;
        itemId.set(NONE);
        showing.set(false);
        title.set("");
        byline.set("");
        sources.set("");
        published.set("");
        url.set("");
        body.set("");
        summaryOnly.set("");
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

    /** "Source: …", the item's sources by name. */
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

    /**
     * Empty, or why the text shown is the feed's summary and not the article (the page was a
     * paywall, an error page, could not be fetched): claims found in it rest on a summary.
     */
    public ReadOnlyStringProperty summaryOnlyProperty() {
        return summaryOnly;
    }

    /** Decides direction (right-to-left for Arabic and Hebrew script) and the font the view names. */
    public ReadOnlyObjectProperty<WritingSystem> writingSystemProperty() {
        return writingSystem;
    }
}
