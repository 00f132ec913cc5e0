package org.claimdesk.fetch;

import org.claimdesk.source.FetchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes GET requests the way a polite crawler should: timeouts, a redirect limit, a maximum
 * body size, gzip/deflate, conditional GET and a politeness delay per host. Safe to call from
 * many (virtual) threads at once; a slow host holds up only its own requests.
 *
 * <p>Only the requested URL (and the redirects it answers with) is ever loaded. No cookies are
 * kept; proxies are used only when the JVM is configured with them (default proxy selector).
 */
public final class HttpFetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    /** Feeds first, then web pages, then anything (some servers send feeds as text/plain). */
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5";
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /** How much of an error or redirect body is read before the connection is simply dropped. */
    private static final int UNUSED_BODY_LIMIT = 64 * 1024;

    private final FetchSettings settings;
    private final HttpClient client;
    private final PolitenessGate gate;
    private volatile boolean closed;

    public HttpFetcher(FetchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settings.userAgent(), "userAgent");
        requirePositive(settings.connectTimeout(), "connectTimeout");
        requirePositive(settings.readTimeout(), "readTimeout");
        if (settings.maxPageBytes() < 1) {
            throw new IllegalArgumentException("maxPageBytes must be positive: " + settings.maxPageBytes());
        }
        if (settings.maxRedirects() < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + settings.maxRedirects());
        }
        this.gate = new PolitenessGate(Objects.requireNonNull(settings.politenessDelay(), "politenessDelay"),
                settings.maxParallelFetches());
        // HTTP/1.1 only: no h2c upgrade attempts that some servers mishandle. Redirects are
        // followed here, not by the client, to apply our limit, loop check and scheme check.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    /**
     * Fetches one URL, following up to maxRedirects redirects. Each request (redirects included)
     * waits for its host's politeness turn and a place among maxParallelFetches.
     *
     * @throws FetchException       on any failure, with its category and a clear message; its
     *                              {@code uri()} is the address that failed (after redirects), or the
     *                              requested one for redirect loops and too many redirects
     * @throws IllegalStateException after {@link #close()}
     * @throws InterruptedException when the calling thread is cancelled
     */
    public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("HttpFetcher is closed");
        }
        URI requested = request.uri();
        if (requested == null) {
            throw new FetchException(FetchFailure.BAD_URL, null, "no address given");
        }
        URI current = requireFetchable(requested, null);
        Set<URI> visited = new HashSet<>();
        visited.add(current);
        long started = -1;
        int redirects = 0;
        while (true) {
            Exchange exchange = exchange(current, request);
            if (started < 0) {
                started = exchange.sentNanos();
            }
            HttpResponse<byte[]> response = exchange.response();
            int status = response.statusCode();
            if (isRedirect(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    throw new FetchException(FetchFailure.HTTP_STATUS, current, status,
                            statusLine(status) + " without a Location header from " + current, null);
                }
                URI target = requireFetchable(resolve(current, location), current);
                if (!visited.add(target)) {
                    throw new FetchException(FetchFailure.REDIRECT_LOOP, requested, status,
                            "redirect loop: " + current + " redirects back to " + target
                                    + (target.equals(requested) ? "" : " (starting at " + requested + ")"), null);
                }
                if (++redirects > settings.maxRedirects()) {
                    throw new FetchException(FetchFailure.TOO_MANY_REDIRECTS, requested, status,
                            "more than " + settings.maxRedirects() + " redirects starting at " + requested
                                    + " (gave up at " + target + ")", null);
                }
                log.debug("{} redirects ({}) to {}", current, status, target);
                current = target;
                continue;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (status == 304) {
                return new FetchResult.NotModified(requested, elapsed);
            }
            if (status < 200 || status > 299) {
                throw new FetchException(FetchFailure.HTTP_STATUS, current, status,
                        statusLine(status) + " from " + current, null);
            }
            byte[] body = decode(response, current);
            elapsed = Duration.ofNanos(System.nanoTime() - started);
            var headers = response.headers();
            return new FetchResult.Body(requested, current, status,
                    headers.firstValue("Content-Type").orElse(null), body,
                    headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null),
                    elapsed);
        }
    }

    private record Exchange(HttpResponse<byte[]> response, long sentNanos) {
    }

    /** One request and response, without following redirects. */
    private Exchange exchange(URI uri, FetchRequest request) throws FetchException, InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchFailure.BAD_URL, uri, 0, "cannot request " + uri + ": " + e.getMessage(), null);
        }
        builder.GET()
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        // Validators are sent on every hop: after a redirect they belong to the final URL.
        if (request.etag() != null && !request.etag().isBlank()) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        HttpRequest httpRequest = builder.build();

        AtomicReference<BoundedBody> bodyRef = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            boolean wanted = info.statusCode() >= 200 && info.statusCode() <= 299;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            BoundedBody body = wanted
                    ? new BoundedBody(settings.maxPageBytes(), true, declared)
                    : new BoundedBody(UNUSED_BODY_LIMIT, false, declared);
            bodyRef.set(body);
            return body;
        };

        try (PolitenessGate.Pass ignored = gate.enter(uri.getHost())) {
            long sent = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest, handler);
            try {
                return new Exchange(future.get(settings.readTimeout().toNanos(), TimeUnit.NANOSECONDS), sent);
            } catch (TimeoutException e) {
                abort(future, bodyRef);
                throw new FetchException(FetchFailure.TIMEOUT, uri, 0,
                        "no complete answer from " + uri + " within " + describe(settings.readTimeout()), null);
            } catch (InterruptedException e) {
                abort(future, bodyRef);
                throw e;
            } catch (ExecutionException e) {
                throw translate(e.getCause(), uri);
            }
        }
    }

    private static void abort(CompletableFuture<?> future, AtomicReference<BoundedBody> bodyRef) {
        future.cancel(true);
        BoundedBody body = bodyRef.get();
        if (body != null) {
            body.abort();
        }
    }

    private byte[] decode(HttpResponse<byte[]> response, URI uri) throws FetchException {
        var encodings = response.headers().allValues("Content-Encoding");
        try {
            return ContentDecoding.decode(response.body(), encodings, settings.maxPageBytes());
        } catch (BoundedBody.TooLarge e) {
            throw tooLarge(uri, "once decompressed ");
        } catch (ContentDecoding.Unsupported e) {
            throw new FetchException(FetchFailure.BAD_CONTENT_ENCODING, uri, 0,
                    "unsupported Content-Encoding '" + e.getMessage() + "' from " + uri, null);
        } catch (IOException e) {
            throw new FetchException(FetchFailure.BAD_CONTENT_ENCODING, uri, 0,
                    "corrupt " + String.join(", ", encodings) + " data from " + uri
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    private FetchException tooLarge(URI uri, String how) {
        return new FetchException(FetchFailure.TOO_LARGE, uri, 0,
                "page at " + uri + " is " + how + "larger than the limit of " + describeBytes(settings.maxPageBytes()), null);
    }

    /** Maps what the HTTP client threw to a category and a message for the analyst. */
    private FetchException translate(Throwable failure, URI uri) {
        String host = uri.getHost();
        String hostPort = host + ":" + effectivePort(uri);
        if (find(failure, BoundedBody.TooLarge.class) != null) {
            return tooLarge(uri, "");
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return new FetchException(FetchFailure.TIMEOUT, uri, 0,
                    "could not connect to " + hostPort + " within " + describe(settings.connectTimeout()), failure);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return new FetchException(FetchFailure.TIMEOUT, uri, 0,
                    "no complete answer from " + uri + " within " + describe(settings.readTimeout()), failure);
        }
        if (find(failure, UnresolvedAddressException.class) != null || find(failure, UnknownHostException.class) != null) {
            return new FetchException(FetchFailure.DNS, uri, 0, "host not found: " + host, failure);
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return new FetchException(FetchFailure.CONNECT, uri, 0,
                    "secure connection to " + hostPort + " failed" + detail(tls), failure);
        }
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null) {
            // The JDK client usually hides the socket's reason (a bare ClosedChannelException).
            String why = deepestMessage(connect);
            return new FetchException(FetchFailure.CONNECT, uri, 0,
                    "could not connect to " + hostPort + " ("
                            + (why == null ? "connection refused or host unreachable" : why.toLowerCase(Locale.ROOT)) + ")",
                    failure);
        }
        return new FetchException(FetchFailure.IO, uri, 0, "network error while fetching " + uri + detail(failure), failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String detail(Throwable failure) {
        String message = deepestMessage(failure);
        return message == null ? "" : ": " + message;
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Accepts only absolute http(s) URLs with a host; drops the fragment, which is never sent.
     *
     * @param from the page that redirected here, or null for the requested URL
     */
    private static URI requireFetchable(URI uri, URI from) throws FetchException {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String where = from == null ? "" : " (redirect from " + from + ")";
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new FetchException(FetchFailure.BAD_URL, uri, 0,
                    "only http and https addresses can be fetched, not " + uri + where, null);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new FetchException(FetchFailure.BAD_URL, uri, 0, "address has no host name: " + uri + where, null);
        }
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    /** Resolves a Location header against the current URL, tolerating spaces and non-ASCII. */
    private static URI resolve(URI base, String location) throws FetchException {
        String cleaned = location.trim();
        try {
            return base.resolve(new URI(cleaned));
        } catch (URISyntaxException | IllegalArgumentException first) {
            try {
                return base.resolve(new URI(escapeIllegal(cleaned)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new FetchException(FetchFailure.BAD_URL, base, 0,
                        "malformed redirect target '" + location + "' from " + base, null);
            }
        }
    }

    /** Percent-encodes spaces, non-ASCII and other characters that URI rejects. */
    private static String escapeIllegal(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String describeBytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    static String statusLine(int status) {
        String reason = reason(status);
        return reason.isEmpty() ? "HTTP " + status : "HTTP " + status + " " + reason;
    }

    /** The standard reason phrase; the JDK client does not expose the one the server sent. */
    static String reason(int status) {
        return switch (status) {
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 305 -> "Use Proxy";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 418 -> "I'm a teapot";
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Content";
            case 425 -> "Too Early";
            case 426 -> "Upgrade Required";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            case 507 -> "Insufficient Storage";
            case 508 -> "Loop Detected";
            case 511 -> "Network Authentication Required";
            default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "";
        };
    }

    /** Stops all requests in flight; fetch must not be called afterwards. */
    @Override
    public void close() {
        closed = true;
        client.shutdownNow();
    }
}
