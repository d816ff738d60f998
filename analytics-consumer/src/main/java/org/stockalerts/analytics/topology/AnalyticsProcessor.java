package org.stockalerts.analytics.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.analytics.bars.BarWindow;
import org.stockalerts.analytics.bars.BarWindows;
import org.stockalerts.analytics.bars.IntervalBars;
import org.stockalerts.analytics.bars.OpenBar;
import org.stockalerts.analytics.signals.SignalRule;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.ops.LastTick;

/**
 * Builds every symbol's bars from its ticks and publishes each bar when stream time passes its end.
 *
 * <p>Stream time is the task's: the highest tick event time seen across all the symbols of the
 * task's partitions. A tick closes its own symbol's due bars at once; a stream-time punctuator
 * closes the other symbols' ones, so a quiet symbol's bars close on its neighbours' ticks instead
 * of waiting for its own. To keep that cheap the punctuator scans the store only once stream time
 * reaches the earliest deadline (a bar end, or an end plus grace) it knows of.
 *
 * <p>A tick for a published bar within the grace period amends it (published again, amended); a
 * tick later than that is counted in {@value #DROPPED_METRIC} and dropped.
 */
final class AnalyticsProcessor implements Processor<String, PriceTick, String, AnalyticsUpdated> {

    /** Counter of ticks dropped for arriving after their bar's grace period, tagged by interval. */
    static final String DROPPED_METRIC = "stockalerts.analytics.ticks.dropped.late";

    private static final Logger log = LoggerFactory.getLogger(AnalyticsProcessor.class);

    private final AnalyticsSettings settings;
    private final MeterRegistry meters;
    private final List<BarWindows> windows;
    private final long grace;
    private final BarPublisher publisher;
    private final Counter[] dropped;
    private ProcessorContext<String, AnalyticsUpdated> context;
    private KeyValueStore<String, SymbolState> store;
    /** The states this task has read or written, so a tick does not decode its symbol's state. */
    private final Map<String, SymbolState> live = new HashMap<>();

    private long nextDeadline;
    private Counter processed;
    private final LastTick lastTick;

    /** Counter of the ticks the processor took into its bars. */
    static final String TICKS_PROCESSED = "stockalerts.ticks.processed";

    AnalyticsProcessor(AnalyticsSettings settings, MeterRegistry meters, LastTick lastTick) {
        this.settings = settings;
        this.lastTick = lastTick;
        this.meters = meters;
        this.windows = settings.intervals().stream()
                .map(interval -> new BarWindows(interval, settings.exchangeZone()))
                .toList();
        this.grace = settings.gracePeriod().toMillis();
        this.publisher = new BarPublisher(settings.smaInterval(), new SignalRule(settings.signalTolerance()));
        this.dropped = new Counter[windows.size()];
    }

    @Override
    public void init(ProcessorContext<String, AnalyticsUpdated> context) {
        this.context = context;
        this.store = context.getStateStore(AnalyticsTopology.STATE_STORE);
        live.clear();
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = Counter.builder(DROPPED_METRIC)
                    .description("Ticks dropped for arriving after their bar's grace period")
                    .tag("interval", settings.intervals().get(i).toString())
                    .register(meters);
        }
        processed = Counter.builder(TICKS_PROCESSED)
                .description("Ticks the analytics processor took into its bars")
                .register(meters);
        nextDeadline = Long.MIN_VALUE;
        context.schedule(settings.closeCheckInterval(), PunctuationType.STREAM_TIME, this::closeDueBars);
    }

    @Override
    public void process(Record<String, PriceTick> record) {
        PriceTick tick = record.value();
        if (tick == null) {
            return;
        }
        processed.increment();
        lastTick.mark();
        long now = context.currentStreamTimeMs();
        String key = tick.symbol().value();
        SymbolState state = live.get(key);
        if (state == null) {
            state = store.get(key);
            state = state != null ? state : SymbolState.empty(windows.size());
            live.put(key, state);
        }
        for (int i = 0; i < windows.size(); i++) {
            apply(tick, i, state, now);
        }
        closeDue(tick.symbol(), state, now);
        store.put(key, state);
        nextDeadline = Math.min(nextDeadline, deadlineOf(state));
    }

    private void apply(PriceTick tick, int interval, SymbolState state, long now) {
        long observedAt = tick.observedAt().toEpochMilli();
        BarWindow window = windows.get(interval).windowOf(observedAt);
        if (window.end() + grace <= now) {
            dropped[interval].increment();
            log.atDebug()
                    .addKeyValue("symbol", tick.symbol())
                    .addKeyValue("eventId", tick.eventId())
                    .addKeyValue("interval", settings.intervals().get(interval))
                    .addKeyValue("observedAt", tick.observedAt())
                    .log("dropped tick later than its bar's grace period");
            return;
        }
        IntervalBars bars = state.intervals().get(interval);
        OpenBar bar = bars.barFor(window);
        bar.add(tick.price(), observedAt, tick.volume());
        bars.observeVolume(window.tradingDate(), tick.volume());
        if (bar.published()) {
            forward(tick.symbol(), interval, bar, state, now);
        }
    }

    /** Publishes the symbol's bars that ended by {@code now}, drops those past their grace; true if any changed. */
    private boolean closeDue(Symbol symbol, SymbolState state, long now) {
        boolean changed = false;
        for (int i = 0; i < windows.size(); i++) {
            IntervalBars bars = state.intervals().get(i);
            for (OpenBar bar : bars.bars()) {
                if (!bar.published() && bar.window().end() <= now) {
                    forward(symbol, i, bar, state, now);
                    changed = true;
                }
            }
            int before = bars.bars().size();
            bars.evictPublishedEndingBy(now - grace);
            changed |= bars.bars().size() != before;
        }
        return changed;
    }

    private void forward(Symbol symbol, int interval, OpenBar bar, SymbolState state, long now) {
        Duration length = settings.intervals().get(interval);
        AnalyticsUpdated event = publisher.publish(symbol, length, bar, state.signals(), now);
        context.forward(new Record<>(symbol.value(), event, now));
    }

    private void closeDueBars(long streamTime) {
        if (streamTime < nextDeadline) {
            return;
        }
        List<KeyValue<String, SymbolState>> changed = new ArrayList<>();
        long deadline = Long.MAX_VALUE;
        try (KeyValueIterator<String, SymbolState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SymbolState> entry = all.next();
                SymbolState state = live.computeIfAbsent(entry.key, key -> entry.value);
                if (closeDue(Symbol.of(entry.key), state, streamTime)) {
                    changed.add(KeyValue.pair(entry.key, state));
                }
                deadline = Math.min(deadline, deadlineOf(state));
            }
        }
        changed.forEach(entry -> store.put(entry.key, entry.value));
        nextDeadline = deadline;
    }

    /** The earliest stream time at which something of {@code state} is due: a bar end, or an end plus grace. */
    private long deadlineOf(SymbolState state) {
        long deadline = Long.MAX_VALUE;
        for (IntervalBars bars : state.intervals()) {
            for (OpenBar bar : bars.bars()) {
                long due = bar.published()
                        ? bar.window().end() + grace
                        : bar.window().end();
                deadline = Math.min(deadline, due);
            }
        }
        return deadline;
    }
}
