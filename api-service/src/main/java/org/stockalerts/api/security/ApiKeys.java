package org.stockalerts.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: {@code sa_} plus 32 random bytes in URL-safe base64. Only the SHA-256 hash (hex) and a
 * short prefix (to recognise a key in a list) are stored; the key itself is shown once.
 */
public final class ApiKeys {

    /** Characters of a key kept in clear, enough to tell keys apart, far too few to guess one. */
    static final int PREFIX_LENGTH = 8;

    private static final String KEY_PREFIX = "sa_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A fresh random key. */
    public static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lower-case hex SHA-256 of {@code key}, as stored in {@code api_keys.key_hash}. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The clear-text start of {@code key} stored next to its hash. */
    public static String prefixOf(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    /** Compares two secrets in time independent of where they differ. */
    static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
