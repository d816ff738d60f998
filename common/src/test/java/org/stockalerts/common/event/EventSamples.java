package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.id.AlertIds;

/** Fully populated, deterministic samples of every event, for the contract tests. */
public final class EventSamples {

    public static final Instant NOW = Instant.parse("2026-11-25T15:30:00.123456Z");
    public static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000001");
    public static final UUID TICK_ID = UUID.fromString("00000000-0000-7000-8000-0000000000aa");

    private EventSamples() {}

    /** A tick with every field set; prices with trailing zeros and with many decimals. */
    public static PriceTick tick() {
        return new PriceTick(
                TICK_ID,
                NOW,
                1,
                Symbol.of("AAPL"),
                new BigDecimal("123.4500"),
                1_234_567L,
                new BigDecimal("120.00"),
                new BigDecimal("124.123456789012345678"),
                new BigDecimal("0.0001"),
                new BigDecimal("122.1000"),
                TickSource.ALPHAVANTAGE,
                NOW.minusSeconds(2));
    }

    /**
     * A rule of {@code condition} with every optional field set; the trigger mode varies with the
     * condition family so that cooldowns and re-arm margins travel too.
     */
    public static AlertRule rule(Condition condition) {
        RuleDraft draft = RuleDraft.of(condition);
        switch (condition.kind()) {
            case LEVEL, SIGNAL -> {
                draft.triggerMode = TriggerMode.COOLDOWN;
                draft.cooldown = Duration.ofMinutes(15);
            }
            case CROSS, PORTFOLIO -> {
                draft.triggerMode = TriggerMode.REARM;
                draft.rearmMargin = new BigDecimal("0.50");
            }
            case MOVE -> draft.triggerMode = TriggerMode.ONCE;
        }
        draft.expiresAt = NOW.plus(Duration.ofDays(30));
        draft.channels = Set.of(ChannelType.IN_APP, ChannelType.EMAIL, ChannelType.WEBHOOK);
        draft.revision = 7;
        return draft.build();
    }

    public static AlertRuleChanged ruleChanged(Condition condition) {
        return new AlertRuleChanged(UUID.fromString("00000000-0000-7000-8000-0000000000cc"), NOW, 1, rule(condition));
    }

    /** An alert fired by {@link #tick()}. */
    public static AlertTriggered alert() {
        PriceTick tick = tick();
        AlertRule rule = rule(Condition.CROSSES_UP);
        return new AlertTriggered(
                UUID.fromString("00000000-0000-7000-8000-0000000000dd"),
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
                "AAPL crossed above 200.00 (now 123.4500)");
    }

    public static Bar bar() {
        return new Bar(
                Instant.parse("2026-11-25T15:29:00Z"),
                Instant.parse("2026-11-25T15:30:00Z"),
                LocalDate.of(2026, 11, 25),
                new BigDecimal("200.10"),
                new BigDecimal("201.90"),
                new BigDecimal("199.950"),
                new BigDecimal("201.37"),
                12_500,
                42,
                new BigDecimal("200.8811904761904761904761904762"));
    }

    public static AnalyticsUpdated analytics(Duration interval) {
        return new AnalyticsUpdated(
                UUID.fromString("00000000-0000-7000-8000-0000000000ee"),
                NOW,
                1,
                Symbol.of("AAPL"),
                interval,
                bar(),
                new BigDecimal("200.51"),
                new BigDecimal("199.8700"),
                Signal.BULLISH,
                Signal.NEUTRAL,
                true,
                NOW,
                true);
    }

    public static UserRegistered userRegistered() {
        return new UserRegistered(
                UUID.fromString("00000000-0000-7000-8000-000000000101"),
                NOW,
                1,
                USER,
                "Ada Lovelace",
                "ada@example.com");
    }

    public static UserDeleted userDeleted() {
        return new UserDeleted(UUID.fromString("00000000-0000-7000-8000-000000000102"), NOW, 1, USER);
    }

    public static PortfolioChanged portfolioChanged() {
        return new PortfolioChanged(
                UUID.fromString("00000000-0000-7000-8000-000000000103"),
                NOW,
                1,
                USER,
                UUID.fromString("00000000-0000-7000-8000-000000000201"),
                List.of(
                        new Holding(Symbol.of("MSFT"), new BigDecimal("3.125"), new BigDecimal("410.2000")),
                        new Holding(Symbol.of("BRK.B"), new BigDecimal("10"), BigDecimal.ZERO)));
    }

    public static ChannelsChanged channelsChanged() {
        return new ChannelsChanged(
                UUID.fromString("00000000-0000-7000-8000-000000000104"),
                NOW,
                1,
                USER,
                List.of(
                        new ChannelTarget(
                                UUID.fromString("00000000-0000-7000-8000-000000000301"),
                                ChannelType.EMAIL,
                                "ada@example.com",
                                true),
                        new ChannelTarget(
                                UUID.fromString("00000000-0000-7000-8000-000000000302"),
                                ChannelType.WEBHOOK,
                                "https://example.com/hooks/alerts",
                                false)));
    }

    /** One of each user event. */
    public static List<UserEvent> userEvents() {
        return List.of(userRegistered(), userDeleted(), portfolioChanged(), channelsChanged());
    }
}
