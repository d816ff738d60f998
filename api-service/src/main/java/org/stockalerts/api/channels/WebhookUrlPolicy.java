package org.stockalerts.api.channels;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.stockalerts.api.web.UnprocessableException;

/**
 * Guards webhook URLs against server-side request forgery: only http and https, and no host that
 * resolves to a loopback, unspecified, private (RFC 1918), link-local (including the cloud
 * metadata address 169.254.169.254), carrier-grade NAT (100.64/10), unique-local IPv6 (fc00::/7)
 * or multicast address, unless the host is explicitly allowed.
 */
class WebhookUrlPolicy {

    /** Resolves a host name to its addresses; replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    WebhookUrlPolicy(WebhookSettings settings, Resolver resolver) {
        this.allowedHosts = Set.copyOf(settings.webhookAllowedHosts());
        this.resolver = resolver;
    }

    /**
     * Returns the normalized URL.
     *
     * @throws UnprocessableException naming why the URL is refused
     */
    String check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("only http and https webhook URLs are accepted");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("webhook URLs must not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw refused("the webhook URL has no host");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!allowedHosts.contains(bareHost.toLowerCase(Locale.ROOT))) {
            for (InetAddress address : resolve(bareHost)) {
                if (isInternal(address)) {
                    throw refused("the webhook host resolves to an internal address");
                }
            }
        }
        return uri.normalize().toString();
    }

    /** Whether {@code address} belongs to a range a webhook must never reach. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            return (first & 0xfe) == 0xfc || isMappedInternalIpv4(bytes);
        }
        return false;
    }

    private static boolean isMappedInternalIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        if ((bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
            return false;
        }
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private InetAddress[] resolve(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw refused("the webhook host does not resolve");
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused("the webhook URL is malformed");
        }
    }

    private static UnprocessableException refused(String reason) {
        return new UnprocessableException(reason);
    }
}
