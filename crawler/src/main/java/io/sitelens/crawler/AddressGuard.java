package io.sitelens.crawler;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the crawler may connect to an address: by default it refuses loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast, unspecified and cloud metadata addresses (IPv4-mapped and
 * IPv4-compatible IPv6 forms included). Addresses in the explicit allow-list are always allowed.
 */
public final class AddressGuard {
    private final boolean allowPrivate;
    private final Set<InetAddress> allowed;

    public AddressGuard(boolean allowPrivate, Set<InetAddress> allowed) {
        this.allowPrivate = allowPrivate;
        this.allowed = Set.copyOf(allowed);
    }

    /** Why {@code address} is refused, or null when it may be connected to. */
    public @Nullable String refusal(InetAddress address) {
        if (allowPrivate || allowed.contains(address)) {
            return null;
        }
        String kind = classify(address);
        if (kind == null) {
            return null;
        }
        return "address " + address.getHostAddress() + " is " + kind
                + " (refused by default; allow it with --allow-private-network or CrawlConfig.allowPrivateNetwork)";
    }

    /** The kind of non-public address, or null for a public one. */
    static @Nullable String classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isEmbeddedV4(b)) {
                byte[] v4 = new byte[] {b[12], b[13], b[14], b[15]};
                String inner = classifyV4(v4);
                return inner == null ? null : inner + " (IPv4 embedded in IPv6)";
            }
            if (address.isLoopbackAddress()) {
                return "loopback";
            }
            if (address.isAnyLocalAddress()) {
                return "unspecified";
            }
            if (address.isLinkLocalAddress()) {
                return "link-local";
            }
            if (address.isMulticastAddress()) {
                return "multicast";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local (private, includes cloud metadata fd00:ec2::254)";
            }
            if (address.isSiteLocalAddress()) {
                return "site-local";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "documentation";
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                byte[] v4 = new byte[] {b[12], b[13], b[14], b[15]};
                String inner = classifyV4(v4);
                return inner == null ? null : inner + " (NAT64)";
            }
            return null;
        }
        return address instanceof Inet4Address ? classifyV4(b) : "unknown";
    }

    private static boolean isEmbeddedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && ((b[12] | b[13]) != 0 || (b[14] & 0xff) > 1);
        return mapped || compatible;
    }

    private static @Nullable String classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 0) {
            return "unspecified (0.0.0.0/8)";
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return a2 == 169 && a3 == 254 ? "cloud metadata (link-local)" : "link-local";
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return "carrier-grade NAT (shared)";
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return "IETF protocol assignment";
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return "benchmarking";
        }
        if (a0 >= 224) {
            return a0 < 240 ? "multicast" : "reserved";
        }
        return null;
    }
}
