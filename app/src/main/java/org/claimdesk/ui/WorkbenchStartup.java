package org.claimdesk.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the workbench window needs from the app, handed over once at launch.
 *
 * @param initialWorkspace the folder to open first (the last opened workspace, or the default one)
 * @param opener           opens workspaces and lists the recent ones
 * @param locale           the language of the user interface
 */
public record WorkbenchStartup(Path initialWorkspace, WorkspaceOpener opener, Locale locale) {
    public WorkbenchStartup {
        Objects.requireNonNull(initialWorkspace, "initialWorkspace");
        Objects.requireNonNull(opener, "opener");
        locale = locale == null ? Locale.getDefault() : locale;
    }
}
