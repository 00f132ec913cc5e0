package org.claimdesk.fetch;

import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.ProxyServer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Socks5Proxy;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes GET requests the way a polite crawler should: timeouts, a redirect limit, a maximum
 * body size, gzip/deflate, conditional GET and a politeness delay per host. Safe to call from
 * many (virtual) threads at once; a slow host holds up only its own requests.
 *
 * <p>Only the requested URL (and the redirects it answers with) is ever loaded, and only within
 * the request's {@link FetchScope}: http and https only, private addresses only on the source's
 * own host (checked on the resolved address, for every redirect), article pages only from the
 * sites allowed. No cookies are kept. With a proxy in the settings every request goes through it
 * and nothing goes out directly, not even when the proxy is down; a SOCKS proxy also resolves the
 * host names, so no DNS question leaves this computer. The JVM's own proxy settings are not used.
 * The client is Jetty's (decision 0010).
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
    private final ProxyServer proxy;
    /**
     * Started at the first fetch, not when the fetcher is made: a workspace that fetches nothing
     * (a first start, a search, the window until the user picks sources) never pays for the
     * client's threads and TLS set-up, and opens faster. Guarded by this.
     */
    private HttpClient client;
    private final GuardedResolver.HostLookup lookup;
    private final ExecutorService lookups;
    private final PolitenessGate gate;
    private volatile boolean closed;

    public HttpFetcher(FetchSettings settings) {
        this(settings, GuardedResolver.HostLookup.SYSTEM);
    }

    /** @param lookup how host names are resolved when there is no proxy (a fixed table in tests) */
    HttpFetcher(FetchSettings settings, GuardedResolver.HostLookup lookup) {
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
        this.proxy = settings.proxy();
        this.lookups = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fetch-dns-", 0).factory());
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The HTTP client, started on first use. */
    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("HttpFetcher is closed");
        }
        if (client == null) {
            client = startClient(lookup);
        }
        return client;
    }

    private HttpClient startClient(GuardedResolver.HostLookup lookup) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 1);
        threads.setName("claimdesk-fetch");
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler("claimdesk-fetch-timer", true));
        // Redirects are followed here, not by the client, to apply our limit, loop check and scope.
        http.setFollowRedirects(false);
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setIdleTimeout(settings.readTimeout().toMillis());
        http.setUserAgentField(null);
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setSocketAddressResolver(new GuardedResolver(lookups, lookup));
        http.setMaxConnectionsPerDestination(settings.maxParallelFetches());
        http.setDestinationIdleTimeout(Duration.ofMinutes(1).toMillis());
        if (proxy != null) {
            http.getProxyConfiguration().addProxy(switch (proxy.type()) {
                case HTTP -> new HttpProxy(proxy.host(), proxy.port());
                case SOCKS5 -> new Socks5Proxy(proxy.host(), proxy.port());
            });
        }
        try {
            http.start();
            // We ask for gzip/deflate ourselves and undo them with a size limit (ContentDecoding);
            // the client adds its own decoders while starting, so they are removed afterwards.
            http.getContentDecoderFactories().clear();
        } catch (Exception e) {
            lookups.shutdownNow();
            throw new IllegalStateException("could not start the HTTP client", e);
        }
        return http;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    /**
     * Fetches one URL, following up to maxRedirects redirects. Each request (redirects included)
     * is checked against the request's scope, then waits for its host's politeness turn and a
     * place among maxParallelFetches.
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
        FetchScope scope = request.scope();
        URI current = requireAllowed(requireFetchable(requested, null), scope, null);
        Set<URI> visited = new HashSet<>();
        visited.add(current);
        long started = -1;
        int redirects = 0;
        while (true) {
            Exchange exchange = exchange(current, request);
            if (started < 0) {
                started = exchange.sentNanos();
            }
            BoundedBody.Received response = exchange.response();
            int status = response.status();
            if (isRedirect(status)) {
                String location = response.headers().get(HttpHeader.LOCATION);
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
                requireAllowed(target, scope, current);
                log.debug("{} redirects ({}) to {}", current, status, target);
                current = target;
                continue;
            }
            long elapsed = System.nanoTime() - started;
            if (status == 304) {
                return new FetchResult.NotModified(requested, Duration.ofNanos(elapsed));
            }
            if (status < 200 || status > 299) {
                throw new FetchException(FetchFailure.HTTP_STATUS, current, status,
                        statusLine(status) + " from " + current, null);
            }
            byte[] body = decode(response, current);
            HttpFields headers = response.headers();
            return new FetchResult.Body(requested, current, status, headers.get(HttpHeader.CONTENT_TYPE), body,
                    headers.get(HttpHeader.ETAG), headers.get(HttpHeader.LAST_MODIFIED),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private record Exchange(BoundedBody.Received response, long sentNanos) {
    }

    /**
     * One request and response, without following redirects. A GET whose connection ended before
     * any answer is sent once more on a fresh connection: a server or proxy may close an idle
     * kept-alive connection just as the client reuses it, and browsers retry that case the same way.
     */
    private Exchange exchange(URI uri, FetchRequest request) throws FetchException, InterruptedException {
        try {
            return exchangeOnce(uri, request);
        } catch (ClosedBeforeAnswer first) {
            log.debug("{}: connection closed before an answer; asking once more", uri);
            try {
                return exchangeOnce(uri, request);
            } catch (ClosedBeforeAnswer again) {
                throw again.failure();
            }
        }
    }

    /** The connection ended before the server began an answer; the request may be sent again. */
    private static final class ClosedBeforeAnswer extends Exception {
        private final FetchException failure;

        ClosedBeforeAnswer(FetchException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }

        FetchException failure() {
            return failure;
        }
    }

    private Exchange exchangeOnce(URI uri, FetchRequest request)
            throws FetchException, ClosedBeforeAnswer, InterruptedException {
        Request jetty;
        try {
            jetty = client().newRequest(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchFailure.BAD_URL, uri, 0, "cannot request " + uri + ": " + e.getMessage(), null);
        }
        long timeoutNanos = settings.readTimeout().toNanos();
        jetty.method(HttpMethod.GET)
                .version(HttpVersion.HTTP_1_1)
                .timeout(timeoutNanos, TimeUnit.NANOSECONDS)
                .tag(request.scope())
                .headers(headers -> {
                    headers.put(HttpHeader.USER_AGENT, settings.userAgent());
                    headers.put(HttpHeader.ACCEPT, ACCEPT);
                    headers.put(HttpHeader.ACCEPT_ENCODING, ACCEPT_ENCODING);
                    // Validators are sent on every hop: after a redirect they belong to the final URL.
                    if (request.etag() != null && !request.etag().isBlank()) {
                        headers.put(HttpHeader.IF_NONE_MATCH, request.etag());
                    }
                    if (request.lastModified() != null && !request.lastModified().isBlank()) {
                        headers.put(HttpHeader.IF_MODIFIED_SINCE, request.lastModified());
                    }
                });
        BoundedBody listener = new BoundedBody(settings.maxPageBytes(), UNUSED_BODY_LIMIT);

        try (PolitenessGate.Pass ignored = gate.enter(uri.getHost())) {
            long sent = System.nanoTime();
            jetty.send(listener);
            try {
                // The client's own total timeout normally answers first; this is the backstop.
                return new Exchange(listener.result().get(timeoutNanos + TimeUnit.SECONDS.toNanos(1),
                        TimeUnit.NANOSECONDS), sent);
            } catch (TimeoutException e) {
                jetty.abort(e);
                throw noCompleteAnswer(uri, e);
            } catch (InterruptedException e) {
                jetty.abort(new InterruptedIOException("cancelled"));
                throw e;
            } catch (ExecutionException e) {
                FetchException failure = translate(e.getCause(), uri, request.scope());
                if (!listener.answered() && find(e.getCause(), EOFException.class) != null) {
                    throw new ClosedBeforeAnswer(failure);
                }
                throw failure;
            }
        }
    }

    private FetchException noCompleteAnswer(URI uri, Throwable cause) {
        return new FetchException(FetchFailure.TIMEOUT, uri, 0,
                "no complete answer from " + uri + " within " + describe(settings.readTimeout()), cause);
    }

    private byte[] decode(BoundedBody.Received response, URI uri) throws FetchException {
        var encodings = response.headers().getValuesList(HttpHeader.CONTENT_ENCODING);
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
    private FetchException translate(Throwable failure, URI uri, FetchScope scope) {
        String host = uri.getHost();
        String hostPort = host + ":" + effectivePort(uri);
        if (find(failure, BoundedBody.TooLarge.class) != null) {
            return tooLarge(uri, "");
        }
        GuardedResolver.Refused refused = find(failure, GuardedResolver.Refused.class);
        if (refused != null) {
            return new FetchException(FetchFailure.REFUSED, uri, 0, "refused " + uri + ": " + refused.getMessage()
                    + onlyOwnHost(scope), null);
        }
        if (find(failure, TimeoutException.class) != null) {
            return noCompleteAnswer(uri, failure);
        }
        if (proxy != null) {
            FetchException viaProxy = translateProxyFailure(failure, uri, hostPort);
            if (viaProxy != null) {
                return viaProxy;
            }
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return new FetchException(FetchFailure.TIMEOUT, uri, 0,
                    "could not connect to " + hostPort + " within " + describe(settings.connectTimeout()), failure);
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
            String why = deepestMessage(connect);
            return new FetchException(FetchFailure.CONNECT, uri, 0,
                    "could not connect to " + hostPort + " ("
                            + (why == null ? "connection refused or host unreachable" : why.toLowerCase(Locale.ROOT)) + ")",
                    failure);
        }
        return new FetchException(FetchFailure.IO, uri, 0, "network error while fetching " + uri
                + (proxy == null ? "" : " through the proxy " + proxy.address()) + detail(failure), failure);
    }

    /**
     * Failures that say the proxy did not do its part. Every connection goes to the proxy, so a
     * refused or timed-out connection is the proxy's; the message says so, and nothing was tried directly.
     */
    private FetchException translateProxyFailure(Throwable failure, URI uri, String hostPort) {
        String at = proxy.address();
        if (find(failure, SocketTimeoutException.class) != null) {
            return new FetchException(FetchFailure.PROXY, uri, 0, "proxy " + at + " did not accept a connection within "
                    + describe(settings.connectTimeout()) + " (nothing was fetched directly)", failure);
        }
        if (find(failure, UnresolvedAddressException.class) != null || find(failure, UnknownHostException.class) != null) {
            return new FetchException(FetchFailure.PROXY, uri, 0, "proxy host not found: " + proxy.host()
                    + " (nothing was fetched directly)", failure);
        }
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null) {
            String why = deepestMessage(connect);
            boolean refusedConnection = why == null || why.toLowerCase(Locale.ROOT).contains("refused");
            return new FetchException(FetchFailure.PROXY, uri, 0, "proxy " + at
                    + (refusedConnection ? " refused the connection" : " could not be reached (" + why.toLowerCase(Locale.ROOT) + ")")
                    + "; is it running? (nothing was fetched directly)", failure);
        }
        HttpResponseException tunnel = find(failure, HttpResponseException.class);
        if (tunnel != null && tunnel.getResponse() != null) {
            return new FetchException(FetchFailure.PROXY, uri, 0, "proxy " + at + " refused to connect to " + hostPort
                    + " (" + statusLine(tunnel.getResponse().getStatus()) + ")", failure);
        }
        String socks = deepestMessage(failure);
        if (socks != null && socks.startsWith("SOCKS5 ")) {
            String why = socks.substring("SOCKS5 ".length()).toLowerCase(Locale.ROOT);
            boolean proxysFault = why.contains("not allowed") || why.contains("unsupported") || why.contains("unacceptable")
                    || why.contains("unknown");
            return new FetchException(proxysFault ? FetchFailure.PROXY : FetchFailure.CONNECT, uri, 0,
                    "proxy " + at + " could not connect to " + hostPort + " (" + why + ")", failure);
        }
        return null;
    }

    /** The end of a refusal: which host may be private. */
    private static String onlyOwnHost(FetchScope scope) {
        String own = scope == null ? null : scope.ownHost();
        return "; only the source's own host" + (own == null ? "" : " (" + own + ")")
                + " may be on this computer or a private network";
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
     * Accepts only absolute http(s) URLs with a host; drops the fragment, which is never sent, and
     * a user name or password, which are never sent either (nor kept in what is stored).
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
        if (uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
            return uri;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        try {
            return new URI(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchFailure.BAD_URL, uri, 0, "cannot request " + uri + where, null);
        }
    }

    /**
     * Applies the scope before any connection: the site rule, and the address rule for hosts
     * written as addresses (127.0.0.1, [::1], localhost). Names are checked once resolved
     * ({@link GuardedResolver}); through a proxy they are resolved by the proxy, which we cannot check.
     */
    private URI requireAllowed(URI uri, FetchScope scope, URI from) throws FetchException {
        String where = from == null ? "" : " (redirect from " + from + ")";
        String offSite = scope.siteRefusal(uri);
        if (offSite != null) {
            throw new FetchException(FetchFailure.REFUSED, uri, 0, "refused " + uri + where + ": " + offSite, null);
        }
        String host = uri.getHost();
        InetAddress literal = AddressRule.literal(host);
        String reason = literal == null || scope.isOwnHost(host) ? null : AddressRule.forbidden(literal);
        if (reason != null) {
            InetAddress own = scope.ownHost() == null ? null : AddressRule.literal(scope.ownHost());
            // An own host given by name is compared by address once resolved, which a proxy does not let us do.
            boolean refuse = own != null ? !own.equals(literal) : proxy != null || scope.ownHost() == null;
            if (refuse) {
                throw new FetchException(FetchFailure.REFUSED, uri, 0, "refused " + uri + where + ": "
                        + new GuardedResolver.Refused(host, literal, reason).getMessage() + onlyOwnHost(scope), null);
            }
        }
        return uri;
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
        HttpClient started;
        synchronized (this) {
            closed = true;
            started = client;
        }
        try {
            if (started != null) {
                started.stop();
            }
        } catch (Exception e) {
            log.warn("the HTTP client did not stop cleanly: {}", e.toString());
        } finally {
            lookups.shutdownNow();
        }
    }
}
