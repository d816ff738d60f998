package org.stockalerts.analytics.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.ops.LastTick;

/**
 * The analytics topology: {@code stock-prices} (event time = observedAt) through {@link
 * TicksBySymbol}, which brings every tick to the task of its symbol's partition whatever partition
 * and key its producer gave it, then {@link AnalyticsProcessor} and its per-symbol state store to
 * {@code stock-analytics}, so each symbol has one state however its ticks were partitioned.
 */
public final class AnalyticsTopology {

    /** Name of the per-symbol state store (and, with the application id, of its changelog topic). */
    public static final String STATE_STORE = "analytics-symbol-state";

    /** Names the repartition topic of the ticks that arrive off their symbol's partition. */
    public static final String TICKS_BY_SYMBOL = "analytics-ticks-by-symbol";

    private static final String PROCESSOR = "analytics-bars";

    private AnalyticsTopology() {}

    /**
     * Adds the topology to {@code builder}; returns the stream of published events. Ticks outside
     * {@code bound} are dead-lettered before they reach the stream time, so one tick dated ahead can
     * neither jump it nor make the partition's later ticks late.
     */
    public static KStream<String, AnalyticsUpdated> define(
            StreamsBuilder builder, AnalyticsSettings settings, MeterRegistry meters, TickTimeBound bound) {
        return define(builder, settings, meters, bound, Stores.persistentKeyValueStore(STATE_STORE));
    }

    private static KStream<String, AnalyticsUpdated> define(
            StreamsBuilder builder,
            AnalyticsSettings settings,
            MeterRegistry meters,
            TickTimeBound bound,
            KeyValueBytesStoreSupplier store) {
        builder.addStateStore(stateStore(settings, store));
        KStream<String, PriceTick> ticks = builder.stream(
                Topics.STOCK_PRICES.name(),
                Consumed.with(Serdes.String(), bound.serde())
                        .withTimestampExtractor(new TickTimestampExtractor())
                        .withName("stock-prices"));
        // a re-routed tick waits for the next commit (a fraction of a second): a bar it belongs to that
        // closed meanwhile is amended, within the grace period, so no transaction per batch is asked for
        KStream<String, AnalyticsUpdated> analytics = TicksBySymbol.route(ticks, TICKS_BY_SYMBOL, meters, Duration.ZERO)
                .process(processor(settings, meters), Named.as(PROCESSOR), STATE_STORE);
        analytics.to(
                Topics.STOCK_ANALYTICS.name(),
                Produced.with(Serdes.String(), EventSerdes.of(Topics.STOCK_ANALYTICS))
                        .withName("stock-analytics"));
        return analytics;
    }

    /** The processor of the topology; it needs the store of {@link #stateStore(AnalyticsSettings)}. */
    public static ProcessorSupplier<String, PriceTick, String, AnalyticsUpdated> processor(
            AnalyticsSettings settings, MeterRegistry meters) {
        LastTick lastTick =
                new LastTick(meters, "When analytics last took a tick into its bars, seconds since the epoch");
        return () -> new AnalyticsProcessor(settings, meters, lastTick);
    }

    /**
     * The per-symbol state store, persistent and changelogged, with a cache in front: a symbol's
     * state is written on each of its ticks, but reaches RocksDB and the changelog once a commit.
     */
    public static StoreBuilder<KeyValueStore<String, SymbolState>> stateStore(AnalyticsSettings settings) {
        return stateStore(settings, Stores.persistentKeyValueStore(STATE_STORE));
    }

    private static StoreBuilder<KeyValueStore<String, SymbolState>> stateStore(
            AnalyticsSettings settings, KeyValueBytesStoreSupplier store) {
        return Stores.keyValueStoreBuilder(store, Serdes.String(), new SymbolStateSerde(settings.intervals()))
                .withCachingEnabled();
    }

    /** The topology on its own, for tests and the benchmark. */
    public static Topology build(AnalyticsSettings settings, MeterRegistry meters, TickTimeBound bound) {
        StreamsBuilder builder = new StreamsBuilder();
        define(builder, settings, meters, bound);
        return builder.build();
    }

    /**
     * The topology with its state in memory: the same bars, for an oracle that replays a whole run
     * through a TopologyTestDriver, which commits (and so flushes a RocksDB store) after every record.
     */
    public static Topology buildInMemory(AnalyticsSettings settings, MeterRegistry meters, TickTimeBound bound) {
        StreamsBuilder builder = new StreamsBuilder();
        define(builder, settings, meters, bound, Stores.inMemoryKeyValueStore(STATE_STORE));
        return builder.build();
    }
}
