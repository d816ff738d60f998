package org.stockalerts.api.channels;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.net.InternalAddresses;

/**
 * Guards webhook URLs against server-side request forgery: only http and https, no credentials, and
 * no host that resolves to an {@linkplain InternalAddresses internal} address (the rule the alert
 * consumer applies again at every delivery), unless the host is explicitly allowed.
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
                if (InternalAddresses.isInternal(address)) {
                    throw refused("the webhook host resolves to an internal address");
                }
            }
        }
        return uri.normalize().toString();
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
