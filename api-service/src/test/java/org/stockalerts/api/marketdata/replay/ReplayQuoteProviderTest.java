package org.stockalerts.api.marketdata.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.testsupport.MutableClock;

class ReplayQuoteProviderTest {

    private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");

    private static final String FILE = """
            symbol,timestamp,price,volume
            MSFT,2024-11-15T14:30:10Z,421.00,100
            AAPL,2024-11-15T14:30:00Z,189.50,1000

            AAPL,2024-11-15T14:30:20Z,189.60,
            """;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void playsRowsAtTheChosenSpeedStampedWithTheirReplayedTime() throws IOException {
        // Given a file spanning 20 recorded seconds, replayed ten times faster
        ReplayQuoteProvider provider = new ReplayQuoteProvider(rows(FILE), clock, 10, false);

        // When polled at the start, after 1 s and after 2 s
        List<Quote> atStart = provider.fetch(List.of(AAPL, MSFT));
        clock.advance(Duration.ofSeconds(1));
        List<Quote> afterOne = provider.fetch(List.of(AAPL, MSFT));
        clock.advance(Duration.ofSeconds(1));
        List<Quote> afterTwo = provider.fetch(List.of(AAPL, MSFT));

        // Then each row arrives when its recorded offset divided by the speed has passed
        assertThat(atStart).containsExactly(Quote.of(AAPL, bd("189.50"), 1000L, START));
        assertThat(afterOne).containsExactly(Quote.of(MSFT, bd("421.00"), 100L, START.plusSeconds(1)));
        assertThat(afterTwo).containsExactly(Quote.of(AAPL, bd("189.60"), null, START.plusSeconds(2)));
        assertThat(provider.ownSymbols()).containsExactlyInAnyOrder(AAPL, MSFT);
    }

    @Test
    void loopsAfterTheLastRowOneRecordedSecondLater() throws IOException {
        // Given the same file in real time, looping
        ReplayQuoteProvider provider = new ReplayQuoteProvider(rows(FILE), clock, 1, true);
        provider.fetch(List.of(AAPL, MSFT));

        // When 21 seconds have passed (20 s of file plus the 1 s pause)
        clock.advance(Duration.ofSeconds(21));
        List<Quote> quotes = provider.fetch(List.of(AAPL, MSFT));

        // Then the rest of the first round and the first row of the second have been played
        assertThat(quotes)
                .extracting(Quote::observedAt)
                .containsExactly(START.plusSeconds(10), START.plusSeconds(20), START.plusSeconds(21));
    }

    @Test
    void stopsAfterTheLastRowWithoutLoop() throws IOException {
        // Given a non-looping replay that has played everything
        ReplayQuoteProvider provider = new ReplayQuoteProvider(rows(FILE), clock, 1, false);
        provider.fetch(List.of(AAPL, MSFT));
        clock.advance(Duration.ofMinutes(1));
        assertThat(provider.fetch(List.of(AAPL, MSFT))).hasSize(2);

        // When polled again much later
        clock.advance(Duration.ofHours(1));

        // Then nothing more comes
        assertThat(provider.fetch(List.of(AAPL, MSFT))).isEmpty();
    }

    @Test
    void rowsOfSymbolsNotAskedForAreSkipped() throws IOException {
        // Given a replay asked only for AAPL
        ReplayQuoteProvider provider = new ReplayQuoteProvider(rows(FILE), clock, 1, false);
        List<Quote> quotes = new java.util.ArrayList<>(provider.fetch(List.of(AAPL)));

        // When polled until the end of the file
        clock.advance(Duration.ofMinutes(1));
        quotes.addAll(provider.fetch(List.of(AAPL)));

        // Then only AAPL's rows came
        assertThat(quotes).extracting(Quote::symbol).containsExactly(AAPL, AAPL);
    }

    @Test
    void badLineIsReportedWithItsLineNumber() {
        // Given a file whose third line has no valid price
        String bad =
                "symbol,timestamp,price,volume\nAAPL,2024-11-15T14:30:00Z,1.0,1\nAAPL,2024-11-15T14:30:01Z,abc,1\n";

        // Then reading it names the line
        assertThatThrownBy(() -> rows(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("replay line 3");
    }

    @Test
    void shippedSampleFileIsReadable() throws IOException {
        // When the sample file shipped with the service is read
        List<ReplayFile.Row> rows;
        try (var reader = new InputStreamReader(
                getClass().getResourceAsStream("/marketdata/sample-ticks.csv"), StandardCharsets.UTF_8)) {
            rows = ReplayFile.read(reader);
        }

        // Then it holds ticks of several symbols in time order
        assertThat(rows).hasSizeGreaterThan(100);
        assertThat(rows.stream().map(ReplayFile.Row::symbol).distinct()).hasSizeGreaterThan(1);
        assertThat(rows).isSortedAccordingTo(java.util.Comparator.comparing(ReplayFile.Row::timestamp));
    }

    private static List<ReplayFile.Row> rows(String csv) throws IOException {
        return ReplayFile.read(new StringReader(csv));
    }

    private static java.math.BigDecimal bd(String value) {
        return new java.math.BigDecimal(value);
    }
}
