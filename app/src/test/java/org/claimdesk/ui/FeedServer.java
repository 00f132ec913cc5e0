package org.claimdesk.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 for the window tests: two RSS feeds (English and Arabic) from
 * src/test/resources/ui/web, their article pages, a feed that fails with HTTP 500 and one that
 * never answers (for cancelling). {@link #publish} adds an item to the English feed.
 */
final class FeedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, String[]> articles = new ConcurrentHashMap<>();
    private final List<String> publishedItems = new ArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        article("water", "en", "Ministry denies reports of water shortage",
                "The ministry said on Monday that reports of a water shortage in the capital were false. "
                        + "Reservoir levels are normal, officials said, and no rationing is planned this summer.");
        article("bridge", "en", "Fact check: the bridge was not closed",
                "Photos shared on social media showing a closed bridge date from 2019. Traffic crossed the bridge "
                        + "normally on Monday morning, according to the city transport office.");
        article("water-ar", "ar", "الحكومة تنفي الشائعات حول نقص المياه (2026)",
                "نفت وزارة المياه يوم الاثنين ما تداولته مواقع التواصل عن نقص في المياه في العاصمة، وقالت إن مستوى "
                        + "الخزانات طبيعي ولا توجد خطة للتقنين هذا الصيف.");
        server.createContext("/en.xml", ex -> send(ex, 200, "application/rss+xml", englishFeed()));
        server.createContext("/ar.xml", ex -> send(ex, 200, "application/rss+xml", resource("ar.xml")));
        server.createContext("/broken.xml", ex -> send(ex, 500, "text/plain", "internal error"));
        server.createContext("/slow.xml", ex -> {
            awaitStop();
            send(ex, 200, "application/rss+xml", resource("en.xml"));
        });
        server.createContext("/articles/", ex -> {
            String name = ex.getRequestURI().getPath().replaceFirst("^/articles/", "").replaceFirst("\\.html$", "");
            String[] a = articles.get(name);
            if (a == null) {
                send(ex, 404, "text/plain", "not found");
                return;
            }
            send(ex, 200, "text/html; charset=utf-8", template("article.html")
                    .replace("{{LANG}}", a[0]).replace("{{TITLE}}", a[1]).replace("{{TEXT}}", a[2]));
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds an item to the top of the English feed (and its article page). */
    synchronized void publish(String slug, String title, String text) {
        article(slug, "en", title, text);
        publishedItems.addFirst("""
                <item>
                  <title>%s</title>
                  <link>%s/articles/%s.html</link>
                  <guid>%s/articles/%s.html</guid>
                  <pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate>
                  <description>%s</description>
                </item>
                """.formatted(title, base(), slug, base(), slug, text));
    }

    private void article(String slug, String language, String title, String text) {
        articles.put(slug, new String[] {language, title, text});
    }

    private synchronized String englishFeed() {
        String feed = resource("en.xml");
        int firstItem = feed.indexOf("<item>");
        return feed.substring(0, firstItem) + String.join("", publishedItems) + feed.substring(firstItem);
    }

    private String resource(String name) {
        return template(name).replace("{{BASE}}", base());
    }

    private static String template(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/ui/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStop() {
        try {
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
