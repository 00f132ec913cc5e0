package org.claimdesk.ingest;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.source.Source;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StoredItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineImporterTest {
    static final String ARABIC_FEED = """
            <?xml version="1.0" encoding="windows-1256"?>
            <rss version="2.0"><channel><title>أخبار تجريبية</title><link>https://ar.example.org/</link><language>ar</language>
            <item><title>الحكومة تنفي شائعة تلوث مياه الشرب</title><link>https://ar.example.org/news/1?utm_source=x</link>
            <guid>ar-1</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>
            <description>نفت وزارة الصحة اليوم ما تداولته مواقع التواصل الاجتماعي عن تلوث مياه الشرب في المدينة بعد الفيضانات.</description></item>
            <item><title>خبر ثان</title><link>https://ar.example.org/news/2</link><guid>ar-2</guid>
            <description>نص الخبر الثاني عن الانتخابات المحلية.</description></item>
            </channel></rss>
            """;
    static final String ENGLISH_PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Water rumour debunked | Example Times</title>
            <link rel="canonical" href="https://times.example.org/2026/11/water-rumour-debunked"></head>
            <body><nav><a href="/">Home</a><a href="/world">World</a></nav>
            <article><h1>Water rumour debunked</h1><p class="byline">By Sam Carter</p>
            <p>Claims that the city's tap water was poisoned after the floods spread quickly on social media on Friday, but the water authority said tests found no contamination.</p>
            <p>The authority published the results of 240 samples taken at treatment plants and homes, all within safe limits, and urged residents to check official channels.</p>
            <p>Fact-checkers traced the rumour to a doctored screenshot of a news bulletin that had been shared thousands of times.</p></article>
            <footer>© Example Times</footer></body></html>
            """;
    static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Desk feeds</title></head><body>
            <outline text="Fact checks"><outline type="rss" text="Example Checks" xmlUrl="https://checks.example.org/feed.xml"/></outline>
            </body></opml>
            """;

    @TempDir
    Path tmp;
    Database database;
    ItemStore items;
    SourceStore sources;
    OfflineImporter importer;

    @BeforeEach
    void open() {
        database = Database.open(tmp.resolve("db"));
        items = new ItemStore(database);
        sources = new SourceStore(database);
        importer = new OfflineImporter(new FeedParser(), new ArticleExtractor(), items, sources, Clock.systemUTC(), 1024 * 1024);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Path savedFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("saved"));
        Files.write(dir.resolve("arabic.xml"), ARABIC_FEED.getBytes(Charset.forName("windows-1256")));
        Files.writeString(dir.resolve("water.html"), ENGLISH_PAGE);
        Files.writeString(dir.resolve("desk.opml"), OPML);
        Files.writeString(dir.resolve("notes.txt"), "remember to check the minister's quote");
        return dir;
    }

    @Test
    void importsAFolderOfFeedsPagesAndOpml() throws Exception {
        ImportReport report = importer.importPath(savedFolder(), ImportProgress.NONE);

        assertThat(report.files()).isEqualTo(4);
        assertThat(report.newItems()).isEqualTo(3);
        assertThat(report.problems()).singleElement().asString().startsWith("notes.txt: not a feed");
        assertThat(report.sources()).extracting(Source::url).extracting(Object::toString)
                .containsExactly("https://checks.example.org/feed.xml");

        List<ItemSummary> newest = items.newest(10);
        assertThat(newest).extracting(ItemSummary::title)
                .contains("الحكومة تنفي شائعة تلوث مياه الشرب", "Water rumour debunked");
        StoredItem page = items.find(newest.stream().filter(i -> i.title().equals("Water rumour debunked"))
                .findFirst().orElseThrow().id()).orElseThrow();
        // A saved page is known by its web address, not by where it sat on disk.
        assertThat(page.url().toString()).isEqualTo("https://times.example.org/2026/11/water-rumour-debunked");
        assertThat(page.text()).contains("240 samples").doesNotContain("Home", "© Example Times");
        // its source is named after the site it was saved from, not after its own headline
        // (this page names no site, so its web host stands in; the sample's pages name theirs)
        assertThat(sources.health()).extracting(h -> h.name()).contains("times.example.org")
                .doesNotContain("Water rumour debunked");
        assertThat(page.language()).isEqualTo("en");
        StoredItem arabic = items.find(newest.stream().filter(i -> i.title().startsWith("الحكومة"))
                .findFirst().orElseThrow().id()).orElseThrow();
        assertThat(arabic.canonicalUrl().toString()).isEqualTo("https://ar.example.org/news/1");
        assertThat(arabic.language()).isEqualTo("ar");
        assertThat(sources.health()).anySatisfy(h -> assertThat(h.sourceId()).startsWith("import-"));
    }

    @Test
    void importingTheSameFilesTwiceAddsNothing() throws Exception {
        Path dir = savedFolder();
        importer.importPath(dir, ImportProgress.NONE);
        ImportReport again = importer.importPath(dir, ImportProgress.NONE);
        assertThat(again.newItems()).isZero();
        assertThat(items.count()).isEqualTo(3);
    }

    @Test
    void importsAZipAndReportsProgress() throws Exception {
        Path zip = tmp.resolve("bundle.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("feeds/arabic.rss"));
            z.write(ARABIC_FEED.getBytes(Charset.forName("windows-1256")));
            z.putNextEntry(new ZipEntry("pages/water.htm"));
            z.write(ENGLISH_PAGE.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportReport report = importer.importPath(zip, (done, total, current) -> seen.add(done + "/" + total + " " + current));
        assertThat(report.newItems()).isEqualTo(3);
        assertThat(report.problems()).isEmpty();
        assertThat(seen).containsExactly("1/2 feeds/arabic.rss", "2/2 pages/water.htm");
    }

    @Test
    void aCorruptZipIsRefusedClearlyAndStoresNothing() throws Exception {
        Path zip = tmp.resolve("broken.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        ImportReport report = importer.importPath(zip, ImportProgress.NONE);
        assertThat(report.problems()).singleElement().asString()
                .contains("broken.zip").contains("not a readable zip file");
        assertThat(items.count()).isZero();
    }

    @Test
    void aBrokenFeedIsReportedWithWhereAndTheRestIsImported() throws Exception {
        Path dir = savedFolder();
        Files.writeString(dir.resolve("broken.xml"), "<rss version=\"2.0\"><channel><title>x</title><item><title>a</item></channel></rss>");
        ImportReport report = importer.importPath(dir, ImportProgress.NONE);
        assertThat(report.newItems()).isEqualTo(3);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("broken.xml: ").containsIgnoringCase("line"));
    }

    @Test
    void aFileOverTheSizeLimitIsSkipped() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("big"));
        Files.write(dir.resolve("huge.html"), new byte[2 * 1024 * 1024]);
        ImportReport report = importer.importPath(dir, ImportProgress.NONE);
        assertThat(report.problems()).singleElement().asString().contains("huge.html").contains("limit");
        assertThat(items.count()).isZero();
    }

    @Test
    void aSavedPageWithoutAWebAddressKeepsNoLinkAndHostileLinksInASavedFeedAreDropped() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hostile"));
        Files.writeString(dir.resolve("page.html"), "<html lang=\"en\"><head><title>No address</title>"
                + "<link rel=\"canonical\" href=\"javascript:alert(1)\"></head><body><article><h1>No address</h1><p>"
                + "A saved page that names no web address of its own. ".repeat(10) + "</p></article></body></html>");
        Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel><title>Saved</title>"
                + "<item><title>Script</title><link>javascript:alert(1)</link><description>text</description></item>"
                + "<item><title>Secret</title><link>https://me:pw@news.example.org/a</link><description>text 2</description></item>"
                + "</channel></rss>");

        importer.importPath(dir, ImportProgress.NONE);

        List<StoredItem> stored = items.newest(10).stream().map(i -> items.find(i.id()).orElseThrow()).toList();
        assertThat(stored).hasSize(3);
        assertThat(stored).filteredOn(i -> "No address".equals(i.title())).singleElement()
                .satisfies(i -> assertThat(i.url()).isNull());
        assertThat(stored).filteredOn(i -> "Script".equals(i.title())).singleElement()
                .satisfies(i -> assertThat(i.url()).isNull());
        assertThat(stored).filteredOn(i -> "Secret".equals(i.title())).singleElement()
                .satisfies(i -> assertThat(i.url()).hasToString("https://news.example.org/a"));
    }

    @Test
    void aMissingPathIsAProblemNotACrash() throws Exception {
        ImportReport report = importer.importPath(tmp.resolve("nowhere"), ImportProgress.NONE);
        assertThat(report.problems()).singleElement().asString().contains("no such file");
    }
}
