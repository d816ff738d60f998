package org.stockalerts.api.marketdata.query;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the {@code /stocks} routes ({@code stockalerts.marketdata.query.*}).
 *
 * @param maxBars most bars one history request may span; a longer range needs a wider interval
 * @param defaultRange the history range when {@code from} is not given
 * @param quoteAnalyticsInterval the bar interval whose SMA5, SMA20 and signal {@code GET /stocks/{symbol}} shows
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata.query")
public record StockQuerySettings(
        @DefaultValue("1000") @Min(1) int maxBars,
        @DefaultValue("1d") @DurationMin(nanos = 1) Duration defaultRange,
        @DefaultValue("1m") String quoteAnalyticsInterval) {

    @AssertTrue(message = "quote-analytics-interval must be a bar interval (1m, 5m, 1h or 1d)")
    boolean isQuoteAnalyticsIntervalABarInterval() {
        return BarInterval.find(quoteAnalyticsInterval).isPresent();
    }
}
