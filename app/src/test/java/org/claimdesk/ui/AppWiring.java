package org.claimdesk.ui;

import javafx.stage.Stage;
import org.claimdesk.app.ClaimDesk;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.ClusterStage;
import org.claimdesk.workspace.SampleBundle;
import org.claimdesk.workspace.SessionSettings;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceDirectory;
import org.claimdesk.workspace.WorkspaceSession;
import org.claimdesk.workspace.WorkspaceSession.BackgroundWork;

import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Window tests open workspaces the way the application does, through {@link ClaimDesk}, with one
 * analyzer for the whole test run as the application has one for its whole life.
 */
final class AppWiring {
    private static final SessionSettings SETTINGS = new SessionSettings(Clock.systemUTC(), new TextAnalyzer());

    private AppWiring() {
    }

    /**
     * The opener the application gives the window.
     *
     * @param work   what runs in the background; a test that drives polls by hand leaves scheduled
     *               polling out, one that looks at a state before analysis leaves the stages out
     * @param opened told of each session opened, so the test can look at the workspace behind the window
     */
    static WorkspaceOpener opener(Path dataDir, Path initial, Set<BackgroundWork> work, Consumer<WorkspaceSession> opened) {
        return opener(dataDir, initial, SETTINGS, work, opened);
    }

    /** Like the other, with an analysis of the test's own in place of the real one. */
    static WorkspaceOpener opener(Path dataDir, Path initial, AnalysisStage.Analysis analysis, Set<BackgroundWork> work,
                                  Consumer<WorkspaceSession> opened) {
        return opener(dataDir, initial, new SessionSettings(SETTINGS.clock(), SETTINGS.analyzer(), analysis), work, opened);
    }

    /**
     * The window over an empty desk under {@code temp}, opened as the application opens it, with an
     * analyzer of the test's own (the sample's languages' models go with it afterwards) and with
     * indexing and the stages running: what the tests of claims, flags and rebuttals start from.
     */
    static WorkbenchViewModel claimsWorkbench(Stage stage, Path temp, Consumer<WorkspaceSession> opened) throws IOException {
        Path desk = Files.createDirectories(temp.resolve("desk"));
        Files.writeString(desk.resolve("feeds.yml"), "sources: []\n");
        TextAnalyzer analyzer = new TextAnalyzer();
        WorkspaceOpener opener = opener(temp.resolve("data"), desk, analyzer::analyse,
                EnumSet.of(BackgroundWork.INDEXING, BackgroundWork.STAGES), opened);
        return new WorkbenchApplication(new WorkbenchStartup(desk, opener, Locale.ENGLISH)).start(stage);
    }

    /** Imports the bundled sample and waits until every item of it is clustered; returns how many. */
    static int importSampleAndCluster(WorkspaceSession session, int seconds) throws Exception {
        int imported = SampleBundle.importInto(session).newItems();
        // analysis loads the CoreNLP models first: give it time on a shared machine
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> session.stages().status(ClusterStage.NAME).done() == imported);
        return imported;
    }

    private static WorkspaceOpener opener(Path dataDir, Path initial, SessionSettings settings, Set<BackgroundWork> work,
                                          Consumer<WorkspaceSession> opened) {
        ClaimDesk claimDesk = new ClaimDesk(new WorkspaceDirectory(dataDir), settings, work);
        WorkspaceOpener wired = claimDesk.windowOpener(new Workspace(initial), null);
        return new WorkspaceOpener() {
            @Override
            public WorkspaceSession open(Path folder) throws Exception {
                WorkspaceSession session = wired.open(folder);
                opened.accept(session);
                return session;
            }

            @Override
            public List<Workspace> recent() {
                return wired.recent();
            }
        };
    }
}
