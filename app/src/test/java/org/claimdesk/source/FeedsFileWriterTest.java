package org.claimdesk.source;

import org.claimdesk.extract.CssSelectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedsFileWriterTest {
    @TempDir
    Path dir;

    private final FeedsFileParser parser = new FeedsFileParser(CssSelectors.CHECK);
    private final FeedsFileWriter writer = new FeedsFileWriter(parser);

    private static Source feed(String id, String url) {
        return new Source(id, null, URI.create(url), SourceKind.FEED, null, List.of(), Duration.ofMinutes(30),
                true, PageSelectors.NONE, false);
    }

    @Test
    void entriesWithAwkwardTextParseBackUnchanged() throws Exception {
        List<Source> sources = List.of(
                new Source("yes", "name: with \"quotes\" # and a colon\\", URI.create("https://a.example/feed?x=1&y=#frag"),
                        SourceKind.FEED, "no", List.of("null", "fact-check", "إشاعات"), Duration.ofMinutes(90), false,
                        PageSelectors.NONE, true),
                new Source("tg.one", "قناة: تيليغرام", URI.create("https://t.me/s/one"), SourceKind.PAGE, "ar",
                        List.of(), Duration.ofMinutes(30), true,
                        new PageSelectors("a.tgme_widget_message_date", null, null, "time[datetime]",
                                ".tgme_widget_message_text"), false),
                new Source("bbc", null, URI.create("https://feeds.bbci.co.uk/news/rss.xml"), SourceKind.FEED, null,
                        List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE, ArticleFetching.NEVER,
                        ArticleHosts.sameSiteAnd(List.of("bbc.com", "bbc.co.uk"))),
                new Source("any", null, URI.create("https://any.example/rss"), SourceKind.FEED, null,
                        List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE, ArticleFetching.ALWAYS, ArticleHosts.ANY));
        String yaml = "sources:" + FeedsFileWriter.entries(sources, "  ");
        assertThat(parser.parse(Path.of("feeds.yml"), yaml).sources()).containsExactlyElementsOf(sources);
    }

    @Test
    void appendKeepsCommentsAndLayoutAndSkipsWhatIsThere() throws Exception {
        Path file = dir.resolve("feeds.yml");
        String original = """
                # My sources (a comment to keep)
                sources:
                  # news
                  - id: bbc-world
                    url: https://feeds.bbci.co.uk/news/world/rss.xml   # keep me too

                # - id: commented-out
                #   url: https://example.org/
                """;
        Files.writeString(file, original);

        FeedsFileWriter.Appended result = writer.append(file, List.of(
                feed("bbc-world", "https://feeds.bbci.co.uk/arabic/rss.xml"),
                feed("again", "https://feeds.bbci.co.uk/news/world/rss.xml"),
                feed("dw", "https://rss.dw.com/xml/rss-ar-all")));

        assertThat(result.added()).extracting(Source::id).containsExactly("bbc-world-2", "dw");
        assertThat(result.alreadyPresent()).extracting(Source::id).containsExactly("again");
        String text = Files.readString(file);
        assertThat(text).startsWith(original);
        assertThat(parser.parse(file).sources()).extracting(Source::id).containsExactly("bbc-world", "bbc-world-2", "dw");
    }

    @Test
    void appendsBeforeALaterTopLevelKey() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, """
                sources:
                    - id: one
                      url: https://one.example/
                settings:
                  max_redirects: 3
                """);
        writer.append(file, List.of(feed("two", "https://two.example/")));
        assertThat(Files.readString(file)).isEqualTo("""
                sources:
                    - id: one
                      url: https://one.example/

                    - id: two
                      url: https://two.example/
                      kind: feed
                      poll: 30m
                settings:
                  max_redirects: 3
                """);
        assertThat(parser.parse(file).settings().maxRedirects()).isEqualTo(3);
    }

    @Test
    void appendsToEmptyAndMissingLists() throws Exception {
        Path file = dir.resolve("feeds.yml");
        for (String start : List.of("", "# nothing yet", "sources:\n", "sources: []  # none yet\n", "settings:\n  max_redirects: 1\n")) {
            Files.writeString(file, start);
            writer.append(file, List.of(feed("one", "https://one.example/"), feed("two", "https://two.example/")));
            assertThat(parser.parse(file).sources()).as(start).extracting(Source::id).containsExactly("one", "two");
        }
    }

    @Test
    void aBrokenOrFlowStyleFileIsLeftAlone() throws Exception {
        Path file = dir.resolve("feeds.yml");
        String broken = "sources:\n  - id: a\n    urll: https://a.example/\n";
        Files.writeString(file, broken);
        assertThatThrownBy(() -> writer.append(file, List.of(feed("b", "https://b.example/"))))
                .isInstanceOf(FeedsFileException.class);
        assertThat(Files.readString(file)).isEqualTo(broken);

        String flow = "sources: [{id: a, url: \"https://a.example/\"}]\n";
        Files.writeString(file, flow);
        assertThatThrownBy(() -> writer.append(file, List.of(feed("b", "https://b.example/"))))
                .isInstanceOfSatisfying(FeedsFileException.class, e -> assertThat(e.lines()).containsExactly(
                        "feeds.yml:1:1: cannot add sources to a 'sources:' list written in flow style [...]; write it as a block list"));
        assertThat(Files.readString(file)).isEqualTo(flow);
    }

    @Test
    void importingAnOpmlExportIntoTheShippedFileWorks() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.copy(Path.of("..", "feeds.yml"), file);
        List<Source> imported;
        try (var in = FeedsFileWriterTest.class.getResourceAsStream("/source/reader-export.opml")) {
            imported = OpmlFile.read(in, "reader-export.opml", CssSelectors.CHECK);
        }
        FeedsFileWriter.Appended result = writer.append(file, imported);
        // These are in the shipped file already.
        assertThat(result.alreadyPresent()).extracting(Source::url).extracting(URI::toString)
                .containsExactly("https://feeds.bbci.co.uk/news/world/rss.xml", "https://feeds.bbci.co.uk/arabic/rss.xml",
                        "https://www.tagesschau.de/index~rss2.xml", "https://fullfact.org/feed/",
                        "https://misbar.com/factcheck");
        assertThat(parser.parse(file).sources()).containsAll(result.added());
    }

    @Test
    void disableKeepsCommentsAndChangesOnlyTheChosenSources() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, """
                # starter list
                sources:
                  - id: one   # the first
                    url: https://one.example/rss
                  - id: two
                    url: https://two.example/rss
                    enabled: true    # on
                  - id: three
                    url: https://three.example/rss
                  - id: four
                    url: https://four.example/rss
                    enabled: false
                """);

        List<String> disabled = writer.disable(file, java.util.Set.of("one", "two", "four", "unknown"));

        assertThat(disabled).containsExactly("one", "two");
        assertThat(Files.readString(file)).isEqualTo("""
                # starter list
                sources:
                  - id: one   # the first
                    enabled: false
                    url: https://one.example/rss
                  - id: two
                    url: https://two.example/rss
                    enabled: false    # on
                  - id: three
                    url: https://three.example/rss
                  - id: four
                    url: https://four.example/rss
                    enabled: false
                """);
        assertThat(parser.parse(file).enabledSources()).extracting(Source::id).containsExactly("three");
    }

    @Test
    void disableEveryStarterSourceLeavesAValidFile() throws Exception {
        Path file = dir.resolve("feeds.yml");
        Files.copy(Path.of("..", "feeds.yml"), file);
        java.util.Set<String> all = new java.util.HashSet<>(parser.parse(file).sources().stream().map(Source::id).toList());

        writer.disable(file, all);

        assertThat(parser.parse(file).enabledSources()).isEmpty();
        assertThat(Files.readString(file)).startsWith("# ClaimDesk sources");
    }
}
