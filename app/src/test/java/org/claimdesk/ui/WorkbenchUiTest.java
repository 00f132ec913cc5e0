package org.claimdesk.ui;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A TestFX test of the workbench window: headless set-up first, then TestFX's stage per test. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
@Tag("ui")
public @interface WorkbenchUiTest {
}
