package org.stockalerts.common.kafka;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The field encodings of the services' binary state-store values, which are written on every tick
 * where JSON would cost more than the work itself. A decimal is its scale (int), then either a
 * zero byte and its unscaled value as a long, or the length (1–255) and two's-complement bytes of
 * an unscaled value that does not fit a long; an instant is its epoch second (long) and nanosecond
 * (int).
 */
public final class BinaryValues {

    private static final int MAX_MAGNITUDE = 255;

    private BinaryValues() {}

    /** The most bytes {@link #putDecimal} writes for {@code value}. */
    public static int decimalSize(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        return unscaled.bitLength() < Long.SIZE ? 4 + 1 + 8 : 4 + 1 + unscaled.bitLength() / 8 + 1;
    }

    public static void putDecimal(ByteBuffer out, BigDecimal value) {
        out.putInt(value.scale());
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE) {
            out.put((byte) 0);
            out.putLong(unscaled.longValue());
        } else {
            byte[] magnitude = unscaled.toByteArray();
            if (magnitude.length > MAX_MAGNITUDE) {
                throw new SerializationException("decimal too large to store: " + magnitude.length + " bytes");
            }
            out.put((byte) magnitude.length);
            out.put(magnitude);
        }
    }

    public static BigDecimal getDecimal(ByteBuffer in) {
        int scale = in.getInt();
        int length = Byte.toUnsignedInt(in.get());
        if (length == 0) {
            return BigDecimal.valueOf(in.getLong(), scale);
        }
        byte[] magnitude = new byte[length];
        in.get(magnitude);
        return new BigDecimal(new BigInteger(magnitude), scale);
    }

    public static void putInstant(ByteBuffer out, Instant at) {
        out.putLong(at.getEpochSecond());
        out.putInt(at.getNano());
    }

    public static Instant getInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }
}
