package org.claimdesk.ui.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the desktop stays text: nothing in it can end the quoted string and run. */
class DesktopNotificationsTest {
    @Test
    void quotesAndBackslashesStayInsideTheAppleScriptString() {
        String said = DesktopNotifications.appleScriptString("2 claims \" & do shell script \"rm -rf ~\" & \"\\");

        assertThat(said).isEqualTo("\"2 claims \\\" & do shell script \\\"rm -rf ~\\\" & \\\"\\\\\"");
        // every quote inside is escaped: the literal opens and closes once
        assertThat(said.replace("\\\\", "").replace("\\\"", "")).matches("\"[^\"]*\"");
    }

    @Test
    void aCommandIsFoundOnlyWhereThePathSays() {
        assertThat(DesktopNotifications.onExecutable("claimdesk-no-such-command-" + System.nanoTime())).isEmpty();
        assertThat(DesktopNotifications.onExecutable("sh")).hasValueSatisfying(path -> assertThat(path).isExecutable());
    }
}
