package org.stockalerts.api.channels;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.common.secrets.SecretBox;
import org.stockalerts.common.secrets.SecretBoxException;

/**
 * Makes webhook secrets (Standard Webhooks format, {@code whsec_} + base64 of 32 random bytes) and
 * seals them for the table, bound to their channel's id, so only their sealed form is ever stored.
 * alert-consumer opens them with the same key and context.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ChannelSecrets {

    private static final int SECRET_BYTES = 32;
    private static final String SECRET_PREFIX = "whsec_";

    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();

    /** A new secret, in clear: to be sealed and shown once. */
    String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    String seal(String clear, UUID channelId) {
        return box.seal(clear, channelId.toString());
    }

    /**
     * {@code stored} in clear, or empty when it cannot be opened (its key is gone, or it was altered).
     */
    Optional<String> opened(String stored, UUID channelId) {
        try {
            return Optional.of(SecretBox.isSealed(stored) ? box.open(stored, channelId.toString()) : stored);
        } catch (SecretBoxException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code stored} is already sealed with the current key. */
    boolean current(String stored) {
        return box.isSealedWithCurrentKey(stored);
    }

    /**
     * {@code stored} sealed with the current key: a plain-text secret of an earlier version is sealed,
     * one sealed with an old key is opened and sealed again.
     *
     * @throws org.stockalerts.common.secrets.SecretBoxException when its key is not configured or it was altered
     */
    String reseal(String stored, UUID channelId) {
        if (box.isSealedWithCurrentKey(stored)) {
            return stored;
        }
        String clear = SecretBox.isSealed(stored) ? box.open(stored, channelId.toString()) : stored;
        return seal(clear, channelId);
    }
}
