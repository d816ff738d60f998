package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.rules.SymbolState;
import org.stockalerts.common.tracing.TraceParents;

/**
 * The alert engine's topology. Three keyings meet:
 *
 * <ol>
 *   <li>{@code alert-rules} (by ruleId) goes through the {@link RuleRouter}, which re-keys symbol
 *       rules by symbol and portfolio rules by user, each through a repartition topic;
 *   <li>the symbol side ({@link SymbolEngineProcessor}) reads ticks, analytics, symbol rules,
 *       holding changes and the market-data poller's feed reports, all keyed by symbol and co-partitioned with {@code stock-prices}; ticks
 *       that a producer put on another partition than their symbol's are brought to it by
 *       {@link TicksBySymbol};
 *   <li>the user side ({@link PortfolioProcessor}) reads portfolio rules and the prices of held
 *       symbols that the symbol side fans out to their holders, keyed by user. Holdings come from
 *       {@code user-events} through the {@link HoldingsProcessor}, re-keyed by symbol.
 * </ol>
 *
 * Both sides write {@link AlertTriggered} to {@code alerts-triggered}, keyed by userId.
 */
public final class AlertEngineTopology {

    static final String RULES_BY_SYMBOL = "engine-rules-by-symbol";
    static final String RULES_BY_USER = "engine-rules-by-user";
    static final String HOLDINGS_BY_SYMBOL = "engine-holdings-by-symbol";
    static final String PRICES_BY_USER = "engine-prices-by-user";
    static final String TICKS_BY_SYMBOL = "engine-ticks-by-symbol";

    /** Counter of the ticks not evaluated for not being newer than their symbol's last one, by reason. */
    public static final String IGNORED_TICKS_METRIC = StaleTicks.METRIC;

    private final EngineSettings settings;
    private final MeterRegistry meters;
    private final TickTimeBound bound;
    private final Serde<SymbolState> symbolStateSerde;
    private final AlertTraces traces;

    /**
     * {@code bound} refuses (dead-letters) ticks dated too far ahead of or behind the service's clock; {@code
     * traces} puts each alert in the trace of its rule's last change.
     */
    public AlertEngineTopology(
            EngineSettings settings, MeterRegistry meters, TickTimeBound bound, TraceParents traces) {
        this(settings, meters, bound, SymbolStateSerde.create(), traces);
    }

    /** Without tracing: an alert carries its rule's stored trace context, and no span is made. */
    public AlertEngineTopology(EngineSettings settings, MeterRegistry meters, TickTimeBound bound) {
        this(settings, meters, bound, TraceParents.NONE);
    }

    /** With {@code symbolStateSerde} for the symbol store, so a test can count what is written to it. */
    AlertEngineTopology(
            EngineSettings settings,
            MeterRegistry meters,
            TickTimeBound bound,
            Serde<SymbolState> symbolStateSerde,
            TraceParents traces) {
        this.settings = settings;
        this.meters = meters;
        this.bound = bound;
        this.symbolStateSerde = symbolStateSerde;
        this.traces = new AlertTraces(traces);
    }

    /** Adds the engine to {@code builder}. */
    public void addTo(StreamsBuilder builder) {
        builder.addStateStore(RuleRouter.store());
        builder.addStateStore(HoldingsProcessor.store());
        builder.addStateStore(PortfolioProcessor.store());
        for (var store : SymbolEngineProcessor.stores(symbolStateSerde)) {
            builder.addStateStore(store);
        }
        Map<String, KStream<String, RuleCommand>> rules = routedRules(builder);
        KStream<String, PriceTick> ticks = builder.stream(
                Topics.STOCK_PRICES.name(),
                Consumed.with(Serdes.String(), bound.serde()).withName("engine-source-" + Topics.STOCK_PRICES.name()));
        KStream<String, SymbolInput> symbolInputs = TicksBySymbol.route(
                        ticks, TICKS_BY_SYMBOL, meters, settings.expediteCommitWithin())
                .mapValues(tick -> (SymbolInput) new SymbolInput.Tick(tick), Named.as("engine-ticks"))
                .merge(source(builder, Topics.STOCK_ANALYTICS)
                        .mapValues(
                                update -> (SymbolInput) new SymbolInput.Analytics(update),
                                Named.as("engine-analytics")))
                .merge(repartition(rules.get(RULES_BY_SYMBOL), RULES_BY_SYMBOL, RuleCommand.class, Topics.STOCK_PRICES)
                        .mapValues(
                                command -> (SymbolInput) new SymbolInput.Rule(command),
                                Named.as("engine-symbol-rules")))
                .merge(repartition(holdings(builder), HOLDINGS_BY_SYMBOL, HoldingChange.class, Topics.STOCK_PRICES)
                        .mapValues(
                                change -> (SymbolInput) new SymbolInput.Holding(change),
                                Named.as("engine-holding-changes")))
                .merge(source(builder, Topics.FEED_STATUS)
                        .mapValues(report -> (SymbolInput) new SymbolInput.Feed(report), Named.as("engine-feeds")));
        StaleTicks staleTicks = new StaleTicks(meters);
        EngineMeters engineMeters = new EngineMeters(meters, Clock.systemUTC());
        BlindFeeds blindFeeds = new BlindFeeds(meters);
        KStream<String, SymbolOutput> symbolOutputs = symbolInputs.process(
                () -> new SymbolEngineProcessor(settings, staleTicks, engineMeters, traces, blindFeeds),
                Named.as("engine-symbol-side"),
                SymbolEngineProcessor.RULES_STORE,
                SymbolEngineProcessor.SYMBOLS_STORE,
                SymbolEngineProcessor.HOLDERS_STORE,
                SymbolEngineProcessor.FEEDS_STORE,
                SymbolEngineProcessor.HELD_STORE);
        Map<String, KStream<String, SymbolOutput>> outputs = symbolOutputs
                .split(Named.as("engine-out-"))
                .branch((key, value) -> value instanceof SymbolOutput.Alert, Branched.as("alerts"))
                .defaultBranch(Branched.as("prices"));
        outputs.get("engine-out-alerts")
                .mapValues(value -> ((SymbolOutput.Alert) value).alert(), Named.as("engine-symbol-alerts"))
                .to(Topics.ALERTS_TRIGGERED.name(), produced());
        KStream<String, PortfolioPrice> prices = outputs.get("engine-out-prices")
                .mapValues(value -> ((SymbolOutput.Price) value).price(), Named.as("engine-portfolio-prices"));
        repartition(prices, PRICES_BY_USER, PortfolioPrice.class, Topics.USER_EVENTS)
                .mapValues(price -> (PortfolioInput) new PortfolioInput.Price(price), Named.as("engine-user-prices"))
                .merge(repartition(rules.get(RULES_BY_USER), RULES_BY_USER, RuleCommand.class, Topics.USER_EVENTS)
                        .mapValues(
                                command -> (PortfolioInput) new PortfolioInput.Rule(command),
                                Named.as("engine-user-rules")))
                .process(
                        () -> new PortfolioProcessor(settings, traces),
                        Named.as("engine-user-side"),
                        PortfolioProcessor.STORE)
                .to(Topics.ALERTS_TRIGGERED.name(), produced());
    }

    private Map<String, KStream<String, RuleCommand>> routedRules(StreamsBuilder builder) {
        RefusedRules refused = new RefusedRules(meters);
        return source(builder, Topics.ALERT_RULES)
                .process(() -> new RuleRouter(settings, refused), Named.as("engine-rule-router"), RuleRouter.STORE)
                .split(Named.as("engine-"))
                .branch((key, command) -> command.target() == RuleCommand.Target.SYMBOL, Branched.as("rules-by-symbol"))
                .defaultBranch(Branched.as("rules-by-user"));
    }

    private static KStream<String, HoldingChange> holdings(StreamsBuilder builder) {
        return source(builder, Topics.USER_EVENTS)
                .process(HoldingsProcessor::new, Named.as("engine-holdings"), HoldingsProcessor.STORE);
    }

    private static <T> KStream<String, T> source(StreamsBuilder builder, TopicSpec<T> topic) {
        return builder.stream(
                topic.name(),
                Consumed.with(Serdes.String(), EventSerdes.of(topic)).withName("engine-source-" + topic.name()));
    }

    private static <T> KStream<String, T> repartition(
            KStream<String, T> stream, String name, Class<T> type, TopicSpec<?> coPartitionedWith) {
        Serde<T> serde = EventSerdes.of(type);
        return stream.repartition(Repartitioned.with(Serdes.String(), serde)
                .withName(name)
                .withNumberOfPartitions(coPartitionedWith.partitions()));
    }

    private static Produced<String, AlertTriggered> produced() {
        return Produced.with(Serdes.String(), EventSerdes.of(Topics.ALERTS_TRIGGERED));
    }
}
