package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.springframework.util.FileSystemUtils;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;

/**
 * A symbol's feed goes blind and comes back, again and again, between random walks of ticks; the poller mostly reports
 * it blind, and each resumed report carries random prices from its gap and sometimes arrives twice, after the first
 * tick past the gap (which waits for it when the feed was reported blind), or only after the catch-up wait. Whatever
 * the order, the engine fires exactly what brute force ({@code RuleSemantics} rule by rule) fires on the ticks with
 * each gap's prices put between them, as this test lays them out by itself: a gap's price counts when it is later
 * than every price evaluated before it. The alerts of the gaps' prices, and only those, are marked catch-up.
 */
class CatchUpMatchesBruteForcePropertiesTest {

    private static final Symbol SYMBOL = Symbol.of("AAPL");

    /** What fired, as the oracle and the engine can both tell: the rule, the input's time, and whether a catch-up. */
    private record Fire(UUID ruleId, Instant at, boolean catchUp) {}

    @Property(tries = 10)
    void theEngineCatchesUpExactlyWhatBruteForceFiresOnTheGapsPrices(@ForAll long seed) throws IOException {
        // Given random level and cross rules on one symbol
        Random random = new Random(seed);
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rules.add(RuleDraft.randomLevel(random, SYMBOL.value()));
        }
        BruteForceEngine oracle = new BruteForceEngine();
        rules.forEach(oracle::upsert);
        List<Fire> expected = new ArrayList<>();
        Instant[] oracleLast = {null};

        Path stateDir = Files.createTempDirectory("catch-up-properties");
        try (EngineDriver engine = new EngineDriver(stateDir)) {
            rules.forEach(engine::rule);
            long seconds = 0;
            BigDecimal price = BigDecimal.valueOf(100);

            // When ticks of a random walk alternate with blind gaps whose prices come back in resumed reports
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    seconds += 1 + random.nextInt(20);
                    price = walk(random, price);
                    PriceTick tick = engine.tick(SYMBOL.value(), price.toPlainString(), seconds);
                    expect(oracle, tick, false, oracleLast, expected);
                }
                Instant lastTick = EngineDriver.START.plusSeconds(seconds);
                long gap = 60 + random.nextInt(600);
                List<FeedStatusChanged.PricePoint> points = new ArrayList<>();
                long at = seconds;
                BigDecimal gapPrice = price;
                for (int i = 0; i < random.nextInt(7); i++) {
                    at += 1 + random.nextInt((int) (gap / 8));
                    gapPrice = walk(random, gapPrice);
                    points.add(new FeedStatusChanged.PricePoint(gapPrice, EngineDriver.START.plusSeconds(at)));
                }
                long resumedSeconds = Math.max(seconds + gap, at + 1);
                FeedStatusChanged resumed = FeedStatusChanged.resumed(
                        UUID.randomUUID(),
                        EngineDriver.START.plusSeconds(resumedSeconds),
                        SYMBOL,
                        FeedStatusChanged.Problem.NO_TICKS,
                        TickSource.FINNHUB,
                        lastTick,
                        lastTick.plusSeconds(30),
                        EngineDriver.START.plusSeconds(resumedSeconds),
                        FeedStatusChanged.CatchUpSource.BARS,
                        points);
                // the poller reports the feed blind (not always: a report may be lost with a leader)
                if (random.nextInt(6) != 0) {
                    engine.feed(FeedStatusChanged.stale(
                            UUID.randomUUID(),
                            lastTick.plusSeconds(30),
                            SYMBOL,
                            FeedStatusChanged.Problem.NO_TICKS,
                            TickSource.FINNHUB,
                            lastTick,
                            lastTick.plusSeconds(30)));
                }
                boolean blind = engine.blindFeed(SYMBOL.value()) != null;
                int order = random.nextInt(6);
                seconds = resumedSeconds;
                price = walk(random, gapPrice);
                PriceTick first =
                        TickDraft.tick(SYMBOL.value(), price.toPlainString(), EngineDriver.START.plusSeconds(seconds));
                if (order == 0) {
                    // the first tick past the gap overtakes the report: a blind symbol's tick waits for it
                    engine.tick(first);
                    engine.feed(resumed);
                    if (blind) {
                        expectGap(oracle, resumed, oracleLast, expected);
                        expect(oracle, first, false, oracleLast, expected);
                    } else {
                        expect(oracle, first, false, oracleLast, expected);
                        expectGap(oracle, resumed, oracleLast, expected);
                    }
                } else if (order == 1) {
                    // the report does not come within the catch-up wait: the tick goes on without it
                    engine.tick(first);
                    engine.advanceWallClock(Duration.ofSeconds(6));
                    engine.feed(resumed);
                    expect(oracle, first, false, oracleLast, expected);
                    expectGap(oracle, resumed, oracleLast, expected);
                } else {
                    engine.feed(resumed);
                    expectGap(oracle, resumed, oracleLast, expected);
                    if (random.nextBoolean()) {
                        engine.feed(resumed);
                        expectGap(oracle, resumed, oracleLast, expected);
                    }
                    engine.tick(first);
                    expect(oracle, first, false, oracleLast, expected);
                }
                assertThat(engine.blindFeed(SYMBOL.value())).isNull();
            }

            // Then the engine fired what brute force fires, input by input in the same order (the rules one input
            // fires in any order), catch-ups marked as such
            List<Fire> fired = engine.alerts().stream()
                    .map(alert -> new Fire(
                            alert.ruleId(), alert.observedAt(), alert.receipt().catchUp()))
                    .toList();
            assertThat(fired).isSortedAccordingTo(Comparator.comparing(Fire::at));
            assertThat(sorted(fired)).isEqualTo(sorted(expected));
        } finally {
            FileSystemUtils.deleteRecursively(stateDir);
        }
    }

    private static List<Fire> sorted(List<Fire> fires) {
        return fires.stream()
                .sorted(Comparator.comparing(Fire::at).thenComparing(Fire::ruleId))
                .toList();
    }

    private static BigDecimal walk(Random random, BigDecimal price) {
        return price.add(BigDecimal.valueOf(random.nextInt(7) - 3))
                .max(BigDecimal.valueOf(88))
                .min(BigDecimal.valueOf(112));
    }

    /** The oracle's gap: each price later than everything evaluated so far, as a tick of its own. */
    private static void expectGap(
            BruteForceEngine oracle, FeedStatusChanged resumed, Instant[] last, List<Fire> expected) {
        for (FeedStatusChanged.PricePoint point : resumed.catchUp()) {
            PriceTick tick = PriceTick.of(
                    UUID.randomUUID(), resumed.occurredAt(), SYMBOL, point.price(), resumed.source(), point.at());
            expect(oracle, tick, true, last, expected);
        }
    }

    private static void expect(
            BruteForceEngine oracle, PriceTick tick, boolean catchUp, Instant[] last, List<Fire> expected) {
        if (last[0] != null && !tick.observedAt().isAfter(last[0])) {
            return;
        }
        last[0] = tick.observedAt();
        oracle.onTick(tick).forEach(ruleId -> expected.add(new Fire(ruleId, tick.observedAt(), catchUp)));
    }
}
