package org.claimdesk.source;


import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OPML subscription lists, the format feed readers import and export.
 *
 * <p>Reading: {@code <outline type="rss" xmlUrl=...>} becomes a feed source and
 * {@code <outline type="link" url=...>} a page source; the texts of the folders around an outline
 * and its {@code category} attribute become tags. Writing produces OPML 2.0 with one folder per first
 * tag. What OPML has no attribute for (id, poll interval, enabled, selectors...) is written in the
 * {@code claimdesk:} namespace, which other readers ignore, so an export re-imports unchanged.
 *
 * <p>The XML is read with DTDs and external entities off: an OPML file cannot make ClaimDesk read
 * local files or contact anything.
 */
public final class OpmlFile {
    /** Namespace of ClaimDesk's own outline attributes; a name only, never dereferenced. */
    public static final String NAMESPACE = "urn:claimdesk:opml:1";
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final String PREFIX = "claimdesk";

    private OpmlFile() {
    }

    public static List<Source> read(Path file, SelectorCheck selectorCheck) throws OpmlFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, selectorCheck);
        } catch (NoSuchFileException e) {
            throw new OpmlFileException(List.of(new FileProblem(name, 0, 0, "the file does not exist (" + file + ")")));
        } catch (IOException e) {
            throw new OpmlFileException(List.of(new FileProblem(name, 0, 0, "cannot read the file: " + e)));
        }
    }

    /**
     * Reads sources from OPML.
     *
     * @param name          how to call the input in problems, e.g. the file name
     * @param selectorCheck refuses CSS selectors extraction could not run
     */
    public static List<Source> read(InputStream in, String name, SelectorCheck selectorCheck) throws OpmlFileException, IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new OpmlFileException(List.of(new FileProblem(name, 0, 0,
                    "the file is larger than " + HumanUnits.formatSize(MAX_FILE_BYTES) + "; refusing to import it")));
        }
        return new Reading(name, selectorCheck).read(bytes);
    }

    /** Writes OPML 2.0 (UTF-8); does not close {@code out}. */
    public static void write(List<Source> sources, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace(PREFIX, NAMESPACE);
            newline(xml, 1);
            xml.writeStartElement("head");
            newline(xml, 2);
            xml.writeStartElement("title");
            xml.writeCharacters("ClaimDesk sources");
            xml.writeEndElement();
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 1);
            xml.writeStartElement("body");

            // Feed readers show folders, not tags: one folder per first tag, in order of appearance.
            Map<String, List<Source>> byFolder = new LinkedHashMap<>();
            for (Source source : sources) {
                byFolder.computeIfAbsent(source.tags().isEmpty() ? "" : source.tags().getFirst(), k -> new ArrayList<>())
                        .add(source);
            }
            for (Map.Entry<String, List<Source>> folder : byFolder.entrySet()) {
                int depth = 2;
                if (!folder.getKey().isEmpty()) {
                    newline(xml, 2);
                    xml.writeStartElement("outline");
                    xml.writeAttribute("text", clean(folder.getKey()));
                    xml.writeAttribute("title", clean(folder.getKey()));
                    depth = 3;
                }
                for (Source source : folder.getValue()) {
                    newline(xml, depth);
                    writeOutline(xml, source, !folder.getKey().isEmpty());
                }
                if (!folder.getKey().isEmpty()) {
                    newline(xml, 2);
                    xml.writeEndElement();
                }
            }
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write OPML: " + e.getMessage(), e);
        }
    }

    private static void writeOutline(XMLStreamWriter xml, Source source, boolean inFolder) throws XMLStreamException {
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", source.kind() == SourceKind.FEED ? "rss" : "link");
        xml.writeAttribute("text", clean(source.name()));
        xml.writeAttribute("title", clean(source.name()));
        xml.writeAttribute(source.kind() == SourceKind.FEED ? "xmlUrl" : "url", source.url().toString());
        if (source.languageHint() != null) {
            xml.writeAttribute("language", source.languageHint());
        }
        List<String> otherTags = inFolder ? source.tags().subList(1, source.tags().size()) : source.tags();
        if (!otherTags.isEmpty()) {
            xml.writeAttribute("category", String.join(",", otherTags.stream().map(t -> "/" + clean(t)).toList()));
        }
        xml.writeAttribute(PREFIX, NAMESPACE, "id", source.id());
        xml.writeAttribute(PREFIX, NAMESPACE, "poll", HumanUnits.formatDuration(source.pollInterval()));
        if (!source.enabled()) {
            xml.writeAttribute(PREFIX, NAMESPACE, "enabled", "false");
        }
        if (source.kind() == SourceKind.FEED && source.articles() != ArticleFetching.AUTO) {
            xml.writeAttribute(PREFIX, NAMESPACE, "fetchArticles", source.articles().word());
        }
        if (!source.articleHosts().equals(ArticleHosts.SAME_SITE)) {
            xml.writeAttribute(PREFIX, NAMESPACE, "articleHosts",
                    source.articleHosts().any() ? "any" : String.join(" ", source.articleHosts().sites()));
        }
        PageSelectors s = source.selectors();
        writeSelector(xml, "articleLinks", s.articleLinks());
        writeSelector(xml, "titleSelector", s.title());
        writeSelector(xml, "bylineSelector", s.byline());
        writeSelector(xml, "dateSelector", s.date());
        writeSelector(xml, "bodySelector", s.body());
    }

    private static void writeSelector(XMLStreamWriter xml, String attribute, String selector) throws XMLStreamException {
        if (selector != null) {
            xml.writeAttribute(PREFIX, NAMESPACE, attribute, selector);
        }
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 cannot carry most control characters, not even escaped. */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    /** A copy of a StAX location, which may be a live view of the parser's position. */
    private record Position(int line, int column) {
        static Position of(Location location) {
            return location == null ? null : new Position(location.getLineNumber(), location.getColumnNumber());
        }
    }

    /** One import: the state of the walk and the problems found. */
    private static final class Reading {
        private final String name;
        private final List<FileProblem> problems = new ArrayList<>();
        private final List<Source> sources = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        /** Per open outline: the folder name it gives its children, or null. */
        private final Deque<String> folders = new ArrayDeque<>();

        private byte[] bytes;
        private String text;
        private int[] lineStarts;

        private final SelectorCheck selectorCheck;

        Reading(String name, SelectorCheck selectorCheck) {
            this.name = name;
            this.selectorCheck = java.util.Objects.requireNonNull(selectorCheck, "selectorCheck");
        }

        List<Source> read(byte[] bytes) throws OpmlFileException {
            this.bytes = bytes;
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            XMLStreamReader xml = null;
            try {
                xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
                boolean seenRoot = false;
                boolean inBody = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        problem(startOf(xml, "<!DOCTYPE"), "DOCTYPE declarations are not allowed in OPML files");
                        break;
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        String element = xml.getLocalName();
                        if (!seenRoot) {
                            seenRoot = true;
                            if (!element.equals("opml")) {
                                problem(startOf(xml, "<"), "not an OPML file: the root element is <" + element + ">, not <opml>");
                                break;
                            }
                        } else if (element.equals("body") && folders.isEmpty()) {
                            inBody = true;
                        } else if (element.equals("outline") && inBody) {
                            outline(xml, startOf(xml, "<"));
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (xml.getLocalName().equals("outline") && inBody && !folders.isEmpty()) {
                            folders.pop();
                        } else if (xml.getLocalName().equals("body")) {
                            inBody = false;
                        }
                    }
                }
                if (!seenRoot && problems.isEmpty()) {
                    problem(null, "the file is empty");
                }
            } catch (XMLStreamException e) {
                problem(Position.of(e.getLocation()), "not well-formed XML: " + reason(e));
            } finally {
                if (xml != null) {
                    try {
                        xml.close();
                    } catch (XMLStreamException e) {
                        // nothing held but memory
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new OpmlFileException(problems);
            }
            return List.copyOf(sources);
        }

        private void outline(XMLStreamReader xml, Position at) {
            String type = attribute(xml, "type");
            String text = attribute(xml, "text");
            String title = attribute(xml, "title");
            String xmlUrl = attribute(xml, "xmlUrl");
            String url = attribute(xml, "url");
            String label = title != null ? title : text;
            String normalisedType = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);

            String address;
            SourceKind kind;
            if (xmlUrl != null && !xmlUrl.isBlank()) {
                address = xmlUrl;
                kind = SourceKind.FEED;
            } else if (normalisedType.equals("link") && url != null && !url.isBlank()) {
                address = url;
                kind = SourceKind.PAGE;
            } else if (normalisedType.equals("rss") || normalisedType.equals("atom")) {
                problem(at, "outline '" + label + "' of type " + type + " has no xmlUrl");
                folders.push("");
                return;
            } else if (normalisedType.isEmpty() && label != null && !label.isBlank()) {
                folders.push(label.strip());
                return;
            } else {
                // A link without url, an include, a note: nothing to watch.
                folders.push("");
                return;
            }
            folders.push("");

            URI uri;
            try {
                uri = SourceUrls.parse(address);
            } catch (IllegalArgumentException e) {
                problem(at, e.getMessage());
                return;
            }
            String language = null;
            String languageText = attribute(xml, "language");
            if (languageText != null && !languageText.isBlank()) {
                try {
                    language = LanguageHints.normalise(languageText);
                } catch (IllegalArgumentException e) {
                    problem(at, e.getMessage());
                }
            }
            Set<String> tags = new LinkedHashSet<>();
            folders.stream().toList().reversed().stream().filter(f -> !f.isEmpty()).forEach(tags::add);
            String category = attribute(xml, "category");
            if (category != null) {
                for (String path : category.split(",")) {
                    for (String part : path.split("/")) {
                        if (!part.isBlank()) {
                            tags.add(part.strip());
                        }
                    }
                }
            }

            String id = ownAttribute(xml, "id");
            if (id == null || !SourceIds.isValid(id) || ids.contains(id)) {
                id = SourceIds.derive(label, uri, ids);
            }
            Duration poll = FeedsFileParser.DEFAULT_POLL_INTERVAL;
            String pollText = ownAttribute(xml, "poll");
            if (pollText != null) {
                try {
                    poll = HumanUnits.parseDuration(pollText);
                    if (poll.compareTo(FeedsFileParser.MIN_POLL_INTERVAL) < 0) {
                        problem(at, "poll interval " + pollText + " is too short; the minimum is 1m");
                    }
                } catch (IllegalArgumentException e) {
                    problem(at, e.getMessage());
                }
            }
            boolean enabled = !"false".equalsIgnoreCase(ownAttribute(xml, "enabled"));
            ArticleFetching articles = kind == SourceKind.FEED ? articleFetching(ownAttribute(xml, "fetchArticles"))
                    : ArticleFetching.AUTO;
            ArticleHosts articleHosts = articleHosts(ownAttribute(xml, "articleHosts"));
            PageSelectors selectors = kind == SourceKind.PAGE
                    ? new PageSelectors(selector(xml, at, "articleLinks"), selector(xml, at, "titleSelector"),
                    selector(xml, at, "bylineSelector"), selector(xml, at, "dateSelector"), selector(xml, at, "bodySelector"))
                    : PageSelectors.NONE;

            ids.add(id);
            sources.add(new Source(id, label == null ? null : label.strip(), uri, kind, language, List.copyOf(tags),
                    poll, enabled, selectors, articles, articleHosts));
        }

        /** "always" or "never"; "true" from exports before those words is "always"; anything else auto. */
        private static ArticleFetching articleFetching(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "always", "true" -> ArticleFetching.ALWAYS;
                case "never" -> ArticleFetching.NEVER;
                default -> ArticleFetching.AUTO;
            };
        }

        /** "any", or the other sites separated by spaces; absent is the own site only. */
        private static ArticleHosts articleHosts(String value) {
            if (value == null || value.isBlank()) {
                return ArticleHosts.SAME_SITE;
            }
            if (value.strip().equalsIgnoreCase("any")) {
                return ArticleHosts.ANY;
            }
            return ArticleHosts.sameSiteAnd(java.util.Arrays.stream(value.strip().toLowerCase(Locale.ROOT).split("\\s+"))
                    .filter(site -> !site.contains("/")).distinct().toList());
        }

        private String selector(XMLStreamReader xml, Position at, String attribute) {
            String selector = ownAttribute(xml, attribute);
            if (selector == null || selector.isBlank()) {
                return null;
            }
            String problem = selectorCheck.problem(selector);
            if (problem != null) {
                problem(at, "invalid CSS selector '" + selector + "' in claimdesk:" + attribute + ": " + problem);
                return null;
            }
            return selector.strip();
        }

        /** An attribute without namespace; names compared ignoring case, as some exporters write xmlurl. */
        private static String attribute(XMLStreamReader xml, String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String ns = xml.getAttributeNamespace(i);
                if ((ns == null || ns.isEmpty()) && xml.getAttributeLocalName(i).equalsIgnoreCase(localName)) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private static String ownAttribute(XMLStreamReader xml, String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (NAMESPACE.equals(xml.getAttributeNamespace(i)) && xml.getAttributeLocalName(i).equals(localName)) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private void problem(Position at, String message) {
            problems.add(at == null || at.line() < 1
                    ? new FileProblem(name, 0, 0, message)
                    : new FileProblem(name, at.line(), Math.max(at.column(), 1), message));
        }

        /**
         * Where the current construct begins. StAX only tells where it ends, so search back from there
         * for its opening (a raw '<' cannot occur inside a well-formed start tag).
         */
        private Position startOf(XMLStreamReader xml, String opening) {
            Position end = Position.of(xml.getLocation());
            if (end == null || end.line() < 1) {
                return end;
            }
            if (text == null) {
                text = decode(xml.getEncoding());
                List<Integer> starts = new ArrayList<>(List.of(0));
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        starts.add(i + 1);
                    }
                }
                lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            }
            if (end.line() > lineStarts.length) {
                return end;
            }
            int offset = Math.min(text.length(), lineStarts[end.line() - 1] + Math.max(end.column() - 1, 0));
            int begin = text.lastIndexOf(opening, offset - 1);
            if (begin < 0) {
                return end;
            }
            int line = 0;
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= begin) {
                line++;
            }
            return new Position(line + 1, begin - lineStarts[line] + 1);
        }

        private String decode(String encoding) {
            try {
                String decoded = new String(bytes, encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
                return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
            } catch (IllegalArgumentException e) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }

        /** The parser's message without its "ParseError at [row,col]" preamble, which we format ourselves. */
        private static String reason(XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf("Message: ");
            return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message;
        }
    }
}
