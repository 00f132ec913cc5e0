package org.claimdesk.source;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds sources to a feeds.yml by editing its text, so that the user's comments, order and layout
 * survive (e.g. after an OPML import). The result always goes through {@link FeedsFileParser}
 * before it replaces the file.
 */
public final class FeedsFileWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private final FeedsFileParser parser;

    public FeedsFileWriter(FeedsFileParser parser) {
        this.parser = parser;
    }

    /** What {@link #append} did: the sources added (ids possibly changed) and those already present by URL. */
    public record Appended(List<Source> added, List<Source> alreadyPresent) {
    }

    /**
     * Appends sources to the {@code sources:} list of a valid feeds.yml, replacing the file in one
     * rename (a watcher sees one change). Sources whose URL is already listed are left out; an id
     * that is taken gets a numeric suffix.
     *
     * @throws FeedsFileException when the file is not valid now (it is not touched), or cannot be
     *                            appended to (a non-empty flow list {@code sources: [...]})
     */
    public Appended append(Path feedsFile, List<Source> sources) throws IOException, FeedsFileException {
        SourcesConfig existing = parser.parse(feedsFile);
        Set<String> ids = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (Source source : existing.sources()) {
            ids.add(source.id());
            urls.add(source.url().toString());
        }
        List<Source> added = new ArrayList<>();
        List<Source> present = new ArrayList<>();
        for (Source source : sources) {
            if (!urls.add(source.url().toString())) {
                present.add(source);
                continue;
            }
            String id = ids.contains(source.id()) ? SourceIds.derive(source.id(), source.url(), ids) : source.id();
            ids.add(id);
            added.add(new Source(id, source.name(), source.url(), source.kind(), source.languageHint(), source.tags(),
                    source.pollInterval(), source.enabled(), source.selectors(), source.articles(), source.articleHosts()));
        }
        if (added.isEmpty()) {
            return new Appended(List.of(), present);
        }
        String text = Files.readString(feedsFile, StandardCharsets.UTF_8);
        String updated = insert(feedsFile, text, added);
        parser.parse(feedsFile, updated);

        Path temporary = feedsFile.resolveSibling("." + feedsFile.getFileName() + ".new");
        Files.writeString(temporary, updated, StandardCharsets.UTF_8);
        Files.move(temporary, feedsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Appended(List.copyOf(added), List.copyOf(present));
    }

    /**
     * Marks the sources with these ids {@code enabled: false} by editing the file's text (an
     * {@code enabled:} line is changed, else one is added under the {@code id:} line), so the
     * user's comments and layout survive; replaces the file in one rename. Sources already
     * disabled, and ids not in the file, are left alone.
     *
     * @return the ids that were enabled and are now disabled
     * @throws FeedsFileException when the file is not valid now (it is not touched), or a source to
     *                            disable is written in flow style {@code {id: ...}}
     */
    public List<String> disable(Path feedsFile, Set<String> ids) throws IOException, FeedsFileException {
        SourcesConfig existing = parser.parse(feedsFile);
        Set<String> toDisable = new HashSet<>();
        for (Source source : existing.sources()) {
            if (source.enabled() && ids.contains(source.id())) {
                toDisable.add(source.id());
            }
        }
        if (toDisable.isEmpty()) {
            return List.of();
        }
        String text = Files.readString(feedsFile, StandardCharsets.UTF_8);
        // Edits go from the end of the file to its start, so earlier offsets stay valid.
        List<int[]> edits = new ArrayList<>(); // {start, end, 0 = write "false", 1 = insert a line}
        List<String> indents = new ArrayList<>();
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        if (root instanceof MappingNode top) {
            for (NodeTuple tuple : top.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("sources")
                        && tuple.getValueNode() instanceof SequenceNode list) {
                    for (Node entry : list.getValue()) {
                        if (entry instanceof MappingNode source) {
                            disableEntry(feedsFile, text, source, toDisable, edits, indents);
                        }
                    }
                }
            }
        }
        StringBuilder updated = new StringBuilder(text);
        for (int i = edits.size() - 1; i >= 0; i--) {
            int[] edit = edits.get(i);
            if (edit[2] == 0) {
                updated.replace(edit[0], edit[1], "false");
            } else {
                updated.insert(edit[0], indents.get(i) + "enabled: false\n");
            }
        }
        parser.parse(feedsFile, updated.toString());
        Path temporary = feedsFile.resolveSibling("." + feedsFile.getFileName() + ".new");
        Files.writeString(temporary, updated.toString(), StandardCharsets.UTF_8);
        Files.move(temporary, feedsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return toDisable.stream().sorted().toList();
    }

    private static void disableEntry(Path file, String text, MappingNode source, Set<String> toDisable,
                                     List<int[]> edits, List<String> indents) throws FeedsFileException {
        ScalarNode idKey = null;
        ScalarNode idValue = null;
        ScalarNode enabledValue = null;
        for (NodeTuple tuple : source.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                if (key.getValue().equals("id")) {
                    idKey = key;
                    idValue = value;
                } else if (key.getValue().equals("enabled")) {
                    enabledValue = value;
                }
            }
        }
        if (idValue == null || !toDisable.contains(idValue.getValue())) {
            return;
        }
        if (source.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK) {
            throw new FeedsFileException(file, List.of(new FileProblem(file.getFileName().toString(),
                    source.getStartMark().getLine() + 1, source.getStartMark().getColumn() + 1,
                    "cannot change a source written in flow style {...}; write it as a block mapping")));
        }
        if (enabledValue != null) {
            edits.add(new int[] {charIndex(text, enabledValue.getStartMark().getIndex()),
                    charIndex(text, enabledValue.getEndMark().getIndex()), 0});
            indents.add("");
            return;
        }
        // under the id line, indented like the id key, so a comment after the id stays where it was
        int idEnd = charIndex(text, idValue.getEndMark().getIndex());
        int lineEnd = text.indexOf('\n', idEnd);
        edits.add(new int[] {lineEnd < 0 ? text.length() : lineEnd + 1, 0, 1});
        indents.add((lineEnd < 0 ? "\n" : "") + " ".repeat(idKey.getStartMark().getColumn()));
    }

    /** feeds.yml entries for the sources, each starting with {@code indent + "- id: "}. */
    public static String entries(List<Source> sources, String indent) {
        StringBuilder out = new StringBuilder();
        for (Source s : sources) {
            String in = indent + "  ";
            out.append('\n');
            out.append(indent).append("- id: ").append(scalar(s.id())).append('\n');
            if (!s.name().equals(s.id())) {
                out.append(in).append("name: ").append(scalar(s.name())).append('\n');
            }
            // An http(s) URI has no spaces, so it cannot contain a comment or a ": " and is safe unquoted.
            out.append(in).append("url: ").append(s.url()).append('\n');
            out.append(in).append("kind: ").append(s.kind() == SourceKind.FEED ? "feed" : "page").append('\n');
            if (s.languageHint() != null) {
                out.append(in).append("language: ").append(scalar(s.languageHint())).append('\n');
            }
            if (!s.tags().isEmpty()) {
                out.append(in).append("tags: [")
                        .append(String.join(", ", s.tags().stream().map(FeedsFileWriter::quoted).toList())).append("]\n");
            }
            out.append(in).append("poll: ").append(HumanUnits.formatDuration(s.pollInterval())).append('\n');
            if (!s.enabled()) {
                out.append(in).append("enabled: false\n");
            }
            if (s.kind() == SourceKind.FEED && s.articles() != ArticleFetching.AUTO) {
                out.append(in).append("fetch_articles: ").append(s.articles().word()).append('\n');
            }
            if (!s.articleHosts().equals(ArticleHosts.SAME_SITE)) {
                out.append(in).append("article_hosts: ").append(s.articleHosts()).append('\n');
            }
            if (!s.selectors().isEmpty()) {
                out.append(in).append("selectors:\n");
                selector(out, in, "article_links", s.selectors().articleLinks());
                selector(out, in, "title", s.selectors().title());
                selector(out, in, "byline", s.selectors().byline());
                selector(out, in, "date", s.selectors().date());
                selector(out, in, "body", s.selectors().body());
            }
        }
        return out.toString();
    }

    private static void selector(StringBuilder out, String indent, String key, String selector) {
        if (selector != null) {
            out.append(indent).append("  ").append(key).append(": ").append(quoted(selector)).append('\n');
        }
    }

    /** Where the new entries go: after the last entry of a block list, in place of {@code []}, or in a new {@code sources:}. */
    private String insert(Path file, String text, List<Source> added) throws FeedsFileException {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        NodeTuple sourcesTuple = null;
        if (root instanceof MappingNode top) {
            for (NodeTuple tuple : top.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("sources")) {
                    sourcesTuple = tuple;
                }
            }
        }
        String ending = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        if (sourcesTuple == null) {
            return text + ending + "\nsources:" + entries(added, "  ");
        }
        Node value = sourcesTuple.getValueNode();
        if (value instanceof SequenceNode list && !list.getValue().isEmpty()
                && list.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK) {
            Node last = list.getValue().getLast();
            int at = charIndex(text, last.getEndMark().getIndex());
            String indent = " ".repeat(list.getStartMark().getColumn());
            // A block node ends where the next token starts; back up to the end of its last line.
            int lineEnd = text.lastIndexOf('\n', Math.max(at - 1, 0));
            int insertAt = at >= text.length() ? text.length() : lineEnd + 1;
            String before = text.substring(0, insertAt);
            return before + (before.endsWith("\n") ? "" : "\n") + entries(added, indent) + text.substring(insertAt);
        }
        if (value instanceof SequenceNode list && list.getValue().isEmpty()) {
            int start = charIndex(text, list.getStartMark().getIndex());
            int end = charIndex(text, list.getEndMark().getIndex());
            return text.substring(0, start) + entries(added, "  ").stripTrailing() + text.substring(end);
        }
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            int keyEnd = charIndex(text, sourcesTuple.getKeyNode().getEndMark().getIndex());
            int lineEnd = text.indexOf('\n', keyEnd);
            int insertAt = lineEnd < 0 ? text.length() : lineEnd;
            return text.substring(0, insertAt) + entries(added, "  ").stripTrailing() + text.substring(insertAt);
        }
        throw new FeedsFileException(file, List.of(new FileProblem(file.getFileName().toString(),
                sourcesTuple.getKeyNode().getStartMark().getLine() + 1, 1,
                "cannot add sources to a 'sources:' list written in flow style [...]; write it as a block list")));
    }

    /** SnakeYAML marks count code points; Java strings count UTF-16 units. */
    private static int charIndex(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
    }

    private static String scalar(String text) {
        return PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))
                ? text : quoted(text);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
