package org.stockalerts.api.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What the server keeps of one caller's idempotency key: never the key itself. Its {@link #hash}
 * (SHA-256 of user and key) finds the stored answer; a second hash, under another label, is the
 * AES-256-GCM key that seals the answer's body. A stored answer can carry a secret shown only once
 * (a webhook's signing secret), and so is readable only by a request that brings the key again.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ScopedKey {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] hash;
    private final SecretKeySpec sealing;

    static ScopedKey of(UUID userId, IdempotencyKey key) {
        String scoped = userId + "\n" + key.value();
        return new ScopedKey(
                sha256(("lookup\n" + scoped).getBytes(StandardCharsets.UTF_8)),
                new SecretKeySpec(sha256(("seal\n" + scoped).getBytes(StandardCharsets.UTF_8)), "AES"));
    }

    byte[] hash() {
        return hash.clone();
    }

    /** 64 bits of the hash: a collision only answers 409 to one of two keys sent at once. */
    long lockId() {
        return ByteBuffer.wrap(hash).getLong();
    }

    /** A random IV followed by the body encrypted and authenticated. */
    byte[] seal(byte[] body) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, body, 0, body.length);
        byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return out;
    }

    byte[] open(byte[] sealed) {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, sealing, new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored answer could not be sealed or opened", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
