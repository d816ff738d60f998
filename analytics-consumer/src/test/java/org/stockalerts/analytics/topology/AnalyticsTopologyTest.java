package org.stockalerts.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Bar;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.testsupport.DeadLetterRecords;

class AnalyticsTopologyTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path stateDir;

    private AnalyticsDriver driver;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void keepingTheStateInMemoryPublishesTheSameBarsAndSignals(@TempDir Path otherStateDir) {
        // Given the topology with its RocksDB store, and the same with its store in memory (the fault
        // suite's oracle)
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        List<AnalyticsUpdated> persistent;
        List<AnalyticsUpdated> inMemory;
        try (AnalyticsDriver memory = AnalyticsDriver.inMemory(AnalyticsDriver.settings(MINUTE), otherStateDir)) {
            // When both get the same 30 minutes of ticks of three symbols, a random walk, a few of them late
            Random random = new Random(7);
            Instant at = Instant.parse("2026-03-02T14:30:00Z");
            double price = 100;
            for (int i = 0; i < 600; i++) {
                at = at.plusSeconds(3);
                price = Math.max(1, price + random.nextGaussian());
                String symbol = List.of("AAPL", "MSFT", "NVDA").get(i % 3);
                Instant observed = random.nextInt(50) == 0 ? at.minusSeconds(20) : at;
                PriceTick tick = TickDraft.tick(
                        symbol,
                        BigDecimal.valueOf(price)
                                .setScale(2, RoundingMode.HALF_UP)
                                .toPlainString(),
                        observed);
                driver.replay(tick);
                memory.replay(tick);
            }
            persistent = driver.published();
            inMemory = memory.published();
        }

        // Then they publish the same bars and signals, in the same order
        assertThat(persistent).hasSizeGreaterThan(60).anyMatch(AnalyticsUpdated::signalChanged);
        assertThat(inMemory.stream().map(AnalyticsTopologyTest::content).toList())
                .isEqualTo(
                        persistent.stream().map(AnalyticsTopologyTest::content).toList());
    }

    /** What an update says, without its own event id and time. */
    private static List<Object> content(AnalyticsUpdated update) {
        return Arrays.asList(
                update.symbol(),
                update.interval(),
                update.bar(),
                update.sma5(),
                update.sma20(),
                update.signal(),
                update.previousSignal(),
                update.signalChanged());
    }

    @Test
    void publishesAMinuteBarWhenEventTimeReachesItsEndWithVolumeFromCumulativeDayVolume() {
        // Given minute bars
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);

        // When ticks fill 14:30 and 14:31 (UTC) and the day's cumulative volume once goes backwards
        driver.tick("AAPL", "2026-03-02T14:30:05Z", "100.00", 1_000L);
        driver.tick("AAPL", "2026-03-02T14:30:20Z", "101.50", 1_500L);
        driver.tick("AAPL", "2026-03-02T14:30:59.999Z", "99.75", 2_100L);
        assertThat(driver.published())
                .as("nothing closes before the window's end")
                .isEmpty();
        driver.tick("AAPL", "2026-03-02T14:31:00Z", "100.25", 2_400L);
        List<AnalyticsUpdated> first = driver.published();
        driver.tick("AAPL", "2026-03-02T14:32:00Z", "100.10", 2_350L);
        driver.tick("AAPL", "2026-03-02T14:33:00Z", "100.20");
        List<AnalyticsUpdated> later = driver.published();

        // Then the 14:30 bar closes exactly at 14:31:00: OHLC, 3 ticks, mean 301.25 / 3 = 100.4167,
        // volume 2100 - 1000 (nothing seen earlier that day, so the first tick is the reference)
        assertThat(first).hasSize(1);
        AnalyticsUpdated closed = first.getFirst();
        assertThat(closed.interval()).isEqualTo(MINUTE);
        assertThat(closed.occurredAt()).isEqualTo(Instant.parse("2026-03-02T14:31:00Z"));
        assertThat(closed.amended()).isFalse();
        assertBar(closed.bar(), "2026-03-02T14:30:00Z", "2026-03-02T14:31:00Z", "100.00", "101.50", "99.75", "99.75");
        assertThat(closed.bar().tickCount()).isEqualTo(3);
        assertThat(closed.bar().average()).isEqualByComparingTo("100.4167");
        assertThat(closed.bar().volume()).isEqualTo(1_100);
        assertThat(closed.bar().tradingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(closed.signal()).isEqualTo(Signal.NEUTRAL);
        assertThat(closed.sma5()).isNull();
        // and the next bars take the previous bar's highest cumulative volume as reference,
        // 2400 - 2100 = 300, and never go negative when the cumulative volume steps back
        assertThat(later).extracting(update -> update.bar().volume()).containsExactly(300L, 0L);
    }

    @Test
    void aSymbolsTicksMakeOneBarWhateverKeysTheirProducersGaveThem() {
        // Given minute bars
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);

        // When ticks of one symbol arrive keyed by it, by a feed name and by nothing
        driver.tickKeyed("MSFT", "MSFT", "2026-03-02T14:30:05Z", "100.00", 1_000L);
        driver.tickKeyed("feed-7", "MSFT", "2026-03-02T14:30:20Z", "101.50", 1_500L);
        driver.tickKeyed(null, "MSFT", "2026-03-02T14:30:40Z", "99.75", 2_100L);
        driver.tickKeyed(null, "MSFT", "2026-03-02T14:31:00Z", "100.25", 2_400L);

        // Then they made one bar, keyed by the symbol, and the foreign and missing keys were routed
        Bar bar = assertThat(driver.published()).singleElement().actual().bar();
        assertBar(bar, "2026-03-02T14:30:00Z", "2026-03-02T14:31:00Z", "100.00", "101.50", "99.75", "99.75");
        assertThat(bar.tickCount()).isEqualTo(3);
        assertThat(driver.routedTicks()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void quietSymbolsBarClosesOnOtherSymbolsTicks() {
        // Given minute bars and a symbol that ticks once and falls silent
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        driver.tick("AAPL", "2026-03-02T14:30:10Z", "100.00");

        // When another symbol's ticks move event time past the end of the minute
        driver.tick("MSFT", "2026-03-02T14:30:20Z", "400.00");
        driver.tick("MSFT", "2026-03-02T14:31:05Z", "401.00");

        // Then the quiet symbol's bar closes too
        assertThat(driver.published())
                .extracting(
                        update -> update.symbol().value(),
                        update -> update.bar().windowStart())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MSFT", Instant.parse("2026-03-02T14:30:00Z")),
                        org.assertj.core.groups.Tuple.tuple("AAPL", Instant.parse("2026-03-02T14:30:00Z")));
    }

    @Test
    void dailyBarFollowsTheNewYorkTradingDayAcrossTheSpringForwardChange() {
        // Given daily bars on the New York exchange; on 2026-03-08 clocks go from EST (UTC-5) to EDT (UTC-4)
        driver = new AnalyticsDriver(AnalyticsDriver.settings(DAY), stateDir);

        // When ticks arrive on both sides of the two New York midnights
        driver.tick("AAPL", "2026-03-08T04:59:59Z", "10.00", 5_000L); // Mar 7 23:59:59 EST
        driver.tick("AAPL", "2026-03-08T05:00:00Z", "11.00", 200L); // Mar 8 00:00 EST
        driver.tick("AAPL", "2026-03-09T03:59:59Z", "12.00", 900L); // Mar 8 23:59:59 EDT
        driver.tick("AAPL", "2026-03-09T04:00:00Z", "13.00", 50L); // Mar 9 00:00 EDT

        // Then Mar 7 is a 24-hour bar and Mar 8 a 23-hour one; a day's bar volume is its highest cumulative volume
        List<AnalyticsUpdated> published = driver.published();
        assertThat(published).hasSize(2);
        Bar march7 = published.get(0).bar();
        assertThat(march7.tradingDate()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertBar(march7, "2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z", "10.00", "10.00", "10.00", "10.00");
        assertThat(march7.volume()).isEqualTo(5_000);
        Bar march8 = published.get(1).bar();
        assertThat(march8.tradingDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertBar(march8, "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", "11.00", "12.00", "11.00", "12.00");
        assertThat(march8.tickCount()).isEqualTo(2);
        assertThat(march8.average()).isEqualByComparingTo("11.50");
        assertThat(march8.volume()).isEqualTo(900);
    }

    @Test
    void computesSma5AndSma20OverMinuteClosesToTheCent() {
        // Given minute bars and twenty closes (one tick per minute)
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        List<String> closes = List.of(
                "100.10", "100.35", "99.80", "100.05", "100.70", "101.20", "100.95", "101.45", "101.10", "100.85",
                "101.60", "102.05", "101.75", "102.30", "102.10", "102.65", "102.40", "102.95", "103.10", "102.86");

        // When the twenty bars close
        pipeMinuteCloses("AAPL", closes);
        List<AnalyticsUpdated> published = driver.published();

        // Then SMA5 appears with the fifth bar: 501.00 / 5 = 100.20
        assertThat(published).hasSize(20);
        assertThat(published.get(3).sma5()).isNull();
        assertThat(published.get(4).sma5()).isEqualByComparingTo("100.20");
        assertThat(published.get(18).sma20()).isNull();
        // and after the twentieth: SMA5 = 513.96 / 5 = 102.792, SMA20 = 2030.31 / 20 = 101.5155
        AnalyticsUpdated twentieth = published.get(19);
        assertThat(twentieth.sma5()).isEqualByComparingTo("102.7920");
        assertThat(twentieth.sma20()).isEqualByComparingTo("101.5155");
        assertThat(twentieth.sma5().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("102.79");
        assertThat(twentieth.sma20().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("101.52");
        // SMA5 exceeds SMA20 by 1.2765, more than 1 % of 101.5155
        assertThat(twentieth.signal()).isEqualTo(Signal.BULLISH);
    }

    @Test
    void staysNeutralWhileFewerThanTwentyBarsHaveClosed() {
        // Given minute bars
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);

        // When nineteen steeply rising bars close
        List<String> closes = java.util.stream.IntStream.rangeClosed(1, 19)
                .mapToObj(i -> String.valueOf(100 + 10 * i))
                .toList();
        pipeMinuteCloses("AAPL", closes);

        // Then every one is NEUTRAL without SMA20 and no signal change is flagged
        assertThat(driver.published()).hasSize(19).allSatisfy(update -> {
            assertThat(update.signal()).isEqualTo(Signal.NEUTRAL);
            assertThat(update.sma20()).isNull();
            assertThat(update.signalChanged()).isFalse();
        });
    }

    @Test
    void signalFlipsOnlyWhenTheAveragesPartByMoreThanTheTolerance() {
        // Given minute bars, a 1 % tolerance, and twenty flat closes at 100
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        List<String> closes = new java.util.ArrayList<>(java.util.Collections.nCopies(20, "100"));

        // When four more bars close at 102, 106, 90 and 80
        closes.addAll(List.of("102", "106", "90", "80"));
        pipeMinuteCloses("AAPL", closes);
        List<AnalyticsUpdated> published = driver.published();

        // Then: bar 20  SMA5 100,   SMA20 100     -> NEUTRAL
        //       bar 21  SMA5 100.4, SMA20 100.1   -> +0.3 within 1.001   -> NEUTRAL
        //       bar 22  SMA5 101.6, SMA20 100.4   -> +1.2 beyond 1.004   -> BULLISH (changed)
        //       bar 23  SMA5 99.6,  SMA20 99.9    -> -0.3 within 0.999   -> NEUTRAL (changed)
        //       bar 24  SMA5 95.6,  SMA20 98.9    -> -3.3 beyond 0.989   -> BEARISH (changed)
        List<AnalyticsUpdated> last = published.subList(19, 24);
        assertThat(last)
                .extracting(AnalyticsUpdated::sma5)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("100"), dec("100.4"), dec("101.6"), dec("99.6"), dec("95.6"));
        assertThat(last)
                .extracting(AnalyticsUpdated::sma20)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("100"), dec("100.1"), dec("100.4"), dec("99.9"), dec("98.9"));
        assertThat(last)
                .extracting(AnalyticsUpdated::signal)
                .containsExactly(Signal.NEUTRAL, Signal.NEUTRAL, Signal.BULLISH, Signal.NEUTRAL, Signal.BEARISH);
        assertThat(last).extracting(AnalyticsUpdated::signalChanged).containsExactly(false, false, true, true, true);
        assertThat(last)
                .extracting(AnalyticsUpdated::previousSignal)
                .containsExactly(Signal.NEUTRAL, Signal.NEUTRAL, Signal.NEUTRAL, Signal.BULLISH, Signal.NEUTRAL);
        // and the signal's start is the event time its bar closed
        assertThat(last.get(2).signalChangedAt()).isEqualTo(last.get(2).bar().windowEnd());
        assertThat(last.get(4).signalChangedAt()).isEqualTo(last.get(4).bar().windowEnd());
    }

    @Test
    void lateTickWithinGraceAmendsThePublishedBarAndALaterOneIsCountedAndDropped() {
        // Given minute bars with 30 s grace and a published 14:30 bar
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        driver.tick("AAPL", "2026-03-02T14:30:10Z", "100.00");
        driver.tick("AAPL", "2026-03-02T14:31:05Z", "101.00");
        AnalyticsUpdated closed = driver.published().getFirst();

        // When a tick of 14:30:50 arrives at event time 14:31:05 (within 14:31:00 + 30 s)
        driver.tick("AAPL", "2026-03-02T14:30:50Z", "105.00");
        List<AnalyticsUpdated> amendments = driver.published();

        // Then the bar is published again, amended, under a new event id
        assertThat(amendments).hasSize(1);
        AnalyticsUpdated amended = amendments.getFirst();
        assertThat(amended.amended()).isTrue();
        assertThat(amended.eventId()).isNotEqualTo(closed.eventId());
        assertBar(
                amended.bar(), "2026-03-02T14:30:00Z", "2026-03-02T14:31:00Z", "100.00", "105.00", "100.00", "105.00");
        assertThat(amended.bar().tickCount()).isEqualTo(2);

        // When event time passes 14:31:30 and a tick of 14:30:55 arrives
        driver.tick("AAPL", "2026-03-02T14:31:40Z", "102.00");
        driver.tick("AAPL", "2026-03-02T14:30:55Z", "999.00");

        // Then it is counted and dropped, and the stream goes on: the 14:31 bar holds only its own two ticks
        assertThat(driver.published()).isEmpty();
        assertThat(driver.droppedLateTicks(MINUTE)).isEqualTo(1.0);
        driver.tick("AAPL", "2026-03-02T14:32:01Z", "103.00");
        AnalyticsUpdated next = assertThat(driver.published()).singleElement().actual();
        assertBar(next.bar(), "2026-03-02T14:31:00Z", "2026-03-02T14:32:00Z", "101.00", "102.00", "101.00", "102.00");
        assertThat(next.amended()).isFalse();
    }

    @Test
    void malformedTicksGoToTheDeadLetterTopicAndTheTopologyContinues() {
        // Given minute bars
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        driver.tick("AAPL", "2026-03-02T14:30:10Z", "100.00");

        // When a record that is not JSON and a tick with a negative price arrive between good ticks
        driver.raw("AAPL", "not json".getBytes(StandardCharsets.UTF_8));
        driver.raw("AAPL", """
                {"eventId":"0190a7c2-0000-7000-8000-000000000001","occurredAt":"2026-03-02T14:30:20Z","version":1,
                 "symbol":"AAPL","price":-5,"source":"simulated","observedAt":"2026-03-02T14:30:20Z"}""".getBytes(StandardCharsets.UTF_8));
        driver.tick("AAPL", "2026-03-02T14:31:00Z", "101.00");

        // Then both are dead-lettered as they arrived, with a reason
        var dead = driver.deadLettered();
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(new String(
                        dead.get(1)
                                .headers()
                                .lastHeader(DeadLetters.REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("'price' must be positive");
        // and the good ticks still make their bar
        List<AnalyticsUpdated> published = driver.published();
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().bar().tickCount()).isEqualTo(1);
    }

    @Test
    void ticksDatedOutsideTheTickTimeBoundAreDeadLetteredBeforeTheyMoveEventTime() {
        // Given minute bars and the service's clock at a first tick of 14:30:10
        driver = new AnalyticsDriver(AnalyticsDriver.settings(MINUTE), stateDir);
        driver.tick("AAPL", "2026-03-02T14:30:10Z", "100.00");
        Instant now = Instant.parse("2026-03-02T14:30:10Z");

        // When ticks dated an hour and a week ahead and a year back arrive, then ticks of the minute
        List<PriceTick> refused = List.of(
                TickDraft.tick("AAPL", "500.00", now.plus(Duration.ofHours(1))),
                TickDraft.tick("AAPL", "600.00", now.plus(Duration.ofDays(7))),
                TickDraft.tick("AAPL", "5.00", now.minus(Duration.ofDays(365))));
        refused.forEach(driver::tickAsIs);
        driver.tick("AAPL", "2026-03-02T14:30:40Z", "102.00");
        driver.tick("AAPL", "2026-03-02T14:31:05Z", "101.00");

        // Then the refused ticks are dead-lettered with the reason
        var dead = driver.deadLettered();
        assertThat(dead).hasSize(3);
        for (int i = 0; i < refused.size(); i++) {
            assertThat(DeadLetterRecords.header(dead.get(i).headers(), DeadLetters.REASON_HEADER))
                    .startsWith("malformed record on stock-prices")
                    .contains(refused.get(i).eventId().toString());
        }
        // and event time did not jump: the 14:30 bar closes on time with both of its ticks, none late
        AnalyticsUpdated bar = assertThat(driver.published()).singleElement().actual();
        assertBar(bar.bar(), "2026-03-02T14:30:00Z", "2026-03-02T14:31:00Z", "100.00", "102.00", "100.00", "102.00");
        assertThat(bar.bar().tickCount()).isEqualTo(2);
        assertThat(driver.droppedLateTicks(MINUTE)).isZero();
    }

    private void pipeMinuteCloses(String symbol, List<String> closes) {
        Instant start = Instant.parse("2026-03-02T14:30:00Z");
        for (int i = 0; i < closes.size(); i++) {
            driver.tick(
                    symbol, start.plus(MINUTE.multipliedBy(i)).plusSeconds(30).toString(), closes.get(i));
        }
        driver.tick(symbol, start.plus(MINUTE.multipliedBy(closes.size())).toString(), closes.getLast());
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static void assertBar(
            Bar bar, String start, String end, String open, String high, String low, String close) {
        assertThat(bar.windowStart()).isEqualTo(Instant.parse(start));
        assertThat(bar.windowEnd()).isEqualTo(Instant.parse(end));
        assertThat(bar.open()).isEqualByComparingTo(open);
        assertThat(bar.high()).isEqualByComparingTo(high);
        assertThat(bar.low()).isEqualByComparingTo(low);
        assertThat(bar.close()).isEqualByComparingTo(close);
    }
}
