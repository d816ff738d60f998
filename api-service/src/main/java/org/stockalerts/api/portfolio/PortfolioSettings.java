package org.stockalerts.api.portfolio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.stockalerts.api.alerts.ThresholdTrigger;
import org.stockalerts.api.marketdata.MarketDataSettings;

/**
 * Settings of portfolios and holdings ({@code stockalerts.portfolio.*}, e.g. the environment variable
 * {@code STOCKALERTS_PORTFOLIO_THRESHOLD_REPEAT}).
 *
 * @param thresholdRepeat whether a holding's threshold rule fires again while the price stays at or
 *     above it, at most once per market-data poll interval (the Go system's behaviour), instead of
 *     once until resumed
 */
@Validated
@ConfigurationProperties("stockalerts.portfolio")
public record PortfolioSettings(@DefaultValue("false") boolean thresholdRepeat) {

    /** How holdings' threshold rules fire under these settings, polled as {@code marketData} says. */
    ThresholdTrigger thresholdTrigger(MarketDataSettings marketData) {
        return thresholdRepeat ? ThresholdTrigger.repeatingEvery(marketData.pollInterval()) : ThresholdTrigger.ONCE;
    }
}
