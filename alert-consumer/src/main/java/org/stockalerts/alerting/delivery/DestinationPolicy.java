package org.stockalerts.alerting.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.stockalerts.common.net.InternalAddresses;

/**
 * Guards webhook calls against server-side request forgery: only http and https, no credentials, and
 * no host that resolves to an {@linkplain InternalAddresses internal} address (the rule the API
 * applied when the channel was created), unless the host is explicitly allow-listed. Checked again
 * at every send, because DNS answers change after a channel is created.
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
     * What may be called for {@code url}: the URI, or the refusal as the attempt's result
     * (permanent, or retryable for a host that does not resolve now).
     */
    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Verdict.refused("webhook URL is not a valid URI: " + e.getReason());
        }
        String problem = problemWith(uri);
        if (problem != null) {
            return Verdict.refused(problem);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host) || allowedHosts.contains(bare)) {
            return Verdict.call(uri);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return new Verdict(null, SendResult.retryable(null, "webhook host " + host + " does not resolve", null));
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                return Verdict.refused(
                        "webhook host " + host + " resolves to a non-public address " + address.getHostAddress());
            }
        }
        return Verdict.call(uri);
    }

    private static String problemWith(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return "webhook URL must use http or https, not '" + scheme + "'";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "webhook URL has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "webhook URL must not carry credentials";
        }
        return null;
    }

    /**
     * The policy's answer: the URI to call, or (when {@code uri} is null) the refusal.
     *
     * @param refusal the attempt's result when the URL may not be called now, null when it may
     */
    public record Verdict(URI uri, SendResult refusal) {

        static Verdict call(URI uri) {
            return new Verdict(uri, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(null, SendResult.permanent(null, reason));
        }

        /** Whether the URL may be called. */
        public boolean allowed() {
            return refusal == null;
        }
    }
}
