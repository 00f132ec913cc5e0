package org.claimdesk.ui;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Picks the JavaFX platform for TestFX before the toolkit starts. With {@code testfx.headless=true}
 * (the default in app/pom.xml) tests run on Monocle's headless platform with software rendering:
 * no display, no GTK. With {@code -Dtestfx.headless=false} (e.g. under xvfb-run) the same tests
 * drive a real GTK window. Must be registered before TestFX's ApplicationExtension.
 */
public final class HeadlessFx implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Boolean.parseBoolean(System.getProperty("testfx.headless", "false"))) {
            // TestFX itself installs Monocle's platform factory when testfx.headless is set;
            // these make Glass, Prism and TestFX's robot agree on it.
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
        }
        // Surefire sets java.awt.headless=true, so AWT's robot is unusable on a display too.
        setIfAbsent("testfx.robot", "glass");
        setIfAbsent("testfx.setup.timeout", "20000");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
