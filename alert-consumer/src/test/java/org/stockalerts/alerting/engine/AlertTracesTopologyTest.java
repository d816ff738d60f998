package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.USER;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.tracing.TraceParents;

/**
 * An alert continues the trace of its rule's last change: the rule's record brings its traceparent through the
 * re-keying, the store keeps it, and the alert record carries it to the fan-out (here without a tracer, so
 * unchanged; {@link AlertTracesTest} adds the engine's span).
 */
class AlertTracesTopologyTest extends EngineTopologyTest {

    private static final String CREATED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String CHANGED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aSymbolRulesAlertCarriesTheTraceOfTheRequestThatMadeTheRule() {
        // Given a rule created in a traced request
        engine.rule(level(Condition.PRICE_ABOVE, "200").build(), CREATED);

        // When a tick fires it
        engine.tick("AAPL", "201.37", 1);

        // Then the alert record carries the request's trace context
        assertThat(firedAlertsTraceparent()).isEqualTo(CREATED);
    }

    @Test
    void aChangedRuleFiresInTheTraceOfItsChange() {
        // Given a rule created in one trace and changed (its channels: the runtime state is kept) in another
        AlertRule created = engine.rule(level(Condition.PRICE_ABOVE, "200").build(), CREATED);
        engine.rule(
                level(Condition.PRICE_ABOVE, "200")
                        .id(created.ruleId())
                        .channels(Set.of(ChannelType.IN_APP, ChannelType.WEBHOOK))
                        .revision(created.revision() + 1)
                        .build(),
                CHANGED);

        // When a tick fires it
        engine.tick("AAPL", "201.37", 1);

        // Then the alert continues the change's trace
        assertThat(firedAlertsTraceparent()).isEqualTo(CHANGED);
    }

    @Test
    void aPortfolioRulesAlertCarriesTheTraceOfTheRequestThatMadeTheRule() {
        // Given a traced portfolio rule at or above 1000 and a holding of 10 AAPL
        engine.rule(level(Condition.PORTFOLIO_VALUE_ABOVE, "1000").build(), CREATED);
        engine.portfolio(USER, UUID.randomUUID(), SignalAndPortfolioRulesTest.holding("AAPL", "10"));

        // When AAPL ticks at 100
        engine.tick("AAPL", "100", 1);

        // Then the alert record carries the rule's trace context
        assertThat(firedAlertsTraceparent()).isEqualTo(CREATED);
    }

    @Test
    void aRuleMadeOutsideATraceLeavesTheHeadersOfTheTickThatFiredIt() {
        // Given a rule without a trace context
        engine.rule(level(Condition.PRICE_ABOVE, "200").build());

        // When a tick fires it
        engine.tick("AAPL", "201.37", 1);

        // Then the alert record has no traceparent of its own
        assertThat(firedAlertsTraceparent()).isNull();
    }

    /** The traceparent of the one alert fired since the last read. */
    private String firedAlertsTraceparent() {
        var alerts = engine.alertRecords();
        assertThat(alerts).hasSize(1);
        return TraceParents.in(alerts.getFirst().headers());
    }
}
