package org.stockalerts.api.marketdata.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code /stocks} routes ({@code stockalerts.marketdata.query.*}).
 *
 * @param maxBars most bars one history request may span; a longer range needs a wider interval
 * @param defaultRange the history range when {@code from} is not given
 * @param quoteAnalyticsInterval the bar interval whose SMA5, SMA20 and signal {@code GET /stocks/{symbol}} shows
 */
@ConfigurationProperties("stockalerts.marketdata.query")
public record StockQuerySettings(
        @DefaultValue("1000") int maxBars,
        @DefaultValue("1d") Duration defaultRange,
        @DefaultValue("1m") String quoteAnalyticsInterval) {

    public StockQuerySettings {
        if (maxBars < 1 || defaultRange.isNegative() || defaultRange.isZero()) {
            throw new IllegalArgumentException(
                    "stockalerts.marketdata.query: max-bars and default-range must be positive");
        }
        BarInterval.parse(quoteAnalyticsInterval);
    }
}
