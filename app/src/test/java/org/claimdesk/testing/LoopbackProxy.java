package org.claimdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny proxy on 127.0.0.1 for tests, HTTP or SOCKS5, that records what went through it.
 *
 * <ul>
 *   <li>{@link #http()}: CONNECT tunnels, and plain requests in absolute form ({@code GET http://host/path}),
 *       each relayed on its own connection with {@code Connection: close}.</li>
 *   <li>{@link #socks5()}: SOCKS5 without authentication, CONNECT only, host names or IPv4 addresses.</li>
 * </ul>
 *
 * <p>Host names are never resolved: the proxy knows only the names given to {@link #route} and
 * addresses written as loopback numbers, so a test can use a name like {@code origin.claimdesk.test}
 * that no resolver knows, and a request that arrives proves the name was resolved here and nowhere
 * else. Everything it relays leaves from 127.0.0.3, so an origin server can tell relayed requests
 * (from 127.0.0.3) from direct ones (from 127.0.0.1).
 */
public final class LoopbackProxy implements AutoCloseable {
    /** The address every relayed connection comes from. */
    public static final String RELAY_ADDRESS = "127.0.0.3";

    /** What the proxy was asked for: "GET http://…", "CONNECT host:port" (HTTP) or "host:port" with its SOCKS address type. */
    public record Relayed(String request, String host, int port, boolean byName) {
    }

    private final boolean socks;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, InetSocketAddress> routes = new ConcurrentHashMap<>();
    private final List<Relayed> relayed = new CopyOnWriteArrayList<>();

    private LoopbackProxy(boolean socks) {
        this.socks = socks;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    public static LoopbackProxy http() {
        return new LoopbackProxy(false);
    }

    public static LoopbackProxy socks5() {
        return new LoopbackProxy(true);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} or {@code socks5://127.0.0.1:PORT}, as written in feeds.yml. */
    public String address() {
        return (socks ? "socks5" : "http") + "://127.0.0.1:" + port();
    }

    /** Makes {@code name} (any port) reach this loopback server; the only names the proxy knows. */
    public LoopbackProxy route(String name, LoopbackServer target) {
        routes.put(name.toLowerCase(Locale.ROOT), new InetSocketAddress(InetAddress.getLoopbackAddress(), target.port()));
        return this;
    }

    public List<Relayed> relayed() {
        return List.copyOf(relayed);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> {
                    try (client) {
                        if (socks) {
                            socks(client);
                        } else {
                            http(client);
                        }
                    } catch (IOException e) {
                        // a client that went away: nothing to do in a test proxy
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private InetSocketAddress target(String host, int port) throws IOException {
        InetSocketAddress routed = routes.get(host.toLowerCase(Locale.ROOT));
        if (routed != null) {
            return routed;
        }
        InetAddress literal;
        try {
            literal = InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException e) {
            throw new IOException("the test proxy does not know " + host);
        }
        if (!literal.isLoopbackAddress()) {
            throw new IOException("the test proxy only reaches loopback addresses, not " + host);
        }
        return new InetSocketAddress(literal, port);
    }

    private static Socket connectFromRelayAddress(InetSocketAddress target) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.ofLiteral(RELAY_ADDRESS), 0));
        socket.connect(target, 2000);
        return socket;
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private void http(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        String head = readHead(in);
        if (head == null) {
            return;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine[0].equals("CONNECT")) {
            String authority = requestLine[1];
            int colon = authority.lastIndexOf(':');
            String host = authority.substring(0, colon);
            int port = Integer.parseInt(authority.substring(colon + 1));
            relayed.add(new Relayed(lines[0], host, port, true));
            Socket origin;
            try {
                origin = connectFromRelayAddress(target(host, port));
            } catch (IOException e) {
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pipe(client, origin);
            return;
        }
        java.net.URI uri = java.net.URI.create(requestLine[1]);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        relayed.add(new Relayed(lines[0], uri.getHost(), port, true));
        StringBuilder forward = new StringBuilder(requestLine[0]).append(' ')
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("proxy-connection") && !name.equals("keep-alive")) {
                forward.append(lines[i]).append("\r\n");
            }
        }
        forward.append("Connection: close\r\n\r\n");
        try (Socket origin = connectFromRelayAddress(target(uri.getHost(), port))) {
            origin.getOutputStream().write(forward.toString().getBytes(StandardCharsets.ISO_8859_1));
            origin.getOutputStream().flush();
            // The answer says "Connection: close" to the client too: this proxy serves one request
            // per connection, and a client that kept it for the next one (a redirect) would race
            // the close and fail now and then.
            InputStream answer = origin.getInputStream();
            String answerHead = readHead(answer);
            if (answerHead == null) {
                throw new IOException("the origin closed without an answer");
            }
            StringBuilder toClient = new StringBuilder();
            for (String line : answerHead.split("\r\n")) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("keep-alive")) {
                    toClient.append(line).append("\r\n");
                }
            }
            toClient.append("Connection: close\r\n\r\n");
            out.write(toClient.toString().getBytes(StandardCharsets.ISO_8859_1));
            answer.transferTo(out);
            out.flush();
        } catch (IOException e) {
            out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Request line and headers up to the blank line, or null when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    // ---- SOCKS5 ----------------------------------------------------------------------------

    private void socks(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) {
            return;
        }
        in.readNBytes(in.readUnsignedByte()); // offered methods; we take "no authentication"
        out.write(new byte[]{5, 0});
        out.flush();
        if (in.readUnsignedByte() != 5 || in.readUnsignedByte() != 1) {
            out.write(new byte[]{5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
            return;
        }
        in.readUnsignedByte(); // reserved
        int type = in.readUnsignedByte();
        String host;
        switch (type) {
            case 1 -> host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            case 3 -> host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
            case 4 -> host = InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            default -> {
                out.write(new byte[]{5, 8, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
        }
        int port = in.readUnsignedShort();
        relayed.add(new Relayed("CONNECT " + host + ":" + port, host, port, type == 3));
        Socket origin;
        try {
            origin = connectFromRelayAddress(target(host, port));
        } catch (IOException e) {
            out.write(new byte[]{5, 4, 0, 1, 0, 0, 0, 0, 0, 0}); // host unreachable
            return;
        }
        out.write(new byte[]{5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
        out.flush();
        pipe(client, origin);
    }

    /** Copies both ways until either side closes. */
    private void pipe(Socket client, Socket origin) throws IOException {
        try (origin) {
            var upstream = threads.submit(() -> {
                try {
                    client.getInputStream().transferTo(origin.getOutputStream());
                } catch (IOException ignored) {
                    // one side closed
                } finally {
                    try {
                        origin.shutdownOutput();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
            try {
                origin.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException ignored) {
                // one side closed
            }
            upstream.cancel(true);
        }
    }
}
