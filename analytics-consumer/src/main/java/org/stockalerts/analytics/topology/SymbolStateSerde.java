package org.stockalerts.analytics.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.stockalerts.analytics.bars.BarWindow;
import org.stockalerts.analytics.bars.IntervalBars;
import org.stockalerts.analytics.bars.OpenBar;
import org.stockalerts.analytics.signals.MovingAverages;
import org.stockalerts.analytics.signals.SignalTracker;
import org.stockalerts.common.event.Signal;

/**
 * Compact binary form of a {@link SymbolState} for the state store and its changelog: it is read
 * and written on every tick, where JSON would cost more than the rest of the work. Intervals are
 * stored with their length, so a restart with other intervals keeps the ones still configured.
 */
final class SymbolStateSerde implements Serde<SymbolState> {

    private static final byte FORMAT = 1;
    private static final Signal[] SIGNALS = Signal.values();

    private final List<Duration> intervals;

    SymbolStateSerde(List<Duration> intervals) {
        this.intervals = List.copyOf(intervals);
    }

    @Override
    public Serializer<SymbolState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<SymbolState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private byte[] write(SymbolState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(intervals.size());
            for (int i = 0; i < intervals.size(); i++) {
                out.writeLong(intervals.get(i).toMillis());
                writeBars(out, state.intervals().get(i));
            }
            writeSignals(out, state.signals());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private SymbolState read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("unknown analytics state format " + format);
            }
            IntervalBars[] bars = new IntervalBars[intervals.size()];
            int stored = in.readInt();
            for (int i = 0; i < stored; i++) {
                int index = intervals.indexOf(Duration.ofMillis(in.readLong()));
                IntervalBars read = readBars(in);
                if (index >= 0) {
                    bars[index] = read;
                }
            }
            for (int i = 0; i < bars.length; i++) {
                bars[i] = bars[i] == null ? new IntervalBars() : bars[i];
            }
            return new SymbolState(List.of(bars), readSignals(in));
        } catch (IOException e) {
            throw new SerializationException("unreadable analytics state", e);
        }
    }

    private static void writeBars(DataOutput out, IntervalBars bars) throws IOException {
        out.writeBoolean(bars.volumeDate() != null);
        if (bars.volumeDate() != null) {
            out.writeLong(bars.volumeDate().toEpochDay());
        }
        out.writeLong(bars.volumeMark());
        out.writeInt(bars.bars().size());
        for (OpenBar bar : bars.bars()) {
            BarWindow window = bar.window();
            out.writeLong(window.start());
            out.writeLong(window.end());
            out.writeLong(window.tradingDate().toEpochDay());
            out.writeBoolean(window.opensTradingDay());
            OpenBar.Snapshot s = bar.snapshot();
            out.writeLong(s.volumeReference());
            writeDecimal(out, s.open());
            writeDecimal(out, s.high());
            writeDecimal(out, s.low());
            writeDecimal(out, s.close());
            out.writeLong(s.openAt());
            out.writeLong(s.closeAt());
            out.writeLong(s.tickCount());
            writeDecimal(out, s.priceSum());
            out.writeLong(s.minCumulative());
            out.writeLong(s.maxCumulative());
            out.writeInt(s.publications());
        }
    }

    private static IntervalBars readBars(DataInput in) throws IOException {
        LocalDate volumeDate = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
        long volumeMark = in.readLong();
        int count = in.readInt();
        List<OpenBar> bars = new ArrayList<>(Math.max(2, count));
        for (int i = 0; i < count; i++) {
            BarWindow window =
                    new BarWindow(in.readLong(), in.readLong(), LocalDate.ofEpochDay(in.readLong()), in.readBoolean());
            OpenBar.Snapshot snapshot = new OpenBar.Snapshot(
                    in.readLong(),
                    readDecimal(in),
                    readDecimal(in),
                    readDecimal(in),
                    readDecimal(in),
                    in.readLong(),
                    in.readLong(),
                    in.readLong(),
                    readDecimal(in),
                    in.readLong(),
                    in.readLong(),
                    in.readInt());
            bars.add(OpenBar.restored(window, snapshot));
        }
        return new IntervalBars(bars, volumeDate, volumeMark);
    }

    private static void writeSignals(DataOutput out, SignalTracker signals) throws IOException {
        out.writeByte(signals.signal().ordinal());
        out.writeLong(signals.since());
        List<MovingAverages.Close> closes = signals.averages().closes();
        out.writeInt(closes.size());
        for (MovingAverages.Close close : closes) {
            out.writeLong(close.windowStart());
            writeDecimal(out, close.close());
        }
    }

    private static SignalTracker readSignals(DataInput in) throws IOException {
        Signal signal = SIGNALS[in.readByte()];
        long since = in.readLong();
        int count = in.readInt();
        List<MovingAverages.Close> closes = new ArrayList<>(MovingAverages.LONG + 1);
        for (int i = 0; i < count; i++) {
            closes.add(new MovingAverages.Close(in.readLong(), readDecimal(in)));
        }
        return new SignalTracker(new MovingAverages(closes), signal, since);
    }

    private static void writeDecimal(DataOutput out, BigDecimal value) throws IOException {
        out.writeInt(value.scale());
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE) {
            out.writeByte(0);
            out.writeLong(unscaled.longValue());
        } else {
            byte[] magnitude = unscaled.toByteArray();
            out.writeByte(magnitude.length);
            out.write(magnitude);
        }
    }

    private static BigDecimal readDecimal(DataInput in) throws IOException {
        int scale = in.readInt();
        int length = in.readUnsignedByte();
        if (length == 0) {
            return BigDecimal.valueOf(in.readLong(), scale);
        }
        byte[] magnitude = new byte[length];
        in.readFully(magnitude);
        return new BigDecimal(new BigInteger(magnitude), scale);
    }
}
