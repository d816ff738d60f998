package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.TicksBySymbol;

/**
 * Ticks as producers other than ours write them: on any partition, keyed by their symbol, by
 * something else or by nothing (see {@link TestSymbols} for how the driver places them).
 */
class TicksFromAnyProducerTest extends EngineTopologyTest {

    private static final String ROUTE = AlertEngineTopology.TICKS_BY_SYMBOL;

    @Test
    void aTickOnAnotherPartitionThanItsSymbolsFiresItsRulesOnceWhateverItsKey() {
        // Given a price-above-100 rule on each of three symbols of other partitions than 0
        List<Symbol> away = TestSymbols.onPartitionZero("AWAY", false, 3);
        List<AlertRule> rules = away.stream()
                .map(symbol -> engine.rule(
                        level(Condition.PRICE_ABOVE, "100").on(symbol.value()).build()))
                .toList();

        // When a tick at 150 of each arrives on partition 0: keyed by its symbol, by a feed name, and by nothing
        engine.tick(tick(away.get(0), "150", 1), away.get(0).value());
        engine.tick(tick(away.get(1), "150", 1), "feed-7");
        engine.tick(tick(away.get(2), "150", 1), null);

        // Then each rule fired exactly once, keyed by its user, and the three ticks were re-routed
        assertThat(engine.alerts())
                .extracting(AlertTriggered::ruleId)
                .containsExactlyInAnyOrderElementsOf(
                        rules.stream().map(AlertRule::ruleId).toList());
        assertRoutes(3, 0);
    }

    @Test
    void aTickOnItsSymbolsPartitionWithAnotherKeyOrNoneFiresWithoutBeingRerouted() {
        // Given a cooldown-free re-arming rule above 100 on a symbol of partition 0
        Symbol home = TestSymbols.onPartitionZero("HOME", true, 1).getFirst();
        engine.rule(
                level(Condition.PRICE_ABOVE, "100").on(home.value()).rearm("1").build());

        // When its ticks arrive keyed by a feed name and by nothing, leaving and re-entering the zone
        PriceTick first = engine.tick(tick(home, "150", 1), "feed-7");
        engine.tick(tick(home, "98", 2), null);
        PriceTick second = engine.tick(tick(home, "150", 3), null);

        // Then it fired on both entries, and the ticks were re-keyed in place
        assertThat(engine.firingTicks()).containsExactly(first.eventId(), second.eventId());
        assertRoutes(0, 3);
    }

    @Test
    void aLaggingSecondProducersOlderTickIsCountedNotEvaluatedAndItsNewerOneIs() {
        // Given a cross-up-100 rule, and a live feed keyed by symbol that saw 99 then 101
        Symbol symbol = TestSymbols.onPartitionZero("TWO", false, 1).getFirst();
        engine.rule(
                level(Condition.CROSSES_UP, "100").on(symbol.value()).rearm("0").build());
        engine.tick(tick(symbol, "99", 10), symbol.value());
        PriceTick live = engine.tick(tick(symbol, "101", 20), symbol.value());

        // When a keyless replay delivers a tick observed between them, then one observed after both
        engine.tick(tick(symbol, "95", 15), null);
        engine.tick(tick(symbol, "101.5", 25), null);

        // Then the older tick was counted, not evaluated (it would have re-armed the rule, and 101.5
        // would have crossed again), and the newer one was evaluated after the live 101
        assertThat(engine.firingTicks()).containsExactly(live.eventId());
        assertThat(engine.count(StaleTicks.METRIC, "reason", "older")).isEqualTo(1);
        assertRoutes(4, 0);
    }

    private void assertRoutes(int rerouted, int rekeyed) {
        assertThat(engine.count(TicksBySymbol.REROUTED_METRIC, "route", ROUTE)).isEqualTo(rerouted);
        assertThat(engine.count(TicksBySymbol.REKEYED_METRIC, "route", ROUTE)).isEqualTo(rekeyed);
    }

    private static PriceTick tick(Symbol symbol, String price, long seconds) {
        Instant at = EngineDriver.START.plusSeconds(seconds);
        return PriceTick.of(UUID.randomUUID(), at, symbol, new BigDecimal(price), TickSource.SIMULATED, at);
    }
}
