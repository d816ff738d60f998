package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.common.rules.PriceContext;
import org.stockalerts.common.rules.RuleSemantics;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.rules.SymbolState;

/**
 * The indexed engine of a symbol ({@link SymbolRules}) fires exactly what evaluating every rule one
 * by one with {@link RuleSemantics} fires, for random rules, rule changes and tick and signal
 * sequences. Prices sit on a coarse grid so that equality with levels happens often.
 */
class IndexedEngineMatchesBruteForcePropertiesTest {

    private static final Symbol SYMBOL = Symbol.of("AAPL");
    /**
     * Where a scenario starts, in New York time on a Monday: 10:00 (the regular session), 15:00 (its close falls in
     * the scenario) and 19:00 (the extended session's close does), so rules limited to a session meet ticks on both
     * sides of its edges.
     */
    private static final Instant[] STARTS = {
        Instant.parse("2026-01-05T15:00:00Z"),
        Instant.parse("2026-01-05T20:00:00Z"),
        Instant.parse("2026-01-06T00:00:00Z")
    };

    private static final Condition[] CONDITIONS = {
        Condition.PRICE_ABOVE,
        Condition.PRICE_BELOW,
        Condition.CROSSES_UP,
        Condition.CROSSES_DOWN,
        Condition.MOVES_UP,
        Condition.MOVES_DOWN,
        Condition.SIGNAL_TURNS
    };

    @Property(tries = 300)
    void indexedEngineFiresExactlyWhatBruteForceFires(@ForAll long seed) {
        compareOn(seed, fired -> fired);
    }

    /** The comparison catches an index that loses fires: one that never reports a crossing upwards. */
    @Example
    void wouldFailOnAnIndexThatLosesTheFiresOfOneCondition() {
        // Given an "index" that drops every CROSSES_UP rule it fires
        UnaryOperator<List<SymbolRules.Fired>> broken = fired -> fired.stream()
                .filter(one -> one.rule().rule().condition() != Condition.CROSSES_UP)
                .toList();

        // When the property's comparison runs on it, Then some of the first seeds find the difference
        long caught = LongStream.range(0, 50)
                .filter(seed -> {
                    try {
                        compareOn(seed, broken);
                        return false;
                    } catch (AssertionError difference) {
                        return true;
                    }
                })
                .count();
        assertThat(caught).isPositive();
    }

    /** Runs one random scenario through the index, its fires passed through {@code indexFires}, and brute force. */
    private static void compareOn(long seed, UnaryOperator<List<SymbolRules.Fired>> indexFires) {
        // Given random rules on one symbol, in the index and in a brute-force list
        Random random = new Random(seed);
        Instant start = STARTS[random.nextInt(STARTS.length)];
        SymbolRules index = new SymbolRules();
        BruteForceEngine bruteForce = new BruteForceEngine();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(40); i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            upsert(index, bruteForce, randomRule(random, id, 1, start));
        }
        SymbolState state = SymbolState.EMPTY;
        Instant now = start;

        // When random ticks, signal turns and rule changes arrive
        for (int step = 0; step < 150; step++) {
            now = now.plusSeconds(1 + random.nextInt(90));
            int kind = random.nextInt(20);
            if (kind == 0) {
                UUID id = ids.get(random.nextInt(ids.size()));
                StoredRule existing = bruteForce.get(SYMBOL, id);
                long revision = existing == null ? 1 : existing.rule().revision() + 1;
                upsert(index, bruteForce, randomRule(random, id, revision, start));
            } else if (kind == 1) {
                UUID id = ids.get(random.nextInt(ids.size()));
                index.remove(id);
                bruteForce.remove(SYMBOL, id);
            } else if (kind == 2) {
                Signal signal = Signal.values()[random.nextInt(3)];
                UUID eventId = UUID.randomUUID();
                Set<UUID> expected = bruteForce.onSignal(SYMBOL, signal, now, eventId);
                Set<UUID> actual = firedIds(
                        indexFires.apply(index.onSignal(signal, now, eventId).fired()));

                // Then both fire the same rules
                assertThat(actual).as("signal %s at step %d", signal, step).isEqualTo(expected);
            } else {
                PriceTick tick = randomTick(random, now);
                PriceContext context = new PriceContext(tick, state);
                Set<UUID> expected = bruteForce.onTick(context);
                Set<UUID> actual =
                        firedIds(indexFires.apply(index.onTick(context).fired()));

                // Then both fire the same rules
                assertThat(actual).as("tick %s at step %d", tick.price(), step).isEqualTo(expected);
                assertThat(index.historyMinutes()).isEqualTo(bruteForce.historyMinutes(SYMBOL));
                state = state.after(tick, index.historyMinutes());
            }
        }
    }

    private static void upsert(SymbolRules index, BruteForceEngine bruteForce, AlertRule rule) {
        bruteForce.upsert(rule);
        index.put(bruteForce.get(SYMBOL, rule.ruleId()));
    }

    private static Set<UUID> firedIds(List<SymbolRules.Fired> fired) {
        Set<UUID> ids = new HashSet<>();
        fired.forEach(one -> ids.add(one.rule().ruleId()));
        return ids;
    }

    private static PriceTick randomTick(Random random, Instant at) {
        BigDecimal price = BigDecimal.valueOf(180 + random.nextInt(41)).divide(BigDecimal.valueOf(2));
        BigDecimal previousClose = random.nextInt(4) == 0 ? null : BigDecimal.valueOf(95 + random.nextInt(11));
        TickDraft tick = TickDraft.tick().at(at);
        tick.symbol = SYMBOL;
        tick.price = price;
        tick.previousClose = previousClose;
        return tick.build();
    }

    private static AlertRule randomRule(Random random, UUID id, long revision, Instant start) {
        Condition condition = CONDITIONS[random.nextInt(CONDITIONS.length)];
        TriggerMode mode = TriggerMode.values()[random.nextInt(3)];
        boolean move = condition.kind() == Condition.Kind.MOVE;
        MoveReference reference = move ? MoveReference.values()[random.nextInt(2)] : null;
        RuleDraft draft = RuleDraft.level(
                        condition, condition.needsThreshold() ? String.valueOf(90 + random.nextInt(21)) : null)
                .id(id)
                .on(SYMBOL)
                .percent(move ? String.valueOf(1 + random.nextInt(8)) : null)
                .reference(reference)
                .windowMinutes(reference == MoveReference.WINDOW ? 1 + random.nextInt(4) : null)
                .signalOf(condition == Condition.SIGNAL_TURNS ? Signal.values()[random.nextInt(3)] : null)
                .mode(mode);
        if (mode == TriggerMode.COOLDOWN) {
            draft.cooldown(Duration.ofSeconds(30 + random.nextInt(600)));
        }
        if (mode == TriggerMode.REARM) {
            draft.rearm(String.valueOf(random.nextInt(6)));
        }
        return draft.expiresAt(random.nextInt(5) == 0 ? start.plusSeconds(random.nextInt(7200)) : null)
                .session(MarketSession.values()[random.nextInt(MarketSession.values().length)])
                .snoozedUntil(random.nextInt(4) == 0 ? start.plusSeconds(random.nextInt(7200)) : null)
                .channels(null)
                .status(random.nextInt(8) == 0 ? RuleStatus.PAUSED : RuleStatus.ACTIVE)
                .revision(revision)
                .build();
    }
}
