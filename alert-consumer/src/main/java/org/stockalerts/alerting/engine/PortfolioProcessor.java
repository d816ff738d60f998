package org.stockalerts.alerting.engine;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.kafka.CommitExpediter;
import org.stockalerts.common.kafka.EventSerdes;
import org.stockalerts.common.rules.RuleSemantics;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.tracing.TraceParents;

/**
 * The user side of the engine: portfolio rules, evaluated whenever the price of a held symbol or a
 * holding changes. One changelogged record per user holds positions and rules; users have few
 * portfolio rules, so they are evaluated one by one with {@link RuleSemantics}.
 */
final class PortfolioProcessor implements Processor<String, PortfolioInput, String, AlertTriggered> {

    static final String STORE = "engine-portfolios";

    private final CommitExpediter expediter;
    private final AlertTraces traces;
    private ProcessorContext<String, AlertTriggered> context;
    private KeyValueStore<String, UserPortfolio> store;

    PortfolioProcessor(EngineSettings settings, AlertTraces traces) {
        this.expediter = new CommitExpediter(settings.expediteCommitWithin());
        this.traces = traces;
    }

    static StoreBuilder<KeyValueStore<String, UserPortfolio>> store() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), EventSerdes.of(UserPortfolio.class));
    }

    @Override
    public void init(ProcessorContext<String, AlertTriggered> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, PortfolioInput> record) {
        switch (record.value()) {
            case PortfolioInput.Rule rule -> onRule(record.key(), rule.command(), TraceParents.in(record.headers()));
            case PortfolioInput.Price price -> onPrice(record, price.price());
        }
    }

    private void onRule(String userId, RuleCommand command, String traceparent) {
        store.put(userId, load(userId).withRule(command.ruleId().toString(), command.rule(), traceparent));
    }

    private void onPrice(Record<String, PortfolioInput> record, PortfolioPrice price) {
        String userId = price.userId().toString();
        UserPortfolio.Update update = load(userId).with(price, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        store.put(userId, update.portfolio());
        for (AlertTriggered alert : update.alerts()) {
            StoredRule rule = update.portfolio().rules().get(alert.ruleId().toString());
            context.forward(record.withKey(userId)
                    .withValue(alert)
                    .withHeaders(traces.headersFor(record.headers(), rule, alert)));
            expediter.outputForwarded(context, record);
        }
    }

    private UserPortfolio load(String userId) {
        UserPortfolio portfolio = store.get(userId);
        return portfolio == null ? UserPortfolio.EMPTY : portfolio;
    }
}
