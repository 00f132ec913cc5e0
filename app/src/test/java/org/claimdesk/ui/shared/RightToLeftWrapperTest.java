package org.claimdesk.ui.shared;

import org.claimdesk.ui.WorkbenchUiTest;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WorkbenchUiTest
class RightToLeftWrapperTest {
    private static final String ARABIC = "نفت وزارة المياه يوم الاثنين 3 مارس ما تداولته مواقع التواصل عن نقص في المياه في العاصمة "
            + "(القاهرة)، وقالت إن مستوى الخزانات طبيعي بنسبة 85% ولا توجد خطة للتقنين هذا الصيف.\n\nوأضاف المتحدث أن "
            + "الصور المتداولة قديمة.";
    private static final String HEBREW = "משרד המים הכחיש ביום שני את הדיווחים על מחסור במים בבירה ואמר כי מפלס המאגרים תקין.";

    @Start
    void start(Stage stage) {
        // Text layout needs the toolkit; no window is needed.
    }

    @Test
    void onlyTextWithRightToLeftScriptIsWrappedByHand() {
        assertThat(RightToLeftWrapper.needsOwnWrapping(ARABIC)).isTrue();
        assertThat(RightToLeftWrapper.needsOwnWrapping(HEBREW)).isTrue();
        assertThat(RightToLeftWrapper.needsOwnWrapping("Ministry denies 水不足 reports")).isFalse();
        assertThat(RightToLeftWrapper.needsOwnWrapping("")).isFalse();
        assertThat(RightToLeftWrapper.needsOwnWrapping(null)).isFalse();
    }

    @Test
    void linesFitTheWidthKeepEveryWordAndLayOutWithoutError() throws Exception {
        Font font = Font.font("DejaVu Sans", 14);
        String wrapped = onFx(() -> new RightToLeftWrapper().wrap(ARABIC, font, 220));

        String[] lines = wrapped.split("\n", -1);
        assertThat(lines.length).isGreaterThan(4);
        for (String line : lines) {
            assertThat(line).doesNotEndWith(" ");
            double width = onFx(() -> {
                Text text = new Text(line);
                text.setFont(font);
                return text.getLayoutBounds().getWidth();
            });
            assertThat(width).as(line).isLessThanOrEqualTo(220);
        }
        // Same words, same order; the paragraph break stays.
        assertThat(wrapped.replace("\n", " ").split("\\s+")).containsExactly(ARABIC.split("\\s+"));
        assertThat(wrapped).contains("\n\n");
        // What the reader shows must lay out: JavaFX only lays it out, never wraps it.
        assertThat(onFx(() -> {
            Text text = new Text(wrapped);
            text.setFont(font);
            return text.getLayoutBounds().getHeight();
        })).isGreaterThan(0);
    }

    /**
     * Why {@link RightToLeftWrapper} exists. When this starts failing after a JavaFX upgrade,
     * JavaFX wraps right-to-left text itself again and the wrapper can go.
     */
    @Test
    void javaFxStillCannotWrapRightToLeftTextItself() {
        assertThatThrownBy(() -> onFx(() -> {
            Text text = new Text(HEBREW);
            text.setFont(Font.font("DejaVu Sans", 14));
            text.setWrappingWidth(200);
            return text.getLayoutBounds();
        })).hasRootCauseInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
