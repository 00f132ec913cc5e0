package org.claimdesk.ui.reader;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.RightToLeftWrapper;
import org.claimdesk.ui.shared.SelfWrappingTextArea;
import org.claimdesk.ui.shared.ScriptStyles;

/** The reader: plain text controls only, so nothing in an item is run or loaded. */
public final class ReaderView {
    private final StackPane root;

    public ReaderView(ReaderViewModel reader, Messages messages, ScriptStyles fonts) {
        Label title = new Label();
        title.setId("readerTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        // As wide as the pane, not as the text: the width decides where the text wraps.
        title.setMaxWidth(Double.MAX_VALUE);
        // LEFT is the leading edge: with right-to-left orientation JavaFX mirrors it to the right.
        title.setAlignment(Pos.CENTER_LEFT);
        title.setMnemonicParsing(false);

        Label byline = new Label();
        byline.setId("readerByline");
        byline.setMnemonicParsing(false);
        byline.textProperty().bind(reader.bylineProperty());
        byline.visibleProperty().bind(reader.bylineProperty().isNotEmpty());
        byline.managedProperty().bind(byline.visibleProperty());

        Label sources = new Label();
        sources.setId("readerSources");
        sources.setMnemonicParsing(false);
        sources.getStyleClass().add(Styles.TEXT_MUTED);
        sources.textProperty().bind(reader.sourcesProperty());

        Label published = new Label();
        published.setId("readerPublished");
        published.getStyleClass().add(Styles.TEXT_MUTED);
        published.textProperty().bind(reader.publishedProperty());

        // Shown as text to copy, never as a link: the analyst decides whether to visit it.
        TextField url = new TextField();
        url.setId("readerUrl");
        url.setEditable(false);
        url.setPromptText(messages.get("reader.url"));
        url.textProperty().bind(reader.urlProperty());
        url.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);

        Label summaryOnly = new Label();
        summaryOnly.setId("readerSummaryOnly");
        summaryOnly.setMnemonicParsing(false);
        summaryOnly.setWrapText(true);
        summaryOnly.getStyleClass().add(Styles.WARNING);
        summaryOnly.textProperty().bind(reader.summaryOnlyProperty());
        summaryOnly.visibleProperty().bind(reader.summaryOnlyProperty().isNotEmpty());
        summaryOnly.managedProperty().bind(summaryOnly.visibleProperty());

        SelfWrappingTextArea body = new SelfWrappingTextArea();
        body.setId("readerBody");
        body.setEditable(false);
        VBox.setVgrow(body, Priority.ALWAYS);

        reader.writingSystemProperty().addListener((obs, before, script) -> {
            NodeOrientation direction = script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
            String style = fonts.styleFor(script);
            for (Control content : new Control[] {title, byline, body}) {
                content.setNodeOrientation(direction);
                content.setStyle(style);
            }
        });
        wrapSafely(title, reader.titleProperty(), 8);
        showFromTheTop(body, reader.bodyProperty());

        VBox content = new VBox(6, title, byline, sources, published, url, summaryOnly, body);
        content.setId("reader");
        content.setPadding(new Insets(10));
        content.visibleProperty().bind(reader.showingProperty());

        Label empty = Placeholder.of(messages.get("reader.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(reader.showingProperty().not());
        root = new StackPane(empty, content);
    }

    public Node node() {
        return root;
    }

    /** Shows text in a label, wrapped by JavaFX or, for right-to-left text, by {@link RightToLeftWrapper}. */
    private static void wrapSafely(Label label, ObservableStringValue text, double padding) {
        RightToLeftWrapper wrapper = new RightToLeftWrapper();
        Runnable update = () -> {
            String value = text.get();
            boolean own = RightToLeftWrapper.needsOwnWrapping(value);
            label.setWrapText(!own);
            double width = label.getWidth() - padding;
            label.setText(own && width > 50 ? wrapper.wrap(value, label.getFont(), width) : value);
        };
        text.addListener((obs, before, now) -> update.run());
        label.widthProperty().addListener((obs, before, now) -> update.run());
        label.fontProperty().addListener((obs, before, now) -> update.run());
        update.run();
    }

    /** A new article is shown from its first line. */
    private static void showFromTheTop(SelfWrappingTextArea area, ObservableStringValue text) {
        Runnable update = () -> {
            area.setWritten(text.get());
            area.setScrollTop(0);
        };
        text.addListener((obs, before, now) -> update.run());
        update.run();
    }
}
