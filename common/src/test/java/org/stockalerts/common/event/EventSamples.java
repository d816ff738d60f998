package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.id.AlertIds;

/** One fully populated sample of every event, for contract tests. */
public final class EventSamples {

    public static final Instant NOW = Instant.parse("2026-11-25T15:30:00.123456Z");
    public static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000001");

    private EventSamples() {}

    public static PriceTick tick() {
        return new PriceTick(
                UUID.fromString("00000000-0000-7000-8000-0000000000aa"),
                NOW,
                1,
                Symbol.of("AAPL"),
                new BigDecimal("201.3700"),
                1_234_567L,
                new BigDecimal("199.00"),
                new BigDecimal("202.123456789"),
                new BigDecimal("198.5"),
                new BigDecimal("198.7500"),
                TickSource.ALPHAVANTAGE,
                NOW.minusSeconds(2));
    }

    public static AlertRule rule(Condition condition) {
        return switch (condition.kind()) {
            case LEVEL, CROSS -> rule(condition, Symbol.of("AAPL"), new BigDecimal("200.00"), null, null, null);
            case MOVE -> rule(condition, Symbol.of("AAPL"), null, new BigDecimal("2.5"), MoveReference.WINDOW, null);
            case SIGNAL -> rule(condition, Symbol.of("AAPL"), null, null, null, Signal.BULLISH);
            case PORTFOLIO -> rule(condition, null, new BigDecimal("100000.00"), null, null, null);
        };
    }

    private static AlertRule rule(
            Condition condition,
            Symbol symbol,
            BigDecimal threshold,
            BigDecimal percent,
            MoveReference reference,
            Signal signal) {
        return new AlertRule(
                UUID.fromString("00000000-0000-7000-8000-0000000000bb"),
                USER,
                symbol,
                condition,
                threshold,
                percent,
                reference,
                reference == MoveReference.WINDOW ? 30 : null,
                signal,
                TriggerMode.COOLDOWN,
                Duration.ofMinutes(15),
                null,
                NOW.plus(Duration.ofDays(30)),
                Set.of(ChannelType.IN_APP, ChannelType.EMAIL),
                RuleStatus.ACTIVE,
                7);
    }

    public static AlertTriggered alert() {
        PriceTick tick = tick();
        AlertRule rule = rule(Condition.CROSSES_UP);
        return new AlertTriggered(
                UUID.randomUUID(),
                NOW,
                1,
                AlertIds.of(rule.ruleId(), tick.eventId()),
                USER,
                rule,
                rule.symbol(),
                tick.eventId(),
                tick.price(),
                tick,
                tick.observedAt(),
                "AAPL crossed above 200.00 (now 201.37)");
    }

    public static AnalyticsUpdated analytics(Duration interval) {
        Bar bar = new Bar(
                Instant.parse("2026-11-25T15:29:00Z"),
                Instant.parse("2026-11-25T15:30:00Z"),
                LocalDate.of(2026, 11, 25),
                new BigDecimal("200.10"),
                new BigDecimal("201.90"),
                new BigDecimal("199.95"),
                new BigDecimal("201.37"),
                12_500,
                42,
                new BigDecimal("200.8812"));
        return new AnalyticsUpdated(
                UUID.randomUUID(),
                NOW,
                1,
                Symbol.of("AAPL"),
                interval,
                bar,
                new BigDecimal("200.51"),
                new BigDecimal("199.87"),
                Signal.BULLISH,
                Signal.NEUTRAL,
                true,
                NOW,
                false);
    }

    public static List<UserEvent> userEvents() {
        return List.of(
                new UserRegistered(UUID.randomUUID(), NOW, 1, USER, "Ada Lovelace", "ada@example.com"),
                new PortfolioChanged(
                        UUID.randomUUID(),
                        NOW,
                        1,
                        USER,
                        UUID.randomUUID(),
                        List.of(new Holding(Symbol.of("MSFT"), new BigDecimal("3.125"), new BigDecimal("410.20")))),
                new ChannelsChanged(
                        UUID.randomUUID(),
                        NOW,
                        1,
                        USER,
                        List.of(new ChannelTarget(UUID.randomUUID(), ChannelType.EMAIL, "ada@example.com", true))),
                new UserDeleted(UUID.randomUUID(), NOW, 1, USER));
    }
}
