package org.stockalerts.alerting.engine;

import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertRuleChanged;
import org.stockalerts.common.kafka.CommitExpediter;

/**
 * Reads {@code alert-rules} (keyed by ruleId) and re-keys every change by the rule's route (its
 * symbol, or its user for portfolio rules). It remembers each rule's route, so a tombstone, which
 * carries no symbol, still reaches the partition holding the rule, and a rule moved to another
 * symbol is deleted where it was. A rule the engine refuses ({@link RefusedRules}) goes on as a
 * deletion, so no earlier version of it keeps firing either.
 */
final class RuleRouter implements Processor<String, AlertRuleChanged, String, RuleCommand> {

    static final String STORE = "engine-rule-routes";

    private static final String USER_PREFIX = "user:";
    private static final String SYMBOL_PREFIX = "symbol:";

    private final CommitExpediter expediter;
    private final RefusedRules refused;
    private ProcessorContext<String, RuleCommand> context;
    private KeyValueStore<String, String> routes;

    RuleRouter(EngineSettings settings, RefusedRules refused) {
        this.expediter = new CommitExpediter(settings.expediteCommitWithin());
        this.refused = refused;
    }

    static StoreBuilder<KeyValueStore<String, String>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String());
    }

    @Override
    public void init(ProcessorContext<String, RuleCommand> context) {
        this.context = context;
        this.routes = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, AlertRuleChanged> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                forgetRoute(record, record.key());
            }
            return;
        }
        AlertRule rule = record.value().rule();
        String ruleId = rule.ruleId().toString();
        if (refused.refuses(rule)) {
            forgetRoute(record, ruleId);
            return;
        }
        String route = encode(rule);
        String previous = routes.get(ruleId);
        if (previous != null && !previous.equals(route)) {
            forward(record, previous, rule.ruleId(), null);
        }
        routes.put(ruleId, route);
        forward(record, route, rule.ruleId(), rule);
    }

    private void forgetRoute(Record<String, AlertRuleChanged> record, String ruleId) {
        String previous = routes.delete(ruleId);
        if (previous != null) {
            forward(record, previous, UUID.fromString(ruleId), null);
        }
    }

    private void forward(Record<String, AlertRuleChanged> record, String route, UUID ruleId, AlertRule rule) {
        boolean byUser = route.startsWith(USER_PREFIX);
        RuleCommand.Target target = byUser ? RuleCommand.Target.USER : RuleCommand.Target.SYMBOL;
        String key = route.substring(byUser ? USER_PREFIX.length() : SYMBOL_PREFIX.length());
        context.forward(record.withKey(key).withValue(new RuleCommand(ruleId, target, rule)));
        expediter.outputForwarded(context, record);
    }

    private static String encode(AlertRule rule) {
        return (RuleCommand.targetOf(rule) == RuleCommand.Target.USER ? USER_PREFIX : SYMBOL_PREFIX)
                + RuleCommand.routeOf(rule);
    }
}
