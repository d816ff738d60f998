package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.PortfolioChanged;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.rules.Decimals;

/**
 * Reads {@code user-events} (keyed by userId), keeps every user's holdings per portfolio and emits,
 * keyed by symbol, each change of a user's total quantity of a symbol. Portfolio changes are
 * snapshots, so the change is the difference to the snapshot before.
 */
final class HoldingsProcessor implements Processor<String, UserEvent, String, HoldingChange> {

    static final String STORE = "engine-holdings";

    /** A user's holdings: portfolio id to symbol to quantity. */
    record UserHoldings(Map<String, Map<String, BigDecimal>> portfolios) {

        static final UserHoldings NONE = new UserHoldings(Map.of());

        Map<String, BigDecimal> totals() {
            Map<String, BigDecimal> totals = new HashMap<>();
            portfolios
                    .values()
                    .forEach(holdings ->
                            holdings.forEach((symbol, quantity) -> totals.merge(symbol, quantity, BigDecimal::add)));
            return totals;
        }

        UserHoldings with(PortfolioChanged change) {
            Map<String, Map<String, BigDecimal>> next = new HashMap<>(portfolios);
            Map<String, BigDecimal> holdings = new HashMap<>();
            for (Holding holding : change.holdings()) {
                holdings.merge(holding.symbol().value(), holding.quantity(), BigDecimal::add);
            }
            next.put(change.portfolioId().toString(), holdings);
            return new UserHoldings(next);
        }
    }

    private ProcessorContext<String, HoldingChange> context;
    private KeyValueStore<String, UserHoldings> store;

    static StoreBuilder<KeyValueStore<String, UserHoldings>> store() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), EventSerdes.of(UserHoldings.class));
    }

    @Override
    public void init(ProcessorContext<String, HoldingChange> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, UserEvent> record) {
        UserEvent event = record.value();
        if (event instanceof PortfolioChanged change) {
            String userId = change.userId().toString();
            UserHoldings before = orNone(store.get(userId));
            UserHoldings after = before.with(change);
            store.put(userId, after);
            emitDifferences(record, event, before.totals(), after.totals());
        } else if (event instanceof UserDeleted deleted) {
            UserHoldings before = store.delete(deleted.userId().toString());
            emitDifferences(record, event, orNone(before).totals(), Map.of());
        }
    }

    private void emitDifferences(
            Record<String, UserEvent> record,
            UserEvent event,
            Map<String, BigDecimal> before,
            Map<String, BigDecimal> after) {
        Set<String> symbols = new TreeSet<>(before.keySet());
        symbols.addAll(after.keySet());
        for (String symbol : symbols) {
            BigDecimal quantity = after.getOrDefault(symbol, BigDecimal.ZERO);
            if (!Decimals.same(quantity, before.getOrDefault(symbol, BigDecimal.ZERO))) {
                HoldingChange change = new HoldingChange(
                        event.userId(), Symbol.of(symbol), quantity, event.eventId(), event.occurredAt());
                context.forward(record.withKey(symbol).withValue(change));
            }
        }
    }

    private static UserHoldings orNone(UserHoldings holdings) {
        return holdings == null ? UserHoldings.NONE : holdings;
    }
}
