package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.CommitExpediter;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.kafka.WriteOnCommitStore;
import org.stockalerts.common.rules.Alerts;
import org.stockalerts.common.rules.CatchUp;
import org.stockalerts.common.rules.PriceContext;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.rules.SymbolState;
import org.stockalerts.common.tracing.TraceParents;

/**
 * The symbol side of the engine, one instance per task (a partition of the symbols): rule
 * definitions and runtime state, symbol state and who holds which symbol live in changelogged
 * stores; the per-symbol indexes and live symbol states are rebuilt from them whenever the task
 * starts.
 */
final class SymbolEngineProcessor implements Processor<String, SymbolInput, String, SymbolOutput> {

    static final String RULES_STORE = "engine-symbol-rules";
    static final String SYMBOLS_STORE = "engine-symbols";
    static final String HOLDERS_STORE = "engine-holders";
    static final String FEEDS_STORE = "engine-feeds";
    static final String HELD_STORE = "engine-held-ticks";

    /** How often the ticks held for a resumed feed's report are checked for having waited long enough. */
    private static final Duration HELD_CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(SymbolEngineProcessor.class);
    private static final String KEY_SEPARATOR = "|";

    private final Duration signalInterval;
    private final Duration catchUpWait;
    private final CommitExpediter expediter;
    private final StaleTicks staleTicks;
    private final EngineMeters meters;
    private final AlertTraces traces;
    private final BlindFeeds blindFeeds;
    private final Map<Symbol, FeedStatusChanged> blind = new HashMap<>();
    private final Map<Symbol, List<HeldTick>> held = new HashMap<>();
    private final Map<Symbol, SymbolRules> indexes = new HashMap<>();
    private final Map<Symbol, SymbolState> symbols = new HashMap<>();
    private final Map<Symbol, Map<UUID, BigDecimal>> holders = new HashMap<>();
    private ProcessorContext<String, SymbolOutput> context;
    private KeyValueStore<String, StoredRule> ruleStore;
    private KeyValueStore<String, SymbolState> symbolStore;
    private KeyValueStore<String, String> holderStore;
    private KeyValueStore<String, FeedStatusChanged> feedStore;
    private KeyValueStore<String, HeldTick> heldStore;

    SymbolEngineProcessor(
            EngineSettings settings,
            StaleTicks staleTicks,
            EngineMeters meters,
            AlertTraces traces,
            BlindFeeds blindFeeds) {
        this.signalInterval = settings.signalInterval();
        this.catchUpWait = settings.catchUpWait();
        this.expediter = new CommitExpediter(settings.expediteCommitWithin());
        this.staleTicks = staleTicks;
        this.meters = meters;
        this.traces = traces;
        this.blindFeeds = blindFeeds;
    }

    /**
     * Rule definitions live in RocksDB (a million rules would not fit the heap twice); the symbol
     * state and the holders in memory: a RocksDB store would be flushed to disk on every commit. All
     * three are changelogged, so a restart restores them. The symbol state changes on every tick but
     * is written to its store once a commit ({@link WriteOnCommitStore}), in a compact binary form
     * ({@code symbolStateSerde}, {@link SymbolStateSerde} in the service): a tick that fires nothing
     * serializes nothing. The feeds store holds the market-data poller's last report of each symbol whose feed is
     * blind (in memory, changelogged), for "why not"; the held-ticks store the ticks that wait for a resumed feed's
     * report ({@link HeldTick}).
     */
    static StoreBuilder<?>[] stores(Serde<SymbolState> symbolStateSerde) {
        return new StoreBuilder<?>[] {
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(RULES_STORE), Serdes.String(), EventSerdes.of(StoredRule.class)),
            WriteOnCommitStore.builder(Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(SYMBOLS_STORE), Serdes.String(), symbolStateSerde)),
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HOLDERS_STORE), Serdes.String(), Serdes.String()),
            Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(FEEDS_STORE),
                    Serdes.String(),
                    EventSerdes.of(FeedStatusChanged.class)),
            Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(HELD_STORE), Serdes.String(), EventSerdes.of(HeldTick.class))
        };
    }

    @Override
    public void init(ProcessorContext<String, SymbolOutput> context) {
        this.context = context;
        ruleStore = context.getStateStore(RULES_STORE);
        symbolStore = context.getStateStore(SYMBOLS_STORE);
        holderStore = context.getStateStore(HOLDERS_STORE);
        feedStore = context.getStateStore(FEEDS_STORE);
        heldStore = context.getStateStore(HELD_STORE);
        rebuild();
        context.schedule(
                catchUpWait.compareTo(HELD_CHECK_INTERVAL) < 0 ? catchUpWait : HELD_CHECK_INTERVAL,
                PunctuationType.WALL_CLOCK_TIME,
                this::releaseOverdue);
    }

    private void rebuild() {
        indexes.clear();
        symbols.clear();
        holders.clear();
        blind.clear();
        held.clear();
        long rules = 0;
        try (KeyValueIterator<String, StoredRule> all = ruleStore.all()) {
            while (all.hasNext()) {
                StoredRule stored = all.next().value;
                indexFor(stored.rule().symbol()).put(stored);
                rules++;
            }
        }
        try (KeyValueIterator<String, SymbolState> all = symbolStore.all()) {
            all.forEachRemaining(entry -> symbols.put(Symbol.of(entry.key), entry.value));
        }
        try (KeyValueIterator<String, String> all = holderStore.all()) {
            all.forEachRemaining(entry -> {
                int separator = entry.key.indexOf(KEY_SEPARATOR);
                Symbol symbol = Symbol.of(entry.key.substring(0, separator));
                UUID userId = UUID.fromString(entry.key.substring(separator + 1));
                holders.computeIfAbsent(symbol, s -> new HashMap<>()).put(userId, new BigDecimal(entry.value));
            });
        }
        try (KeyValueIterator<String, FeedStatusChanged> all = feedStore.all()) {
            all.forEachRemaining(entry -> blind.put(Symbol.of(entry.key), entry.value));
        }
        try (KeyValueIterator<String, HeldTick> all = heldStore.all()) {
            all.forEachRemaining(
                    entry -> held.computeIfAbsent(entry.value.tick().symbol(), s -> new ArrayList<>())
                            .add(entry.value));
        }
        log.atInfo()
                .addKeyValue("taskId", context.taskId())
                .addKeyValue("rules", rules)
                .addKeyValue("symbols", symbols.size())
                .log("alert engine task ready");
    }

    @Override
    public void process(Record<String, SymbolInput> record) {
        switch (record.value()) {
            case SymbolInput.Tick tick -> onTick(record, tick.tick());
            case SymbolInput.Analytics analytics -> onAnalytics(record, analytics.update());
            case SymbolInput.Rule rule -> onRule(rule.command(), TraceParents.in(record.headers()));
            case SymbolInput.Holding holding -> onHolding(record, holding.change());
            case SymbolInput.Feed feed -> onFeed(record, feed.report());
        }
    }

    private void onTick(Record<String, SymbolInput> record, PriceTick tick) {
        SymbolState before = symbols.getOrDefault(tick.symbol(), SymbolState.EMPTY);
        if (!before.accepts(tick)) {
            staleTicks.ignored(tick, before);
            return;
        }
        if ((!blind.isEmpty() || !held.isEmpty()) && mustWait(tick)) {
            hold(tick);
            return;
        }
        evaluate(record, tick, before, false);
        if (!blind.isEmpty()) {
            dataReturned(tick);
        }
        holders.getOrDefault(tick.symbol(), Map.of()).forEach((userId, quantity) -> {
            PortfolioPrice price = new PortfolioPrice(
                    userId,
                    tick.symbol(),
                    quantity,
                    tick.price(),
                    tick.observedAt(),
                    tick.eventId(),
                    tick,
                    tick.observedAt());
            context.forward(record.withKey(userId.toString()).withValue(new SymbolOutput.Price(price)));
        });
    }

    /**
     * Evaluates accepted tick {@code tick} against the symbol's rules and keeps it as the symbol's last; {@code
     * catchUp} when it is a price a blind feed's gap hid. Answers how many alerts it fired.
     */
    private int evaluate(Record<String, SymbolInput> record, PriceTick tick, SymbolState before, boolean catchUp) {
        meters.tickEvaluated();
        SymbolRules index = indexes.get(tick.symbol());
        int historyMinutes = 0;
        int fires = 0;
        if (index != null) {
            PriceContext priced = new PriceContext(tick, before);
            SymbolRules.Changes changes = index.onTick(priced);
            store(changes);
            for (SymbolRules.Fired fired : changes.fired()) {
                emit(
                        record,
                        fired.rule(),
                        Alerts.onTick(fired.rule(), fired.before(), fired.value(), priced, now(), catchUp));
            }
            fires = changes.fired().size();
            historyMinutes = index.historyMinutes();
        }
        SymbolState after = before.after(tick, historyMinutes);
        symbols.put(tick.symbol(), after);
        symbolStore.put(tick.symbol().value(), after);
        return fires;
    }

    /**
     * The market-data poller reports the symbol's feed blind or back. Blind: kept for "why not" until data returns.
     * Back: the prices the gap hid are evaluated in order, as ticks, before whatever follows (alerts marked {@code
     * catchUp}); holders' portfolios are not re-priced with them, as those prices are not the symbol's price now.
     */
    private void onFeed(Record<String, SymbolInput> record, FeedStatusChanged report) {
        Symbol symbol = report.symbol();
        if (report.status() == FeedStatusChanged.Status.STALE) {
            FeedStatusChanged known = blind.get(symbol);
            if (known == null || !report.since().isBefore(known.since())) {
                blind.put(symbol, report);
                feedStore.put(symbol.value(), report);
            }
            blindFeeds.wentBlind(report);
            return;
        }
        if (blind.remove(symbol) != null) {
            feedStore.delete(symbol.value());
        }
        int caughtUp = 0;
        int fired = 0;
        for (PriceTick price : CatchUp.ticks(report, symbols.getOrDefault(symbol, SymbolState.EMPTY))) {
            fired += evaluate(record, price, symbols.getOrDefault(symbol, SymbolState.EMPTY), true);
            caughtUp++;
        }
        blindFeeds.cameBack(report, caughtUp, fired);
        release(symbol, false);
    }

    /**
     * Whether {@code tick} waits for its symbol's resumed report: its feed was reported blind and the tick is newer
     * than the last tick the poller had (the feed is back, and the report with the gap's prices comes before it), or
     * ticks of its symbol wait already (they keep their order).
     */
    private boolean mustWait(PriceTick tick) {
        if (held.containsKey(tick.symbol())) {
            return true;
        }
        FeedStatusChanged report = blind.get(tick.symbol());
        return report != null
                && (report.lastTickAt() == null || tick.observedAt().isAfter(report.lastTickAt()));
    }

    private void hold(PriceTick tick) {
        HeldTick waiting = new HeldTick(tick, now());
        held.computeIfAbsent(tick.symbol(), s -> new ArrayList<>()).add(waiting);
        heldStore.put(heldKey(tick), waiting);
    }

    /**
     * Evaluates the ticks of {@code symbol} that waited, in their order; {@code waitedOut} when they waited {@code
     * catchUpWait} without the resumed report: the feed is taken as working (no report will come, e.g. the poller's
     * leader changed), and a report that comes later finds its prices older than these ticks.
     */
    private void release(Symbol symbol, boolean waitedOut) {
        List<HeldTick> waiting = held.remove(symbol);
        if (waiting == null) {
            return;
        }
        waiting.sort(Comparator.comparing((HeldTick one) -> one.tick().observedAt()));
        waiting.forEach(one -> heldStore.delete(heldKey(one.tick())));
        blindFeeds.released(symbol, waiting.size(), waitedOut);
        for (HeldTick one : waiting) {
            PriceTick tick = one.tick();
            onTick(
                    new Record<String, SymbolInput>(
                            symbol.value(),
                            new SymbolInput.Tick(tick),
                            tick.occurredAt() == null
                                    ? context.currentSystemTimeMs()
                                    : tick.occurredAt().toEpochMilli()),
                    tick);
        }
    }

    /** Releases the ticks that waited {@code catchUpWait} for a resumed report that did not come. */
    private void releaseOverdue(long wallClockMillis) {
        if (held.isEmpty()) {
            return;
        }
        Instant due = Instant.ofEpochMilli(wallClockMillis).minus(catchUpWait);
        List<Symbol> overdue = held.entrySet().stream()
                .filter(entry -> !entry.getValue().getFirst().heldAt().isAfter(due))
                .map(Map.Entry::getKey)
                .toList();
        for (Symbol symbol : overdue) {
            if (blind.remove(symbol) != null) {
                feedStore.delete(symbol.value());
            }
            release(symbol, true);
        }
    }

    private static String heldKey(PriceTick tick) {
        return tick.symbol().value() + KEY_SEPARATOR + tick.eventId();
    }

    /**
     * A tick observed after the last one the poller had when it reported the feed blind: the feed evidently works
     * (another producer's ticks, or a new leader of the poller that does not know the report), so it is not blind.
     */
    private void dataReturned(PriceTick tick) {
        FeedStatusChanged report = blind.get(tick.symbol());
        if (report != null && (report.lastTickAt() == null || tick.observedAt().isAfter(report.lastTickAt()))) {
            blind.remove(tick.symbol());
            feedStore.delete(tick.symbol().value());
        }
    }

    private void onAnalytics(Record<String, SymbolInput> record, AnalyticsUpdated update) {
        SymbolState before = symbols.getOrDefault(update.symbol(), SymbolState.EMPTY);
        if (!update.interval().equals(signalInterval)
                || !update.signalChanged()
                || !before.acceptsSignal(update.bar().windowEnd())) {
            return;
        }
        SymbolState after = before.afterSignal(update.bar().windowEnd());
        symbols.put(update.symbol(), after);
        symbolStore.put(update.symbol().value(), after);
        SymbolRules index = indexes.get(update.symbol());
        if (index == null) {
            return;
        }
        SymbolRules.Changes changes =
                index.onSignal(update.signal(), update.bar().windowEnd(), update.eventId());
        store(changes);
        for (SymbolRules.Fired fired : changes.fired()) {
            emit(
                    record,
                    fired.rule(),
                    Alerts.onSignal(
                            fired.rule(),
                            fired.before(),
                            update.signal(),
                            update.bar().close(),
                            update.eventId(),
                            update.bar().windowEnd(),
                            now()));
        }
    }

    /** Stores a rule change made in the trace {@code traceparent}, which the rule's alerts continue. */
    private void onRule(RuleCommand command, String traceparent) {
        String key = command.ruleId().toString();
        StoredRule existing = ruleStore.get(key);
        AlertRule changed = command.rule();
        if (changed != null && existing != null && existing.rule().revision() >= changed.revision()) {
            log.atDebug().addKeyValue("ruleId", key).log("ignoring a stale rule revision");
            return;
        }
        if (existing != null) {
            indexFor(existing.rule().symbol()).remove(command.ruleId());
        }
        if (changed == null) {
            ruleStore.delete(key);
            return;
        }
        StoredRule next =
                existing == null ? StoredRule.fresh(changed, traceparent) : existing.replacedBy(changed, traceparent);
        ruleStore.put(key, next);
        indexFor(changed.symbol()).put(next);
    }

    private void onHolding(Record<String, SymbolInput> record, HoldingChange change) {
        String key = change.symbol().value() + KEY_SEPARATOR + change.userId();
        if (change.quantity().signum() == 0) {
            holderStore.delete(key);
            Map<UUID, BigDecimal> users = holders.get(change.symbol());
            if (users != null) {
                users.remove(change.userId());
            }
        } else {
            holderStore.put(key, change.quantity().toPlainString());
            holders.computeIfAbsent(change.symbol(), s -> new HashMap<>()).put(change.userId(), change.quantity());
        }
        SymbolState state = symbols.getOrDefault(change.symbol(), SymbolState.EMPTY);
        PortfolioPrice price = new PortfolioPrice(
                change.userId(),
                change.symbol(),
                change.quantity(),
                state.lastPrice(),
                state.lastObservedAt(),
                change.sourceEventId(),
                null,
                change.at());
        context.forward(record.withKey(change.userId().toString()).withValue(new SymbolOutput.Price(price)));
    }

    private void store(SymbolRules.Changes changes) {
        changes.fired().forEach(fired -> ruleStore.put(fired.rule().ruleId().toString(), fired.rule()));
        changes.rearmed().forEach(rule -> ruleStore.put(rule.ruleId().toString(), rule));
    }

    private void emit(Record<String, SymbolInput> record, StoredRule rule, AlertTriggered alert) {
        log.atDebug()
                .addKeyValue("alertId", alert.alertId())
                .addKeyValue("ruleId", alert.ruleId())
                .addKeyValue("userId", alert.userId())
                .addKeyValue("eventId", alert.sourceEventId())
                .log("alert fired");
        meters.fired(alert);
        context.forward(record.withKey(alert.userId().toString())
                .withValue(new SymbolOutput.Alert(alert))
                .withHeaders(traces.headersFor(record.headers(), rule, alert)));
        expediter.outputForwarded(context, record);
    }

    /** The wall-clock time of this evaluation (the receipts' {@code evaluatedAt}), as Kafka Streams tells it. */
    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private SymbolRules indexFor(Symbol symbol) {
        return indexes.computeIfAbsent(symbol, s -> new SymbolRules());
    }
}
