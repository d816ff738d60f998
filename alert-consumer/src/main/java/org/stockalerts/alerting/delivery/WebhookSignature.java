package org.stockalerts.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code v1,} + base64 HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64-decoded part of the
 * {@code whsec_…} secret, so any Standard Webhooks library verifies them.
 */
public final class WebhookSignature {

    /** Prefix of the secrets the API issues. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The {@code webhook-signature} header value. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(secret), ALGORITHM));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides " + ALGORITHM, e);
        }
    }

    /**
     * The {@code webhook-signature} header value signed with each of {@code secrets}: their
     * signatures space-separated, in the order given, as Standard Webhooks lists several.
     */
    public static String signAll(List<String> secrets, String id, long timestampSeconds, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add(sign(secret, id, timestampSeconds, body));
        }
        return header.toString();
    }

    /**
     * Why {@code secret} cannot sign (null, not {@code whsec_}, not base64 after it), or empty when it
     * can. The reason never quotes the secret.
     */
    static Optional<String> problemWith(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.of("webhook secret is not in whsec_ format");
        }
        try {
            Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("webhook secret is not valid base64 after whsec_");
        }
    }

    private static byte[] key(String secret) {
        problemWith(secret).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
