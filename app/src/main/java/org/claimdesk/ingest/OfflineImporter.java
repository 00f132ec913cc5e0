package org.claimdesk.ingest;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.extract.Article;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.extract.ExtractException;
import org.claimdesk.extract.FeedEntry;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.extract.ParsedFeed;
import org.claimdesk.extract.UrlCanonicalizer;
import org.claimdesk.extract.WebLinks;
import org.claimdesk.source.OpmlFile;
import org.claimdesk.source.OpmlFileException;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SaveOutcome;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports what was saved while offline: a folder or zip of RSS/Atom files, HTML pages and OPML
 * feed lists. Feeds and pages become items, attributed to a source named after the file
 * (so the analyst can tell where they came from); OPML outlines are returned as sources for the
 * caller to add to feeds.yml. A file that cannot be read is listed in the report and skipped.
 */
public final class OfflineImporter {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineImporter.class);
    /** Ids of the sources imported files are attributed to start with this. */
    public static final String SOURCE_ID_PREFIX = "import-";
    /** Entries in one zip: past this it is more likely a zip bomb than a saved bundle. */
    private static final int MAX_ZIP_ENTRIES = 100_000;

    private final FeedParser feedParser;
    private final ArticleExtractor articleExtractor;
    private final ItemStore items;
    private final SourceStore sources;
    private final Clock clock;
    private final long maxFileBytes;

    public OfflineImporter(FeedParser feedParser, ArticleExtractor articleExtractor, ItemStore items,
                           SourceStore sources, Clock clock, long maxFileBytes) {
        this.feedParser = feedParser;
        this.articleExtractor = articleExtractor;
        this.items = items;
        this.sources = sources;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    /** One file to import, from a folder or a zip. */
    private interface SavedFile {
        String name();

        long size();

        byte[] read() throws IOException;
    }

    /** Blocks until done; cancel by interrupting the calling thread (the report says so). */
    public ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        if (!Files.exists(path)) {
            return new ImportReport(0, 0, List.of(), List.of(path + ": no such file or folder"), false);
        }
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
            } catch (IOException e) {
                return new ImportReport(0, 0, List.of(), List.of(path + ": cannot list folder: " + e.getMessage()), false);
            }
            List<SavedFile> saved = files.stream().map(f -> (SavedFile) new FolderFile(path, f)).toList();
            return importFiles(saved, progress);
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(path.toFile())) {
                List<SavedFile> saved = new ArrayList<>();
                for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                    if (saved.size() >= MAX_ZIP_ENTRIES) {
                        return new ImportReport(0, 0, List.of(), List.of(path + ": more than " + MAX_ZIP_ENTRIES
                                + " files in the zip; not imported"), false);
                    }
                    saved.add(new ZipEntryFile(zip, entry, maxFileBytes));
                }
                return importFiles(saved, progress);
            } catch (ZipException e) {
                return new ImportReport(0, 0, List.of(), List.of(path + ": not a readable zip file (" + e.getMessage() + ")"), false);
            } catch (IOException e) {
                return new ImportReport(0, 0, List.of(), List.of(path + ": cannot read: " + e.getMessage()), false);
            }
        }
        return importFiles(List.of(new FolderFile(path.toAbsolutePath().getParent(), path)), progress);
    }

    private ImportReport importFiles(List<SavedFile> files, ImportProgress progress) throws InterruptedException {
        int newItems = 0;
        int done = 0;
        List<Source> foundSources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SavedFile file : files) {
            if (Thread.currentThread().isInterrupted()) {
                return new ImportReport(done, newItems, foundSources, problems, true);
            }
            try {
                newItems += importFile(file, foundSources);
            } catch (ImportProblem e) {
                problems.add(file.name() + ": " + e.getMessage());
            } catch (StoreException e) {
                LOG.error("storing items from {} failed", file.name(), e);
                problems.add(file.name() + ": could not be stored: " + e.getMessage());
            }
            progress.fileDone(++done, files.size(), file.name());
        }
        return new ImportReport(done, newItems, foundSources, problems, false);
    }

    private static final class ImportProblem extends Exception {
        ImportProblem(String message) {
            super(message);
        }
    }

    private int importFile(SavedFile file, List<Source> foundSources) throws ImportProblem {
        if (file.size() > maxFileBytes) {
            throw new ImportProblem("larger than the " + (maxFileBytes / (1024 * 1024)) + " MB limit; skipped");
        }
        byte[] content;
        try {
            content = file.read();
        } catch (IOException e) {
            throw new ImportProblem("cannot read: " + e.getMessage());
        }
        URI fileUri = fileUri(file.name());
        try {
            return switch (SavedFileKind.of(file.name(), content)) {
                case OPML -> {
                    foundSources.addAll(OpmlFile.read(new ByteArrayInputStream(content), file.name(), CssSelectors.CHECK));
                    yield 0;
                }
                case FEED -> importFeed(file.name(), fileUri, content);
                case PAGE -> importPage(file.name(), fileUri, content);
                case OTHER -> throw new ImportProblem("not a feed, a web page or an OPML list; skipped");
            };
        } catch (ExtractException e) {
            throw new ImportProblem(e.getMessage());
        } catch (OpmlFileException e) {
            throw new ImportProblem(String.join("; ", e.lines()));
        } catch (IOException e) {
            throw new ImportProblem("cannot read: " + e.getMessage());
        }
    }

    private int importFeed(String name, URI fileUri, byte[] content) throws ExtractException {
        ParsedFeed feed = feedParser.parse(content, null, fileUri);
        Source source = importSource(name, fileUri, SourceKind.FEED, feed.title(), feed.language());
        Instant now = clock.instant();
        int inserted = 0;
        for (FeedEntry entry : feed.entries()) {
            if (IngestService.isEmpty(entry)) {
                continue;
            }
            URI canonical = isWeb(entry.link()) ? UrlCanonicalizer.canonical(entry.link()) : null;
            // The imported source's language hint is the feed's language: the same fallback as a poll.
            if (items.save(IngestService.fromEntry(source, entry, canonical, now)) == SaveOutcome.INSERTED) {
                inserted++;
            }
        }
        return inserted;
    }

    private int importPage(String name, URI fileUri, byte[] content) throws ExtractException {
        Article article = articleExtractor.extract(content, null, fileUri, PageSelectors.NONE);
        // A saved page often names its web address (<link rel=canonical>): that is the address analysts share.
        URI web = WebLinks.safe(article.canonicalUrl());
        Source source = importSource(name, fileUri, SourceKind.PAGE, sourceNameOf(article, web, name), article.language());
        // Without a web address the item keeps no link: the source names the file, and only http(s) links are stored.
        NewItem item = new NewItem(source.id(), web, web, null, article.title(), article.byline(),
                article.text(), article.language(), article.published(), clock.instant(), ContentHash.of(article.text()));
        return items.save(item) == SaveOutcome.INSERTED ? 1 : 0;
    }

    /**
     * What a saved page's source is called: the site's own name, else its web host, else the
     * file's name. Never the page's headline: that names the item, not where it came from.
     */
    static String sourceNameOf(Article article, URI web, String fileName) {
        if (article.siteName() != null) {
            return article.siteName();
        }
        return web != null && web.getHost() != null ? web.getHost() : fileName;
    }

    /** The source imported items are attributed to: one per file, kept apart from feeds.yml. */
    private Source importSource(String fileName, URI fileUri, SourceKind kind, String title, String language) {
        String id = SOURCE_ID_PREFIX + slug(fileName);
        // The origin shows beside the name ("imported from a saved file"), so the name is the feed's or page's own.
        String name = title == null || title.isBlank() ? fileName : title;
        Source source = new Source(id, name, fileUri, kind, language, List.of("import"), Duration.ofDays(365),
                false, PageSelectors.NONE, false);
        sources.registerImported(source);
        return source;
    }

    static String slug(String fileName) {
        String s = fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "file" : s.length() > 80 ? s.substring(s.length() - 80) : s;
    }

    private static boolean isWeb(URI uri) {
        return uri != null && uri.getScheme() != null
                && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
    }

    /** A file: URI naming the saved file, with characters a URI cannot hold quoted. */
    private static URI fileUri(String name) {
        try {
            return new URI("file", null, "/" + name.replace('\\', '/'), null);
        } catch (java.net.URISyntaxException e) {
            return URI.create("file:///imported");
        }
    }

    private record FolderFile(Path base, Path file) implements SavedFile {
        @Override
        public String name() {
            return base == null ? file.getFileName().toString() : base.relativize(file).toString();
        }

        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }
    }

    private record ZipEntryFile(ZipFile zip, ZipEntry entry, long maxBytes) implements SavedFile {
        @Override
        public String name() {
            return entry.getName();
        }

        @Override
        public long size() {
            return Math.max(entry.getSize(), 0);
        }

        /** Reads at most maxBytes + 1, whatever the entry claims, so a lying header cannot exhaust memory. */
        @Override
        public byte[] read() throws IOException {
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException("larger than the " + (maxBytes / (1024 * 1024)) + " MB limit once unpacked");
                }
                return bytes;
            }
        }
    }
}
