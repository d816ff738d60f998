package org.stockalerts.common.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 256-bit AES key and its id: the first 8 hex digits of the SHA-256 of the key, so operators give
 * only the key and a sealed value still names the key that opens it. {@link #toString()} shows the
 * id alone.
 */
public final class SecretKey {

    static final int KEY_BYTES = 32;

    private final byte[] bytes;
    private final String id;

    private SecretKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.id = idOf(bytes);
    }

    /**
     * Reads a key written as base64 of 32 bytes (e.g. {@code openssl rand -base64 32}).
     *
     * @param setting the setting's name, for the message
     * @throws IllegalArgumentException naming the setting, never the key
     */
    public static SecretKey fromBase64(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be 32 bytes in base64, not " + bytes.length
                    + " bytes (make one with: openssl rand -base64 32)");
        }
        return new SecretKey(bytes);
    }

    public String id() {
        return id;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SecretKey[id=" + id + "]";
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("stockalerts-secret-key-id:".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
