package org.stockalerts.alerting.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.id.AlertIds;

/** Fired alerts for delivery tests. */
final class TestAlerts {

    private TestAlerts() {}

    static UUID user() {
        return UUID.randomUUID();
    }

    /** A fresh alert of {@code userId}: AAPL above 200, observed at 201.37, through {@code channels}. */
    static AlertTriggered alert(UUID userId, String message, ChannelType... channels) {
        Instant now = Instant.now();
        UUID ruleId = UUID.randomUUID();
        Symbol symbol = Symbol.of("AAPL");
        BigDecimal price = new BigDecimal("201.37");
        PriceTick tick = PriceTick.of(UUID.randomUUID(), now, symbol, price, TickSource.SIMULATED, now);
        AlertRule rule = new AlertRule(
                ruleId,
                userId,
                symbol,
                Condition.PRICE_ABOVE,
                new BigDecimal("200.00"),
                null,
                null,
                null,
                null,
                TriggerMode.ONCE,
                null,
                null,
                null,
                Set.of(channels),
                RuleStatus.ACTIVE,
                1);
        return new AlertTriggered(
                UUID.randomUUID(),
                now,
                AlertTriggered.CURRENT_VERSION,
                AlertIds.of(ruleId, tick.eventId()),
                userId,
                rule,
                symbol,
                tick.eventId(),
                price,
                tick,
                now,
                message);
    }
}
