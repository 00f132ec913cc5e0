package org.claimdesk.source;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates feeds.yml (schema: docs/feeds-yml.md).
 *
 * <p>The YAML is only composed to a node tree, never constructed into objects, so every value keeps
 * its line and column for error messages and no YAML tag can instantiate a class. Validation goes on
 * after a problem so that the user sees every problem at once.
 */
public final class FeedsFileParser {
    /** feeds.yml is a list of sources; anything bigger than this is a mistake or an attack. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Aliases to collections allowed in one file; alias bombs need many more. */
    public static final int MAX_ALIASES = 100;
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(30);
    private final SelectorCheck selectorCheck;

    /** @param selectorCheck refuses CSS selectors extraction could not run ({@code CssSelectors.CHECK}) */
    public FeedsFileParser(SelectorCheck selectorCheck) {
        this.selectorCheck = java.util.Objects.requireNonNull(selectorCheck, "selectorCheck");
    }

    private static final int MAX_NESTING = 20;
    private static final int MAX_PROBLEMS = 200;
    /** Tags the YAML core schema resolves plain values to; anything else was written by hand. */
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP, Tag.MERGE);

    /** The keys of each mapping in feeds.yml, with hints for likely mistakes. */
    enum Section {
        TOP(List.of("settings", "sources"), Map.of("feeds", "sources", "source", "sources", "setting", "settings")),
        SETTINGS(List.of("politeness_delay", "connect_timeout", "read_timeout", "max_page_size", "max_redirects",
                "user_agent", "max_parallel_fetches", "default_poll_interval", "proxy", "fetch_articles", "article_hosts"),
                Map.ofEntries(Map.entry("poll", "default_poll_interval"), Map.entry("poll_interval", "default_poll_interval"),
                        Map.entry("delay", "politeness_delay"), Map.entry("timeout", "read_timeout"),
                        Map.entry("useragent", "user_agent"), Map.entry("max_size", "max_page_size"),
                        Map.entry("parallel_fetches", "max_parallel_fetches"), Map.entry("proxies", "proxy"),
                        Map.entry("socks", "proxy"), Map.entry("http_proxy", "proxy"),
                        Map.entry("fetch_article", "fetch_articles"), Map.entry("article_host", "article_hosts"))),
        SOURCE(List.of("id", "name", "url", "kind", "language", "tags", "poll", "enabled", "fetch_articles", "article_hosts",
                "selectors"),
                Map.ofEntries(Map.entry("lang", "language"), Map.entry("type", "kind"), Map.entry("interval", "poll"),
                        Map.entry("poll_interval", "poll"), Map.entry("href", "url"), Map.entry("link", "url"),
                        Map.entry("feed", "url"), Map.entry("xmlurl", "url"), Map.entry("title", "name"),
                        Map.entry("disabled", "enabled"), Map.entry("active", "enabled"), Map.entry("tag", "tags"),
                        Map.entry("selector", "selectors"), Map.entry("fetch_article", "fetch_articles"),
                        Map.entry("article_host", "article_hosts"), Map.entry("articles_hosts", "article_hosts"))),
        SELECTORS(List.of("article_links", "title", "byline", "date", "body"),
                Map.of("links", "article_links", "author", "byline", "content", "body", "text", "body",
                        "headline", "title", "published", "date", "time", "date"));

        final List<String> keys;
        final Map<String, String> hints;

        Section(List<String> keys, Map<String, String> hints) {
            this.keys = keys;
            this.hints = hints;
        }
    }

    /** Reads and validates a feeds.yml file. I/O errors are reported as problems too. */
    public SourcesConfig parse(Path file) throws FeedsFileException {
        String name = displayName(file);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new FeedsFileException(file, List.of(new FileProblem(name, 0, 0, "the file does not exist (" + file + ")")));
        } catch (IOException e) {
            throw new FeedsFileException(file, List.of(new FileProblem(name, 0, 0, "cannot read the file: " + e)));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new FeedsFileException(file, List.of(new FileProblem(name, 0, 0, "the file is larger than "
                    + HumanUnits.formatSize(MAX_FILE_BYTES) + "; feeds.yml lists sources and should be far smaller")));
        }
        return parse(file, decode(file, bytes));
    }

    /** Validates feeds.yml text; {@code file} names it in problems and in the result. */
    public SourcesConfig parse(Path file, String text) throws FeedsFileException {
        Run run = new Run(file, selectorCheck);
        if (text.codePointCount(0, text.length()) > MAX_FILE_BYTES) {
            run.whole("the file is larger than " + HumanUnits.formatSize(MAX_FILE_BYTES)
                    + "; feeds.yml lists sources and should be far smaller");
            throw run.failure();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            run.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), syntaxMessage(e));
            throw run.failure();
        } catch (YAMLException e) {
            // Limits (aliases, nesting) are reported without a mark by SnakeYAML; find where.
            if (String.valueOf(e.getMessage()).contains("aliases")) {
                run.at(excessAlias(text), "more than " + MAX_ALIASES
                        + " aliases to lists or mappings; refusing the file (this looks like an alias bomb)");
            } else {
                run.whole("refusing the file: " + e.getMessage());
            }
            throw run.failure();
        }
        if (root == null) {
            return new SourcesConfig(file, FetchSettings.defaults(), List.of());
        }
        inspect(run, root, Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()));
        if (run.failed()) {
            throw run.failure();
        }
        SourcesConfig config = readTop(run, file, root);
        if (run.failed()) {
            throw run.failure();
        }
        return config;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(false);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        return options;
    }

    // ---- whole-tree checks -------------------------------------------------------------------

    /** Rejects custom tags and recursive aliases before the schema walk; visits each node once. */
    private static void inspect(Run run, Node node, Set<Node> onPath, Set<Node> done) {
        if (onPath.contains(node)) {
            run.at(node, "recursive alias: '" + (node.getAnchor() == null ? "?" : node.getAnchor())
                    + "' refers to a node that contains it");
            return;
        }
        if (!done.add(node)) {
            return;
        }
        Tag tag = node.getTag();
        if (!PLAIN_TAGS.contains(tag)) {
            run.at(node, "YAML tag '" + tag.getValue() + "' is not allowed in feeds.yml");
        }
        onPath.add(node);
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                inspect(run, t.getKeyNode(), onPath, done);
                inspect(run, t.getValueNode(), onPath, done);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                inspect(run, item, onPath, done);
            }
        }
        onPath.remove(node);
    }

    /** Where the alias that went over the limit is, by replaying the (cheap, unexpanded) event stream. */
    private static Mark excessAlias(String text) {
        Set<String> collectionAnchors = new HashSet<>();
        int count = 0;
        try {
            for (Event event : new Yaml(loaderOptions()).parse(new StringReader(text))) {
                if (event instanceof CollectionStartEvent start && start.getAnchor() != null) {
                    collectionAnchors.add(start.getAnchor());
                } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAnchor())
                        && ++count > MAX_ALIASES) {
                    return alias.getStartMark();
                }
            }
        } catch (YAMLException e) {
            return null;
        }
        return null;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        // The composer refuses things that are well-formed YAML (e.g. global tags): not a syntax error.
        StringBuilder message = new StringBuilder(e instanceof ComposerException ? "YAML error: " : "YAML syntax error: ");
        message.append(e.getProblem() != null ? e.getProblem() : e.getContext());
        if (e.getProblem() != null && e.getContext() != null) {
            message.append(" (").append(e.getContext());
            if (e.getContextMark() != null) {
                message.append(" at line ").append(e.getContextMark().getLine() + 1);
            }
            message.append(')');
        }
        if (String.valueOf(e.getProblem()).contains("expected <block end>")
                || String.valueOf(e.getProblem()).contains("mapping values are not allowed")) {
            message.append("; check the indentation of this line");
        }
        return message.toString();
    }

    // ---- schema walk -------------------------------------------------------------------------

    private static SourcesConfig readTop(Run run, Path file, Node root) {
        if (isNull(root)) {
            return new SourcesConfig(file, FetchSettings.defaults(), List.of());
        }
        if (!(root instanceof MappingNode top)) {
            run.at(root, root instanceof SequenceNode
                    ? "the top level must be a mapping with 'settings:' and 'sources:'; put the list of sources under 'sources:'"
                    : "the top level must be a mapping with 'settings:' and 'sources:'");
            return null;
        }
        Map<String, NodeTuple> keys = keys(run, top, "at the top level", Section.TOP);

        Settings read = new Settings(FetchSettings.defaults(), DEFAULT_POLL_INTERVAL, ArticleFetching.AUTO,
                ArticleHosts.SAME_SITE);
        Node settingsNode = valueOf(keys, "settings");
        if (settingsNode instanceof MappingNode settingsMap) {
            read = readSettings(run, settingsMap);
        } else if (settingsNode != null) {
            run.at(settingsNode, "'settings' must be a mapping of setting: value, not " + describe(settingsNode));
        }

        List<Source> sources = new ArrayList<>();
        Node sourcesNode = valueOf(keys, "sources");
        if (sourcesNode instanceof SequenceNode list) {
            Map<String, Integer> idLines = new HashMap<>();
            int index = 0;
            for (Node item : list.getValue()) {
                Source source = readSource(run, item, ++index, read, idLines);
                if (source != null) {
                    sources.add(source);
                }
            }
        } else if (sourcesNode != null) {
            run.at(sourcesNode, "'sources' must be a list (each entry starting with '- id: ...'), not "
                    + describe(sourcesNode));
        }
        return new SourcesConfig(file, read.fetch(), sources);
    }

    /** What settings: gives: the fetcher's settings, and defaults for the sources. */
    private record Settings(FetchSettings fetch, Duration defaultPoll, ArticleFetching articles, ArticleHosts articleHosts) {
    }

    private static Settings readSettings(Run run, MappingNode map) {
        FetchSettings d = FetchSettings.defaults();
        Map<String, NodeTuple> keys = keys(run, map, "in settings", Section.SETTINGS);
        Duration politeness = duration(run, keys, "politeness_delay", d.politenessDelay(), Duration.ZERO, Duration.ofHours(1));
        Duration connect = duration(run, keys, "connect_timeout", d.connectTimeout(), Duration.ofMillis(100), Duration.ofMinutes(10));
        Duration read = duration(run, keys, "read_timeout", d.readTimeout(), Duration.ofMillis(100), Duration.ofHours(1));
        long maxPage = size(run, keys, "max_page_size", d.maxPageBytes(), 1024, 1L << 30);
        int redirects = (int) integer(run, keys, "max_redirects", d.maxRedirects(), 0, 20);
        int parallel = (int) integer(run, keys, "max_parallel_fetches", d.maxParallelFetches(), 1, 256);
        Duration defaultPoll = duration(run, keys, "default_poll_interval", DEFAULT_POLL_INTERVAL, MIN_POLL_INTERVAL, Duration.ofDays(30));
        String userAgent = d.userAgent();
        NodeTuple ua = keys.get("user_agent");
        if (ua != null) {
            String text = text(run, ua, "in settings");
            if (text != null) {
                if (text.isBlank() || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    run.at(ua.getValueNode(), "'user_agent' must be non-empty printable ASCII on one line");
                } else {
                    userAgent = text.strip();
                }
            }
        }
        ProxyServer proxy = proxy(run, keys.get("proxy"));
        ArticleFetching articles = articleFetching(run, keys.get("fetch_articles"), "in settings", ArticleFetching.AUTO);
        ArticleHosts articleHosts = articleHosts(run, keys.get("article_hosts"), "in settings", ArticleHosts.SAME_SITE);
        return new Settings(new FetchSettings(politeness, connect, read, maxPage, redirects, userAgent, parallel, proxy),
                defaultPoll, articles, articleHosts);
    }

    private static Source readSource(Run run, Node item, int index, Settings defaults, Map<String, Integer> idLines) {
        if (isNull(item)) {
            run.at(item, "source #" + index + " is empty");
            return null;
        }
        if (!(item instanceof MappingNode map)) {
            run.at(item, "source #" + index + " must be a mapping with at least 'id:' and 'url:', not " + describe(item));
            return null;
        }
        int problemsBefore = run.count();
        String peekedId = peekText(map, "id");
        String label = peekedId == null || peekedId.isBlank() ? "source #" + index : "source '" + peekedId.strip() + "'";
        Map<String, NodeTuple> keys = keys(run, map, "in " + label, Section.SOURCE);

        String id = null;
        NodeTuple idTuple = keys.get("id");
        String idText = idTuple == null ? null : text(run, idTuple, "in " + label);
        if (idText == null) {
            if (idTuple == null || isNull(idTuple.getValueNode())) {
                run.at(map, label + " has no 'id'");
            }
        } else if (!SourceIds.isValid(idText.strip())) {
            run.at(idTuple.getValueNode(), "'" + idText + "' is not a valid id: use lower-case letters a-z, digits and"
                    + " '.', '_', '-', starting with a letter or digit, at most " + SourceIds.MAX_LENGTH + " characters");
        } else {
            id = idText.strip();
            Integer first = idLines.putIfAbsent(id, line(idTuple.getValueNode()));
            if (first != null) {
                run.at(idTuple.getValueNode(), "duplicate id '" + id + "' (first defined at line " + first + ")");
            }
        }

        URI url = null;
        NodeTuple urlTuple = keys.get("url");
        String urlText = urlTuple == null ? null : text(run, urlTuple, "in " + label);
        if (urlText == null) {
            if (urlTuple == null || isNull(urlTuple.getValueNode())) {
                run.at(urlTuple == null ? map : urlTuple.getValueNode(), label + " has no 'url'");
            }
        } else {
            try {
                url = SourceUrls.parse(urlText);
            } catch (IllegalArgumentException e) {
                run.at(urlTuple.getValueNode(), e.getMessage());
            }
        }

        SourceKind kind = SourceKind.FEED;
        NodeTuple kindTuple = keys.get("kind");
        String kindText = kindTuple == null ? null : text(run, kindTuple, "in " + label);
        if (kindText != null) {
            switch (kindText.strip().toLowerCase(Locale.ROOT)) {
                case "feed", "rss", "atom" -> kind = SourceKind.FEED;
                case "page" -> kind = SourceKind.PAGE;
                default -> run.at(kindTuple.getValueNode(), "unknown kind '" + kindText + "' in " + label
                        + "; use 'feed' (RSS or Atom) or 'page' (a web page)");
            }
        }

        NodeTuple nameTuple = keys.get("name");
        String name = nameTuple == null ? null : text(run, nameTuple, "in " + label);

        String language = null;
        NodeTuple languageTuple = keys.get("language");
        String languageText = languageTuple == null ? null : text(run, languageTuple, "in " + label);
        if (languageText != null) {
            try {
                language = LanguageHints.normalise(languageText);
            } catch (IllegalArgumentException e) {
                run.at(languageTuple.getValueNode(), e.getMessage());
            }
        }

        List<String> tags = tags(run, keys.get("tags"), label);
        Duration poll = duration(run, keys, "poll", defaults.defaultPoll(), MIN_POLL_INTERVAL, Duration.ofDays(30));
        boolean enabled = bool(run, keys.get("enabled"), true);
        ArticleFetching articles = articleFetching(run, keys.get("fetch_articles"), "in " + label, defaults.articles());
        if (kind == SourceKind.PAGE) {
            if (keys.containsKey("fetch_articles") && articles != ArticleFetching.AUTO) {
                run.at(keys.get("fetch_articles").getKeyNode(), "'fetch_articles' only applies to feeds; "
                        + label + " is a page, whose article links are always followed");
            }
            articles = ArticleFetching.AUTO;
        }
        ArticleHosts articleHosts = articleHosts(run, keys.get("article_hosts"), "in " + label, defaults.articleHosts());

        PageSelectors selectors = PageSelectors.NONE;
        NodeTuple selectorsTuple = keys.get("selectors");
        if (selectorsTuple != null && !isNull(selectorsTuple.getValueNode())) {
            if (kind == SourceKind.FEED) {
                run.at(selectorsTuple.getKeyNode(), "'selectors' only apply to kind: page, but " + label + " is a feed");
            } else if (selectorsTuple.getValueNode() instanceof MappingNode selectorMap) {
                selectors = selectors(run, selectorMap, label);
            } else {
                run.at(selectorsTuple.getValueNode(), "'selectors' must be a mapping (article_links, title, byline,"
                        + " date, body), not " + describe(selectorsTuple.getValueNode()));
            }
        }

        if (run.count() > problemsBefore || id == null || url == null) {
            return null;
        }
        return new Source(id, name == null ? null : name.strip(), url, kind, language, tags, poll, enabled,
                selectors, articles, articleHosts);
    }

    private static PageSelectors selectors(Run run, MappingNode map, String label) {
        String where = "in the selectors of " + label;
        Map<String, NodeTuple> keys = keys(run, map, where, Section.SELECTORS);
        Map<String, String> valid = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            String selector = text(run, entry.getValue(), where);
            if (selector == null) {
                continue;
            }
            if (selector.isBlank()) {
                run.at(entry.getValue().getValueNode(), "empty CSS selector for '" + entry.getKey() + "' " + where);
                continue;
            }
            String problem = run.selectorCheck.problem(selector);
            if (problem == null) {
                valid.put(entry.getKey(), selector.strip());
            } else {
                run.at(entry.getValue().getValueNode(), "invalid CSS selector '" + selector + "' for '" + entry.getKey()
                        + "' " + where + ": " + problem);
            }
        }
        return new PageSelectors(valid.get("article_links"), valid.get("title"), valid.get("byline"),
                valid.get("date"), valid.get("body"));
    }

    static final int MAX_TAG_CHARS = 100;

    private static List<String> tags(Run run, NodeTuple tuple, String label) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        Node value = tuple.getValueNode();
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        Set<String> tags = new LinkedHashSet<>();
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && !isNull(scalar) && !scalar.getValue().isBlank()) {
                String tag = scalar.getValue().strip();
                if (tag.length() > MAX_TAG_CHARS || tag.contains("\n") || tag.contains("\r")) {
                    // a tag is a filter label: stored one per line, and one search term in the index
                    run.at(item, "each tag in " + label + " must be a short label on one line (at most "
                            + MAX_TAG_CHARS + " characters), not " + tag.length() + " characters"
                            + (tag.contains("\n") || tag.contains("\r") ? " over several lines" : ""));
                } else {
                    tags.add(tag);
                }
            } else if (value instanceof MappingNode) {
                run.at(value, "'tags' in " + label + " must be a list like [news, uk], not a mapping");
                return List.of();
            } else {
                run.at(item, "each tag in " + label + " must be a non-empty word or phrase, not " + describe(item));
            }
        }
        return List.copyOf(tags);
    }

    // ---- typed values ------------------------------------------------------------------------

    /** Scalar text of a value; null when the value is empty (~ or nothing) or not a scalar (reported). */
    private static String text(Run run, NodeTuple tuple, String where) {
        Node value = tuple.getValueNode();
        if (isNull(value)) {
            return null;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        run.at(value, "'" + keyName(tuple) + "' " + where + " must be text, not " + describe(value));
        return null;
    }

    private static Duration duration(Run run, Map<String, NodeTuple> keys, String key, Duration fallback,
                                     Duration min, Duration max) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        Node value = tuple.getValueNode();
        if (!(value instanceof ScalarNode scalar)) {
            run.at(value, "'" + key + "' must be a duration like 30s or 15m, not " + describe(value));
            return fallback;
        }
        try {
            Duration d = HumanUnits.parseDuration(scalar.getValue());
            if (d.compareTo(min) < 0) {
                run.at(value, "'" + key + "' of " + scalar.getValue().strip() + " is too short; the minimum is "
                        + HumanUnits.formatDuration(min) + (key.contains("poll") ? " (be polite to the sites you watch)" : ""));
            } else if (d.compareTo(max) > 0) {
                run.at(value, "'" + key + "' of " + scalar.getValue().strip() + " is too long; the maximum is "
                        + HumanUnits.formatDuration(max));
            }
            return d;
        } catch (IllegalArgumentException e) {
            run.at(value, "bad duration for '" + key + "': " + e.getMessage());
            return fallback;
        }
    }

    private static long size(Run run, Map<String, NodeTuple> keys, String key, long fallback, long min, long max) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        Node value = tuple.getValueNode();
        if (!(value instanceof ScalarNode scalar)) {
            run.at(value, "'" + key + "' must be a size like 512KB or 10MB, not " + describe(value));
            return fallback;
        }
        try {
            long bytes = HumanUnits.parseSize(scalar.getValue());
            if (bytes < min || bytes > max) {
                run.at(value, "'" + key + "' of " + scalar.getValue().strip() + " is out of range ("
                        + HumanUnits.formatSize(min) + " to " + HumanUnits.formatSize(max) + ")");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            run.at(value, "bad size for '" + key + "': " + e.getMessage());
            return fallback;
        }
    }

    private static long integer(Run run, Map<String, NodeTuple> keys, String key, long fallback, long min, long max) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                long n = Long.parseLong(scalar.getValue().replace("_", ""));
                if (n < min || n > max) {
                    run.at(value, "'" + key + "' must be between " + min + " and " + max + ", not " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                // fall through: written in a form we do not read (hex, sexagesimal)
            }
        }
        run.at(value, "'" + key + "' must be a whole number, not " + describe(value));
        return fallback;
    }

    /** auto, always or never; the booleans of older files still read: true is always, false auto. */
    private static ArticleFetching articleFetching(Run run, NodeTuple tuple, String where, ArticleFetching fallback) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.BOOL)) {
                return switch (scalar.getValue().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> ArticleFetching.ALWAYS;
                    default -> ArticleFetching.AUTO;
                };
            }
            switch (scalar.getValue().strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> {
                    return ArticleFetching.AUTO;
                }
                case "always" -> {
                    return ArticleFetching.ALWAYS;
                }
                case "never" -> {
                    return ArticleFetching.NEVER;
                }
                default -> {
                }
            }
        }
        run.at(value, "'fetch_articles' " + where + " must be auto (only for summaries), always or never, not "
                + describe(value));
        return fallback;
    }

    /** same-site, any, or a list of other sites allowed besides the source's own. */
    private static ArticleHosts articleHosts(Run run, NodeTuple tuple, String where, ArticleHosts fallback) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            switch (scalar.getValue().strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "same-site" -> {
                    return ArticleHosts.SAME_SITE;
                }
                case "any" -> {
                    return ArticleHosts.ANY;
                }
                default -> {
                }
            }
            run.at(value, "'article_hosts' " + where + " must be same-site, any, or a list of other sites like"
                    + " [bbc.com, bbc.co.uk], not " + describe(value));
            return fallback;
        }
        if (!(value instanceof SequenceNode list)) {
            run.at(value, "'article_hosts' " + where + " must be same-site, any, or a list of other sites like"
                    + " [bbc.com, bbc.co.uk], not " + describe(value));
            return fallback;
        }
        Set<String> sites = new LinkedHashSet<>();
        for (Node item : list.getValue()) {
            String problem = item instanceof ScalarNode s && !isNull(s) ? siteProblem(s.getValue()) : "is not a host name";
            if (problem == null) {
                sites.add(((ScalarNode) item).getValue().strip().toLowerCase(Locale.ROOT));
            } else {
                run.at(item, describe(item) + " in 'article_hosts' " + where + " " + problem);
            }
        }
        return ArticleHosts.sameSiteAnd(List.copyOf(sites));
    }

    private static final java.util.regex.Pattern HOST_NAME =
            java.util.regex.Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** Why a list entry of article_hosts is not a site's host name, or null when it is one. */
    private static String siteProblem(String text) {
        String t = text.strip();
        if (t.contains("://")) {
            return "must be a host name like bbc.com, without '" + t.substring(0, t.indexOf("://") + 3) + "'";
        }
        if (t.contains("/")) {
            return "must be a host name like bbc.com, without a path";
        }
        if (t.length() > 253 || !HOST_NAME.matcher(t).matches()) {
            return "is not a host name; write e.g. bbc.com";
        }
        return null;
    }

    /**
     * http://HOST:PORT (an HTTP proxy, CONNECT for https) or socks5://HOST:PORT; socks5h:// is the
     * same (ClaimDesk always lets a SOCKS proxy resolve host names). Empty means no proxy.
     */
    private static ProxyServer proxy(Run run, NodeTuple tuple) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return null;
        }
        Node value = tuple.getValueNode();
        String example = " (e.g. socks5://127.0.0.1:9050 for Tor, or http://proxy.example.org:3128)";
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            run.at(value, "'proxy' must be http://HOST:PORT or socks5://HOST:PORT" + example + ", not " + describe(value));
            return null;
        }
        String text = scalar.getValue().strip();
        if (!text.contains("://")) {
            run.at(value, "'proxy' '" + text + "' has no scheme; write http://HOST:PORT or socks5://HOST:PORT" + example);
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            run.at(value, "'proxy' '" + text + "' is not an address; write http://HOST:PORT or socks5://HOST:PORT" + example);
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        ProxyServer.Type type = switch (scheme) {
            case "http" -> ProxyServer.Type.HTTP;
            case "socks5", "socks5h" -> ProxyServer.Type.SOCKS5;
            default -> null;
        };
        if (type == null) {
            run.at(value, switch (scheme) {
                case "https" -> "'proxy' " + text + ": a proxy reached over TLS (https://) is not supported; write"
                        + " http://HOST:PORT (https sites stay encrypted end to end through an HTTP proxy)";
                case "socks", "socks4", "socks4a" -> "'proxy' " + text + ": only SOCKS5 is supported; write socks5://HOST:PORT";
                default -> "'proxy' " + text + ": unknown kind of proxy '" + scheme + "'; write http://HOST:PORT or"
                        + " socks5://HOST:PORT" + example;
            });
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            run.at(value, "'proxy' " + text + " has no host name" + example);
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            run.at(value, "'proxy' " + text + ": a user name or password for the proxy is not supported");
            return null;
        }
        boolean path = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/");
        if (path || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            run.at(value, "'proxy' " + text + " must be just " + scheme + "://HOST:PORT, without a path");
            return null;
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            run.at(value, "'proxy' " + text + " needs a port" + example);
            return null;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ProxyServer(type, host, uri.getPort());
    }

    private static boolean bool(Run run, NodeTuple tuple, boolean fallback) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return switch (scalar.getValue().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                default -> false;
            };
        }
        run.at(value, "'" + keyName(tuple) + "' must be true or false, not " + describe(value));
        return fallback;
    }

    // ---- mappings and keys -------------------------------------------------------------------

    /** The known keys of a mapping; reports non-text, merge, duplicate and unknown keys. */
    private static Map<String, NodeTuple> keys(Run run, MappingNode map, String where, Section section) {
        Map<String, NodeTuple> known = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                run.at(keyNode, "merge keys (<<) are not supported in feeds.yml; write the keys out,"
                        + " or use an alias for a whole value (e.g. selectors: *telegram)");
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey) || isNull(keyNode)) {
                run.at(keyNode, "keys " + where + " must be plain names, not " + describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            Integer first = firstLine.putIfAbsent(key, line(keyNode));
            if (first != null) {
                run.at(keyNode, "duplicate key '" + key + "' " + where + " (first at line " + first + ")");
                continue;
            }
            if (!section.keys.contains(key)) {
                run.at(keyNode, "unknown key '" + key + "' " + where + suggestion(key, section));
                continue;
            }
            known.put(key, tuple);
        }
        return known;
    }

    private static String suggestion(String key, Section section) {
        String folded = key.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (section.keys.contains(folded)) {
            return " (did you mean '" + folded + "'?)";
        }
        String hint = section.hints.get(folded);
        if (hint != null) {
            return " (did you mean '" + hint + "'?)";
        }
        if (section == Section.SOURCE && Section.SETTINGS.keys.contains(folded)) {
            return " ('" + folded + "' is a global setting; put it under 'settings:')";
        }
        if (section == Section.TOP && Section.SETTINGS.keys.contains(folded)) {
            return " (put it under 'settings:')";
        }
        if (section == Section.TOP && Section.SOURCE.keys.contains(folded)) {
            return " (it belongs to a source; sources are listed under 'sources:', each starting with '- id:')";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : section.keys) {
            int distance = editDistance(folded, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = folded.length() <= 3 ? 1 : folded.length() <= 8 ? 2 : 3;
        return best != null && bestDistance <= allowed
                ? " (did you mean '" + best + "'?)"
                : " (known keys: " + String.join(", ", section.keys) + ")";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The id's text before validation, so messages about a source can name it. */
    private static String peekText(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                    && tuple.getValueNode() instanceof ScalarNode v && !isNull(v)) {
                return v.getValue();
            }
        }
        return null;
    }

    private static Node valueOf(Map<String, NodeTuple> keys, String key) {
        NodeTuple tuple = keys.get(key);
        return tuple == null || isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    private static String keyName(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String describe(Node node) {
        return switch (node) {
            case MappingNode _ -> "a mapping";
            case SequenceNode _ -> "a list";
            case ScalarNode s when isNull(s) -> "an empty value";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "a " + node.getNodeId();
        };
    }

    // ---- input -------------------------------------------------------------------------------

    /** Strict UTF-8: a bad byte is reported at its line and column rather than silently replaced. */
    private static String decode(Path file, byte[] bytes) throws FeedsFileException {
        String name = displayName(file);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new FeedsFileException(file, List.of(new FileProblem(name, 0, 0,
                    "the file is saved as UTF-16; save it as UTF-8")));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw new FeedsFileException(file, List.of(new FileProblem(name, line, column,
                    "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[in.position()] & 0xff)
                            + "); save it as UTF-8")));
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e);
        }
        out.flip();
        return out.toString();
    }

    private static String displayName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** The problems of one parse, in file order. */
    private static final class Run {
        private final Path file;
        private final String name;
        private final List<FileProblem> problems = new ArrayList<>();
        private final SelectorCheck selectorCheck;
        private int suppressed;

        Run(Path file, SelectorCheck selectorCheck) {
            this.file = file;
            this.selectorCheck = selectorCheck;
            this.name = displayName(file);
        }

        void at(Node node, String message) {
            at(node.getStartMark(), message);
        }

        void at(Mark mark, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(mark == null
                        ? new FileProblem(name, 0, 0, message)
                        : new FileProblem(name, mark.getLine() + 1, mark.getColumn() + 1, message));
            } else {
                suppressed++;
            }
        }

        void whole(String message) {
            problems.add(new FileProblem(name, 0, 0, message));
        }

        int count() {
            return problems.size();
        }

        boolean failed() {
            return !problems.isEmpty();
        }

        FeedsFileException failure() {
            List<FileProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(FileProblem::line).thenComparingInt(FileProblem::column));
            if (suppressed > 0) {
                sorted.add(new FileProblem(name, 0, 0, suppressed + " more problems not shown"));
            }
            return new FeedsFileException(file, sorted);
        }
    }
}
