package org.claimdesk.store;

import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.claimdesk.store.Samples.T0;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

class SourceStoreTest {

    @TempDir
    Path dir;

    private Database database;
    private SourceStore sources;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        sources = new SourceStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anImportedSourceIsToldApartFromOneRemovedFromFeedsYml() {
        sources.sync(List.of(feed("kept"), feed("dropped")));
        sources.registerImported(feed("import-saved-feed"));
        sources.sync(List.of(feed("kept")));

        assertThat(sources.health()).extracting(SourceHealth::sourceId, SourceHealth::configured, SourceHealth::imported)
                .containsExactly(tuple("kept", true, false), tuple("dropped", false, false),
                        tuple("import-saved-feed", false, true));
    }

    @Test
    void aWorkspaceFromBeforeTheFlagKnowsItsImportedSourcesByTheirIds() throws Exception {
        database.close();
        Path old = dir.resolve("old");
        String url = "jdbc:h2:file:" + old.resolve("claimdesk") + ";WRITE_DELAY=0";
        org.flywaydb.core.Flyway.configure().dataSource(url, "claimdesk", "").locations("classpath:db/migration")
                .target("6").load().migrate();
        try (var connection = java.sql.DriverManager.getConnection(url, "claimdesk", "");
             var insert = connection.prepareStatement("""
                     INSERT INTO source (id, name, url, kind, tags, poll_interval_seconds, enabled, configured, position)
                     VALUES (?, ?, 'https://a.example.org/feed', 'FEED', '', 60, TRUE, FALSE, 0)
                     """)) {
            for (String id : List.of("import-old-file", "gone")) {
                insert.setString(1, id);
                insert.setString(2, id);
                insert.executeUpdate();
            }
        }

        database = Database.open(old);
        sources = new SourceStore(database);
        assertThat(sources.health()).extracting(SourceHealth::sourceId, SourceHealth::imported)
                .containsExactlyInAnyOrder(tuple("import-old-file", true), tuple("gone", false));
    }

    @Test
    void syncKeepsConfigurationOrderUpdatesChangedSourcesAndKeepsRemovedOnes() {
        sources.sync(List.of(feed("zeta"), feed("alpha"), feed("mid")));
        new ItemStore(database).save(item("mid", "https://x.example.org/1", "text"));

        Source renamed = new Source("alpha", "Alpha News (Arabic)", URI.create("https://alpha.example.org/ar/rss"),
                SourceKind.PAGE, "ar", List.of("ar", "fact-check"), Duration.ofMinutes(5), false, PageSelectors.NONE, false);
        sources.sync(List.of(renamed, feed("new"), feed("zeta")));

        List<SourceHealth> health = sources.health();
        assertThat(health).extracting(SourceHealth::sourceId).containsExactly("alpha", "new", "zeta", "mid");
        SourceHealth alpha = health.getFirst();
        assertThat(alpha.name()).isEqualTo("Alpha News (Arabic)");
        assertThat(alpha.url()).isEqualTo("https://alpha.example.org/ar/rss");
        assertThat(alpha.kind()).isEqualTo("PAGE");
        assertThat(alpha.enabled()).isFalse();
        assertThat(alpha.configured()).isTrue();
        SourceHealth mid = health.getLast();
        assertThat(mid.configured()).isFalse();
        assertThat(mid.itemCount()).as("a removed source keeps its items").isEqualTo(1);
        assertThat(new ItemStore(database).count()).isEqualTo(1);
        assertThat(column("SELECT tags FROM source WHERE id = 'alpha'")).isEqualTo("ar\nfact-check");
        assertThat(column("SELECT CAST(poll_interval_seconds AS VARCHAR(20)) FROM source WHERE id = 'alpha'")).isEqualTo("300");
        assertThat(column("SELECT language_hint FROM source WHERE id = 'alpha'")).isEqualTo("ar");

        // coming back into the file makes it configured again
        sources.sync(List.of(feed("mid")));
        assertThat(sources.health()).extracting(SourceHealth::sourceId, SourceHealth::configured).containsExactly(
                tuple("mid", true), tuple("alpha", false),
                tuple("new", false), tuple("zeta", false));
    }

    @Test
    void healthShowsLastAttemptSuccessErrorAndItemCount() {
        sources.sync(List.of(feed("a"), feed("b"), feed("quiet")));
        ItemStore items = new ItemStore(database);
        items.save(item("a", "https://x.example.org/1", longText("one")));
        items.save(item("a", "https://x.example.org/2", longText("two")));
        items.save(item("b", "https://x.example.org/2", longText("two")));

        sources.record(success("a", T0));
        sources.record(failure("a", T0.plusSeconds(60), "TIMEOUT", "No answer within 30 s"));
        sources.record(failure("a", T0.plusSeconds(120), "HTTP_STATUS", "HTTP 503 Service Unavailable"));
        sources.record(failure("b", T0, "MALFORMED_FEED", "feed.xml:3:7: unexpected end of file"));
        sources.record(success("b", T0.plusSeconds(60)));

        List<SourceHealth> health = sources.health();
        SourceHealth a = health.get(0);
        assertThat(a.lastAttempt()).isEqualTo(T0.plusSeconds(120));
        assertThat(a.lastSuccess()).isEqualTo(T0);
        assertThat(a.lastErrorAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(a.lastError()).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(a.itemCount()).isEqualTo(2);
        assertThat(a.failing()).isTrue();
        SourceHealth b = health.get(1);
        assertThat(b.lastSuccess()).isEqualTo(T0.plusSeconds(60));
        assertThat(b.lastError()).isEqualTo("feed.xml:3:7: unexpected end of file");
        assertThat(b.itemCount()).isEqualTo(1);
        assertThat(b.failing()).isFalse();
        SourceHealth quiet = health.get(2);
        assertThat(quiet.lastAttempt()).isNull();
        assertThat(quiet.lastSuccess()).isNull();
        assertThat(quiet.lastErrorAt()).isNull();
        assertThat(quiet.lastError()).isNull();
        assertThat(quiet.itemCount()).isZero();
    }

    @Test
    void recordedAttemptComesBackWithItsIdAndFields() {
        sources.sync(List.of(feed("a")));
        FetchAttempt first = sources.record(failure("a", Instant.parse("2026-03-01T10:00:00.123456789Z"), "TIMEOUT", "slow"));
        FetchAttempt second = sources.record(failure("a", T0.plusSeconds(1), "TLS", null));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(sources.recentFailures(10)).containsExactly(second, first);
        assertThat(sources.health().getFirst().lastError()).as("the category when there is no message").isEqualTo("TLS");
    }

    @Test
    void recentFailuresAreNewestFirstAcrossSourcesAndSkipSuccesses() {
        sources.sync(List.of(feed("a"), feed("b")));
        sources.record(failure("a", T0, "TIMEOUT", "first"));
        sources.record(success("a", T0.plusSeconds(10)));
        sources.record(failure("b", T0.plusSeconds(20), "NOT_FOUND", "third"));
        sources.record(failure("a", T0.plusSeconds(5), "TIMEOUT", "second"));
        sources.record(success("b", T0.plusSeconds(30)));

        assertThat(sources.recentFailures(10)).extracting(FetchAttempt::message).containsExactly("third", "second", "first");
        assertThat(sources.recentFailures(2)).extracting(FetchAttempt::message).containsExactly("third", "second");
        assertThat(sources.recentFailures(10)).allSatisfy(attempt -> assertThat(attempt.failed()).isTrue());
        FetchAttempt third = sources.recentFailures(1).getFirst();
        assertThat(third.sourceId()).isEqualTo("b");
        assertThat(third.url()).isEqualTo(URI.create("https://b.example.org/feed.xml"));
        assertThat(third.httpStatus()).isEqualTo(404);
        assertThat(third.durationMillis()).isEqualTo(250);
        assertThat(third.bytes()).isEqualTo(0);
    }

    @Test
    void validatorsRoundTripAndAreReplacedAndForgotten() {
        URI url = URI.create("https://a.example.org/feed.xml");
        assertThat(sources.validators(url)).isEmpty();

        sources.saveValidators(url, new SourceStore.Validators("\"abc-123\"", "Sun, 01 Mar 2026 10:00:00 GMT"));
        assertThat(sources.validators(url)).contains(new SourceStore.Validators("\"abc-123\"", "Sun, 01 Mar 2026 10:00:00 GMT"));

        sources.saveValidators(url, new SourceStore.Validators("W/\"def\"", null));
        assertThat(sources.validators(url)).contains(new SourceStore.Validators("W/\"def\"", null));
        assertThat(sources.validators(URI.create("https://a.example.org/other.xml"))).isEmpty();

        sources.saveValidators(url, new SourceStore.Validators(null, null));
        assertThat(sources.validators(url)).isEmpty();
    }

    private static FetchAttempt success(String source, Instant at) {
        return new FetchAttempt(0, source, URI.create("https://" + source + ".example.org/feed.xml"), at, 120, 200, 5_000, 3,
                null, null);
    }

    private static FetchAttempt failure(String source, Instant at, String failure, String message) {
        return new FetchAttempt(0, source, URI.create("https://" + source + ".example.org/feed.xml"), at, 250,
                failure.equals("NOT_FOUND") ? 404 : 0, 0, 0, failure, message);
    }

    private String column(String sql) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }
}
