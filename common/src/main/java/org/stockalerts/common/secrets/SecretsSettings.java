package org.stockalerts.common.secrets;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that encrypt secrets at rest ({@code stockalerts.secrets.*}), read by the services that
 * store or use webhook secrets (api-service, alert-consumer).
 *
 * @param key the current key, base64 of 32 bytes ({@code STOCKALERTS_SECRETS_KEY}); required: a
 *     service that needs it does not start without it
 * @param oldKeys keys of earlier rotations, comma-separated ({@code STOCKALERTS_SECRETS_OLD_KEYS}):
 *     they only open values sealed before the rotation
 */
@ConfigurationProperties("stockalerts.secrets")
public record SecretsSettings(
        @DefaultValue("") String key, @DefaultValue("") List<String> oldKeys) {

    /**
     * The public development key that docker-compose.yml falls back to so the system starts with no
     * settings. Anyone can read it here: a service that runs with it says so at every start.
     */
    public static final String DEVELOPMENT_KEY = "fjUwAa0Fwdgl7dy757J4nf+DGmJHu3FAAl/lHRLsMlE=";

    static final String KEY_SETTING = "STOCKALERTS_SECRETS_KEY (stockalerts.secrets.key)";
    static final String OLD_KEYS_SETTING = "STOCKALERTS_SECRETS_OLD_KEYS (stockalerts.secrets.old-keys)";

    /**
     * The box these keys make.
     *
     * @throws IllegalStateException when no key is set, or a key is not 32 bytes of base64
     */
    public SecretBox box() {
        if (key.isBlank()) {
            throw new IllegalStateException(KEY_SETTING
                    + " is not set: webhook secrets are encrypted with it. Make one with: openssl rand -base64 32"
                    + " (./stock-alerts and docker compose provide one; see docs/operations.md)");
        }
        List<SecretKey> old = new ArrayList<>();
        for (String oldKey : oldKeys) {
            if (!oldKey.isBlank()) {
                old.add(SecretKey.fromBase64(oldKey, OLD_KEYS_SETTING));
            }
        }
        return new SecretBox(SecretKey.fromBase64(key, KEY_SETTING), old);
    }

    /** Whether the current key is the public {@link #DEVELOPMENT_KEY}. */
    public boolean developmentKey() {
        return key.strip().equals(DEVELOPMENT_KEY);
    }
}
