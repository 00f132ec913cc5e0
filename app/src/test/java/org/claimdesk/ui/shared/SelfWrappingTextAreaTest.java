package org.claimdesk.ui.shared;

import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.claimdesk.ui.WorkbenchUiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing a long Arabic paragraph in the rebuttal editor used to take the window down (JavaFX
 * breaks right-to-left lines with an ArrayIndexOutOfBoundsException). The area breaks such lines
 * itself; what was written stays exactly what the writer typed.
 */
@WorkbenchUiTest
class SelfWrappingTextAreaTest {
    private static final String SENTENCE = "فحصت هيئة المياه السد صباح اليوم ولم تجد أي تصدع في جسمه، والفيديو المتداول من عام 2019 "
            + "وليس من هذا الأسبوع كما يزعم الناشرون ";

    private final List<Throwable> failures = new ArrayList<>();
    private SelfWrappingTextArea area;
    private Stage stage;
    private Thread.UncaughtExceptionHandler fxHandlerBefore;

    /**
     * A stage of its own, closed after each test: the primary stage is shared by every window test
     * in the run, and one narrowed here would lay out the next test's window narrow.
     */
    @Start
    void start(Stage primary) {
        this.stage = new Stage();
        area = new SelfWrappingTextArea();
        area.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        area.setStyle("-fx-font-family: \"DejaVu Sans\";");
        area.setPrefRowCount(6);
        // the editor's shape: the area in a box in a split pane, beside something else
        stage.setScene(new Scene(new SplitPane(new VBox(), new VBox(area)), 640, 420));
        stage.show();
        fxHandlerBefore = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
    }

    @AfterEach
    void closeTheStageAndGiveTheFxThreadItsHandlerBack() throws Exception {
        onFx(() -> {
            stage.close();
            Thread.currentThread().setUncaughtExceptionHandler(fxHandlerBefore);
            return null;
        });
    }

    @Test
    void aLongArabicParagraphIsShownOnLinesThatFitAndStaysAsWritten(FxRobot robot) throws Exception {
        String written = SENTENCE.repeat(4).strip();
        robot.interact(() -> area.setWritten(written));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(failures).isEmpty();
        assertThat(this.<String>onFx(area::getWritten)).isEqualTo(written);
        String shown = this.<String>onFx(area::getText);
        assertThat(shown.split("\n").length).as("shown on several lines").isGreaterThan(2);
        assertThat(shown.replace("\n", "")).isEqualTo(written);
        double room = onFx(() -> area.getWidth());
        for (String line : shown.split("\n")) {
            assertThat(onFx(() -> widthOf(line))).as(line).isLessThan(room);
        }
    }

    @Test
    void typingPastingAndDeletingAcrossShownBreaksChangeOnlyWhatWasWritten(FxRobot robot) throws Exception {
        String written = SENTENCE.repeat(3).strip();
        robot.interact(() -> area.setWritten(written));
        WaitForAsyncUtils.waitForFxEvents();

        // type a word at the very end, as the keyboard would
        robot.interact(() -> {
            area.end();
            area.replaceSelection(" جديد");
        });
        assertThat(this.<String>onFx(area::getWritten)).isEqualTo(written + " جديد");
        assertThat(onFx(() -> area.toWritten(area.getCaretPosition()))).isEqualTo(written.length() + " جديد".length());

        // select across a shown break and delete: the words go, not just the break
        String shown = this.<String>onFx(area::getText);
        int shownBreak = shown.indexOf('\n');
        int contentBreak = onFx(() -> area.toWritten(shownBreak));
        robot.interact(() -> {
            area.selectRange(shownBreak - 3, shownBreak + 4);
            area.replaceSelection("");
        });
        String afterDelete = this.<String>onFx(area::getWritten);
        assertThat(afterDelete).isEqualTo(written.substring(0, contentBreak - 3) + written.substring(contentBreak + 3) + " جديد");

        // backspace right after a shown break removes the letter before it, not the break alone
        String beforeBackspace = onFx(area::getWritten);
        String shownNow = onFx(area::getText);
        int lineStart = shownNow.indexOf('\n') + 1;
        int contentAt = onFx(() -> area.toWritten(lineStart));
        robot.interact(() -> {
            area.positionCaret(lineStart);
            area.deletePreviousChar();
        });
        assertThat(this.<String>onFx(area::getWritten))
                .isEqualTo(beforeBackspace.substring(0, contentAt - 1) + beforeBackspace.substring(contentAt));

        // a paste of a whole paragraph, and a paragraph break typed by the writer, stay as they were
        robot.interact(() -> {
            area.end();
            area.replaceSelection("\n\n" + SENTENCE.repeat(2));
        });
        assertThat(this.<String>onFx(area::getWritten)).endsWith("\n\n" + SENTENCE.repeat(2)).contains(" جديد\n\n");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(failures).isEmpty();
    }

    @Test
    void copyingCopiesWhatWasWrittenWithoutTheShownBreaks(FxRobot robot) throws Exception {
        String written = SENTENCE.repeat(3).strip();
        robot.interact(() -> area.setWritten(written));
        robot.interact(() -> {
            area.selectAll();
            area.copy();
        });
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(written);
    }

    @Test
    void narrowingTheWindowBreaksTheLinesAgainAndKeepsTheCaret(FxRobot robot) throws Exception {
        String written = SENTENCE.repeat(4).strip();
        robot.interact(() -> {
            area.setWritten(written);
            area.positionCaret(area.toShown(40));
        });
        WaitForAsyncUtils.waitForFxEvents();
        int linesWide = onFx(() -> area.getText().split("\n").length);

        robot.interact(() -> stage.setWidth(380));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> area.getText().split("\n").length)).isGreaterThan(linesWide);
        assertThat(this.<String>onFx(area::getWritten)).isEqualTo(written);
        assertThat(onFx(() -> area.toWritten(area.getCaretPosition()))).isEqualTo(40);
        assertThat(failures).isEmpty();
    }

    @Test
    void textWithoutRightToLeftScriptIsWrappedByJavaFxAndShownAsWritten(FxRobot robot) throws Exception {
        String english = "The water authority inspected the dam this morning and found no crack; the video is from 2019. ".repeat(4);
        robot.interact(() -> area.setWritten(english));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(this.<String>onFx(area::getText)).isEqualTo(english);
        assertThat(onFx(area::isWrapText)).isTrue();
        robot.interact(() -> {
            area.end();
            area.replaceSelection(" مرحبا");
        });
        // once Arabic is in, the area breaks its lines itself
        assertThat(onFx(area::isWrapText)).isFalse();
        assertThat(this.<String>onFx(area::getWritten)).isEqualTo(english + " مرحبا");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(failures).isEmpty();
    }

    private double widthOf(String line) {
        Text text = new Text(line);
        text.setFont(area.getFont());
        return text.getLayoutBounds().getWidth();
    }

    private <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }
}
