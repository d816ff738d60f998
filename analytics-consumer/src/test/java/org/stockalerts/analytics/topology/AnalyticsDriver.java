package org.stockalerts.analytics.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetterDeserializationHandler;
import org.stockalerts.common.kafka.JsonEventDeserializer;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.MutableClock;

/**
 * The analytics topology in a {@link TopologyTestDriver}, with tick helpers for hand-computed sequences.
 * Public for the fault-injection suite, whose oracle replays the acknowledged ticks through it.
 */
public final class AnalyticsDriver implements AutoCloseable {

    final MeterRegistry meters = new SimpleMeterRegistry();
    // the service's clock as the ticks come in live: each tick piped moves it up to its observedAt
    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, PriceTick> prices;
    private final TestInputTopic<String, byte[]> rawPrices;
    private final TestOutputTopic<String, AnalyticsUpdated> analytics;
    private final TestOutputTopic<String, byte[]> deadLetters;

    public AnalyticsDriver(AnalyticsSettings settings, Path stateDir) {
        this(settings, stateDir, false);
    }

    /**
     * The topology with its state store in memory, for replaying a whole run (the fault suite's oracle):
     * the driver commits after every record, which with RocksDB costs a flush per tick.
     */
    public static AnalyticsDriver inMemory(AnalyticsSettings settings, Path stateDir) {
        return new AnalyticsDriver(settings, stateDir, true);
    }

    private AnalyticsDriver(AnalyticsSettings settings, Path stateDir, boolean inMemory) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        TickTimeBound bound = new TickTimeBound(clock, TickTimeSettings.defaults());
        driver = new TopologyTestDriver(
                inMemory
                        ? AnalyticsTopology.buildInMemory(settings, meters, bound)
                        : AnalyticsTopology.build(settings, meters, bound),
                props);
        prices = driver.createInputTopic(
                Topics.STOCK_PRICES.name(), new StringSerializer(), new JsonEventSerializer<>());
        rawPrices =
                driver.createInputTopic(Topics.STOCK_PRICES.name(), new StringSerializer(), new ByteArraySerializer());
        analytics = driver.createOutputTopic(
                Topics.STOCK_ANALYTICS.name(),
                new StringDeserializer(),
                new JsonEventDeserializer<>(AnalyticsUpdated.class));
        deadLetters = driver.createOutputTopic(
                Topics.STOCK_PRICES.deadLetterTopic(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Settings with the given intervals (the first feeds the signal), 1 % tolerance and 30 s grace. */
    static AnalyticsSettings settings(Duration... intervals) {
        AnalyticsSettings defaults = AnalyticsSettings.defaults();
        return new AnalyticsSettings(
                List.of(intervals),
                intervals[0],
                new BigDecimal("0.01"),
                Duration.ofSeconds(30),
                defaults.exchangeZone(),
                defaults.closeCheckInterval());
    }

    /** Pipes a tick of {@code symbol} at {@code price}, observed at {@code at} (ISO instant). */
    void tick(String symbol, String at, String price) {
        tick(symbol, at, price, null);
    }

    /** Pipes a tick carrying the day's cumulative {@code volume}. */
    void tick(String symbol, String at, String price, Long volume) {
        tickKeyed(symbol, symbol, at, price, volume);
    }

    /** Pipes a tick as any producer may write it: keyed by {@code key}, or by nothing when null. */
    void tickKeyed(String key, String symbol, String at, String price, Long volume) {
        pipeLive(key, TickDraft.tick(symbol, price, Instant.parse(at), volume));
    }

    /** Pipes {@code tick} keyed by its symbol, as it arrives live (the service's clock moves up to it). */
    public void replay(PriceTick tick) {
        pipeLive(tick.symbol().value(), tick);
    }

    private void pipeLive(String key, PriceTick tick) {
        if (tick.observedAt().isAfter(clock.instant())) {
            clock.set(tick.observedAt());
        }
        prices.pipeInput(key, tick, tick.observedAt());
    }

    /** Pipes {@code tick} as it arrives, without moving the service's clock to it. */
    void tickAsIs(PriceTick tick) {
        prices.pipeInput(tick.symbol().value(), tick, tick.observedAt());
    }

    /** Pipes bytes that are not a tick. */
    void raw(String symbol, byte[] value) {
        rawPrices.pipeInput(symbol, value);
    }

    /** Everything published since the last call, in order. */
    public List<AnalyticsUpdated> published() {
        return analytics.readValuesToList();
    }

    List<TestRecord<String, byte[]>> deadLettered() {
        return deadLetters.readRecordsToList();
    }

    double droppedLateTicks(Duration interval) {
        var counter = meters.find(AnalyticsProcessor.DROPPED_METRIC)
                .tag("interval", interval.toString())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Ticks that reached their symbol's task by the repartition topic or by a new key. */
    double routedTicks() {
        return meters.get(TicksBySymbol.REROUTED_METRIC).counter().count()
                + meters.get(TicksBySymbol.REKEYED_METRIC).counter().count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
