package org.claimdesk.fetch;

import org.claimdesk.source.FetchSettings;
import org.claimdesk.testing.LoopbackProxy;
import org.claimdesk.testing.LoopbackServer;
import org.claimdesk.testing.LoopbackServer.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** HttpFetcher against a real HTTP server on 127.0.0.1. */
class HttpFetcherTest {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcherTest.class);

    private static final int LIMIT = 1024 * 1024;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    private static final String AGENT = "ClaimDeskTest/1.0 (+https://example.org/claimdesk-test)";

    private static LoopbackServer server;
    private final List<HttpFetcher> fetchers = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackServer.start();
        // The first request in a JVM loads the HTTP client's classes, which can take longer than
        // the short timeouts below on a busy machine.
        server.serveText("/warm-up", "text/plain", "warm");
        try (HttpFetcher warm = new HttpFetcher(FetchSettings.defaults())) {
            warm.fetch(FetchRequest.of(server.uri("/warm-up")));
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeFetchers() {
        fetchers.forEach(HttpFetcher::close);
    }

    /** Timeouts long enough that only what a test is about can stop a fetch, even on a busy machine. */
    private static FetchSettings patient(Duration politeness, int maxParallel) {
        return new FetchSettings(politeness, Duration.ofSeconds(5), Duration.ofSeconds(5), LIMIT, 3, AGENT, maxParallel);
    }

    /** For the timeout tests: a short whole-response timeout. */
    private static FetchSettings impatient() {
        return new FetchSettings(Duration.ZERO, Duration.ofMillis(500), READ_TIMEOUT, LIMIT, 3, AGENT, 8);
    }

    private HttpFetcher fetcher(FetchSettings settings) {
        HttpFetcher fetcher = new HttpFetcher(settings);
        fetchers.add(fetcher);
        return fetcher;
    }

    /** No politeness delay, three redirects at most, 1 MB at most, generous timeouts. */
    private HttpFetcher fetcher() {
        return fetcher(patient(Duration.ZERO, 8));
    }

    private static FetchResult.Body body(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Body.class);
        return (FetchResult.Body) result;
    }

    private static FetchException failure(HttpFetcher fetcher, URI uri) {
        return failure(fetcher, FetchRequest.of(uri));
    }

    private static FetchException failure(HttpFetcher fetcher, FetchRequest request) {
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(request));
        assertThat(e).as("fetching %s should fail", request.uri()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\n\tat ");
        return e;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Success {
        @Test
        void returnsBodyValidatorsAndContentTypeAndSendsCrawlerHeaders() throws Exception {
            byte[] feed = utf8("<rss version=\"2.0\"><channel><title>Ö</title></channel></rss>");
            server.serve("/ok/feed.xml", "application/rss+xml; charset=utf-8", feed,
                    Map.of("ETag", "\"v1\"", "Last-Modified", "Tue, 03 Mar 2026 10:15:00 GMT"));
            URI uri = server.uri("/ok/feed.xml#top");

            FetchResult.Body body = body(fetcher().fetch(FetchRequest.of(uri)));

            assertThat(body.status()).isEqualTo(200);
            assertThat(body.body()).isEqualTo(feed);
            assertThat(body.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
            assertThat(body.etag()).isEqualTo("\"v1\"");
            assertThat(body.lastModified()).isEqualTo("Tue, 03 Mar 2026 10:15:00 GMT");
            assertThat(body.requestedUri()).isEqualTo(uri);
            assertThat(body.finalUri()).isEqualTo(server.uri("/ok/feed.xml"));
            assertThat(body.elapsed()).isPositive();

            RecordedRequest sent = server.requests("/ok/feed.xml").getLast();
            assertThat(sent.method()).isEqualTo("GET");
            assertThat(sent.header("User-Agent")).isEqualTo(AGENT);
            assertThat(sent.header("Accept")).contains("application/rss+xml", "application/atom+xml", "text/html");
            assertThat(sent.header("Accept-Encoding")).isEqualTo("gzip, deflate");
            assertThat(sent.headers()).doesNotContainKeys("Cookie", "If-None-Match", "If-Modified-Since", "Upgrade");
        }

        @Test
        void followsRelativeAndAbsoluteRedirectsToTheFinalPage() throws Exception {
            server.serveText("/moved/target.html", "text/html; charset=utf-8", "<p>here</p>");
            server.redirect("/moved/a/start", "../b/next?x=1", 301);               // relative path
            server.redirect("/moved/b/next", "/moved/c", 307);                     // absolute path
            server.redirect("/moved/c", server.uri("localhost", "/moved/target.html").toString(), 308);

            FetchResult.Body body = body(fetcher().fetch(FetchRequest.of(server.uri("/moved/a/start"))));

            assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo("<p>here</p>");
            assertThat(body.requestedUri()).isEqualTo(server.uri("/moved/a/start"));
            assertThat(body.finalUri()).isEqualTo(server.uri("localhost", "/moved/target.html"));
            assertThat(server.requests("/moved/b/next").getLast().query()).isEqualTo("x=1");
        }

        @Test
        void followsExactlyTheAllowedNumberOfRedirects() throws Exception {
            server.serveText("/three/done", "text/plain", "done");
            server.redirectChain("/three", 3, "/three/done");

            FetchResult.Body body = body(fetcher().fetch(FetchRequest.of(server.uri("/three/0"))));

            assertThat(body.finalUri()).isEqualTo(server.uri("/three/done"));
        }

        @Test
        void decodesGzip() throws Exception {
            byte[] text = utf8("Gerüchte über Wahlbetrug: " + "Faktencheck ".repeat(500));
            server.serveGzip("/enc/gzip", "text/plain; charset=utf-8", text);

            FetchResult.Body body = body(fetcher().fetch(FetchRequest.of(server.uri("/enc/gzip"))));

            assertThat(body.body()).isEqualTo(text);
        }

        @Test
        void decodesZlibDeflateAndRawDeflate() throws Exception {
            byte[] text = utf8("الشائعات " + "تحقق ".repeat(400));
            server.serveDeflate("/enc/zlib", "text/plain; charset=utf-8", text, true);
            server.serveDeflate("/enc/raw", "text/plain; charset=utf-8", text, false);

            assertThat(body(fetcher().fetch(FetchRequest.of(server.uri("/enc/zlib")))).body()).isEqualTo(text);
            assertThat(body(fetcher().fetch(FetchRequest.of(server.uri("/enc/raw")))).body()).isEqualTo(text);
        }

        @Test
        void acceptsABodyOfExactlyTheLimit() throws Exception {
            server.serveGenerated("/size/exact", "text/plain", LIMIT, false);

            assertThat(body(fetcher().fetch(FetchRequest.of(server.uri("/size/exact")))).body()).hasSize(LIMIT);
        }

        @Test
        void manyVirtualThreadsShareOneFetcher() throws Exception {
            HttpFetcher fetcher = fetcher();
            for (int i = 0; i < 10; i++) {
                server.serveText("/many/" + i, "text/plain", "page " + i);
            }
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> pages = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    URI uri = server.uri((i % 2 == 0 ? "127.0.0.1" : "localhost"), "/many/" + i % 10);
                    pages.add(threads.submit(() ->
                            new String(body(fetcher.fetch(FetchRequest.of(uri))).body(), StandardCharsets.UTF_8)));
                }
                for (int i = 0; i < 100; i++) {
                    assertThat(pages.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("page " + i % 10);
                }
            }
        }
    }

    @Nested
    class ConditionalGet {
        private static final String DATE = "Tue, 03 Mar 2026 10:15:00 GMT";

        @Test
        void sendsEtagAndGets304() throws Exception {
            server.serveConditional("/cond/etag", "application/atom+xml", utf8("<feed/>"), "\"abc-1\"", null);
            HttpFetcher fetcher = fetcher();
            URI uri = server.uri("/cond/etag");

            FetchResult.Body first = body(fetcher.fetch(FetchRequest.of(uri)));
            FetchResult second = fetcher.fetch(new FetchRequest(uri, first.etag(), first.lastModified()));
            FetchResult stale = fetcher.fetch(new FetchRequest(uri, "\"abc-0\"", null));

            assertThat(first.etag()).isEqualTo("\"abc-1\"");
            assertThat(second).isInstanceOf(FetchResult.NotModified.class);
            assertThat(second.requestedUri()).isEqualTo(uri);
            assertThat(body(stale).body()).isEqualTo(utf8("<feed/>"));
            List<RecordedRequest> sent = server.requests("/cond/etag");
            assertThat(sent).hasSize(3);
            assertThat(sent.get(0).header("If-None-Match")).isNull();
            assertThat(sent.get(1).header("If-None-Match")).isEqualTo("\"abc-1\"");
        }

        @Test
        void sendsLastModifiedAndGets304() throws Exception {
            server.serveConditional("/cond/date", "application/rss+xml", utf8("<rss/>"), null, DATE);
            HttpFetcher fetcher = fetcher();
            URI uri = server.uri("/cond/date");

            FetchResult.Body first = body(fetcher.fetch(FetchRequest.of(uri)));
            FetchResult second = fetcher.fetch(new FetchRequest(uri, null, first.lastModified()));
            FetchResult older = fetcher.fetch(new FetchRequest(uri, null, "Mon, 02 Mar 2026 10:15:00 GMT"));

            assertThat(first.lastModified()).isEqualTo(DATE);
            assertThat(first.etag()).isNull();
            assertThat(second).isInstanceOf(FetchResult.NotModified.class);
            assertThat(older).isInstanceOf(FetchResult.Body.class);
            assertThat(server.requests("/cond/date").get(1).header("If-Modified-Since")).isEqualTo(DATE);
        }
    }

    @Nested
    class Failures {
        @Test
        void slowTrickleTimesOutInsteadOfHanging() {
            // 30 chunks, 100 ms apart: three seconds in all, against a 400 ms timeout.
            server.serveTrickle("/slow/trickle", "text/html", new byte[3000], 100, Duration.ofMillis(100));

            long start = System.nanoTime();
            FetchException e = failure(fetcher(impatient()), server.uri("/slow/trickle"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.failure()).isEqualTo(FetchFailure.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("no complete answer from " + server.uri("/slow/trickle") + " within 400 ms");
            assertThat(took).isLessThan(Duration.ofMillis(2500));
        }

        @Test
        void silentServerTimesOut() {
            server.serveAfterDelay("/slow/silent", Duration.ofSeconds(3), "text/html", utf8("late"));

            FetchException e = failure(fetcher(impatient()), server.uri("/slow/silent"));

            assertThat(e.failure()).isEqualTo(FetchFailure.TIMEOUT);
        }

        @Test
        void notFoundIsAnHttpStatusFailure() {
            URI uri = server.uri("/status/missing");

            FetchException e = failure(fetcher(), uri);

            assertThat(e.failure()).isEqualTo(FetchFailure.HTTP_STATUS);
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.uri()).isEqualTo(uri);
            assertThat(e.getMessage()).isEqualTo("HTTP 404 Not Found from " + uri);
        }

        @Test
        void serverErrorIsAnHttpStatusFailureNamingThePageThatFailed() {
            server.status("/status/broken", 500);
            server.redirect("/status/to-broken", "/status/broken", 302);

            FetchException e = failure(fetcher(), server.uri("/status/to-broken"));

            assertThat(e.failure()).isEqualTo(FetchFailure.HTTP_STATUS);
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).isEqualTo("HTTP 500 Internal Server Error from " + server.uri("/status/broken"));
        }

        @Test
        void redirectLoopIsDetected() {
            server.redirectLoop("/loop/a", "/loop/b");
            server.redirectLoop("/loop/self", "/loop/self");

            FetchException twoStep = failure(fetcher(), server.uri("/loop/a"));
            FetchException self = failure(fetcher(), server.uri("/loop/self"));

            assertThat(twoStep.failure()).isEqualTo(FetchFailure.REDIRECT_LOOP);
            assertThat(twoStep.getMessage()).contains(server.uri("/loop/b").toString(), server.uri("/loop/a").toString());
            assertThat(self.failure()).isEqualTo(FetchFailure.REDIRECT_LOOP);
            assertThat(server.requestCount("/loop/a")).isEqualTo(1);
            assertThat(server.requestCount("/loop/b")).isEqualTo(1);
        }

        @Test
        void tooManyRedirects() {
            server.serveText("/four/done", "text/plain", "done");
            server.redirectChain("/four", 4, "/four/done");

            FetchException e = failure(fetcher(), server.uri("/four/0"));

            assertThat(e.failure()).isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
            assertThat(e.getMessage()).startsWith("more than 3 redirects starting at " + server.uri("/four/0"));
            assertThat(server.requestCount("/four/3")).isEqualTo(1); // its redirect is the fourth: refused
            assertThat(server.requestCount("/four/done")).isZero();
        }

        @Test
        void onlyHttpAndHttpsAreFetched() {
            HttpFetcher fetcher = fetcher();

            for (String address : List.of("ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "mailto:desk@example.org",
                    "/relative/feed.xml", "http:///no-host")) {
                FetchException e = failure(fetcher, URI.create(address));
                assertThat(e.failure()).as(address).isEqualTo(FetchFailure.BAD_URL);
                assertThat(e.getMessage()).as(address).contains(address);
            }
        }

        @Test
        void redirectToAnotherSchemeIsRefused() {
            server.redirect("/scheme/file", "file:///etc/passwd", 302);

            FetchException e = failure(fetcher(), server.uri("/scheme/file"));

            assertThat(e.failure()).isEqualTo(FetchFailure.BAD_URL);
            assertThat(e.getMessage()).contains("file:///etc/passwd", server.uri("/scheme/file").toString());
        }

        @Test
        void hugeBodyWithDeclaredLengthIsRefusedWithoutReadingIt() {
            long fifty = 50L * 1024 * 1024;
            server.serveGenerated("/huge/declared", "text/html", fifty, true);

            FetchException e = failure(fetcher(), server.uri("/huge/declared"));

            assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("page at " + server.uri("/huge/declared") + " is larger than the limit of 1 MB");
            assertThat(server.bytesSent("/huge/declared")).isLessThan(fifty / 2);
        }

        @Test
        void hugeStreamedBodyIsCutOffAtTheLimit() throws Exception {
            long fifty = 50L * 1024 * 1024;
            server.serveGenerated("/huge/chunked", "text/html", fifty, false);
            HttpFetcher fetcher = fetcher();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            long start = System.nanoTime();

            FetchException e = failure(fetcher, server.uri("/huge/chunked"));

            long took = (System.nanoTime() - start) / 1_000_000;
            long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
            assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("page at " + server.uri("/huge/chunked") + " is larger than the limit of 1 MB");
            Thread.sleep(100); // let the server notice the hang-up
            long sent = server.bytesSent("/huge/chunked");
            log.info("50 MB streamed body: refused after {} ms, {} KB sent by the server, {} KB allocated by the JVM",
                    took, sent / 1024, allocated / 1024);
            // Only about the limit plus socket buffers went out, and the whole JVM (server included)
            // allocated far less than the body: it was never held.
            assertThat(sent).isLessThan(fifty / 2);
            assertThat(allocated).isLessThan(fifty / 2);
        }

        @Test
        void gzipBombIsTooLargeOnceDecompressed() {
            byte[] bomb = LoopbackServer.gzipOfZeros(10L * 1024 * 1024);
            server.serveEncoded("/bomb/gzip", "application/xml", "gzip", bomb);

            FetchException e = failure(fetcher(), server.uri("/bomb/gzip"));

            assertThat(bomb.length).isLessThan(LIMIT / 10);
            assertThat(e.failure()).isEqualTo(FetchFailure.TOO_LARGE);
            assertThat(e.getMessage()).contains("once decompressed", "1 MB");
        }

        @Test
        void brokenCompressedDataIsABadContentEncoding() {
            byte[] gz = LoopbackServer.gzip(utf8("Nachrichten ".repeat(1000)));
            server.serveEncoded("/badenc/truncated", "text/plain", "gzip", Arrays.copyOf(gz, gz.length / 2));
            server.serveEncoded("/badenc/notgzip", "text/plain", "gzip", utf8("plain text, not gzip"));
            server.serveEncoded("/badenc/notdeflate", "text/plain", "deflate", utf8("plain text, not deflate"));
            server.serveEncoded("/badenc/brotli", "text/plain", "br", utf8("whatever"));
            HttpFetcher fetcher = fetcher();

            for (String path : List.of("/badenc/truncated", "/badenc/notgzip", "/badenc/notdeflate", "/badenc/brotli")) {
                FetchException e = failure(fetcher, server.uri(path));
                assertThat(e.failure()).as(path).isEqualTo(FetchFailure.BAD_CONTENT_ENCODING);
                assertThat(e.getMessage()).as(path).contains(server.uri(path).toString());
            }
        }

        @Test
        void closedPortIsAConnectFailure() {
            int port = LoopbackServer.unusedPort();

            FetchException e = failure(fetcher(), URI.create("http://127.0.0.1:" + port + "/feed.xml"));

            assertThat(e.failure()).isEqualTo(FetchFailure.CONNECT);
            assertThat(e.getMessage()).isEqualTo("could not connect to 127.0.0.1:" + port
                    + " (connection refused)");
        }

        @Test
        void unknownHostIsADnsFailure() {
            FetchException e = failure(fetcher(), URI.create("https://example.invalid/feed.xml"));

            assertThat(e.failure()).isEqualTo(FetchFailure.DNS);
            assertThat(e.getMessage()).isEqualTo("host not found: example.invalid");
        }
    }

    /**
     * A server that reads each request and hangs up without a word on its first {@code hangUps}
     * connections, then answers "ok": how a kept-alive connection looks that the server closed
     * just as the client reused it.
     */
    private static final class HangingUpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        HangingUpServer(int hangUps) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        int n = connections.incrementAndGet();
                        readRequestHead(connection);
                        if (n > hangUps) {
                            connection.getOutputStream().write(utf8("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                    + "Content-Length: 2\r\nConnection: close\r\n\r\nok"));
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void readRequestHead(Socket connection) throws IOException {
            var in = connection.getInputStream();
            int matched = 0;
            byte[] end = utf8("\r\n\r\n");
            for (int b; matched < end.length && (b = in.read()) >= 0; ) {
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/feed.xml");
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Nested
    class ConnectionClosedBeforeAnAnswer {
        @Test
        void isAskedOnceMoreOnAFreshConnection() throws Exception {
            try (HangingUpServer hangsUpOnce = new HangingUpServer(1)) {
                FetchResult.Body ok = body(fetcher().fetch(FetchRequest.of(hangsUpOnce.uri())));

                assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
                assertThat(hangsUpOnce.connections()).isEqualTo(2);
            }
        }

        @Test
        void twiceIsANetworkErrorNamingTheAddress() throws Exception {
            try (HangingUpServer alwaysHangsUp = new HangingUpServer(Integer.MAX_VALUE)) {
                FetchException e = failure(fetcher(), alwaysHangsUp.uri());

                assertThat(e.failure()).isEqualTo(FetchFailure.IO);
                assertThat(e.getMessage()).startsWith("network error while fetching " + alwaysHangsUp.uri());
                assertThat(alwaysHangsUp.connections()).isEqualTo(2);
            }
        }
    }

    @Nested
    class Politeness {
        private static final long ARRIVAL_JITTER_MILLIS = 60;

        @Test
        void requestsToOneHostStartAtLeastTheDelayApart() throws Exception {
            Duration delay = Duration.ofMillis(400);
            HttpFetcher fetcher = fetcher(patient(delay, 8));
            server.serveText("/polite/one", "text/plain", "one");
            // A first request opens the connection that the next two reuse, so that connecting
            // does not make one of them arrive later than the other.
            fetcher.fetch(FetchRequest.of(server.uri("/polite/one?warm")));

            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<FetchResult> a = threads.submit(() -> fetcher.fetch(FetchRequest.of(server.uri("/polite/one?a"))));
                Future<FetchResult> b = threads.submit(() -> fetcher.fetch(FetchRequest.of(server.uri("/polite/one?b"))));
                a.get(5, TimeUnit.SECONDS);
                b.get(5, TimeUnit.SECONDS);
            }

            List<RecordedRequest> sent = server.requests("/polite/one");
            assertThat(sent).hasSize(3);
            // Spacing is kept where requests start; on a busy machine one may take a little longer
            // than another to reach the server's handler. Without politeness the gaps are ~0.
            for (int i = 1; i < 3; i++) {
                long gapMillis = (sent.get(i).receivedNanos() - sent.get(i - 1).receivedNanos()) / 1_000_000;
                assertThat(gapMillis).isGreaterThanOrEqualTo(delay.toMillis() - ARRIVAL_JITTER_MILLIS);
            }
        }

        @Test
        void anotherHostIsNotHeldUpByTheFirstHostsDelay() throws Exception {
            Duration delay = Duration.ofMillis(800);
            HttpFetcher fetcher = fetcher(patient(delay, 8));
            server.serveText("/hosts/page", "text/plain", "page");

            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> first = threads.submit(() -> fetcher.fetch(FetchRequest.of(server.uri("/hosts/page?ip-1"))));
                Thread.sleep(50);
                // Queued behind the first for 800 ms:
                Future<?> second = threads.submit(() -> fetcher.fetch(FetchRequest.of(server.uri("/hosts/page?ip-2"))));
                Thread.sleep(50);
                Future<?> other = threads.submit(() -> fetcher.fetch(FetchRequest.of(server.uri("localhost", "/hosts/page?name"))));
                first.get(5, TimeUnit.SECONDS);
                second.get(5, TimeUnit.SECONDS);
                other.get(5, TimeUnit.SECONDS);
            }

            List<RecordedRequest> sent = server.requests("/hosts/page");
            long ip1 = arrival(sent, "ip-1");
            long ip2 = arrival(sent, "ip-2");
            long name = arrival(sent, "name");
            assertThat(ip2 - ip1).isGreaterThanOrEqualTo(delay.toMillis() - ARRIVAL_JITTER_MILLIS);
            assertThat(name).isLessThan(ip2);
            assertThat(name - ip1).isLessThan(delay.toMillis() / 2);
        }

        private static long arrival(List<RecordedRequest> sent, String query) {
            return sent.stream().filter(r -> query.equals(r.query())).findFirst().orElseThrow().receivedNanos() / 1_000_000;
        }

        @Test
        void noMoreThanMaxParallelFetchesAreInFlight() throws Exception {
            HttpFetcher fetcher = fetcher(patient(Duration.ZERO, 2));
            AtomicInteger inHandler = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            server.handle("/parallel", exchange -> {
                mostAtOnce.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inHandler.decrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });

            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<FetchResult>> results = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    URI uri = server.uri(i % 2 == 0 ? "127.0.0.1" : "localhost", "/parallel?" + i);
                    results.add(threads.submit(() -> fetcher.fetch(FetchRequest.of(uri))));
                }
                for (Future<FetchResult> result : results) {
                    assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(FetchResult.Body.class);
                }
            }

            assertThat(server.requestCount("/parallel")).isEqualTo(6);
            assertThat(mostAtOnce.get()).isEqualTo(2);
        }
    }

    @Nested
    class Cancellation {
        @Test
        void interruptingAThreadWaitingForASlowAnswerStopsItPromptly() throws Exception {
            HttpFetcher fetcher = fetcher(patient(Duration.ZERO, 4));
            server.serveTrickle("/cancel/slow", "text/html", new byte[100], 10, Duration.ofSeconds(1));

            assertInterruptedPromptly(() -> fetcher.fetch(FetchRequest.of(server.uri("/cancel/slow"))));
        }

        @Test
        void interruptingAThreadWaitingForItsPolitenessTurnStopsItPromptly() throws Exception {
            HttpFetcher fetcher = fetcher(patient(Duration.ofSeconds(10), 4));
            server.serveText("/cancel/polite", "text/plain", "ok");
            fetcher.fetch(FetchRequest.of(server.uri("/cancel/polite")));

            assertInterruptedPromptly(() -> fetcher.fetch(FetchRequest.of(server.uri("/cancel/polite"))));
            assertThat(server.requestCount("/cancel/polite")).isEqualTo(1);
        }

        private interface Fetch {
            void run() throws Exception;
        }

        private static void assertInterruptedPromptly(Fetch fetch) throws Exception {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread worker = Thread.ofVirtual().start(() -> {
                try {
                    fetch.run();
                } catch (Throwable t) {
                    outcome.set(t);
                }
                done.complete(null);
            });
            Thread.sleep(200);
            assertThat(done).as("fetch should still be waiting").isNotDone();

            long interrupted = System.nanoTime();
            worker.interrupt();
            done.get(2, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(1));
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Nested
    class ThroughAProxy {
        /** A name no resolver knows: only a proxy that was told where it is can reach it. */
        private static final String ORIGIN = "origin.claimdesk.test";

        private final List<AutoCloseable> opened = new ArrayList<>();

        @AfterEach
        void closeProxies() throws Exception {
            for (AutoCloseable c : opened) {
                c.close();
            }
        }

        private LoopbackServer origin() {
            LoopbackServer origin = LoopbackServer.start();
            opened.add(origin);
            origin.serveText("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel/></rss>");
            origin.redirect("/start", "/feed.xml", 302);
            return origin;
        }

        private LoopbackProxy proxy(LoopbackProxy proxy, LoopbackServer origin) {
            opened.add(proxy);
            return proxy.route(ORIGIN, origin);
        }

        private HttpFetcher through(String proxy) {
            return fetcher(patient(Duration.ZERO, 4).withProxy(parseProxy(proxy)));
        }

        private static org.claimdesk.source.ProxyServer parseProxy(String address) {
            URI uri = URI.create(address);
            return new org.claimdesk.source.ProxyServer(uri.getScheme().equals("http")
                    ? org.claimdesk.source.ProxyServer.Type.HTTP : org.claimdesk.source.ProxyServer.Type.SOCKS5,
                    uri.getHost(), uri.getPort());
        }

        @Test
        void everyRequestAndRedirectGoesThroughAnHttpProxyAndNoneDirect() throws Exception {
            LoopbackServer origin = origin();
            LoopbackProxy proxy = proxy(LoopbackProxy.http(), origin);
            URI start = URI.create("http://" + ORIGIN + ":" + origin.port() + "/start");

            FetchResult.Body body = body(through(proxy.address()).fetch(FetchRequest.of(start)));

            assertThat(new String(body.body(), StandardCharsets.UTF_8)).contains("<rss");
            assertThat(body.finalUri()).isEqualTo(URI.create("http://" + ORIGIN + ":" + origin.port() + "/feed.xml"));
            assertThat(proxy.relayed()).extracting(LoopbackProxy.Relayed::request).containsExactly(
                    "GET http://" + ORIGIN + ":" + origin.port() + "/start HTTP/1.1",
                    "GET http://" + ORIGIN + ":" + origin.port() + "/feed.xml HTTP/1.1");
            // The origin saw both requests, and only from the proxy's relay address.
            assertThat(origin.requests()).extracting(RecordedRequest::path).containsExactly("/start", "/feed.xml");
            assertThat(origin.requests()).extracting(RecordedRequest::remoteAddress).containsOnly(LoopbackProxy.RELAY_ADDRESS);
            assertThat(origin.requests().getFirst().header("User-Agent")).isEqualTo(AGENT);
        }

        @Test
        void httpsGoesThroughAnHttpProxyAsATunnelToTheName() {
            LoopbackServer origin = origin();
            LoopbackProxy proxy = proxy(LoopbackProxy.http(), origin);

            // The origin speaks plain HTTP, so TLS cannot succeed inside the tunnel (it fails or
            // times out): what matters is how the proxy was asked, by name and not as an address.
            HttpFetcher fetcher = fetcher(impatient().withProxy(parseProxy(proxy.address())));
            failure(fetcher, URI.create("https://" + ORIGIN + ":" + origin.port() + "/feed.xml"));

            assertThat(proxy.relayed()).extracting(LoopbackProxy.Relayed::request)
                    .containsExactly("CONNECT " + ORIGIN + ":" + origin.port() + " HTTP/1.1");
        }

        @Test
        void everyRequestAndRedirectGoesThroughASocksProxyWhichResolvesTheName() throws Exception {
            LoopbackServer origin = origin();
            LoopbackProxy proxy = proxy(LoopbackProxy.socks5(), origin);
            URI start = URI.create("http://" + ORIGIN + ":" + origin.port() + "/start");

            FetchResult.Body body = body(through(proxy.address()).fetch(FetchRequest.of(start)));

            assertThat(new String(body.body(), StandardCharsets.UTF_8)).contains("<rss");
            // The name went to the proxy as a name (SOCKS5 address type 3): no DNS question was asked here.
            assertThat(proxy.relayed()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.host()).isEqualTo(ORIGIN);
                assertThat(r.byName()).isTrue();
            });
            assertThat(origin.requests()).extracting(RecordedRequest::path).containsExactly("/start", "/feed.xml");
            assertThat(origin.requests()).extracting(RecordedRequest::remoteAddress).containsOnly(LoopbackProxy.RELAY_ADDRESS);
        }

        @Test
        void aProxyThatIsDownFailsTheFetchAndNothingGoesDirect() {
            LoopbackServer origin = origin();
            int down = LoopbackServer.unusedPort();

            for (String proxy : List.of("http://127.0.0.1:" + down, "socks5://127.0.0.1:" + down)) {
                FetchException e = failure(through(proxy), origin.uri("/feed.xml"));

                assertThat(e.failure()).as(proxy).isEqualTo(FetchFailure.PROXY);
                assertThat(e.getMessage()).as(proxy).startsWith("proxy 127.0.0.1:" + down + " refused the connection");
            }
            assertThat(origin.requests()).as("direct requests").isEmpty();
        }

        @Test
        void aSocksProxyThatCannotReachTheSiteSaysSo() {
            LoopbackProxy proxy = LoopbackProxy.socks5();
            opened.add(proxy);

            FetchException e = failure(through(proxy.address()), URI.create("http://unknown.claimdesk.test/feed.xml"));

            assertThat(e.failure()).isEqualTo(FetchFailure.CONNECT);
            assertThat(e.getMessage()).isEqualTo("proxy 127.0.0.1:" + proxy.port()
                    + " could not connect to unknown.claimdesk.test:80 (host unreachable)");
        }

        @Test
        void throughAProxyAnAddressOnThisComputerIsStillRefusedBeforeAsking() {
            LoopbackServer origin = origin();
            origin.redirect("/to-loopback", "http://127.0.0.2:" + origin.port() + "/admin", 302);
            LoopbackProxy proxy = proxy(LoopbackProxy.socks5(), origin);

            FetchException e = failure(through(proxy.address()),
                    URI.create("http://" + ORIGIN + ":" + origin.port() + "/to-loopback"));

            assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED);
            assertThat(e.getMessage()).contains("127.0.0.2 is a loopback address");
            assertThat(proxy.relayed()).extracting(LoopbackProxy.Relayed::host).containsOnly(ORIGIN);
        }
    }

    @Nested
    class AddressRules {
        private LoopbackServer other;

        @org.junit.jupiter.api.BeforeEach
        void startOther() {
            other = LoopbackServer.start("127.0.0.2");
            other.serveText("/internal-admin", "text/html", "<h1>admin</h1>");
        }

        @AfterEach
        void stopOther() {
            other.close();
        }

        /** A feed on 127.0.0.1, as a user may configure one. */
        private FetchScope feedOnThisComputer() {
            return FetchScope.ownHostOf(server.uri("/feed.xml"));
        }

        @Test
        void anotherAddressOnThisComputerIsRefusedAndNeverContacted() {
            FetchException e = failure(fetcher(), FetchRequest.of(other.uri("/internal-admin"), feedOnThisComputer()));

            assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED);
            assertThat(e.getMessage()).isEqualTo("refused " + other.uri("/internal-admin")
                    + ": 127.0.0.2 is a loopback address (this computer); only the source's own host (127.0.0.1)"
                    + " may be on this computer or a private network");
            assertThat(other.requests()).isEmpty();
        }

        @Test
        void theSourcesOwnHostIsFetchedUnderEitherName() throws Exception {
            server.serveText("/own/page.html", "text/html", "<p>own</p>");
            HttpFetcher fetcher = fetcher();

            assertThat(body(fetcher.fetch(FetchRequest.of(server.uri("/own/page.html"), feedOnThisComputer()))).status())
                    .isEqualTo(200);
            // localhost resolves to the source's own address: the same host under another name
            assertThat(body(fetcher.fetch(FetchRequest.of(server.uri("localhost", "/own/page.html"), feedOnThisComputer())))
                    .status()).isEqualTo(200);
        }

        @Test
        void aRedirectFromAnAllowedPageToAnotherLoopbackAddressIsRefused() {
            server.redirect("/hop/admin", other.uri("/internal-admin").toString(), 302);

            FetchException e = failure(fetcher(), FetchRequest.of(server.uri("/hop/admin"), feedOnThisComputer()));

            assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED);
            assertThat(e.getMessage()).startsWith("refused " + other.uri("/internal-admin")
                    + " (redirect from " + server.uri("/hop/admin") + "): 127.0.0.2 is a loopback address");
            assertThat(other.requests()).isEmpty();
        }

        @Test
        void aNameIsCheckedOnTheAddressItResolvesToAndConnectedToExactlyThat() throws Exception {
            // A table in place of DNS: a public-looking name answering with a loopback address.
            AtomicInteger lookups = new AtomicInteger();
            GuardedResolver.HostLookup dns = host -> {
                lookups.incrementAndGet();
                return switch (host) {
                    case "news.claimdesk.test" -> new java.net.InetAddress[]{java.net.InetAddress.ofLiteral("127.0.0.1")};
                    case "rebind.claimdesk.test" -> new java.net.InetAddress[]{java.net.InetAddress.ofLiteral("127.0.0.2")};
                    default -> throw new java.net.UnknownHostException(host);
                };
            };
            HttpFetcher fetcher = new HttpFetcher(patient(Duration.ZERO, 4), dns);
            fetchers.add(fetcher);
            server.serveText("/news.html", "text/html", "<p>news</p>");
            FetchScope newsSite = FetchScope.ownHostOf(URI.create("http://news.claimdesk.test/feed.xml"));

            URI own = URI.create("http://news.claimdesk.test:" + server.port() + "/news.html");
            assertThat(body(fetcher.fetch(FetchRequest.of(own, newsSite))).status()).isEqualTo(200);

            lookups.set(0);
            URI smuggled = URI.create("http://rebind.claimdesk.test:" + other.port() + "/internal-admin");
            FetchException e = failure(fetcher, FetchRequest.of(smuggled, newsSite));

            assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED);
            assertThat(e.getMessage()).startsWith("refused " + smuggled
                    + ": rebind.claimdesk.test resolves to 127.0.0.2, a loopback address (this computer)");
            assertThat(lookups.get()).as("looked up once, for the check and the connection").isLessThanOrEqualTo(2);
            assertThat(other.requests()).isEmpty();
        }

        @Test
        void articlePagesMayComeOnlyFromTheSitesAllowed() {
            FetchScope sameSite = new FetchScope("feeds.bbci.co.uk", java.util.Set.of(Sites.of("feeds.bbci.co.uk")));

            FetchException e = failure(fetcher(), FetchRequest.of(URI.create("https://www.bbc.com/news/1"), sameSite));

            assertThat(e.failure()).isEqualTo(FetchFailure.REFUSED);
            assertThat(e.getMessage()).isEqualTo("refused https://www.bbc.com/news/1: bbc.com is not the source's own site"
                    + " (bbci.co.uk); article_hosts in feeds.yml can allow it");
        }

        @Test
        void aUserNameAndPasswordInALinkAreNeverSent() throws Exception {
            server.serveText("/secret/page.html", "text/html", "<p>x</p>");
            URI withCredentials = URI.create("http://user:password@127.0.0.1:" + server.port() + "/secret/page.html");

            FetchResult.Body body = body(fetcher().fetch(FetchRequest.of(withCredentials)));

            assertThat(body.finalUri()).isEqualTo(server.uri("/secret/page.html"));
            assertThat(server.requests("/secret/page.html").getLast().headers()).doesNotContainKey("Authorization");
        }
    }
}
