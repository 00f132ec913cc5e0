/*
 * ClaimDesk: a desktop workbench for rumour and disinformation monitoring.
 * Copyright (C) 2026 the ClaimDesk authors. GPL-3.0-or-later; see LICENSE.
 */

import org.claimdesk.rebuttals.RebuttalWorkflow;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;

import java.nio.file.Path;
import java.time.Instant;

/**
 * packaging/check-offline.sh: gives a workspace two approved rebuttals (English and Arabic), so the
 * packaged app's {@code export-pack} has something to export. The command line cannot write a
 * rebuttal, so this runs on a JDK 25 with the app image's jars:
 * {@code java -cp 'IMAGE/lib/app/*' SeedRebuttals.java WORKSPACE}. Not traced: it prepares, it is not checked.
 */
public final class SeedRebuttals {
    public static void main(String[] args) {
        Workspace workspace = new Workspace(Path.of(args[0]));
        long cluster;
        try (Database database = Database.open(workspace.ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.now());
        }
        AnalystIdentity analyst = new AnalystIdentity("Check", AnalystIdentity.Role.ANALYST);
        AnalystIdentity editor = new AnalystIdentity("Editor", AnalystIdentity.Role.EDITOR);
        try (WorkspaceSession session = WorkspaceSession.open(workspace, workspace.feedsFile())) {
            RebuttalWorkflow workflow = session.rebuttals().workflow();
            approve(workflow, cluster, "en", new RebuttalText("The tap water is poisoned", "false",
                    "The water authority tested it: it is safe.",
                    "# The water is safe\n\nThe authority measured it and found it within every limit."), analyst, editor);
            approve(workflow, cluster, "ar", new RebuttalText("مياه الصنبور ملوثة", "false", "فحصت الهيئة المياه: إنها آمنة.",
                    "# المياه آمنة\n\nقاست الهيئة المياه ووجدتها ضمن الحدود."), analyst, editor);
        }
    }

    private static void approve(RebuttalWorkflow workflow, long cluster, String language, RebuttalText text,
                                AnalystIdentity analyst, AnalystIdentity editor) {
        StoredRebuttal rebuttal = workflow.start(cluster, language, null, analyst);
        workflow.save(rebuttal.id(), 1, text, null, analyst);
        workflow.submit(rebuttal.id(), 2, analyst);
        workflow.approve(rebuttal.id(), 2, editor, null);
    }
}
