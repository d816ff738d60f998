package org.stockalerts.alerting.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guards webhook calls against server-side request forgery: only http and https, and no host that
 * resolves to a loopback, private, link-local (cloud metadata included), carrier-grade NAT,
 * unique-local, multicast or unspecified address, unless the host is explicitly allow-listed.
 * Checked again at every send, because DNS answers change after a channel is created.
 */
public final class DestinationPolicy {

    /** Resolves a host name to its addresses; the JDK resolver outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public DestinationPolicy(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /**
     * The URL to call.
     *
     * @throws DeliveryRefusedException naming the reason when the URL may not be called
     */
    public URI check(String url) {
        URI uri = parse(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host) || allowedHosts.contains(bare)) {
            return uri;
        }
        for (InetAddress address : resolve(bare)) {
            if (!isPublic(address)) {
                throw new DeliveryRefusedException(
                        "webhook host " + host + " resolves to a non-public address " + address.getHostAddress());
            }
        }
        return uri;
    }

    /** Whether {@code address} is routable on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7 unique local (includes fd00:ec2::254)
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean thisNetwork = first == 0;
        boolean carrierGradeNat = first == 100 && (second & 0xc0) == 64; // 100.64.0.0/10
        boolean broadcast = first == 255;
        return !thisNetwork && !carrierGradeNat && !broadcast;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DeliveryRefusedException("webhook URL is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new DeliveryRefusedException("webhook URL must use http or https, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new DeliveryRefusedException("webhook URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DeliveryRefusedException("webhook URL must not carry credentials");
        }
        return uri;
    }

    private InetAddress[] resolve(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DeliveryFailedException("webhook host " + host + " does not resolve", null);
        }
    }
}
