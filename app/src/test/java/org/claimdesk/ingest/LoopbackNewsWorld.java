package org.claimdesk.ingest;

import org.claimdesk.ingest.NewsPageTemplates.Template;
import org.claimdesk.source.Source;
import org.claimdesk.testing.LoopbackServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;

/**
 * A generated world of news sites on loopback, for measuring the article stage end to end: each
 * site is a real HTTP server on its own address (127.0.0.10, .11, …), so the address rule lets
 * each source reach its own host and the fetcher's politeness is per site, as on the web. Each
 * site has a few section feeds (RSS 2.0 or Atom) that carry only a short summary of every entry,
 * so ClaimDesk fetches every article page; the pages wrap the article in one of
 * {@link NewsPageTemplates}'s kinds of markup. Article bodies are real sentences of the site's
 * language ({@link RealSentences}), drawn anew for every article.
 *
 * <p>Pages and the reference text of every article (its title on the first line, then its
 * paragraphs) are written to disk before the servers answer, so the measured process holds
 * neither; the servers read each page from disk per request.
 */
final class LoopbackNewsWorld implements AutoCloseable {
    /** One paragraph or sub-heading of an article's body. */
    record Block(boolean heading, String text) {
    }

    record NewsArticle(int site, int number, String section, URI url, String title, String byline, Instant published,
                       String summary, List<Block> body, String caption) {
        /** What a perfect extractor returns: the body's headings and paragraphs, nothing around them. */
        String bodyText() {
            return String.join("\n", body.stream().map(Block::text).toList());
        }
    }

    /** How one site looks and answers. */
    record Site(int index, String address, int port, String language, Template template, String name, Charset charset,
                boolean charsetInHeader, boolean charsetInMeta, boolean gzip, boolean atom, boolean cookieBanner,
                boolean comments, String titleSeparator, String classSuffix, int hashSalt) {
        PageFurniture furniture() {
            return PageFurniture.of(language);
        }

        /** A class name in this site's own spelling. */
        String cls(String base) {
            return base + classSuffix;
        }

        /** A generated class name, as CSS-in-JS emits them. */
        String hash(String base) {
            return "css-" + Integer.toString((base.hashCode() * 31 + hashSalt) & 0x7fffffff, 36);
        }

        URI uri(String path) {
            return URI.create("http://" + address + ":" + port + path);
        }
    }

    /** A source of the world for feeds.yml. */
    record Feed(String id, String name, URI url, String language) {
    }

    private static final List<String> SECTIONS = List.of("world", "politics", "economy", "society", "culture", "science");
    private static final Instant NEWEST = Instant.parse("2026-11-20T18:00:00Z");
    private static final Map<String, String> SITE_NAMES = Map.of("en", "The Harbour Ledger", "de", "Tagesbote",
            "ar", "صحيفة الأفق", "ja", "みなと新聞", "ru", "Вечерние вести", "fr", "Le Courrier du Port",
            "es", "El Diario del Puerto", "zh", "港口日报");

    private final List<LoopbackServer> servers;
    private final List<Site> sites;
    private final List<Feed> feeds;
    private final Map<String, Path> referenceByUrl;
    private final long pageBytes;

    private LoopbackNewsWorld(List<LoopbackServer> servers, List<Site> sites, List<Feed> feeds,
                              Map<String, Path> referenceByUrl, long pageBytes) {
        this.servers = servers;
        this.sites = sites;
        this.feeds = feeds;
        this.referenceByUrl = referenceByUrl;
        this.pageBytes = pageBytes;
    }

    /**
     * Generates the world into {@code dir} and starts its servers.
     *
     * @param languages the sites' languages, one per site; each must have sentences and furniture
     */
    static LoopbackNewsWorld start(Path dir, Map<String, List<String>> sentences, List<String> languages,
                                   int feedsPerSite, int entriesPerFeed, long seed) throws IOException {
        List<LoopbackServer> servers = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        List<Feed> feeds = new ArrayList<>();
        Map<String, Path> references = new HashMap<>();
        Map<String, Set<String>> usedLeads = new HashMap<>();
        long bytes = 0;
        try {
            for (int i = 0; i < languages.size(); i++) {
                Random random = new Random(seed * 1_000 + i);
                LoopbackServer server = LoopbackServer.start("127.0.0." + (10 + i));
                servers.add(server);
                Site site = site(i, server.port(), languages.get(i), random);
                sites.add(site);
                Path siteDir = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "site-%02d", i)));
                List<String> pool = encodable(sentences.get(site.language()), site.charset());
                List<NewsArticle> articles = new ArrayList<>();
                for (int n = 0; n < feedsPerSite * entriesPerFeed; n++) {
                    articles.add(article(site, n, SECTIONS.get(n % feedsPerSite), pool,
                            usedLeads.computeIfAbsent(site.language(), l -> new HashSet<>()), random));
                }
                for (NewsArticle article : articles) {
                    String html = NewsPageTemplates.page(site, article, others(articles, article), pool, random);
                    byte[] body = html.getBytes(site.charset());
                    body = site.gzip() ? LoopbackServer.gzip(body) : body;
                    bytes += body.length;
                    Path page = siteDir.resolve(article.number() + (site.gzip() ? ".html.gz" : ".html"));
                    Files.write(page, body);
                    Path reference = siteDir.resolve(article.number() + ".txt");
                    Files.writeString(reference, article.title() + "\n" + article.bodyText(), StandardCharsets.UTF_8);
                    references.put(article.url().toString(), reference);
                    String contentType = "text/html" + (site.charsetInHeader() ? "; charset=" + site.charset().name() : "");
                    serveFile(server, article.url().getPath(), page, contentType, site.gzip());
                }
                for (int f = 0; f < feedsPerSite; f++) {
                    String section = SECTIONS.get(f);
                    List<NewsArticle> entries = articles.stream().filter(a -> a.section().equals(section)).toList();
                    String path = "/feeds/" + section + (site.atom() ? ".atom" : ".xml");
                    Path file = siteDir.resolve(section + "-feed.xml");
                    Files.writeString(file, site.atom() ? atom(site, section, path, entries) : rss(site, section, entries));
                    serveFile(server, path, file, site.atom() ? "application/atom+xml" : "application/rss+xml", false);
                    feeds.add(new Feed(String.format(Locale.ROOT, "site%02d-%s", i, section), site.name() + " – " + section,
                            site.uri(path), site.language()));
                }
            }
        } catch (IOException | RuntimeException e) {
            servers.forEach(LoopbackServer::close);
            throw e;
        }
        return new LoopbackNewsWorld(servers, sites, feeds, references, bytes);
    }

    List<Site> sites() {
        return sites;
    }

    List<Feed> feeds() {
        return feeds;
    }

    int articles() {
        return referenceByUrl.size();
    }

    /** Bytes of all article pages as served (compressed where the site compresses). */
    long pageBytes() {
        return pageBytes;
    }

    /** The generated article at this address: title and body text, or null when it is not one of ours. */
    Reference reference(String url) {
        Path file = referenceByUrl.get(url);
        if (file == null) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new Reference(text.substring(0, newline), text.substring(newline + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Reference(String title, String body) {
    }

    /** The addresses of every generated article. */
    List<String> articleUrls() {
        return List.copyOf(referenceByUrl.keySet());
    }

    /** feeds.yml for the world, with politeness 0 so the figures are ClaimDesk's own cost. */
    String feedsYml() {
        StringBuilder yml = new StringBuilder("settings:\n  politeness_delay: 0\n\nsources:\n");
        for (Feed feed : feeds) {
            yml.append("  - id: ").append(feed.id()).append('\n')
                    .append("    name: \"").append(feed.name()).append("\"\n")
                    .append("    url: ").append(feed.url()).append('\n')
                    .append("    language: ").append(feed.language()).append('\n');
        }
        return yml.toString();
    }

    @Override
    public void close() {
        servers.forEach(LoopbackServer::close);
    }

    // ---------------------------------------------------------------- generation

    private static Site site(int index, int port, String language, Random random) {
        Template template = Template.values()[index % Template.values().length];
        String[] separators = {" | ", " - ", " – ", " :: ", " · "};
        String[] suffixes = {"", "-main", "__inner", "-v2", "_wrap", "-content"};
        Charset charset = StandardCharsets.UTF_8;
        boolean inHeader = random.nextInt(4) != 0;
        boolean inMeta = !inHeader || random.nextBoolean();
        // two sites in legacy encodings, declared as such sites declare them
        if (language.equals("ru") && index % 3 == 0) {
            charset = Charset.forName("windows-1251");
            inHeader = true;
            inMeta = false;
        } else if (language.equals("ja") && index % 3 == 0) {
            charset = Charset.forName("Shift_JIS");
            inHeader = false;
            inMeta = true;
        }
        return new Site(index, "127.0.0." + (10 + index), port, language, template,
                SITE_NAMES.get(language) + " " + (index + 1), charset, inHeader, inMeta, random.nextBoolean(),
                random.nextInt(3) == 0, random.nextInt(5) != 0, random.nextInt(3) != 0,
                separators[random.nextInt(separators.length)], suffixes[random.nextInt(suffixes.length)], random.nextInt());
    }

    private static List<String> encodable(List<String> sentences, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        return sentences.stream().filter(encoder::canEncode).toList();
    }

    /**
     * An article of real sentences in a new order. Its lead, two or three short sentences, is also the
     * feed's summary and differs from every other article's in the world: real teasers differ,
     * and ClaimDesk rightly takes two entries with the same long text for one story.
     */
    private static NewsArticle article(Site site, int number, String section, List<String> pool, Set<String> usedLeads,
                                       Random random) {
        boolean cjk = isCjk(pool.getFirst());
        List<String> shortOnes = pool.stream().filter(s -> s.length() <= (cjk ? 120 : 240)).toList();
        List<String> leadSentences = new ArrayList<>();
        String lead;
        for (int attempt = 0; ; attempt++) {
            // two sentences while unused pairs are easy to find, then three: small pools run out of pairs
            leadSentences.clear();
            for (int k = attempt < 50 ? 2 : 3; leadSentences.size() < k; ) {
                String sentence = shortOnes.get(random.nextInt(shortOnes.size()));
                if (!leadSentences.contains(sentence)) {
                    leadSentences.add(sentence);
                }
            }
            lead = String.join(cjk ? "" : " ", leadSentences);
            if (lead.length() < Source.SUMMARY_BELOW_CHARS - 40 && usedLeads.add(lead)) {
                break;
            }
            if (attempt > 10_000) {
                throw new IllegalStateException("not enough " + site.language() + " sentences for distinct leads");
            }
        }
        Set<String> inLead = Set.copyOf(leadSentences);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!inLead.contains(pool.get(i))) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        int next = 0;
        int paragraphs = 4 + random.nextInt(10);
        List<Block> body = new ArrayList<>();
        body.add(new Block(false, lead));
        for (int p = 1; p < paragraphs && next < order.size() - 4; p++) {
            if (p > 1 && random.nextInt(6) == 0) {
                body.add(new Block(true, words(pool.get(order.get(next++)), 7, random)));
            }
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0, n = 1 + random.nextInt(3); s < n && next < order.size() - 3; s++) {
                paragraph.append(s == 0 ? "" : cjk ? "" : " ").append(pool.get(order.get(next++)));
            }
            body.add(new Block(false, paragraph.toString()));
        }
        String title = words(pool.get(order.get(next++)), 12, random);
        String caption = random.nextInt(5) < 3 ? words(pool.get(order.get(next)), 14, random) : null;
        String summary = lead;
        PageFurniture furniture = site.furniture();
        String byline = furniture.names().get(random.nextInt(furniture.names().size()));
        String path = switch (site.template()) {
            case SEMANTIC -> "/news/" + section + "/" + number;
            case DIV_GRID -> "/" + section + "/article-" + number + ".html";
            case TABLE_LAYOUT -> "/detail/" + number + ".htm";
            case HASHED_CLASSES -> "/2026/11/" + (10 + number % 10) + "/" + section + "/story-" + number + ".html";
            case WORDPRESS -> "/2026/11/" + (10 + number % 10) + "/post-" + number + "/";
            case PORTAL -> "/" + section + "/20261120/" + number + ".shtml";
        };
        return new NewsArticle(site.index(), number, section, site.uri(path), title, byline,
                NEWEST.minusSeconds(37L * 60 * number + random.nextInt(600)), summary, List.copyOf(body), caption);
    }

    /** Articles of the same site other than this one, for the lists around it. */
    private static List<NewsArticle> others(List<NewsArticle> articles, NewsArticle article) {
        List<NewsArticle> others = new ArrayList<>(articles.size() - 1);
        for (NewsArticle a : articles) {
            if (a != article) {
                others.add(a);
            }
        }
        return others;
    }

    /** A run of words from a sentence (characters for CJK), without its final punctuation: a headline. */
    private static String words(String sentence, int most, Random random) {
        if (isCjk(sentence)) {
            int length = Math.min(sentence.length(), 12 + random.nextInt(most * 2));
            return stripEnd(sentence.substring(0, length));
        }
        String[] words = sentence.split("\\s+");
        int start = words.length > most ? random.nextInt(words.length - most + 1) : 0;
        int end = Math.min(words.length, start + Math.max(4, most - random.nextInt(4)));
        String headline = stripEnd(String.join(" ", java.util.Arrays.copyOfRange(words, start, end)));
        return headline.isEmpty() ? stripEnd(sentence) : Character.toUpperCase(headline.charAt(0)) + headline.substring(1);
    }

    private static String stripEnd(String s) {
        return s.replaceAll("[\\p{Punct}\\s«»“”„‘’、。，！？：；…—–-]+$", "").replaceAll("^[\\p{Punct}\\s«»“”„‘’「」]+", "");
    }

    private static boolean isCjk(String text) {
        long cjk = text.codePoints().filter(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        }).count();
        return cjk * 3 > text.length();
    }

    // ---------------------------------------------------------------- feeds and serving

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static String rss(Site site, String section, List<NewsArticle> entries) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>")
                .append(xmlText(site.name() + " – " + section)).append("</title><link>").append(site.uri("/")).append("</link>")
                .append("<description>").append(xmlText(site.name())).append("</description><language>").append(site.language())
                .append("</language><lastBuildDate>").append(RFC_1123.format(NEWEST)).append("</lastBuildDate>\n");
        for (NewsArticle a : entries) {
            xml.append("<item><title>").append(xmlText(a.title())).append("</title><link>").append(a.url()).append("</link>")
                    .append("<guid isPermaLink=\"true\">").append(a.url()).append("</guid><pubDate>")
                    .append(RFC_1123.format(a.published())).append("</pubDate><dc:creator>").append(xmlText(a.byline()))
                    .append("</dc:creator><category>").append(section).append("</category><description><![CDATA[<p>")
                    .append(a.summary()).append("</p>");
            if (a.caption() != null) {
                xml.append("<img src=\"").append(site.uri("/images/" + a.number() + ".jpg")).append("\" alt=\"\">");
            }
            xml.append("]]></description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String atom(Site site, String section, String path, List<NewsArticle> entries) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(site.language()).append("\"><title>").append(xmlText(site.name() + " – " + section)).append("</title><id>")
                .append(site.uri(path)).append("</id><updated>").append(NEWEST).append("</updated><link rel=\"alternate\" href=\"")
                .append(site.uri("/")).append("\"/><link rel=\"self\" href=\"").append(site.uri(path)).append("\"/>\n");
        for (NewsArticle a : entries) {
            xml.append("<entry><title>").append(xmlText(a.title())).append("</title><link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(a.url()).append("\"/><id>tag:").append(site.address()).append(",2026:").append(a.number())
                    .append("</id><published>").append(a.published()).append("</published><updated>").append(a.published())
                    .append("</updated><author><name>").append(xmlText(a.byline())).append("</name></author><summary type=\"html\">")
                    .append(xmlText("<p>" + NewsPageTemplates.Html.escape(a.summary()) + "</p>")).append("</summary></entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static String xmlText(String s) {
        return NewsPageTemplates.Html.escape(s);
    }

    /** Answers a path with a file read from disk per request, as a static web server does. */
    private static void serveFile(LoopbackServer server, String path, Path file, String contentType, boolean gzip) {
        server.handle(path, exchange -> {
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
