package org.stockalerts.api.marketdata;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.market.MarketSession;

/**
 * Settings of the market-data poller ({@code stockalerts.marketdata.*}, e.g. the environment variable
 * {@code STOCKALERTS_MARKETDATA_PROVIDER}).
 *
 * @param enabled whether this instance runs a poller at all (only the elected leader polls)
 * @param provider {@code alphavantage}, {@code simulated}, {@code replay}, {@code finnhub} or {@code alpaca}; empty
 *     means Alpha Vantage
 *     when an API key is set, else the simulated market
 * @param extraSymbols symbols polled besides those in holdings and active rules
 * @param excludedSymbols symbols never polled, even when held or named by a rule: those another producer
 *     of {@code stock-prices} feeds (a streaming provider, a replay, a benchmark), whose ticks the
 *     poller's would otherwise interleave with
 * @param pollInterval how often the poller wakes up; the provider's request budget decides whether a
 *     request goes out
 * @param symbolsRefreshInterval how often the set of watched symbols is re-read from the database
 * @param leaderCheckInterval how often leadership is checked or claimed; a dead leader is replaced
 *     within about this long plus the time PostgreSQL needs to notice the dead connection
 * @param leaderLockKey the PostgreSQL advisory lock key the api-service instances compete for
 * @param exchangeZone time zone of the exchange: trading days, sessions, provider timestamps
 * @param staleSession the NYSE session (regular, extended, or any for a feed that never closes) in which a watched
 *     symbol without quotes goes stale; out of it a quiet symbol is not stale
 * @param staleAfter how long a watched symbol may get no quote in that session before its feed is stale (at least
 *     three times the rotation's round, so a slow rotation is not a blind feed)
 * @param feedStatusSendTimeout the longest the poller waits for the broker to take a feed-status change; a change not
 *     taken is sent again at the next poll
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata")
public record MarketDataSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String provider,
        @DefaultValue List<String> extraSymbols,
        @DefaultValue List<String> excludedSymbols,
        @DefaultValue("1s") @DurationMin(nanos = 1) Duration pollInterval,
        @DefaultValue("10s") @DurationMin(nanos = 1) Duration symbolsRefreshInterval,
        @DefaultValue("5s") @DurationMin(nanos = 1) Duration leaderCheckInterval,
        @DefaultValue("7283649173") long leaderLockKey,
        @DefaultValue("America/New_York") ZoneId exchangeZone,
        @DefaultValue("regular") @NotNull MarketSession staleSession,
        @DefaultValue("5m") @DurationMin(seconds = 1) Duration staleAfter,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration feedStatusSendTimeout) {

    public MarketDataSettings {
        extraSymbols = List.copyOf(extraSymbols);
        extraSymbols.forEach(Symbol::of);
        excludedSymbols = List.copyOf(excludedSymbols);
        excludedSymbols.forEach(Symbol::of);
    }

    /** The provider to run: the configured one, else Alpha Vantage when a key is set, else simulated. */
    public ProviderKind providerKind(boolean alphaVantageKeyPresent) {
        if (!provider.isBlank()) {
            return ProviderKind.fromSetting(provider);
        }
        return alphaVantageKeyPresent ? ProviderKind.ALPHAVANTAGE : ProviderKind.SIMULATED;
    }

    /** The configured extra symbols, validated. */
    public List<Symbol> extras() {
        return extraSymbols.stream().map(Symbol::of).toList();
    }

    /** The configured excluded symbols, validated. */
    public Set<Symbol> excluded() {
        return excludedSymbols.stream().map(Symbol::of).collect(Collectors.toUnmodifiableSet());
    }
}
