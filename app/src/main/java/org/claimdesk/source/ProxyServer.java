package org.claimdesk.source;

import java.util.Locale;
import java.util.Objects;

/**
 * The proxy every request goes through ({@code settings: proxy:} in feeds.yml).
 *
 * @param type how to talk to it
 * @param host its host name or IP address, as written
 * @param port its port
 */
public record ProxyServer(Type type, String host, int port) {

    public enum Type {
        /** An HTTP proxy: CONNECT tunnels for https, absolute addresses for http. */
        HTTP,
        /** A SOCKS5 proxy (Tor's SocksPort); host names are resolved by the proxy, never here. */
        SOCKS5
    }

    public ProxyServer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /** "127.0.0.1:9050", as shown in messages. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** As written in feeds.yml, e.g. "socks5://127.0.0.1:9050". */
    @Override
    public String toString() {
        return (type == Type.HTTP ? "http://" : "socks5://") + address();
    }
}
