package org.claimdesk.source;

import java.time.Duration;

/**
 * Global HTTP settings from feeds.yml ({@code settings:}).
 *
 * @param politenessDelay     minimum time between two requests to the same host
 * @param connectTimeout      time allowed to open a connection
 * @param readTimeout         time allowed for a whole response (headers and body)
 * @param maxPageBytes        largest body accepted, after decompression
 * @param maxRedirects        redirects followed before giving up
 * @param userAgent           User-Agent header sent with every request
 * @param maxParallelFetches  requests in flight at once across all hosts
 * @param proxy               the proxy every request goes through, or null to connect directly
 */
public record FetchSettings(Duration politenessDelay, Duration connectTimeout, Duration readTimeout,
                            long maxPageBytes, int maxRedirects, String userAgent, int maxParallelFetches,
                            ProxyServer proxy) {

    public static final String DEFAULT_USER_AGENT = "ClaimDesk/0.1 (+https://github.com/claimdesk/claimdesk)";

    /** Settings without a proxy. */
    public FetchSettings(Duration politenessDelay, Duration connectTimeout, Duration readTimeout,
                         long maxPageBytes, int maxRedirects, String userAgent, int maxParallelFetches) {
        this(politenessDelay, connectTimeout, readTimeout, maxPageBytes, maxRedirects, userAgent, maxParallelFetches, null);
    }

    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L * 1024 * 1024, 5, DEFAULT_USER_AGENT, 16, null);
    }

    /** The same settings with another proxy (null for none). */
    public FetchSettings withProxy(ProxyServer proxy) {
        return new FetchSettings(politenessDelay, connectTimeout, readTimeout, maxPageBytes, maxRedirects, userAgent,
                maxParallelFetches, proxy);
    }
}
