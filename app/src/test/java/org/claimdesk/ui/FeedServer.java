package org.claimdesk.ui;

import org.claimdesk.testing.LoopbackServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeds the window tests poll, on a real {@link LoopbackServer}: an English, an Arabic and a
 * Japanese RSS feed (src/test/resources/ui/web) with their article pages, a feed that fails with HTTP 500
 * and one that does not answer for minutes (for cancelling). {@link #publish} adds an item to the
 * English feed, as a newsroom would between two polls.
 */
final class FeedServer implements AutoCloseable {
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private final LoopbackServer server = LoopbackServer.start();
    private final List<String> publishedItems = new ArrayList<>();

    FeedServer() {
        article("water", "en", "Ministry denies reports of water shortage",
                "The ministry said on Monday that reports of a water shortage in the capital were false. "
                        + "Reservoir levels are normal, officials said, and no rationing is planned this summer.");
        article("bridge", "en", "Fact check: the bridge was not closed",
                "Photos shared on social media showing a closed bridge date from 2019. Traffic crossed the bridge "
                        + "normally on Monday morning, according to the city transport office.");
        article("water-ar", "ar", "الحكومة تنفي الشائعات حول نقص المياه (2026)",
                "نفت وزارة المياه يوم الاثنين ما تداولته مواقع التواصل عن نقص في المياه في العاصمة، وقالت إن مستوى "
                        + "الخزانات طبيعي ولا توجد خطة للتقنين هذا الصيف.");
        article("water-ja", "ja", "政府は水不足の噂を否定 (2026)",
                "水道局は月曜日、首都で断水が起きるという噂は誤りだと発表した。貯水池の水位は平年並みで、この夏の給水制限の予定もないという。");
        server.serveText("/en.xml", RSS, englishFeed());
        server.serveText("/ar.xml", RSS, feed("ar.xml"));
        server.serveText("/ja.xml", RSS, feed("ja.xml"));
        server.status("/broken.xml", 500);
        server.serveAfterDelay("/slow.xml", Duration.ofMinutes(5), RSS, feed("en.xml").getBytes(StandardCharsets.UTF_8));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Adds an item to the top of the English feed (and its article page). */
    synchronized void publish(String slug, String title, String text) {
        publish(slug, title, text, java.time.Instant.parse("2026-03-03T09:00:00Z"));
    }

    /** The same, published at this time. */
    synchronized void publish(String slug, String title, String text, java.time.Instant published) {
        article(slug, "en", title, text);
        publishedItems.addFirst("""
                <item>
                  <title>%s</title>
                  <link>%s/articles/%s.html</link>
                  <guid>%s/articles/%s.html</guid>
                  <pubDate>%s</pubDate>
                  <description>%s</description>
                </item>
                """.formatted(title, base(), slug, base(), slug,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(java.time.ZoneOffset.UTC)),
                text));
        server.serveText("/en.xml", RSS, englishFeed());
    }

    private void article(String slug, String language, String title, String text) {
        server.serveText("/articles/" + slug + ".html", HTML, template("article.html")
                .replace("{{LANG}}", language).replace("{{TITLE}}", title).replace("{{TEXT}}", text));
    }

    private String englishFeed() {
        String feed = feed("en.xml");
        int firstItem = feed.indexOf("<item>");
        return feed.substring(0, firstItem) + String.join("", publishedItems) + feed.substring(firstItem);
    }

    private String feed(String name) {
        return template(name).replace("{{BASE}}", base());
    }

    private static String template(String name) {
        return new String(LoopbackServer.resourceBytes("ui/web/" + name), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
