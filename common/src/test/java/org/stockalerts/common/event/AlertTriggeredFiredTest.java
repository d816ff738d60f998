package org.stockalerts.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.id.AlertIds;

class AlertTriggeredFiredTest {

    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void theSameRuleAndInputEventRaiseTheSameAlert() {
        // Given a rule and the input event that fired it
        AlertRule rule = RuleDraft.rule().build();
        UUID source = UUID.fromString("00000000-0000-7000-8000-0000000000aa");

        // When the alert is raised twice
        AlertTriggered first = AlertTriggered.fired(rule, source, new BigDecimal("201.00"), null, AT, "AAPL is up");
        AlertTriggered again = AlertTriggered.fired(rule, source, new BigDecimal("201.00"), null, AT, "AAPL is up");

        // Then both carry the id derived from rule and event, as alert and as event id
        assertThat(first).isEqualTo(again);
        assertThat(first.alertId()).isEqualTo(AlertIds.of(rule.ruleId(), source));
        assertThat(first.eventId()).isEqualTo(first.alertId());
        assertThat(first.userId()).isEqualTo(rule.userId());
        assertThat(first.symbol()).isEqualTo(rule.symbol());
        assertThat(first.occurredAt()).isEqualTo(AT);
        assertThat(first.observedAt()).isEqualTo(AT);
    }
}
