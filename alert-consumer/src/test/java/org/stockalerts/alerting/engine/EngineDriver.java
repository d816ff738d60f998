package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.PortfolioChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.fixtures.AnalyticsDraft;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.KafkaSettings;
import org.stockalerts.common.kafka.StockAlertsStreamsConfiguration;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.tracing.TraceParents;
import org.stockalerts.testsupport.MutableClock;

/** The engine's topology in a TopologyTestDriver, with helpers that pipe events and read alerts. */
final class EngineDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-05T15:00:00Z");

    private final MeterRegistry meters = new SimpleMeterRegistry();
    // the service's clock as the ticks come in live: each tick piped moves it up to its observedAt
    private final MutableClock clock = new MutableClock(START);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, PriceTick> ticks;
    private final TestInputTopic<String, AlertRuleChanged> rules;
    private final TestInputTopic<String, UserEvent> users;
    private final TestInputTopic<String, AnalyticsUpdated> analytics;
    private final TestInputTopic<String, byte[]> rawTicks;
    private final TestInputTopic<String, FeedStatusChanged> feeds;
    private final TestInputTopic<String, byte[]> rawFeeds;
    private final TestOutputTopic<String, byte[]> deadFeeds;
    private final TestOutputTopic<String, AlertTriggered> alerts;
    private final TestOutputTopic<String, byte[]> deadTicks;

    EngineDriver(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        new AlertEngineTopology(
                        new EngineSettings(Duration.ofMinutes(1), Duration.ofMillis(250), Duration.ofSeconds(5)),
                        meters,
                        new TickTimeBound(clock, TickTimeSettings.defaults()))
                .addTo(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-engine-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StockAlertsStreamsConfiguration.defaults(
                        new KafkaSettings((short) 1, true, 0, Duration.ZERO, Duration.ofSeconds(10)))
                .forEach(properties::put);
        driver = new TopologyTestDriver(builder.build(), properties, START);
        StringSerializer keys = new StringSerializer();
        ticks = driver.createInputTopic(Topics.STOCK_PRICES.name(), keys, new JsonEventSerializer<>());
        rules = driver.createInputTopic(Topics.ALERT_RULES.name(), keys, new JsonEventSerializer<>());
        users = driver.createInputTopic(Topics.USER_EVENTS.name(), keys, new JsonEventSerializer<>());
        analytics = driver.createInputTopic(Topics.STOCK_ANALYTICS.name(), keys, new JsonEventSerializer<>());
        rawTicks = driver.createInputTopic(Topics.STOCK_PRICES.name(), keys, new ByteArraySerializer());
        feeds = driver.createInputTopic(Topics.FEED_STATUS.name(), keys, new JsonEventSerializer<>());
        rawFeeds = driver.createInputTopic(Topics.FEED_STATUS.name(), keys, new ByteArraySerializer());
        deadFeeds = driver.createOutputTopic(
                Topics.FEED_STATUS.deadLetterTopic(),
                new StringDeserializer(),
                Serdes.ByteArray().deserializer());
        alerts = driver.createOutputTopic(
                Topics.ALERTS_TRIGGERED.name(),
                new StringDeserializer(),
                EventSerdes.of(Topics.ALERTS_TRIGGERED).deserializer());
        deadTicks = driver.createOutputTopic(
                Topics.STOCK_PRICES.deadLetterTopic(),
                new StringDeserializer(),
                Serdes.ByteArray().deserializer());
    }

    AlertRule rule(AlertRule rule) {
        rules.pipeInput(
                rule.ruleId().toString(),
                new AlertRuleChanged(UUID.randomUUID(), START, AlertRuleChanged.CURRENT_VERSION, rule));
        return rule;
    }

    /** {@code rule} as the outbox relay publishes it from a request traced as {@code traceparent}. */
    AlertRule rule(AlertRule rule, String traceparent) {
        rules.pipeInput(new TestRecord<>(
                rule.ruleId().toString(),
                new AlertRuleChanged(UUID.randomUUID(), START, AlertRuleChanged.CURRENT_VERSION, rule),
                new RecordHeaders().add(TraceParents.HEADER, traceparent.getBytes(StandardCharsets.UTF_8)),
                START));
        return rule;
    }

    void deleteRule(UUID ruleId) {
        rules.pipeInput(ruleId.toString(), null);
    }

    /** A tick of {@code symbol} at {@code price}, observed {@code seconds} after {@link #START}. */
    PriceTick tick(String symbol, String price, long seconds) {
        return tick(TickDraft.tick(symbol, price, START.plusSeconds(seconds)));
    }

    /** Ticks of {@code symbol} at {@code prices}, observed 1, 2, 3, … seconds after {@link #START}. */
    List<PriceTick> prices(String symbol, String... prices) {
        List<PriceTick> piped = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            piped.add(tick(symbol, prices[i], i + 1));
        }
        return piped;
    }

    /** The eventIds of the ticks that fired the alerts published since the last read, in order. */
    List<UUID> firingTicks() {
        return alerts().stream().map(AlertTriggered::sourceEventId).toList();
    }

    /** A tick that reports the previous session's close. */
    PriceTick tickWithClose(String symbol, String price, String previousClose, long seconds) {
        return tick(TickDraft.tick()
                .on(symbol)
                .price(price)
                .previousClose(previousClose)
                .at(START.plusSeconds(seconds))
                .build());
    }

    PriceTick tick(PriceTick tick) {
        return tick(tick, tick.symbol().value());
    }

    /** {@code tick} as any producer may write it: keyed by {@code key}, or by nothing when null. */
    PriceTick tick(PriceTick tick, String key) {
        if (tick.observedAt().isAfter(clock.instant())) {
            clock.set(tick.observedAt());
        }
        ticks.pipeInput(key, tick, tick.observedAt());
        return tick;
    }

    /** {@code tick} as it arrives, without moving the service's clock to it. */
    PriceTick tickAsIs(PriceTick tick) {
        ticks.pipeInput(tick.symbol().value(), tick, tick.observedAt());
        return tick;
    }

    /** The service's clock: the latest observedAt piped through {@link #tick(PriceTick, String)}. */
    Instant now() {
        return clock.instant();
    }

    /** The market-data poller's report that {@code report}'s symbol went blind or came back. */
    FeedStatusChanged feed(FeedStatusChanged report) {
        feeds.pipeInput(report.symbol().value(), report, report.occurredAt());
        return report;
    }

    /** {@code value} on feed-status as it is, keyed {@code key}. */
    void rawFeed(String key, byte[] value) {
        rawFeeds.pipeInput(key, value);
    }

    /** The feed reports dead-lettered since the last read. */
    List<byte[]> deadFeeds() {
        return deadFeeds.readValuesToList();
    }

    /** The engine's record of the symbol's blind feed; null while it is not blind. */
    FeedStatusChanged blindFeed(String symbol) {
        KeyValueStore<String, FeedStatusChanged> store = driver.getKeyValueStore(SymbolEngineProcessor.FEEDS_STORE);
        return store.get(symbol);
    }

    void rawTick(String symbol, byte[] value) {
        rawTicks.pipeInput(symbol, value);
    }

    /** The symbol's signal turned to {@code signal} on the bar of {@code interval} ending {@code seconds} after start. */
    AnalyticsUpdated signal(String symbol, Signal signal, Signal previous, Duration interval, long seconds) {
        Instant end = START.plusSeconds(seconds);
        AnalyticsDraft update = AnalyticsDraft.closed(Symbol.of(symbol), interval, end.minus(interval))
                .flat("101.5")
                .signal(signal, previous);
        update.volume = 10;
        update.tickCount = 1;
        return signal(update.build());
    }

    AnalyticsUpdated signal(AnalyticsUpdated update) {
        analytics.pipeInput(update.symbol().value(), update, update.occurredAt());
        return update;
    }

    PortfolioChanged portfolio(UUID userId, UUID portfolioId, Holding... holdings) {
        PortfolioChanged change =
                EventSamples.portfolioChanged(UUID.randomUUID(), userId, portfolioId, START, Arrays.asList(holdings));
        users.pipeInput(userId.toString(), change);
        return change;
    }

    List<AlertTriggered> alerts() {
        return alerts.readValuesToList();
    }

    List<TestRecord<String, AlertTriggered>> alertRecords() {
        return alerts.readRecordsToList();
    }

    List<byte[]> deadTicks() {
        return deadTicks.readValuesToList();
    }

    /** The dead-lettered ticks since the last read, with their headers. */
    List<TestRecord<String, byte[]>> deadTickRecords() {
        return deadTicks.readRecordsToList();
    }

    /** The count of counter {@code metric} with tag {@code tag} = {@code value}. */
    double count(String metric, String tag, String value) {
        return meters.get(metric).tag(tag, value).counter().count();
    }

    /** Moves the topology's wall clock (what the receipts' {@code evaluatedAt} reads) on by {@code by}. */
    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    @Override
    public void close() {
        driver.close();
    }
}
