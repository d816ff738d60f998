package org.stockalerts.analytics.topology;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.stockalerts.common.kafka.BinaryValues;

/**
 * Compact binary form of a {@link SymbolState} for the state store and its changelog: it is read
 * and written on every tick, where JSON would cost more than the rest of the work. Intervals are
 * stored with their length, so a restart with other intervals keeps the ones still configured.
 */
final class SymbolStateSerde implements Serde<SymbolState> {

    private static final byte FORMAT = 1;
    private static final Signal[] SIGNALS = Signal.values();
    private static final int INITIAL_BUFFER = 4096;

    /** The serde is shared by the stores of every stream thread; each thread writes into its own buffer. */
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_BUFFER));

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
        ByteBuffer out = buffers.get();
        while (true) {
            try {
                out.clear();
                out.put(FORMAT);
                out.putInt(intervals.size());
                for (int i = 0; i < intervals.size(); i++) {
                    out.putLong(intervals.get(i).toMillis());
                    writeBars(out, state.intervals().get(i));
                }
                writeSignals(out, state.signals());
                return Arrays.copyOf(out.array(), out.position());
            } catch (BufferOverflowException e) {
                out = ByteBuffer.allocate(out.capacity() * 2);
                buffers.set(out);
            }
        }
    }

    private SymbolState read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT) {
                throw new SerializationException("unknown analytics state format " + format);
            }
            IntervalBars[] bars = new IntervalBars[intervals.size()];
            int stored = in.getInt();
            for (int i = 0; i < stored; i++) {
                int index = intervals.indexOf(Duration.ofMillis(in.getLong()));
                IntervalBars read = readBars(in);
                if (index >= 0) {
                    bars[index] = read;
                }
            }
            for (int i = 0; i < bars.length; i++) {
                bars[i] = bars[i] == null ? new IntervalBars() : bars[i];
            }
            return new SymbolState(List.of(bars), readSignals(in));
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new SerializationException("unreadable analytics state", e);
        }
    }

    private static void writeBars(ByteBuffer out, IntervalBars bars) {
        out.put((byte) (bars.volumeDate() != null ? 1 : 0));
        if (bars.volumeDate() != null) {
            out.putLong(bars.volumeDate().toEpochDay());
        }
        out.putLong(bars.volumeMark());
        out.putInt(bars.bars().size());
        for (OpenBar bar : bars.bars()) {
            BarWindow window = bar.window();
            out.putLong(window.start());
            out.putLong(window.end());
            out.putLong(window.tradingDate().toEpochDay());
            out.put((byte) (window.opensTradingDay() ? 1 : 0));
            OpenBar.Snapshot s = bar.snapshot();
            out.putLong(s.volumeReference());
            BinaryValues.putDecimal(out, s.open());
            BinaryValues.putDecimal(out, s.high());
            BinaryValues.putDecimal(out, s.low());
            BinaryValues.putDecimal(out, s.close());
            out.putLong(s.openAt());
            out.putLong(s.closeAt());
            out.putLong(s.tickCount());
            BinaryValues.putDecimal(out, s.priceSum());
            out.putLong(s.minCumulative());
            out.putLong(s.maxCumulative());
            out.putInt(s.publications());
        }
    }

    private static IntervalBars readBars(ByteBuffer in) {
        LocalDate volumeDate = (in.get() != 0) ? LocalDate.ofEpochDay(in.getLong()) : null;
        long volumeMark = in.getLong();
        int count = in.getInt();
        List<OpenBar> bars = new ArrayList<>(Math.max(2, count));
        for (int i = 0; i < count; i++) {
            BarWindow window =
                    new BarWindow(in.getLong(), in.getLong(), LocalDate.ofEpochDay(in.getLong()), (in.get() != 0));
            OpenBar.Snapshot snapshot = new OpenBar.Snapshot(
                    in.getLong(),
                    BinaryValues.getDecimal(in),
                    BinaryValues.getDecimal(in),
                    BinaryValues.getDecimal(in),
                    BinaryValues.getDecimal(in),
                    in.getLong(),
                    in.getLong(),
                    in.getLong(),
                    BinaryValues.getDecimal(in),
                    in.getLong(),
                    in.getLong(),
                    in.getInt());
            bars.add(OpenBar.restored(window, snapshot));
        }
        return new IntervalBars(bars, volumeDate, volumeMark);
    }

    private static void writeSignals(ByteBuffer out, SignalTracker signals) {
        out.put((byte) signals.signal().ordinal());
        out.putLong(signals.since());
        List<MovingAverages.Close> closes = signals.averages().closes();
        out.putInt(closes.size());
        for (MovingAverages.Close close : closes) {
            out.putLong(close.windowStart());
            BinaryValues.putDecimal(out, close.close());
        }
    }

    private static SignalTracker readSignals(ByteBuffer in) {
        Signal signal = SIGNALS[in.get()];
        long since = in.getLong();
        int count = in.getInt();
        List<MovingAverages.Close> closes = new ArrayList<>(MovingAverages.LONG + 1);
        for (int i = 0; i < count; i++) {
            closes.add(new MovingAverages.Close(in.getLong(), BinaryValues.getDecimal(in)));
        }
        return new SignalTracker(new MovingAverages(closes), signal, since);
    }
}
