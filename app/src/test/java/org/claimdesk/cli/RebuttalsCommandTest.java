package org.claimdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuttals from the command line: the queue with status and deadline, one in full with its history. */
class RebuttalsCommandTest {
    @TempDir
    Path tmp;
    Path workspace;
    Path feeds;
    final CommandRunner cli = new CommandRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;
    long published;
    long overdue;

    @BeforeEach
    void workspaceWithTwoRebuttals() throws Exception {
        workspace = tmp.resolve("desk");
        feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        long cluster;
        try (Database database = Database.open(new Workspace(workspace).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        AnalystIdentity amal = new AnalystIdentity("Amal", Role.ANALYST);
        AnalystIdentity noor = new AnalystIdentity("Noor", Role.EDITOR);
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(workspace), feeds)) {
            var workflow = session.rebuttals().workflow();
            StoredRebuttal first = workflow.start(cluster, "en", Instant.now().plusSeconds(86_400), amal);
            workflow.save(first.id(), 1, new RebuttalText("Tap water in Millbrook is poisoned", "false",
                    "The water board tested it on Friday: it is safe.", "# Tap water is safe\n\nTests on Friday..."), null, amal);
            workflow.submit(first.id(), 2, amal);
            workflow.approve(first.id(), 2, noor, "checked the lab report");
            workflow.publish(first.id(), 2, noor);
            published = first.id();
            overdue = workflow.start(cluster, "ar", Instant.parse("2026-12-02T08:00:00Z"), amal).id();
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-w", workspace.toString(), "-f", feeds.toString()}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(tmp.resolve("data"), all);
    }

    @Test
    void theQueueListsStatusAndDeadlineOverdueFirst() throws Exception {
        assertThat(run("rebuttals")).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains(String.valueOf(overdue)).contains("DRAFT").contains("OVERDUE").contains("(no verdict)");
        assertThat(lines[1]).contains("PUBLISHED").contains("false").contains("Tap water in Millbrook is poisoned")
                .doesNotContain("OVERDUE");

        assertThat(run("rebuttals", "--status", "PUBLISHED", "--json")).isZero();
        JsonNode line = new ObjectMapper().readTree(out.toString().strip());
        assertThat(line.get("id").asLong()).isEqualTo(published);
        assertThat(line.get("reviewer").asText()).isEqualTo("Noor");
        assertThat(line.get("publishedAt").isNull()).isFalse();

        assertThat(run("rebuttals", "--status", "WITHDRAWN")).isZero();
        assertThat(out.toString()).contains("No rebuttals");
        assertThat(run("rebuttals", "--status", "GONE")).isEqualTo(2);
    }

    @Test
    void theTemplatesAreListedBuiltInOnesInEveryLanguageTheyShipIn() throws Exception {
        assertThat(run("rebuttal", "templates")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("fabricated-quote").contains("Fabricated quote").contains("اقتباس مختلق")
                .contains("Cita inventada").contains("Vieille histoire qui refait surface");

        assertThat(run("rebuttal", "templates", "--json")).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(24);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("builtIn").asText()).isEqualTo("fabricated-quote");
        assertThat(first.get("fullText").asText()).contains("## ");

        assertThat(run("rebuttal", "templates", "3")).isEqualTo(2);
        assertThat(run("rebuttal", "show")).isEqualTo(2);
    }

    @Test
    void oneRebuttalShowsItsTextVersionsAndWhoTookEachStep() throws Exception {
        assertThat(run("rebuttal", "show", String.valueOf(published))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Verdict:  false").contains("The water board tested it on Friday")
                .contains("# Tap water is safe")
                .containsPattern("APPROVED\\s+-> PUBLISHED\\s+v2\\s+Noor")
                .contains("IN_REVIEW  -> APPROVED   v2  Noor: checked the lab report")
                .contains("After publication (published ").contains("no address given")
                .contains("0 items in the cluster since publication, 0 before")
                .contains("Pace: too early to tell").contains("Linking to it: not looked for (no published address)")
                .contains("Quoting its short answer: 0");

        assertThat(run("rebuttal", "show", String.valueOf(published), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("versions")).hasSize(2);
        assertThat(json.get("history")).hasSize(4);
        assertThat(json.get("history").get(0).get("by").asText()).isEqualTo("Amal");

        assertThat(json.get("afterPublication").get("itemsAfter").asInt()).isZero();
        assertThat(json.get("afterPublication").get("pace").get("windowHours").asInt()).isEqualTo(6);
        assertThat(json.get("publishedUrl").isNull()).isTrue();

        assertThat(run("rebuttal", "show", String.valueOf(overdue), "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("afterPublication").isNull()).isTrue();

        assertThat(run("rebuttal", "show", "999")).isEqualTo(1);
        assertThat(err.toString()).contains("no rebuttal 999");
    }
}
