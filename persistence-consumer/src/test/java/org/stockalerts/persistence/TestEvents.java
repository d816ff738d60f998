package org.stockalerts.persistence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Bar;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.id.AlertIds;

/** Events for the tests, observed now (so their partitions are within the stored window). */
public final class TestEvents {

    private TestEvents() {}

    /** A symbol no other test uses, so each test counts only its own rows. */
    public static Symbol uniqueSymbol() {
        return Symbol.of("T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    /** The {@code n}-th tick of {@code symbol}: price 100 + n/100, observed n milliseconds after {@code start}. */
    public static PriceTick tick(Symbol symbol, int n, Instant start) {
        Instant observed = start.plusMillis(n);
        return new PriceTick(
                UUID.randomUUID(),
                observed.plusMillis(3),
                PriceTick.CURRENT_VERSION,
                symbol,
                new BigDecimal("100.00").add(BigDecimal.valueOf(n, 2)),
                1_000L + n,
                new BigDecimal("99.50"),
                new BigDecimal("101.25"),
                new BigDecimal("98.75"),
                new BigDecimal("99.00"),
                TickSource.SIMULATED,
                observed);
    }

    /** Now, truncated to microseconds as PostgreSQL stores it. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static AlertTriggered alert(Symbol symbol, PriceTick tick) {
        UUID userId = UUID.randomUUID();
        AlertRule rule = new AlertRule(
                UUID.randomUUID(),
                userId,
                symbol,
                Condition.PRICE_ABOVE,
                new BigDecimal("100.00"),
                null,
                null,
                null,
                null,
                TriggerMode.ONCE,
                null,
                null,
                null,
                Set.of(ChannelType.IN_APP),
                RuleStatus.ACTIVE,
                1);
        return new AlertTriggered(
                UUID.randomUUID(),
                tick.observedAt().plusMillis(5),
                AlertTriggered.CURRENT_VERSION,
                AlertIds.of(rule.ruleId(), tick.eventId()),
                userId,
                rule,
                symbol,
                tick.eventId(),
                tick.price(),
                tick,
                tick.observedAt(),
                symbol + " rose above 100.00 (now " + tick.price() + ")");
    }

    public static AnalyticsUpdated barClosed(Symbol symbol, Instant windowStart) {
        Bar bar = new Bar(
                windowStart,
                windowStart.plus(Duration.ofMinutes(1)),
                LocalDate.ofInstant(windowStart, ZoneOffset.UTC),
                new BigDecimal("100.00"),
                new BigDecimal("101.50"),
                new BigDecimal("99.25"),
                new BigDecimal("101.00"),
                12_000,
                42,
                new BigDecimal("100.37"));
        return new AnalyticsUpdated(
                UUID.randomUUID(),
                windowStart.plus(Duration.ofMinutes(1)),
                AnalyticsUpdated.CURRENT_VERSION,
                symbol,
                Duration.ofMinutes(1),
                bar,
                new BigDecimal("100.80"),
                new BigDecimal("100.10"),
                Signal.BULLISH,
                Signal.NEUTRAL,
                true,
                windowStart.plus(Duration.ofMinutes(1)),
                false);
    }

    public static UserRegistered userRegistered() {
        return new UserRegistered(
                UUID.randomUUID(), now(), UserRegistered.CURRENT_VERSION, UUID.randomUUID(), "Ada", "ada@example.com");
    }
}
