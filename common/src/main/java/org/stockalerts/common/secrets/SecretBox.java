package org.stockalerts.common.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM (the JDK's provider): a random 96-bit nonce per value,
 * a 128-bit tag, and a context (e.g. the channel id) as additional authenticated data, so a sealed
 * value copied to another row does not open. A sealed value reads {@code enc1:<key id>:<base64 of
 * nonce, ciphertext and tag>}; the key id names the key that sealed it, so values sealed with an
 * old key still open while the keys are rotated. New values are always sealed with the current key.
 * Messages of its exceptions never quote a secret.
 */
public final class SecretBox {

    /** Prefix of every sealed value; anything else is not sealed. */
    public static final String PREFIX = "enc1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey current;
    private final Map<String, SecretKey> byId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param current the key new values are sealed with
     * @param old keys that only open values sealed before a key rotation
     */
    public SecretBox(SecretKey current, List<SecretKey> old) {
        this.current = current;
        this.byId = new LinkedHashMap<>();
        byId.put(current.id(), current);
        for (SecretKey key : old) {
            SecretKey other = byId.putIfAbsent(key.id(), key);
            if (other != null && !other.equals(key)) {
                throw new IllegalArgumentException("two keys share the key id " + key.id());
            }
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return current.id();
    }

    /** Whether {@code value} has the sealed form (it may still fail to open). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Whether {@code value} is sealed with the current key, so re-encrypting it would change nothing. */
    public boolean isSealedWithCurrentKey(String value) {
        return value != null && value.startsWith(PREFIX + current.id() + ":");
    }

    /** Seals {@code clear} with the current key, bound to {@code context}. */
    public String seal(String clear, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, current, nonce, context, clear.getBytes(StandardCharsets.UTF_8));
        byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
        return PREFIX + current.id() + ":" + Base64.getEncoder().encodeToString(payload);
    }

    /**
     * Opens a value {@link #seal} made with any known key and the same {@code context}.
     *
     * @throws SecretBoxException when the value is not sealed, its key is unknown, or it was altered
     *     or sealed for another context
     */
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new SecretBoxException("the value is not sealed");
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretBoxException("the sealed value has no key id");
        }
        String keyId = sealed.substring(PREFIX.length(), colon);
        SecretKey key = byId.get(keyId);
        if (key == null) {
            throw new SecretBoxException("the value is sealed with key id '" + keyId + "', which is not configured");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("the sealed value is not base64");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("the sealed value is too short");
        }
        byte[] nonce = Arrays.copyOf(payload, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(payload, NONCE_BYTES, payload.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, context, body), StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException(
                    "the sealed value does not authenticate with key id '" + key.id() + "' (altered or moved)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides " + TRANSFORMATION, e);
        }
    }
}
