package org.claimdesk.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses a feed may not make ClaimDesk contact: this computer, private networks,
 * link-local ones (where cloud metadata lives, 169.254.169.254), multicast and the like. Only the
 * source's own host may be there; {@link FetchScope} says which host that is.
 */
final class AddressRule {
    private static final Pattern NUMERIC_IPV4 = Pattern.compile("(?i)[0-9a-fx.]+");

    private AddressRule() {
    }

    /** What kind of forbidden address this is ("a loopback address"), or null when it is a public one. */
    static String forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) {
                String reason = forbidden(embedded);
                return reason == null ? null : reason + " (inside an IPv6 address)";
            }
            if (v6.isLoopbackAddress()) {
                return "a loopback address (this computer)";
            }
            if (v6.isAnyLocalAddress()) {
                return "the unspecified address";
            }
            if (v6.isLinkLocalAddress()) {
                return "a link-local address";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local address (a private network)";
            }
            if (v6.isSiteLocalAddress()) {
                return "a site-local address (a private network)";
            }
            if (v6.isMulticastAddress()) {
                return "a multicast address";
            }
            return null;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 127) {
            return "a loopback address (this computer)";
        }
        if (first == 0) {
            return "an unspecified address (this computer)";
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return "a private address";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "a shared address (a carrier's private network)";
        }
        if (first == 169 && second == 254) {
            return "a link-local address (where cloud metadata services answer)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "a reserved address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking address (a private network)";
        }
        if (first >= 224) {
            return first < 240 ? "a multicast address" : "a reserved or broadcast address";
        }
        return null;
    }

    /** IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:abcd:…) addresses carry an IPv4 one. */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeros96 = true;
        for (int i = 0; i < 12; i++) {
            zeros96 &= b[i] == 0;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        try {
            if ((zeros96 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) || mapped || nat64) {
                return (Inet4Address) InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return (Inet4Address) InetAddress.getByAddress(new byte[]{b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    /**
     * The address a host name stands for without asking DNS: an IP literal in any form a resolver
     * would accept (127.0.0.1, [::1], 2130706433, 0x7f.1), or loopback for "localhost" and
     * "*.localhost"; null for a real name.
     */
    static InetAddress literal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.ofLiteral(h);
        } catch (IllegalArgumentException notStandard) {
            if (NUMERIC_IPV4.matcher(h).matches()) {
                try {
                    return Inet4Address.ofPosixLiteral(h);
                } catch (IllegalArgumentException notAnAddress) {
                    return null;
                }
            }
            return null;
        }
    }
}
