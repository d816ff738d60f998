package org.stockalerts.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;

/**
 * Rules and ticks of the alert engine benchmarks. Prices walk on a 0.01 grid from 100 (a tick moves
 * one cent up or down with probability 0.1 each); half the rules are crosses with thresholds in
 * [90, 110] (COOLDOWN or REARM), half levels far from the walk (in [120, 150] above, [50, 80] below),
 * so that about one tick in a hundred fires a rule.
 */
final class BenchmarkWorkload {

    private static final Instant EVENT_START = BenchmarkTicks.START;

    private final Random random;
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<AlertRule> rules = new ArrayList<>();
    private final long[] cents;
    private long tickCount;

    BenchmarkWorkload(Random random, int ruleCount, int symbolCount) {
        this.random = random;
        for (int i = 0; i < symbolCount; i++) {
            symbols.add(Symbol.of("S" + i));
        }
        cents = new long[symbolCount];
        java.util.Arrays.fill(cents, 10_000);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(rule(symbols.get(i % symbolCount)));
        }
    }

    List<Symbol> symbols() {
        return symbols;
    }

    List<AlertRule> rules() {
        return rules;
    }

    /** The next tick, round robin over the symbols; {@code occurredAt} is the wall clock (for latency). */
    PriceTick nextTick(TickSource source, Instant now) {
        int symbol = (int) (tickCount % symbols.size());
        int step = random.nextInt(10);
        cents[symbol] += step == 0 ? -1 : step == 1 ? 1 : 0;
        Instant observedAt = EVENT_START.plusMillis(tickCount);
        tickCount++;
        return PriceTick.of(
                UUID.randomUUID(), now, symbols.get(symbol), BigDecimal.valueOf(cents[symbol], 2), source, observedAt);
    }

    private AlertRule rule(Symbol symbol) {
        boolean cross = random.nextBoolean();
        boolean up = random.nextBoolean();
        Condition condition = cross
                ? up ? Condition.CROSSES_UP : Condition.CROSSES_DOWN
                : up ? Condition.PRICE_ABOVE : Condition.PRICE_BELOW;
        long thresholdCents = cross
                ? 9_000 + random.nextInt(2_001)
                : up ? 12_000 + random.nextInt(3_001) : 5_000 + random.nextInt(3_001);
        TriggerMode mode = cross ? (random.nextBoolean() ? TriggerMode.COOLDOWN : TriggerMode.REARM) : TriggerMode.ONCE;
        return new AlertRule(
                UUID.randomUUID(),
                UUID.randomUUID(),
                symbol,
                condition,
                BigDecimal.valueOf(thresholdCents, 2),
                null,
                null,
                null,
                null,
                mode,
                mode == TriggerMode.COOLDOWN ? Duration.ofSeconds(1) : null,
                mode == TriggerMode.REARM ? BigDecimal.valueOf(5, 2) : null,
                null,
                null,
                RuleStatus.ACTIVE,
                1,
                MarketSession.ANY);
    }
}
