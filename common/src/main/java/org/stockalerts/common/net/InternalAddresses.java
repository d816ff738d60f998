package org.stockalerts.common.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one rule for which addresses a webhook must never reach, shared by the API (when a channel is
 * created) and the alert consumer (at every delivery), so the two checks cannot disagree.
 *
 * <p>Internal are: loopback, unspecified ({@code 0.0.0.0/8}, {@code ::}), private (RFC 1918),
 * link-local (the cloud metadata address 169.254.169.254 included), carrier-grade NAT
 * ({@code 100.64.0.0/10}), reserved and broadcast ({@code 240.0.0.0/4}), multicast, unique-local
 * IPv6 ({@code fc00::/7}), site-local IPv6, and every IPv6 form that carries an IPv4 address a
 * router or the host may translate back to it: IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
 * ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16})
 * are judged by the IPv4 address inside them; Teredo ({@code 2001::/32}), whose inner address is
 * obfuscated, and the local-use NAT64 prefix ({@code 64:ff9b:1::/48}) are internal as a whole.
 */
public final class InternalAddresses {

    private InternalAddresses() {}

    /** Whether {@code address} belongs to a range a webhook must never reach. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? isInternalIpv4(bytes) : isInternalIpv6(bytes);
    }

    private static boolean isInternalIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean thisNetwork = first == 0;
        boolean carrierGradeNat = first == 100 && (second & 0xc0) == 64;
        boolean reservedOrBroadcast = first >= 240;
        return thisNetwork || carrierGradeNat || reservedOrBroadcast;
    }

    private static boolean isInternalIpv6(byte[] bytes) {
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return true;
        }
        if (startsWith(bytes, 0x20, 0x01, 0x00, 0x00) || startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return true;
        }
        if (startsWith(bytes, 0x20, 0x02)) {
            return isInternalEmbedded(bytes, 2);
        }
        boolean nat64 = startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && isZero(bytes, 4, 12);
        boolean compatible = isZero(bytes, 0, 12);
        boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        return (nat64 || compatible || mapped) && isInternalEmbedded(bytes, 12);
    }

    private static boolean isInternalEmbedded(byte[] bytes, int offset) {
        byte[] ipv4 = {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
        try {
            return isInternal(InetAddress.getByAddress(ipv4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
