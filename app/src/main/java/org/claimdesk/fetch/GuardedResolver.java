package org.claimdesk.fetch;

import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Resolves host names for the HTTP client and hands it only addresses the request's
 * {@link FetchScope} allows. The client connects to exactly the addresses given here, so a DNS
 * answer cannot smuggle in a private address between a check and the connection. The scope is
 * the request's tag, which also keeps connections of different scopes apart.
 */
final class GuardedResolver implements SocketAddressResolver {

    /** A host that is, or resolves only to, addresses the scope does not allow. */
    static final class Refused extends IOException {
        Refused(String host, InetAddress address, String reason) {
            super(sameAddress(host, address) ? host + " is " + reason
                    : host + (AddressRule.literal(host) != null ? " is " : " resolves to ") + address.getHostAddress() + ", " + reason);
        }

        private static boolean sameAddress(String host, InetAddress address) {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return h.equalsIgnoreCase(address.getHostAddress()) || address.equals(literalOrNull(h));
        }

        private static InetAddress literalOrNull(String host) {
            try {
                return InetAddress.ofLiteral(host);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Host name to addresses; the system resolver in the application, a table in tests. */
    @FunctionalInterface
    interface HostLookup {
        HostLookup SYSTEM = InetAddress::getAllByName;

        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final Executor executor;
    private final HostLookup lookup;

    /** @param executor where the (blocking) look-ups run, off the client's selector threads */
    GuardedResolver(Executor executor, HostLookup lookup) {
        this.executor = executor;
        this.lookup = lookup;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        Destination destination = (Destination) context.get(Destination.CONTEXT_KEY);
        // With a proxy the client only ever resolves the proxy's own address: the user chose it.
        boolean proxy = destination != null && destination.getProxy() != null;
        FetchScope scope = destination != null && destination.getOrigin().getTag() instanceof FetchScope s
                ? s : FetchScope.NOWHERE_PRIVATE;
        executor.execute(() -> {
            try {
                promise.succeeded(allowed(host, port, proxy ? null : scope));
            } catch (Throwable failure) {
                promise.failed(failure);
            }
        });
    }

    private List<InetSocketAddress> allowed(String host, int port, FetchScope scope) throws IOException {
        InetAddress[] all = lookup.addresses(host);
        List<InetSocketAddress> allowed = new ArrayList<>(all.length);
        Set<InetAddress> own = null;
        IOException refused = null;
        for (InetAddress address : all) {
            String reason = scope == null || scope.isOwnHost(host) ? null : AddressRule.forbidden(address);
            if (reason != null) {
                own = own == null ? ownAddresses(scope) : own;
                if (own.contains(address)) {
                    reason = null; // another name for the source's own host (localhost for 127.0.0.1)
                }
            }
            if (reason == null) {
                allowed.add(new InetSocketAddress(address, port));
            } else if (refused == null) {
                refused = new Refused(host, address, reason);
            }
        }
        if (allowed.isEmpty()) {
            throw refused != null ? refused : new UnknownHostException(host);
        }
        return allowed;
    }

    private Set<InetAddress> ownAddresses(FetchScope scope) {
        if (scope.ownHost() == null) {
            return Set.of();
        }
        try {
            return new HashSet<>(Arrays.asList(lookup.addresses(scope.ownHost())));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Set.of();
        }
    }
}
