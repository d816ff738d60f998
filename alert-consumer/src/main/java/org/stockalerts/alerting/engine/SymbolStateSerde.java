package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.stockalerts.common.kafka.BinaryValues;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.rules.SymbolState;

/**
 * A compact binary form of {@link SymbolState}, the value written to the symbol store (and its
 * changelog) once a commit for each symbol that had a tick: one small array instead of a JSON
 * document.
 * The first byte is the format version; a value starting with {@code '{'} is the JSON form an
 * earlier version wrote, still read so that existing changelogs restore.
 *
 * <p>Format 1: version, presence flags, then the present fields in declaration order (decimals and
 * instants as {@link BinaryValues} encodes them, a UUID as its two longs), then the minute closes:
 * a count followed by (epoch minute, decimal) pairs.
 */
final class SymbolStateSerde {

    private static final byte FORMAT = 1;
    private static final byte JSON_START = '{';
    private static final int HAS_PRICE = 1;
    private static final int HAS_OBSERVED_AT = 2;
    private static final int HAS_EVENT_ID = 4;
    private static final int HAS_SIGNAL_BAR_END = 8;

    private SymbolStateSerde() {}

    /** The serde of the symbol store. */
    static Serde<SymbolState> create() {
        return Serdes.serdeFrom(
                (topic, state) -> state == null ? null : write(state),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(SymbolState state) {
        int size = 2 + (state.lastPrice() == null ? 0 : BinaryValues.decimalSize(state.lastPrice())) + 12 + 16 + 12 + 4;
        for (BigDecimal close : state.minuteCloses().values()) {
            size += 8 + BinaryValues.decimalSize(close);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT);
        int flags = (state.lastPrice() == null ? 0 : HAS_PRICE)
                | (state.lastObservedAt() == null ? 0 : HAS_OBSERVED_AT)
                | (state.lastEventId() == null ? 0 : HAS_EVENT_ID)
                | (state.lastSignalBarEnd() == null ? 0 : HAS_SIGNAL_BAR_END);
        out.put((byte) flags);
        if (state.lastPrice() != null) {
            BinaryValues.putDecimal(out, state.lastPrice());
        }
        if (state.lastObservedAt() != null) {
            BinaryValues.putInstant(out, state.lastObservedAt());
        }
        if (state.lastEventId() != null) {
            out.putLong(state.lastEventId().getMostSignificantBits());
            out.putLong(state.lastEventId().getLeastSignificantBits());
        }
        if (state.lastSignalBarEnd() != null) {
            BinaryValues.putInstant(out, state.lastSignalBarEnd());
        }
        out.putInt(state.minuteCloses().size());
        for (Map.Entry<Long, BigDecimal> close : state.minuteCloses().entrySet()) {
            out.putLong(close.getKey());
            BinaryValues.putDecimal(out, close.getValue());
        }
        return out.position() == size ? out.array() : Arrays.copyOf(out.array(), out.position());
    }

    static SymbolState read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == JSON_START) {
            return EventJson.read(bytes, SymbolState.class, "symbol store");
        }
        if (bytes.length < 2 || bytes[0] != FORMAT) {
            throw new SerializationException("not a symbol state of format " + FORMAT);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            int flags = in.get();
            BigDecimal price = (flags & HAS_PRICE) == 0 ? null : BinaryValues.getDecimal(in);
            Instant observedAt = (flags & HAS_OBSERVED_AT) == 0 ? null : BinaryValues.getInstant(in);
            UUID eventId = (flags & HAS_EVENT_ID) == 0 ? null : new UUID(in.getLong(), in.getLong());
            Instant signalBarEnd = (flags & HAS_SIGNAL_BAR_END) == 0 ? null : BinaryValues.getInstant(in);
            int closes = in.getInt();
            if (closes < 0 || closes > in.remaining()) {
                throw new SerializationException("symbol state with " + closes + " minute closes");
            }
            TreeMap<Long, BigDecimal> minuteCloses = new TreeMap<>();
            for (int i = 0; i < closes; i++) {
                minuteCloses.put(in.getLong(), BinaryValues.getDecimal(in));
            }
            return new SymbolState(price, observedAt, eventId, minuteCloses, signalBarEnd);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("truncated or corrupt symbol state", e);
        }
    }
}
