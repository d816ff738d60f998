package org.stockalerts.api.marketdata.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.testsupport.MutableClock;

class SimulatedMarketTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant OPEN = Instant.parse("2026-03-02T14:30:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");

    @Test
    void sameSeedGivesExactlyTheSameQuotes() {
        // Given two markets with the same seed and one with another
        List<Quote> first = run(new SimulatedMarket(42, 0.08, 0.3, NEW_YORK));
        List<Quote> second = run(new SimulatedMarket(42, 0.08, 0.3, NEW_YORK));
        List<Quote> other = run(new SimulatedMarket(43, 0.08, 0.3, NEW_YORK));

        // Then the same seed repeats every quote, another seed does not
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void symbolsWalkIndependentlyOfWhichOtherSymbolsAreSimulated() {
        // Given one market simulating AAPL alone and one interleaving AAPL with MSFT
        SimulatedMarket alone = new SimulatedMarket(42, 0.08, 0.3, NEW_YORK);
        SimulatedMarket mixed = new SimulatedMarket(42, 0.08, 0.3, NEW_YORK);

        // When both advance AAPL over the same times
        List<Quote> aloneQuotes = new ArrayList<>();
        List<Quote> mixedQuotes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Instant at = OPEN.plusSeconds(i);
            aloneQuotes.add(alone.next(AAPL, at));
            mixed.next(MSFT, at);
            mixedQuotes.add(mixed.next(AAPL, at));
        }

        // Then AAPL's quotes are the same
        assertThat(mixedQuotes).isEqualTo(aloneQuotes);
    }

    @Test
    void startsFromARealisticPriceAndKeepsDayStatisticsConsistent() {
        // Given a market
        SimulatedMarket market = new SimulatedMarket(7, 0.08, 0.3, NEW_YORK);

        // When AAPL trades every second for an hour after the open
        Quote first = market.next(AAPL, OPEN);
        Quote last = first;
        for (int i = 1; i <= 3600; i++) {
            last = market.next(AAPL, OPEN.plusSeconds(i));
        }

        // Then it started at AAPL's usual level and open <= high, low <= price <= high, volume grew
        assertThat(first.price()).isEqualByComparingTo("190.00");
        assertThat(last.open()).isEqualByComparingTo(first.price());
        assertThat(last.low())
                .isLessThanOrEqualTo(last.price())
                .isLessThanOrEqualTo(last.open().max(last.price()));
        assertThat(last.high()).isGreaterThanOrEqualTo(last.price()).isGreaterThanOrEqualTo(last.open());
        assertThat(last.volume()).isGreaterThan(first.volume());
        assertThat(last.latestTradingDay()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(last.change()).isEqualByComparingTo(last.price().subtract(last.previousClose()));
    }

    @Test
    void newTradingDayCarriesTheLastPriceOverAsPreviousCloseAndResetsVolume() {
        // Given AAPL traded every ten seconds from the open until just before midnight in New York
        SimulatedMarket market = new SimulatedMarket(7, 0.08, 0.3, NEW_YORK);
        Instant open = LocalDate.of(2026, 3, 2).atTime(9, 30).atZone(NEW_YORK).toInstant();
        Instant lateEvening =
                LocalDate.of(2026, 3, 2).atTime(23, 59).atZone(NEW_YORK).toInstant();
        Quote lastOfDay = market.next(AAPL, open);
        for (Instant at = open; at.isBefore(lateEvening); at = at.plusSeconds(10)) {
            lastOfDay = market.next(AAPL, at);
        }

        // When the first quote of the next New York day comes
        Quote nextDay = market.next(AAPL, lateEvening.plusSeconds(90));

        // Then yesterday's last price is the previous close and the day's volume starts again
        assertThat(nextDay.latestTradingDay()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(nextDay.previousClose()).isEqualByComparingTo(lastOfDay.price());
        assertThat(nextDay.open()).isEqualByComparingTo(nextDay.price());
        assertThat(nextDay.volume()).isLessThan(lastOfDay.volume() / 1000);
    }

    @Test
    void volumeIsHeavierAtTheOpenAndCloseThanAtMiddayAndATrickleOffHours() {
        // When the intraday volume shape is sampled
        double atOpen = SimulatedMarket.sessionShape(LocalTime.of(9, 30));
        double midday = SimulatedMarket.sessionShape(LocalTime.of(12, 45));
        double beforeClose = SimulatedMarket.sessionShape(LocalTime.of(15, 59));
        double night = SimulatedMarket.sessionShape(LocalTime.of(2, 0));

        // Then it is U-shaped over the session and small outside it
        assertThat(atOpen).isGreaterThan(midday);
        assertThat(beforeClose).isGreaterThan(midday);
        assertThat(night).isLessThan(midday / 10);
    }

    @Test
    void providerEmitsOneTickPerIntervalOnTheTickGrid() {
        // Given the simulated provider at 100 ticks a second
        var clock = new MutableClock(OPEN);
        var settings = new SimulatedFeedSettings(42, Duration.ofMillis(10), 0.08, 0.3, 10_000);
        var provider = new SimulatedQuoteProvider(settings, NEW_YORK, clock);
        provider.fetch(List.of(AAPL, MSFT));

        // When one second passes
        clock.advance(Duration.ofSeconds(1));
        List<Quote> quotes = provider.fetch(List.of(AAPL, MSFT));

        // Then each symbol got 100 ticks, 10 ms apart, the last one now
        List<Quote> aapl = quotes.stream().filter(q -> q.symbol().equals(AAPL)).toList();
        assertThat(aapl).hasSize(100);
        assertThat(quotes).hasSize(200);
        assertThat(aapl.getFirst().observedAt()).isEqualTo(OPEN.plusMillis(10));
        assertThat(aapl.getLast().observedAt()).isEqualTo(OPEN.plusSeconds(1));
        assertThat(aapl).allSatisfy(q -> assertThat(q.price()).isGreaterThan(BigDecimal.ZERO));
    }

    private static List<Quote> run(SimulatedMarket market) {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            quotes.add(market.next(AAPL, OPEN.plusSeconds(i)));
            quotes.add(market.next(Symbol.of("ZZZZ"), OPEN.plusSeconds(i)));
        }
        return quotes;
    }
}
