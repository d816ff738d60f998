package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.common.rules.RuleReplay;

/**
 * The API's dry run replays recorded ticks through {@link RuleReplay}: on the same ticks it must fire exactly the
 * alerts the live engine fired, with the same alertIds and receipts (but for when they were evaluated). Each rule
 * watches a symbol of its own, so the history the engine keeps for the symbol is the rule's own window, as in a dry
 * run.
 */
class DryRunMatchesEngineTest {

    private static final Condition[] PRICE_CONDITIONS = {
        Condition.PRICE_ABOVE,
        Condition.PRICE_BELOW,
        Condition.CROSSES_UP,
        Condition.CROSSES_DOWN,
        Condition.MOVES_UP,
        Condition.MOVES_DOWN
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aDryRunOnTheTicksTheEngineSawFiresTheSameAlerts(long seed, @TempDir Path stateDir) {
        // Given random price rules, each on a symbol of its own, in the live engine
        Random random = new Random(seed);
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rules.add(randomRule(random, Symbol.of("DRY" + (char) ('A' + i))));
        }
        Map<UUID, List<AlertTriggered>> live = new LinkedHashMap<>();
        List<PriceTick> recorded = new ArrayList<>();
        try (EngineDriver engine = new EngineDriver(stateDir)) {
            rules.forEach(engine::rule);

            // When random ticks (some delivered twice) reach it
            Instant now = EngineDriver.START;
            for (int step = 0; step < 400; step++) {
                now = now.plusSeconds(1 + random.nextInt(90));
                PriceTick tick = randomTick(
                        random, rules.get(random.nextInt(rules.size())).symbol(), now);
                engine.tick(tick);
                recorded.add(tick);
                if (random.nextInt(10) == 0) {
                    engine.tick(tick);
                    recorded.add(tick);
                }
            }
            engine.alerts()
                    .forEach(alert -> live.computeIfAbsent(alert.ruleId(), id -> new ArrayList<>())
                            .add(alert));
        }

        // Then replaying each rule over its symbol's recorded ticks fires what the engine fired
        assertThat(live).as("the scenario fires something").isNotEmpty();
        for (AlertRule rule : rules) {
            RuleReplay replay = new RuleReplay(rule);
            List<AlertTriggered> dryRun = recorded.stream()
                    .filter(tick -> tick.symbol().equals(rule.symbol()))
                    .map(replay::evaluate)
                    .filter(Objects::nonNull)
                    .toList();
            List<AlertTriggered> fired = live.getOrDefault(rule.ruleId(), List.of());
            assertThat(dryRun)
                    .as("rule %s", rule)
                    .extracting(AlertTriggered::alertId)
                    .containsExactlyElementsOf(
                            fired.stream().map(AlertTriggered::alertId).toList());
            for (int i = 0; i < dryRun.size(); i++) {
                assertThat(dryRun.get(i).message()).isEqualTo(fired.get(i).message());
                assertThat(dryRun.get(i).receipt())
                        .usingRecursiveComparison()
                        .ignoringFields("evaluatedAt", "latencyMillis")
                        .isEqualTo(fired.get(i).receipt());
            }
        }
    }

    private static PriceTick randomTick(Random random, Symbol symbol, Instant at) {
        TickDraft tick = TickDraft.tick().at(at);
        tick.symbol = symbol;
        tick.price = BigDecimal.valueOf(180 + random.nextInt(41)).divide(BigDecimal.valueOf(2));
        tick.previousClose = random.nextInt(4) == 0 ? null : BigDecimal.valueOf(95 + random.nextInt(11));
        return tick.build();
    }

    private static AlertRule randomRule(Random random, Symbol symbol) {
        Condition condition = PRICE_CONDITIONS[random.nextInt(PRICE_CONDITIONS.length)];
        TriggerMode mode = TriggerMode.values()[random.nextInt(3)];
        boolean move = condition.kind() == Condition.Kind.MOVE;
        MoveReference reference = move ? MoveReference.values()[random.nextInt(2)] : null;
        RuleDraft draft = RuleDraft.level(condition, move ? null : String.valueOf(94 + random.nextInt(13)))
                .on(symbol)
                .percent(move ? String.valueOf(1 + random.nextInt(6)) : null)
                .reference(reference)
                .windowMinutes(reference == MoveReference.WINDOW ? 1 + random.nextInt(4) : null)
                .mode(mode)
                .session(MarketSession.values()[random.nextInt(MarketSession.values().length)])
                .snoozedUntil(random.nextInt(4) == 0 ? EngineDriver.START.plusSeconds(random.nextInt(7200)) : null);
        if (mode == TriggerMode.COOLDOWN) {
            draft.cooldown(Duration.ofSeconds(30 + random.nextInt(600)));
        }
        if (mode == TriggerMode.REARM) {
            draft.rearm(String.valueOf(random.nextInt(4)));
        }
        return draft.build();
    }
}
