package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.Poison;
import org.stockalerts.common.fixtures.PoisonCatalogue;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.rules.CatchUp;
import org.stockalerts.common.rules.SymbolState;

/** The engine and the market-data poller's feed reports: blind feeds kept for "why not", resumed ones caught up. */
class BlindFeedTopologyTest {

    private static final Symbol AAPL = Symbol.of("AAPL");

    @TempDir
    Path stateDir;

    private EngineDriver engine;

    @BeforeEach
    void start() {
        engine = new EngineDriver(stateDir);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aResumedFeedFiresWhatItsGapHidMarkedCatchUpThenGoesOnFromTheGapsLastPrice() {
        // Given a re-arming cross above 100 (margin 1), and AAPL at 99 when its feed went blind
        AlertRule rule = engine.rule(RuleDraft.level(Condition.CROSSES_UP, "100")
                .on("AAPL")
                .mode(TriggerMode.REARM)
                .rearm("1")
                .build());
        PriceTick before = engine.tick("AAPL", "99", 1);
        FeedStatusChanged stale = engine.feed(stale(before.observedAt(), 400));
        assertThat(engine.blindFeed("AAPL")).isEqualTo(stale);

        // When the feed comes back with the gap's high (101) and low (98), then ticks 99.5 and 100.5
        FeedStatusChanged resumed =
                engine.feed(resumed(before.observedAt(), 1200, point("101", 600), point("98", 900)));
        PriceTick after = engine.tick("AAPL", "99.5", 1200);
        PriceTick again = engine.tick("AAPL", "100.5", 1201);

        // Then the gap's high fired the cross, marked catch-up, at the time it traded, against the price before it
        List<AlertTriggered> alerts = engine.alerts();
        assertThat(alerts).hasSize(2);
        AlertTriggered caughtUp = alerts.get(0);
        assertThat(caughtUp.receipt().catchUp()).isTrue();
        assertThat(caughtUp.observedAt()).isEqualTo(at(600));
        assertThat(caughtUp.observedValue()).isEqualByComparingTo("101");
        assertThat(caughtUp.receipt().previousValue()).isEqualByComparingTo("99");
        assertThat(caughtUp.receipt().source()).isEqualTo(TickSource.FINNHUB);
        assertThat(caughtUp.message()).startsWith("Catch-up after a blind feed: AAPL crossed up through 100");
        // and the gap's low re-armed it, so the cross after the gap fired again, as a live alert
        assertThat(alerts.get(1).receipt().catchUp()).isFalse();
        assertThat(alerts.get(1).sourceEventId()).isEqualTo(again.eventId());
        // and the feed is no longer blind
        assertThat(engine.blindFeed("AAPL")).isNull();

        // And exactly what brute force fires on the ticks with the gap's prices between them
        BruteForceEngine reference = new BruteForceEngine();
        reference.upsert(rule);
        List<PriceTick> sequence = new ArrayList<>(List.of(before));
        sequence.addAll(CatchUp.ticks(resumed, SymbolState.EMPTY.after(before, 0)));
        sequence.addAll(List.of(after, again));
        assertThat(alerts).extracting(AlertTriggered::alertId).containsExactlyElementsOf(reference.alertIds(sequence));
        assertThat(engine.count(BlindFeeds.CATCH_UP_PRICES, "outcome", "evaluated"))
                .isEqualTo(2);
    }

    @Test
    void aRedeliveredResumeFiresNothingTwice() {
        engine.rule(RuleDraft.level(Condition.PRICE_ABOVE, "100")
                .on("AAPL")
                .mode(TriggerMode.REARM)
                .rearm("0")
                .build());
        PriceTick before = engine.tick("AAPL", "99", 1);
        FeedStatusChanged resumed = resumed(before.observedAt(), 1200, point("101", 600), point("98", 900));

        engine.feed(resumed);
        assertThat(engine.alerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.receipt().catchUp()).isTrue());

        // When the same report arrives again
        engine.feed(resumed);

        // Then its prices are not newer than the symbol's last one: nothing fires, and they count as late
        assertThat(engine.alerts()).isEmpty();
        assertThat(engine.count(BlindFeeds.CATCH_UP_PRICES, "outcome", "late")).isEqualTo(2);
    }

    @Test
    void aResumeReadAfterATickPastTheGapIsLateAndFiresNothing() {
        engine.rule(RuleDraft.level(Condition.PRICE_ABOVE, "100").on("AAPL").build());
        PriceTick before = engine.tick("AAPL", "99", 1);
        engine.tick("AAPL", "99.5", 1200);

        engine.feed(resumed(before.observedAt(), 1200, point("101", 600)));

        assertThat(engine.alerts()).isEmpty();
        assertThat(engine.count(BlindFeeds.CATCH_UP_PRICES, "outcome", "late")).isEqualTo(1);
        assertThat(engine.count(BlindFeeds.REPORTS, "status", "RESUMED")).isEqualTo(1);
    }

    @Test
    void aTickOlderThanTheBlindReportIsEvaluatedAtOnceANewerOneWaitsForTheResumedReport() {
        // Given the poller's report that AAPL went blind after its tick at +10 s
        engine.rule(RuleDraft.level(Condition.PRICE_ABOVE, "99.1").on("AAPL").build());
        engine.tick("AAPL", "99", 1);
        engine.feed(stale(at(10), 400));

        // When a tick from before that arrives (another producer's, late), Then it is evaluated at once
        engine.tick("AAPL", "99.2", 5);
        assertThat(engine.alerts()).hasSize(1);
        assertThat(engine.blindFeed("AAPL")).isNotNull();

        // When a tick observed after it arrives, Then it waits: the feed is back, and its report comes first
        engine.tick("AAPL", "99.4", 20);
        assertThat(engine.alerts()).isEmpty();
        assertThat(engine.blindFeed("AAPL")).isNotNull();
    }

    @Test
    void ticksAfterTheGapThatArriveBeforeTheResumedReportWaitSoTheCatchUpComesFirst() {
        // Given a re-arming cross above 100 (margin 1), AAPL at 99 when its feed went blind
        engine.rule(RuleDraft.level(Condition.CROSSES_UP, "100")
                .on("AAPL")
                .mode(TriggerMode.REARM)
                .rearm("1")
                .build());
        PriceTick before = engine.tick("AAPL", "99", 1);
        engine.feed(stale(before.observedAt(), 400));

        // When the first ticks after the gap (100.5, then 100.7) are read before the report that it resumed
        PriceTick first = engine.tick("AAPL", "100.5", 1200);
        engine.tick("AAPL", "100.7", 1201);
        assertThat(engine.alerts()).isEmpty();
        engine.feed(resumed(before.observedAt(), 1200, point("101", 600), point("98", 900)));

        // Then the gap's high fired first, marked catch-up; its low re-armed the rule, and the tick at 100.5 fired it
        // again, live, as it would have had the report been read first
        List<AlertTriggered> alerts = engine.alerts();
        assertThat(alerts).extracting(alert -> alert.receipt().catchUp()).containsExactly(true, false);
        assertThat(alerts.get(1).sourceEventId()).isEqualTo(first.eventId());
        assertThat(engine.count(BlindFeeds.CATCH_UP_PRICES, "outcome", "late")).isZero();
        assertThat(engine.count(BlindFeeds.HELD_TICKS, "released", "report")).isEqualTo(2);
        assertThat(engine.blindFeed("AAPL")).isNull();
    }

    @Test
    void ticksThatWaitedInVainAreEvaluatedWithoutACatchUpAndTheFeedIsNoLongerBlind() {
        // Given AAPL reported blind, and a tick after the gap waiting for a resumed report
        engine.rule(RuleDraft.level(Condition.PRICE_ABOVE, "100").on("AAPL").build());
        PriceTick before = engine.tick("AAPL", "99", 1);
        engine.feed(stale(before.observedAt(), 400));
        engine.tick("AAPL", "101", 1200);
        engine.advanceWallClock(Duration.ofSeconds(4));
        assertThat(engine.alerts()).isEmpty();

        // When no report comes within the catch-up wait (5 s)
        engine.advanceWallClock(Duration.ofSeconds(2));

        // Then the tick is evaluated, live, and the feed is no longer blind
        assertThat(engine.alerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.receipt().catchUp()).isFalse());
        assertThat(engine.blindFeed("AAPL")).isNull();
        assertThat(engine.count(BlindFeeds.HELD_TICKS, "released", "wait")).isEqualTo(1);

        // and a report that comes later finds its prices older than that tick: nothing more fires
        engine.feed(resumed(before.observedAt(), 1200, point("102", 600)));
        assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void anOlderBlindReportDoesNotReplaceANewerOne() {
        FeedStatusChanged newer = engine.feed(stale(at(10), 900));
        engine.feed(stale(at(10), 400));

        assertThat(engine.blindFeed("AAPL")).isEqualTo(newer);
        assertThat(engine.count(BlindFeeds.REPORTS, "status", "STALE")).isEqualTo(2);
    }

    @Test
    void aHolderIsNotRepricedWithTheGapsPricesOnlyWithTheTicksAfterIt() {
        // Given a portfolio rule above 1000 on 10 AAPL at 99 (worth 990)
        engine.rule(RuleDraft.level(Condition.PORTFOLIO_VALUE_ABOVE, "1000").build());
        engine.portfolio(RuleDraft.USER, UUID.randomUUID(), new Holding(AAPL, BigDecimal.TEN, null));
        PriceTick before = engine.tick("AAPL", "99", 1);

        // When the gap hid 101 (worth 1010) and the feed resumes at 99.5
        engine.feed(resumed(before.observedAt(), 1200, point("101", 600)));
        engine.tick("AAPL", "99.5", 1200);

        // Then the portfolio never was worth 1010 as far as its rule knows: the gap's price is not its price now
        assertThat(engine.alerts()).isEmpty();
    }

    @Test
    void aMalformedReportIsDeadLetteredAndTheNextOneRead() {
        // Given every malformed record the catalogue has for feed-status that reaches a consumer
        List<Poison> poisons = PoisonCatalogue.deadLettered(PoisonCatalogue.of(Topics.FEED_STATUS, "engine"));

        // When they arrive, then a valid report
        poisons.forEach(poison -> engine.rawFeed("AAPL", poison.value()));
        FeedStatusChanged stale = engine.feed(stale(at(10), 400));

        // Then each went to feed-status.DLT, as it was, and the valid report was read
        assertThat(engine.deadFeeds()).hasSize(poisons.size());
        assertThat(engine.blindFeed("AAPL")).isEqualTo(stale);
    }

    private static Instant at(long seconds) {
        return EngineDriver.START.plusSeconds(seconds);
    }

    private static FeedStatusChanged.PricePoint point(String price, long seconds) {
        return new FeedStatusChanged.PricePoint(new BigDecimal(price), at(seconds));
    }

    private static FeedStatusChanged stale(Instant lastTickAt, long sinceSeconds) {
        return FeedStatusChanged.stale(
                UUID.randomUUID(),
                at(sinceSeconds),
                AAPL,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                lastTickAt,
                at(sinceSeconds));
    }

    private static FeedStatusChanged resumed(
            Instant lastTickAt, long resumedSeconds, FeedStatusChanged.PricePoint... points) {
        return FeedStatusChanged.resumed(
                UUID.randomUUID(),
                at(resumedSeconds),
                AAPL,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                lastTickAt,
                lastTickAt.plusSeconds(300),
                at(resumedSeconds),
                FeedStatusChanged.CatchUpSource.BARS,
                List.of(points));
    }
}
