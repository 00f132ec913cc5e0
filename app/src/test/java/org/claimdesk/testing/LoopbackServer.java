package org.claimdesk.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests that fetch over the network:
 * built on the JDK's {@link HttpServer}, one virtual thread per exchange, so a slow answer on one
 * path never holds up another.
 *
 * <pre>{@code
 * try (LoopbackServer server = LoopbackServer.start()) {
 *     server.serveResource("/feed.xml", "web/feeds/en-atom.xml", "application/atom+xml")
 *           .status("/gone", 410)
 *           .redirect("/old", "/feed.xml", 301);
 *     URI feed = server.uri("/feed.xml");                 // http://127.0.0.1:PORT/feed.xml
 *     URI sameServerOtherHost = server.uri("localhost", "/feed.xml");
 *     ...
 *     assertThat(server.requestCount("/feed.xml")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Paths are matched exactly against the raw request path (query ignored); registering a path
 * again replaces its answer. Paths not registered (nor under a folder mounted with
 * {@link #serveResourceFolder}) answer 404. Every request is recorded, in arrival order, with its
 * headers and arrival time, so tests can check what was sent (validators, User-Agent) and when
 * (politeness). Registration methods return {@code this} so calls can be chained.
 *
 * <p>The same server can be reached as {@code 127.0.0.1} and as {@code localhost}: two host
 * names for clients that treat hosts separately.
 */
public final class LoopbackServer implements AutoCloseable {

    /**
     * One request as the server received it.
     *
     * @param path          the raw path, without the query
     * @param query         the raw query, or null
     * @param host          the Host header (e.g. "127.0.0.1:40123" or "localhost:40123")
     * @param headers       all request headers; names are case-insensitive
     * @param receivedNanos {@link System#nanoTime()} on arrival, for measuring gaps
     * @param remoteAddress the address the request came from, e.g. "127.0.0.1" (a relaying proxy may use another)
     */
    public record RecordedRequest(String method, String path, String query, String host,
                                  Map<String, List<String>> headers, long receivedNanos, Instant receivedAt,
                                  String remoteAddress) {

        /** The first value of a request header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** Content types by file extension, for {@link #serveResourceFolder}. */
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xml", "application/xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("opml", "text/x-opml"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"));

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, String> mounts = new ConcurrentHashMap<>();
    private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> bytesSent = new ConcurrentHashMap<>();

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 on a free port. */
    public static LoopbackServer start() {
        return start(InetAddress.getLoopbackAddress());
    }

    /**
     * Starts a server on another loopback address (127.0.0.2, …: all of 127.0.0.0/8 is this
     * computer on Linux), for tests about which host a request may reach.
     */
    public static LoopbackServer start(String loopbackAddress) {
        try {
            InetAddress address = InetAddress.ofLiteral(loopbackAddress);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("tests stay on loopback addresses, not " + loopbackAddress);
            }
            return start(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a loopback address: " + loopbackAddress, e);
        }
    }

    private static LoopbackServer start(InetAddress address) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(address, 0), 50);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            LoopbackServer loopback = new LoopbackServer(http, executor);
            http.createContext("/", loopback::dispatch);
            http.setExecutor(executor);
            http.start();
            return loopback;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the loopback server", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} (or the address it was started on) + path; the path must start with "/" and may carry a query. */
    public URI uri(String path) {
        return uri(server.getAddress().getAddress().getHostAddress(), path);
    }

    /** The same server under another host name that resolves to it, e.g. "localhost". */
    public URI uri(String host, String path) {
        requirePath(path);
        return URI.create("http://" + host + ":" + port() + path);
    }

    // ---------------------------------------------------------------- static content

    /** Answers 200 with these bytes. */
    public LoopbackServer serve(String path, String contentType, byte[] body) {
        return serve(path, contentType, body, Map.of());
    }

    /** Answers 200 with these bytes and extra response headers (e.g. ETag, Cache-Control). */
    public LoopbackServer serve(String path, String contentType, byte[] body, Map<String, String> headers) {
        byte[] copy = body.clone();
        return handle(path, exchange -> respond(exchange, 200, contentType, headers, copy));
    }

    /** Answers 200 with the text encoded in UTF-8. */
    public LoopbackServer serveText(String path, String contentType, String text) {
        return serve(path, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers 200 with a classpath resource (e.g. "web/feeds/en-atom.xml"), bytes unchanged. */
    public LoopbackServer serveResource(String path, String resource, String contentType) {
        return serveResource(path, resource, contentType, Map.of());
    }

    /** Answers 200 with a classpath resource and extra response headers. */
    public LoopbackServer serveResource(String path, String resource, String contentType, Map<String, String> headers) {
        return serve(path, contentType, resourceBytes(resource), headers);
    }

    /**
     * Serves every classpath resource under a folder: with {@code ("/", "web")} the request
     * {@code /articles/en-1.html} answers resource {@code web/articles/en-1.html}. The content type
     * comes from the file extension (.html text/html, .xml application/xml, ...) without a charset,
     * so documents must declare their own. Exact registrations take precedence.
     */
    public LoopbackServer serveResourceFolder(String urlPrefix, String resourceFolder) {
        requirePath(urlPrefix);
        mounts.put(urlPrefix.endsWith("/") ? urlPrefix : urlPrefix + "/", stripSlashes(resourceFolder));
        return this;
    }

    /** Reads a classpath resource; fails the test when it does not exist. */
    public static byte[] resourceBytes(String resource) {
        String name = stripSlashes(resource);
        try (InputStream in = LoopbackServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- behaviour

    /** Registers any handler for an exact path; it is recorded in the request log like the others. */
    public LoopbackServer handle(String path, HttpHandler handler) {
        requirePath(path);
        handlers.put(path, Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Answers with a status and a short text/plain body ("HTTP 503"). */
    public LoopbackServer status(String path, int status) {
        return status(path, status, Map.of());
    }

    /** Answers with a status, a short text body and extra headers (e.g. Retry-After). */
    public LoopbackServer status(String path, int status, Map<String, String> headers) {
        byte[] body = ("HTTP " + status + "\n").getBytes(StandardCharsets.US_ASCII);
        return handle(path, exchange -> respond(exchange, status, "text/plain; charset=utf-8", headers, body));
    }

    /** Answers with a redirect; {@code location} is sent verbatim, so it may be relative or absolute. */
    public LoopbackServer redirect(String from, String location, int status) {
        return handle(from, exchange -> respond(exchange, status, "text/html",
                Map.of("Location", location), "<a href=\"moved\">moved</a>".getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A chain of {@code hops} 302 redirects: {@code prefix/0 -> prefix/1 -> ... -> prefix/(hops-1)
     * -> finalLocation}. Fetching {@code uri(prefix + "/0")} follows exactly {@code hops} redirects.
     * The hops use relative Location headers ("1", "2", ...) except the last.
     */
    public LoopbackServer redirectChain(String prefix, int hops, String finalLocation) {
        if (hops < 1) {
            throw new IllegalArgumentException("a chain needs at least one hop");
        }
        for (int i = 0; i < hops; i++) {
            redirect(prefix + "/" + i, i == hops - 1 ? finalLocation : String.valueOf(i + 1), 302);
        }
        return this;
    }

    /** Two paths that redirect to each other (302). A path may also redirect to itself. */
    public LoopbackServer redirectLoop(String first, String second) {
        redirect(first, second, 302);
        if (!first.equals(second)) {
            redirect(second, first, 302);
        }
        return this;
    }

    /** Answers 200 with the body gzip-compressed and {@code Content-Encoding: gzip}. */
    public LoopbackServer serveGzip(String path, String contentType, byte[] body) {
        return serveEncoded(path, contentType, "gzip", gzip(body));
    }

    /** Answers 200 with the body deflate-compressed: zlib-wrapped as the RFC says, or raw as some servers do. */
    public LoopbackServer serveDeflate(String path, String contentType, byte[] body, boolean zlibWrapped) {
        return serveEncoded(path, contentType, "deflate", deflate(body, zlibWrapped));
    }

    /**
     * Answers 200 with bytes sent as they are under the given Content-Encoding, for broken or
     * hostile data (truncated gzip, a gzip bomb from {@link #gzipOfZeros}, "br" we never asked for).
     */
    public LoopbackServer serveEncoded(String path, String contentType, String contentEncoding, byte[] encodedBody) {
        return serve(path, contentType, encodedBody, Map.of("Content-Encoding", contentEncoding));
    }

    /**
     * Answers 200 at once with the full Content-Length, then trickles the body: {@code chunkBytes}
     * at a time with {@code pause} before each chunk. Stops quietly when the client goes away.
     */
    public LoopbackServer serveTrickle(String path, String contentType, byte[] body, int chunkBytes, Duration pause) {
        byte[] copy = body.clone();
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, copy.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int offset = 0; offset < copy.length; offset += chunkBytes) {
                    sleep(pause);
                    out.write(copy, offset, Math.min(chunkBytes, copy.length - offset));
                    out.flush();
                    count(path, Math.min(chunkBytes, copy.length - offset));
                }
            }
        });
    }

    /** Waits {@code delay} before sending anything (status line included), then answers 200. */
    public LoopbackServer serveAfterDelay(String path, Duration delay, String contentType, byte[] body) {
        byte[] copy = body.clone();
        return handle(path, exchange -> {
            sleep(delay);
            respond(exchange, 200, contentType, Map.of(), copy);
        });
    }

    /**
     * Answers 200 with {@code size} bytes of ASCII filler generated while sending: nothing is held
     * in memory or on disk, so 50 MB or 5 GB cost the same. With {@code declareLength} the
     * Content-Length is sent; otherwise the body is chunked and its size unknown to the client.
     * {@link #bytesSent(String)} tells how much actually went out before the client hung up.
     */
    public LoopbackServer serveGenerated(String path, String contentType, long size, boolean declareLength) {
        byte[] block = filler(64 * 1024);
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, declareLength ? size : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(block.length, left);
                    out.write(block, 0, n);
                    count(path, n);
                    left -= n;
                }
            }
        });
    }

    /**
     * Answers 200 with the body and its validators, or 304 with no body when the request's
     * If-None-Match matches the ETag, or (without If-None-Match) its If-Modified-Since is not
     * before Last-Modified. Either validator may be null.
     *
     * @param lastModified an HTTP date, e.g. "Tue, 03 Mar 2026 10:15:00 GMT"
     */
    public LoopbackServer serveConditional(String path, String contentType, byte[] body, String etag, String lastModified) {
        byte[] copy = body.clone();
        Map<String, String> validators = new TreeMap<>();
        if (etag != null) {
            validators.put("ETag", etag);
        }
        if (lastModified != null) {
            validators.put("Last-Modified", lastModified);
        }
        return handle(path, exchange -> {
            if (notModified(exchange.getRequestHeaders(), etag, lastModified)) {
                validators.forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else {
                respond(exchange, 200, contentType, validators, copy);
            }
        });
    }

    private static boolean notModified(Headers request, String etag, String lastModified) {
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            if (etag == null) {
                return false;
            }
            String ours = weakless(etag);
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .anyMatch(tag -> tag.equals("*") || weakless(tag).equals(ours));
        }
        String ifModifiedSince = request.getFirst("If-Modified-Since");
        if (ifModifiedSince != null && lastModified != null) {
            try {
                ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince, HTTP_DATE);
                ZonedDateTime modified = ZonedDateTime.parse(lastModified, HTTP_DATE);
                return !modified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    // ---------------------------------------------------------------- encoders and ports

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] deflate(byte[] data, boolean zlibWrapped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibWrapped);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /**
     * A gzip bomb: {@code size} zero bytes compressed, about a thousandth of the size
     * (20 MB of zeros give ~20 KB). Built by streaming, never holding the zeros.
     */
    public static byte[] gzipOfZeros(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            for (long left = size; left > 0; left -= zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A loopback port with nothing listening (bound then released), for "connection refused". */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- request log

    /** All requests so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /** The requests for one path, in arrival order. */
    public List<RecordedRequest> requests(String path) {
        return log.stream().filter(r -> r.path().equals(path)).toList();
    }

    public int requestCount(String path) {
        return (int) log.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Body bytes written so far by trickling and generated answers on this path. */
    public long bytesSent(String path) {
        AtomicLong sent = bytesSent.get(path);
        return sent == null ? 0 : sent.get();
    }

    /** Forgets the request log and byte counts (handlers stay registered). */
    public void clearLog() {
        log.clear();
        bytesSent.clear();
    }

    /** Stops at once; answers still being written are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- internals

    private void dispatch(HttpExchange exchange) throws IOException {
        URI requestUri = exchange.getRequestURI();
        String path = requestUri.getRawPath();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        log.add(new RecordedRequest(exchange.getRequestMethod(), path, requestUri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Host"), Collections.unmodifiableMap(headers),
                System.nanoTime(), Instant.now(), exchange.getRemoteAddress().getAddress().getHostAddress()));
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            HttpHandler handler = handlers.get(path);
            if (handler == null) {
                handler = mountedResource(path);
            }
            if (handler == null) {
                respond(exchange, 404, "text/plain; charset=utf-8", Map.of(),
                        ("no such path on the loopback server: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(exchange);
            }
        } catch (IOException e) {
            // The client hung up (timeout, size limit, cancellation): expected in these tests.
        } catch (InterruptedRuntime e) {
            // Server closing while a slow answer was pausing.
        }
    }

    private HttpHandler mountedResource(String path) {
        return mounts.entrySet().stream()
                .filter(mount -> path.startsWith(mount.getKey()))
                .max(Comparator.comparingInt(mount -> mount.getKey().length()))
                .map(mount -> {
                    String relative = path.substring(mount.getKey().length());
                    if (relative.isEmpty() || relative.contains("..") || relative.contains("%")) {
                        return null;
                    }
                    String resource = mount.getValue().isEmpty() ? relative : mount.getValue() + "/" + relative;
                    if (!isResourceFile(resource)) {
                        return null;
                    }
                    byte[] body = resourceBytes(resource);
                    String extension = relative.substring(relative.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    String type = CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
                    return (HttpHandler) exchange -> respond(exchange, 200, type, Map.of(), body);
                })
                .orElse(null);
    }

    /** True for a resource that is a file; folders on disk would otherwise read as listings. */
    private static boolean isResourceFile(String resource) {
        URL url = LoopbackServer.class.getClassLoader().getResource(resource);
        if (url == null || resource.endsWith("/")) {
            return false;
        }
        if (!"file".equals(url.getProtocol())) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType,
                                Map<String, String> headers, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        headers.forEach(exchange.getResponseHeaders()::set);
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void count(String path, long n) {
        bytesSent.computeIfAbsent(path, p -> new AtomicLong()).addAndGet(n);
    }

    /** Interruption of a pausing handler, unwound to {@link #dispatch} without a checked exception. */
    private static final class InterruptedRuntime extends RuntimeException {
        InterruptedRuntime(InterruptedException cause) {
            super(cause);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedRuntime(e);
        }
    }

    private static byte[] filler(int size) {
        byte[] line = "ClaimDesk loopback filler: the quick brown fox jumps over the lazy dog.\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[size];
        for (int i = 0; i < size; i++) {
            block[i] = line[i % line.length];
        }
        return block;
    }

    private static void requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("paths start with '/': " + path);
        }
    }

    private static String stripSlashes(String s) {
        String out = s;
        while (out.startsWith("/")) {
            out = out.substring(1);
        }
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
