package org.stockalerts.common.id;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic alert ids: the same rule fired by the same input event always gets the same id
 * (a name-based UUID, version 5, in a namespace of our own), so replays can be de-duplicated by
 * every sink and receiver.
 */
public final class AlertIds {

    /** Namespace of alert ids; never change it, or replayed alerts get new ids. */
    static final UUID NAMESPACE = UUID.fromString("5b0c1f8e-6a4d-4c53-9a57-3f6f1e0a7c21");

    private AlertIds() {}

    /** The id of the alert that {@code ruleId} raises for the input event {@code sourceEventId}. */
    public static UUID of(UUID ruleId, UUID sourceEventId) {
        if (ruleId == null || sourceEventId == null) {
            throw new IllegalArgumentException("ruleId and sourceEventId are required");
        }
        ByteBuffer name = ByteBuffer.allocate(48);
        putUuid(name, NAMESPACE);
        putUuid(name, ruleId);
        putUuid(name, sourceEventId);
        byte[] hash = sha1().digest(name.array());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static void putUuid(ByteBuffer buffer, UUID uuid) {
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }
}
