package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;

class ExpectedBarsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Symbol AAPL = Symbol.of("AAPL");
    // a symbol of another partition of stock-prices than AAPL's
    private static final Symbol OTHER = Stream.of("MSFT", "IBM", "ORCL", "NVDA", "AMD", "INTC")
            .map(Symbol::of)
            .filter(symbol -> partition(symbol) != partition(AAPL))
            .findFirst()
            .orElseThrow();

    @Test
    void theOracleKeepsEachClosedBarOfTheTopologyWithItsOhlc() throws IOException {
        ExpectedBars oracle = oracle(
                tick(AAPL, "15:00:10", "100.00"),
                tick(AAPL, "15:00:40", "102.00"),
                tick(AAPL, "15:00:50", "99.00"),
                tick(AAPL, "15:01:05", "101.00"));

        BarOutcome bar = oracle.bars().get(new BarOutcome.Key(AAPL, MINUTE, at("15:00:00")));
        assertThat(bar.bar().open()).isEqualByComparingTo("100");
        assertThat(bar.bar().high()).isEqualByComparingTo("102");
        assertThat(bar.bar().low()).isEqualByComparingTo("99");
        assertThat(bar.bar().close()).isEqualByComparingTo("99");
        assertThat(bar.bar().tickCount()).isEqualTo(3);
        assertThat(oracle.bars()).hasSize(1);
        assertThat(oracle.settled(new BarOutcome.Key(AAPL, MINUTE, at("15:00:00")), bar))
                .isTrue();
    }

    @Test
    void aBarClosesOnTheStreamTimeOfItsOwnPartitionOnly() throws IOException {
        ExpectedBars oracle = oracle(
                tick(OTHER, "15:00:20", "50.00"),
                tick(AAPL, "15:00:30", "100.00"),
                tick(OTHER, "15:00:55", "51.00"),
                tick(AAPL, "15:02:30", "101.00"));

        // one task would close OTHER's bar on AAPL's 15:02:30 tick; OTHER's own task never passed 15:01
        assertThat(oracle.bars().keySet()).containsExactly(new BarOutcome.Key(AAPL, MINUTE, at("15:00:00")));
        assertThat(oracle.settledUntil()).containsEntry(AAPL, at("15:02:29")).containsEntry(OTHER, at("15:00:54"));
    }

    @Test
    void theSettingsAreTheServicesDefaultsUnlessTheEnvironmentSetsThem() {
        assertThat(ExpectedBars.settings(Map.of("PATH", "/usr/bin"))).isEqualTo(AnalyticsSettings.defaults());
        assertThat(ExpectedBars.settings(Map.of("STOCKALERTS_ANALYTICS_GRACE_PERIOD", "PT45S"))
                        .gracePeriod())
                .isEqualTo(Duration.ofSeconds(45));
    }

    private static ExpectedBars oracle(PriceTick... acknowledged) throws IOException {
        return ExpectedBars.of(List.of(acknowledged), AnalyticsSettings.defaults());
    }

    private static PriceTick tick(Symbol symbol, String time, String price) {
        return TickDraft.tick(symbol.value(), price, at(time), null);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-03T" + time + "Z");
    }

    private static int partition(Symbol symbol) {
        return TicksBySymbol.partitionOf(symbol, Topics.STOCK_PRICES.partitions());
    }
}
