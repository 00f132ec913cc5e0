package org.claimdesk.source;

import org.claimdesk.extract.CssSelectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FeedsFileParserTest {
    private static final Path FILE = Path.of("feeds.yml");
    private final FeedsFileParser parser = new FeedsFileParser(CssSelectors.CHECK);

    private SourcesConfig parse(String yaml) throws FeedsFileException {
        return parser.parse(FILE, yaml);
    }

    private List<String> problems(String yaml) {
        FeedsFileException e = catchThrowableOfType(FeedsFileException.class, () -> parse(yaml));
        assertThat(e).as("expected feeds.yml to be rejected").isNotNull();
        return e.lines();
    }

    @Test
    void readsAFullFileWithSettingsAndBothKindsOfSource() throws Exception {
        SourcesConfig config = parse("""
                settings:
                  politeness_delay: 1500ms
                  connect_timeout: 5s
                  read_timeout: 1m
                  max_page_size: 2MB
                  max_redirects: 3
                  user_agent: "ClaimDesk/0.1 (test)"
                  max_parallel_fetches: 4
                  default_poll_interval: 45m
                sources:
                  - id: bbc-arabic
                    name: BBC عربي
                    url: https://feeds.bbci.co.uk/arabic/rss.xml
                    kind: rss
                    language: AR
                    tags: [news, uk]
                    poll: 15m
                    fetch_articles: true
                  - id: misbar.listing
                    url: https://misbar.com/factcheck
                    kind: page
                    language: ar
                    enabled: no
                    selectors:
                      article_links: "h2 a[href]"
                      title: h1
                      date: "time[datetime]"
                      body: "article .content p"
                  - id: minimal
                    url: http://example.org/feed
                """);

        assertThat(config.file()).isEqualTo(FILE);
        assertThat(config.settings()).isEqualTo(new FetchSettings(Duration.ofMillis(1500), Duration.ofSeconds(5),
                Duration.ofMinutes(1), 2L * 1024 * 1024, 3, "ClaimDesk/0.1 (test)", 4));
        assertThat(config.sources()).containsExactly(
                new Source("bbc-arabic", "BBC عربي", URI.create("https://feeds.bbci.co.uk/arabic/rss.xml"),
                        SourceKind.FEED, "ar", List.of("news", "uk"), Duration.ofMinutes(15), true,
                        PageSelectors.NONE, true),
                new Source("misbar.listing", "misbar.listing", URI.create("https://misbar.com/factcheck"),
                        SourceKind.PAGE, "ar", List.of(), Duration.ofMinutes(45), false,
                        new PageSelectors("h2 a[href]", "h1", null, "time[datetime]", "article .content p"), false),
                new Source("minimal", "minimal", URI.create("http://example.org/feed"), SourceKind.FEED, null,
                        List.of(), Duration.ofMinutes(45), true, PageSelectors.NONE, false));
        assertThat(config.enabledSources()).extracting(Source::id).containsExactly("bbc-arabic", "minimal");
    }

    @Test
    void emptyFilesAndFilesWithoutSourcesAreValid() throws Exception {
        assertThat(parse("").sources()).isEmpty();
        assertThat(parse("# only a comment\n").sources()).isEmpty();
        assertThat(parse("sources:\n").sources()).isEmpty();
        assertThat(parse("sources: []\n").sources()).isEmpty();
        SourcesConfig onlySettings = parse("settings:\n  max_redirects: 2\n");
        assertThat(onlySettings.sources()).isEmpty();
        assertThat(onlySettings.settings().maxRedirects()).isEqualTo(2);
        assertThat(parse("").settings()).isEqualTo(FetchSettings.defaults());
    }

    @Test
    void unknownKeyIsReportedWithItsPositionAndASuggestion() {
        assertThat(problems("""
                sources:
                  - id: bbc-world
                    urll: https://feeds.bbci.co.uk/news/world/rss.xml
                """)).containsExactly(
                "feeds.yml:2:5: source 'bbc-world' has no 'url'",
                "feeds.yml:3:5: unknown key 'urll' in source 'bbc-world' (did you mean 'url'?)");
    }

    @Test
    void unknownKeysElsewhereGetUsefulHints() {
        assertThat(problems("""
                setings:
                  read_timeout: 5s
                settings:
                  poll: 5m
                sources:
                  - id: a
                    url: https://a.example/feed
                    lang: en
                    user_agent: x
                    selectors_: {}
                """)).containsExactly(
                "feeds.yml:1:1: unknown key 'setings' at the top level (did you mean 'settings'?)",
                "feeds.yml:4:3: unknown key 'poll' in settings (did you mean 'default_poll_interval'?)",
                "feeds.yml:8:5: unknown key 'lang' in source 'a' (did you mean 'language'?)",
                "feeds.yml:9:5: unknown key 'user_agent' in source 'a' ('user_agent' is a global setting; put it under 'settings:')",
                "feeds.yml:10:5: unknown key 'selectors_' in source 'a' (did you mean 'selectors'?)");
    }

    @Test
    void duplicateIdPointsAtTheFirstDefinition() {
        assertThat(problems("""
                sources:
                  - id: dw-de
                    url: https://rss.dw.com/xml/rss-de-all
                  - id: other
                    url: https://other.example/rss
                  - id:   dw-de
                    url: https://rss.dw.com/xml/rss-de-top
                """)).containsExactly("feeds.yml:6:11: duplicate id 'dw-de' (first defined at line 2)");
    }

    @Test
    void duplicateYamlKeysAreErrors() {
        assertThat(problems("""
                sources:
                  - id: a
                    url: https://a.example/feed
                    poll: 15m
                    url: https://b.example/feed
                settings: {}
                sources: []
                """)).containsExactly(
                "feeds.yml:5:5: duplicate key 'url' in source 'a' (first at line 3)",
                "feeds.yml:7:1: duplicate key 'sources' at the top level (first at line 1)");
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        assertThat(problems("""
                sources:
                  - id: a
                    url: htps://x
                  - id: b
                    url: /relative/feed.xml
                  - id: c
                    url: file:///etc/passwd
                  - id: d
                    url: "https://exa mple.org/"
                  - id: e
                """)).containsExactly(
                "feeds.yml:3:10: 'htps://x' is not an absolute http(s) URL",
                "feeds.yml:5:10: '/relative/feed.xml' is not an absolute http(s) URL",
                "feeds.yml:7:10: 'file:///etc/passwd' is not an absolute http(s) URL",
                "feeds.yml:9:10: 'https://exa mple.org/' is not an absolute http(s) URL (Illegal character in authority at character 12)",
                "feeds.yml:10:5: source 'e' has no 'url'");
    }

    @Test
    void idsMustBeWellFormedAndPresent() {
        assertThat(problems("""
                sources:
                  - id: BBC World
                    url: https://a.example/feed
                  - name: nameless
                    url: https://b.example/feed
                """)).containsExactly(
                "feeds.yml:2:9: 'BBC World' is not a valid id: use lower-case letters a-z, digits and '.', '_', '-',"
                        + " starting with a letter or digit, at most 64 characters",
                "feeds.yml:4:5: source #2 has no 'id'");
    }

    @Test
    void yamlSyntaxErrorsCarrySnakeYamlsMark() {
        assertThat(problems("""
                sources:
                  - id: a
                    url: https://a.example/feed
                   poll: 15m
                """)).containsExactly("feeds.yml:4:4: YAML syntax error: expected <block end>, but found"
                + " '<block mapping start>' (while parsing a block collection at line 2); check the indentation of this line");
        assertThat(problems("sources:\n\t- id: a\n")).singleElement().asString()
                .isEqualTo("feeds.yml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token."
                        + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)");
        assertThat(problems("sources: [a, b\n")).singleElement().asString()
                .startsWith("feeds.yml:2:1: YAML syntax error:");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(problems("""
                settings: fast
                sources:
                  - id: a
                    url: https://a.example/feed
                    enabled: maybe
                    name: [x]
                    tags: {a: b}
                    fetch_articles: "true"
                  - just-a-string
                """)).containsExactly(
                "feeds.yml:1:11: 'settings' must be a mapping of setting: value, not 'fast'",
                "feeds.yml:5:14: 'enabled' must be true or false, not 'maybe'",
                "feeds.yml:6:11: 'name' in source 'a' must be text, not a list",
                "feeds.yml:7:11: 'tags' in source 'a' must be a list like [news, uk], not a mapping",
                "feeds.yml:8:21: 'fetch_articles' in source 'a' must be auto (only for summaries), always or never, not 'true'",
                "feeds.yml:9:5: source #2 must be a mapping with at least 'id:' and 'url:', not 'just-a-string'");
        assertThat(problems("sources:\n  id: a\n")).containsExactly(
                "feeds.yml:2:3: 'sources' must be a list (each entry starting with '- id: ...'), not a mapping");
        assertThat(problems("- id: a\n  url: https://a.example/\n")).containsExactly(
                "feeds.yml:1:1: the top level must be a mapping with 'settings:' and 'sources:';"
                        + " put the list of sources under 'sources:'");
        assertThat(problems("settings:\n  max_redirects: five\n")).containsExactly(
                "feeds.yml:2:18: 'max_redirects' must be a whole number, not 'five'");
    }

    @Test
    void badDurationsAndSizesAreExplained() {
        assertThat(problems("""
                settings:
                  politeness_delay: 2 seconds
                  connect_timeout: 10
                  max_page_size: 10 MiBs
                  read_timeout: 2h
                  default_poll_interval: 20s
                sources:
                  - id: a
                    url: https://a.example/feed
                    poll: 30sec
                """)).containsExactly(
                "feeds.yml:2:21: bad duration for 'politeness_delay': '2 seconds' is not a duration; write a number"
                        + " and a unit (ms, s, m, h or d), e.g. 500ms, 30s, 15m, 1h30m",
                "feeds.yml:3:20: bad duration for 'connect_timeout': '10' has no unit; write e.g. 10s or 10m",
                "feeds.yml:4:18: bad size for 'max_page_size': '10 MiBs' is not a size; write a number and a unit"
                        + " (B, KB, MB or GB), e.g. 512KB or 10MB",
                "feeds.yml:5:17: 'read_timeout' of 2h is too long; the maximum is 1h",
                "feeds.yml:6:26: 'default_poll_interval' of 20s is too short; the minimum is 1m (be polite to the sites you watch)",
                "feeds.yml:10:11: bad duration for 'poll': '30sec' is not a duration; write a number and a unit"
                        + " (ms, s, m, h or d), e.g. 500ms, 30s, 15m, 1h30m");
    }

    @Test
    void durationAndSizeSyntax() {
        assertThat(HumanUnits.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(HumanUnits.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(HumanUnits.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(HumanUnits.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(HumanUnits.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(HumanUnits.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(HumanUnits.parseDuration("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> HumanUnits.parseDuration("15M")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> HumanUnits.parseDuration("-5s")).hasMessageContaining("not a duration");
        assertThat(HumanUnits.formatDuration(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(HumanUnits.formatDuration(Duration.ofMillis(1500))).isEqualTo("1s500ms");

        assertThat(HumanUnits.parseSize("512KB")).isEqualTo(512L * 1024);
        assertThat(HumanUnits.parseSize("10MB")).isEqualTo(10L * 1024 * 1024);
        assertThat(HumanUnits.parseSize("10mb")).isEqualTo(10L * 1024 * 1024);
        assertThat(HumanUnits.parseSize("1.5 MiB")).isEqualTo(1536L * 1024);
        assertThat(HumanUnits.parseSize("1GB")).isEqualTo(1L << 30);
        assertThat(HumanUnits.parseSize("4096")).isEqualTo(4096);
        assertThatThrownBy(() -> HumanUnits.parseSize("10 TB")).hasMessageContaining("not a size");
        assertThat(HumanUnits.formatSize(10L * 1024 * 1024)).isEqualTo("10MB");
        assertThat(HumanUnits.formatSize(1000)).isEqualTo("1000B");
    }

    @Test
    void selectorsAreValidatedAndOnlyAllowedOnPages() {
        assertThat(problems("""
                sources:
                  - id: feed-with-selectors
                    url: https://a.example/feed
                    selectors:
                      body: article
                  - id: page
                    url: https://b.example/
                    kind: page
                    selectors:
                      title: "h1["
                      body: ""
                      author: .by
                  - id: odd
                    url: https://c.example/
                    kind: webpage
                """)).containsExactly(
                "feeds.yml:4:5: 'selectors' only apply to kind: page, but source 'feed-with-selectors' is a feed",
                "feeds.yml:10:14: invalid CSS selector 'h1[' for 'title' in the selectors of source 'page': "
                        + "Did not find balanced marker at ''",
                "feeds.yml:11:13: empty CSS selector for 'body' in the selectors of source 'page'",
                "feeds.yml:12:7: unknown key 'author' in the selectors of source 'page' (did you mean 'byline'?)",
                "feeds.yml:15:11: unknown kind 'webpage' in source 'odd'; use 'feed' (RSS or Atom) or 'page' (a web page)");
    }

    @Test
    void proxyIsHttpOrSocks5WithAHostAndAPort() throws Exception {
        assertThat(parse("settings:\n  proxy: socks5://127.0.0.1:9050\n").settings().proxy())
                .isEqualTo(new ProxyServer(ProxyServer.Type.SOCKS5, "127.0.0.1", 9050));
        assertThat(parse("settings:\n  proxy: socks5h://Tor.Example:9150/\n").settings().proxy())
                .isEqualTo(new ProxyServer(ProxyServer.Type.SOCKS5, "tor.example", 9150));
        assertThat(parse("settings:\n  proxy: http://[::1]:3128\n").settings().proxy())
                .isEqualTo(new ProxyServer(ProxyServer.Type.HTTP, "::1", 3128));
        assertThat(parse("settings:\n  proxy:\n").settings().proxy()).isNull();
        assertThat(parse("settings:\n  max_redirects: 2\n").settings().proxy()).isNull();
        assertThat(FetchSettings.defaults().proxy()).isNull();
    }

    @Test
    void badProxiesAreExplained() {
        assertThat(problems("settings:\n  proxy: https://proxy.example:443\n")).containsExactly(
                "feeds.yml:2:10: 'proxy' https://proxy.example:443: a proxy reached over TLS (https://) is not supported;"
                        + " write http://HOST:PORT (https sites stay encrypted end to end through an HTTP proxy)");
        assertThat(problems("settings:\n  proxy: socks5://127.0.0.1\n")).containsExactly(
                "feeds.yml:2:10: 'proxy' socks5://127.0.0.1 needs a port (e.g. socks5://127.0.0.1:9050 for Tor,"
                        + " or http://proxy.example.org:3128)");
        assertThat(problems("settings:\n  proxy: socks4://127.0.0.1:9050\n")).containsExactly(
                "feeds.yml:2:10: 'proxy' socks4://127.0.0.1:9050: only SOCKS5 is supported; write socks5://HOST:PORT");
        assertThat(problems("settings:\n  proxy: 127.0.0.1:9050\n")).singleElement().asString()
                .startsWith("feeds.yml:2:10: 'proxy' '127.0.0.1:9050' has no scheme; write http://HOST:PORT or socks5://HOST:PORT");
        assertThat(problems("settings:\n  proxy: ftp://proxy.example:21\n")).singleElement().asString()
                .startsWith("feeds.yml:2:10: 'proxy' ftp://proxy.example:21: unknown kind of proxy 'ftp'");
        assertThat(problems("settings:\n  proxy: tor\n")).containsExactly(
                "feeds.yml:2:10: 'proxy' 'tor' has no scheme; write http://HOST:PORT or socks5://HOST:PORT"
                        + " (e.g. socks5://127.0.0.1:9050 for Tor, or http://proxy.example.org:3128)");
        assertThat(problems("settings:\n  proxy: http://me:secret@proxy.example:3128\n")).containsExactly(
                "feeds.yml:2:10: 'proxy' http://me:secret@proxy.example:3128: a user name or password for the proxy"
                        + " is not supported");
        assertThat(problems("settings:\n  proxy: http://proxy.example:3128/path\n")).containsExactly(
                "feeds.yml:2:10: 'proxy' http://proxy.example:3128/path must be just http://HOST:PORT, without a path");
        assertThat(problems("settings:\n  proxy: [socks5://127.0.0.1:9050]\n")).singleElement().asString()
                .startsWith("feeds.yml:2:10: 'proxy' must be http://HOST:PORT or socks5://HOST:PORT");
        assertThat(problems("sources:\n  - id: a\n    url: https://a.example/\n    proxy: socks5://127.0.0.1:9050\n"))
                .containsExactly("feeds.yml:4:5: unknown key 'proxy' in source 'a' ('proxy' is a global setting;"
                        + " put it under 'settings:')");
    }

    @Test
    void articleFetchingAndHostsHaveDefaultsInSettingsAndValuesPerSource() throws Exception {
        SourcesConfig config = parse("""
                settings:
                  fetch_articles: never
                  article_hosts: any
                sources:
                  - id: default
                    url: https://feeds.example.org/rss
                  - id: bbc
                    url: https://feeds.bbci.co.uk/news/world/rss.xml
                    fetch_articles: auto
                    article_hosts: [bbc.com, BBC.co.uk]
                  - id: always
                    url: https://a.example/feed
                    fetch_articles: Always
                    article_hosts: same-site
                  - id: old-true
                    url: https://b.example/feed
                    fetch_articles: yes
                  - id: old-false
                    url: https://c.example/feed
                    fetch_articles: false
                  - id: page
                    url: https://d.example/
                    kind: page
                """);

        assertThat(config.sources()).extracting(Source::id, Source::articles, Source::articleHosts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("default", ArticleFetching.NEVER, ArticleHosts.ANY),
                org.assertj.core.groups.Tuple.tuple("bbc", ArticleFetching.AUTO,
                        ArticleHosts.sameSiteAnd(List.of("bbc.com", "bbc.co.uk"))),
                org.assertj.core.groups.Tuple.tuple("always", ArticleFetching.ALWAYS, ArticleHosts.SAME_SITE),
                org.assertj.core.groups.Tuple.tuple("old-true", ArticleFetching.ALWAYS, ArticleHosts.ANY),
                org.assertj.core.groups.Tuple.tuple("old-false", ArticleFetching.AUTO, ArticleHosts.ANY),
                org.assertj.core.groups.Tuple.tuple("page", ArticleFetching.AUTO, ArticleHosts.ANY));
        assertThat(parse("sources:\n  - id: a\n    url: https://a.example/\n").sources().getFirst())
                .extracting(Source::articles, Source::articleHosts)
                .containsExactly(ArticleFetching.AUTO, ArticleHosts.SAME_SITE);
    }

    @Test
    void badArticleSettingsAreExplained() {
        assertThat(problems("""
                settings:
                  fetch_articles: sometimes
                  article_hosts: everywhere
                sources:
                  - id: a
                    url: https://a.example/feed
                    article_hosts: [https://bbc.com, bbc.com/news, "not a host", bbc.co.uk]
                  - id: p
                    url: https://p.example/
                    kind: page
                    fetch_articles: never
                  - id: q
                    url: https://q.example/
                    article_hosts: {bbc: com}
                """)).containsExactly(
                "feeds.yml:2:19: 'fetch_articles' in settings must be auto (only for summaries), always or never, not 'sometimes'",
                "feeds.yml:3:18: 'article_hosts' in settings must be same-site, any, or a list of other sites like"
                        + " [bbc.com, bbc.co.uk], not 'everywhere'",
                "feeds.yml:7:21: 'https://bbc.com' in 'article_hosts' in source 'a' must be a host name like bbc.com,"
                        + " without 'https://'",
                "feeds.yml:7:38: 'bbc.com/news' in 'article_hosts' in source 'a' must be a host name like bbc.com,"
                        + " without a path",
                "feeds.yml:7:52: 'not a host' in 'article_hosts' in source 'a' is not a host name; write e.g. bbc.com",
                "feeds.yml:11:5: 'fetch_articles' only applies to feeds; source 'p' is a page, whose article links"
                        + " are always followed",
                "feeds.yml:14:20: 'article_hosts' in source 'q' must be same-site, any, or a list of other sites like"
                        + " [bbc.com, bbc.co.uk], not a mapping");
    }

    @Test
    void reportsEveryProblemInFileOrder() {
        List<String> problems = problems("""
                settings:
                  max_redirects: 99
                sources:
                  - id: one
                    url: ftp://one.example/
                    language: not a tag
                  - id: two
                    url: https://two.example/feed
                    poll: 10s
                  - id: one
                    url: https://three.example/feed
                """);
        assertThat(problems).containsExactly(
                "feeds.yml:2:18: 'max_redirects' must be between 0 and 20, not 99",
                "feeds.yml:5:10: 'ftp://one.example/' is not an absolute http(s) URL",
                "feeds.yml:6:15: 'not a tag' is not a BCP 47 language tag; write e.g. ar, en, de, ja, fr, es or pt-BR",
                "feeds.yml:9:11: 'poll' of 10s is too short; the minimum is 1m (be polite to the sites you watch)",
                "feeds.yml:10:9: duplicate id 'one' (first defined at line 4)");
    }

    @Test
    void aFileFullOfMistakesIsSummarisedAfterTwoHundredProblems() {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < 250; i++) {
            yaml.append("  - id: s").append(i).append("\n    url: htps://x\n");
        }
        List<String> problems = problems(yaml.toString());
        assertThat(problems).hasSize(201);
        assertThat(problems.getFirst()).isEqualTo("feeds.yml:3:10: 'htps://x' is not an absolute http(s) URL");
        assertThat(problems.getLast()).isEqualTo("feeds.yml: 50 more problems not shown");
    }

    @Test
    void languageHintsAreNormalised() throws Exception {
        SourcesConfig config = parse("""
                sources:
                  - {id: a, url: "https://a.example/", language: AR}
                  - {id: b, url: "https://b.example/", language: pt_br}
                  - {id: c, url: "https://c.example/", language: zh-hant-tw}
                  - {id: d, url: "https://d.example/", language: no}
                """);
        assertThat(config.sources()).extracting(Source::languageHint).containsExactly("ar", "pt-BR", "zh-Hant-TW", "no");
    }

    @Test
    void aliasesForWholeValuesWork() throws Exception {
        SourcesConfig config = parse("""
                sources:
                  - id: tg-one
                    url: https://t.me/s/one
                    kind: page
                    selectors: &telegram
                      body: .tgme_widget_message_text
                  - id: tg-two
                    url: https://t.me/s/two
                    kind: page
                    selectors: *telegram
                """);
        assertThat(config.sources().get(1).selectors().body()).isEqualTo(".tgme_widget_message_text");
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'm'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            bomb.append("]\n");
        }
        // Lines 2-12 hold 99 aliases; the 101st is the second one on line 13: "m: &m [*l,*l,...".
        assertThat(problems(bomb.toString())).containsExactly(
                "feeds.yml:13:11: more than 100 aliases to lists or mappings; refusing the file (this looks like an alias bomb)");
    }

    @Test
    void aTagMustBeAShortLabelOnOneLine() {
        String longTag = "x".repeat(FeedsFileParser.MAX_TAG_CHARS + 1);
        assertThat(problems("sources:\n  - id: a\n    url: https://a.example/\n    tags: [news, " + longTag + "]\n"))
                .singleElement().asString().startsWith("feeds.yml:4:18: each tag in source 'a' must be a short label on one line")
                .contains("101 characters");
        assertThat(problems("sources:\n  - id: a\n    url: https://a.example/\n    tags:\n      - \"two\\nlines\"\n"))
                .singleElement().asString().contains("over several lines");
    }

    @Test
    void recursiveAliasesAndCustomTagsAreRefused() {
        assertThat(problems("sources: &s [*s]\n")).containsExactly(
                "feeds.yml:1:10: recursive alias: 's' refers to a node that contains it");
        assertThat(problems("sources:\n  - !!javax.script.ScriptEngineManager [x]\n")).containsExactly(
                "feeds.yml:2:5: YAML error: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
        assertThat(problems("sources:\n  - !!binary aGVsbG8=\n")).containsExactly(
                "feeds.yml:2:5: YAML tag 'tag:yaml.org,2002:binary' is not allowed in feeds.yml");
        assertThat(problems("sources:\n  - id: a\n    url: !custom https://a.example/\n")).containsExactly(
                "feeds.yml:3:10: YAML tag '!custom' is not allowed in feeds.yml");
        assertThat(problems("sources:\n  - <<: {id: a}\n    url: https://a.example/\n")).containsExactly(
                "feeds.yml:2:5: merge keys (<<) are not supported in feeds.yml; write the keys out, or use an alias"
                        + " for a whole value (e.g. selectors: *telegram)",
                "feeds.yml:2:5: source #1 has no 'id'");
    }

    @Test
    void hugeAndUndecodableFilesAreRefused(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("feeds.yml");
        byte[] filler = ("# " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(huge)) {
            for (int i = 0; i < 5000; i++) {
                out.write(filler);
            }
        }
        assertThatThrownBy(() -> parser.parse(huge)).isInstanceOfSatisfying(FeedsFileException.class, e ->
                assertThat(e.lines()).containsExactly("feeds.yml: the file is larger than 4MB; feeds.yml lists sources and should be far smaller"));

        Path latin1 = dir.resolve("latin1.yml");
        Files.write(latin1, "sources:\n  - id: a\n    name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> parser.parse(latin1)).isInstanceOfSatisfying(FeedsFileException.class, e ->
                assertThat(e.lines()).containsExactly("latin1.yml:3:14: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8"));

        assertThatThrownBy(() -> parser.parse(dir.resolve("missing.yml"))).isInstanceOfSatisfying(FeedsFileException.class, e ->
                assertThat(e.lines()).singleElement().asString().startsWith("missing.yml: the file does not exist"));
    }

    @Test
    void readsFromDiskUsingTheActualFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-feeds.yaml");
        Files.writeString(file, "\uFEFFsources:\n  - id: a\n    url: https://a.example/\n    kind: atom\n    pol: 1h\n");
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(FeedsFileException.class, e -> {
            assertThat(e.lines()).containsExactly("my-feeds.yaml:5:5: unknown key 'pol' in source 'a' (did you mean 'poll'?)");
            assertThat(e.file()).isEqualTo(file);
        });
        Files.writeString(file, "\uFEFFsources:\n  - id: a\n    url: https://a.example/\n    kind: atom\n    poll: 1h\n");
        assertThat(parser.parse(file).sources()).singleElement()
                .satisfies(s -> assertThat(s.pollInterval()).isEqualTo(Duration.ofHours(1)));
    }
}
