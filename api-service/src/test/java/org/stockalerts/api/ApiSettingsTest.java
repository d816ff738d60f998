package org.stockalerts.api;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockalerts.api.channels.WebhookSecretSettings;
import org.stockalerts.api.dashboard.DashboardSignInSettings;
import org.stockalerts.api.database.DatabaseSettings;
import org.stockalerts.api.idempotency.IdempotencySettings;
import org.stockalerts.api.live.LiveSettings;
import org.stockalerts.api.marketdata.MarketDataSettings;
import org.stockalerts.api.marketdata.alphavantage.AlphaVantageSettings;
import org.stockalerts.api.marketdata.query.StockQuerySettings;
import org.stockalerts.api.marketdata.replay.ReplaySettings;
import org.stockalerts.api.marketdata.simulated.SimulatedFeedSettings;
import org.stockalerts.api.outbox.OutboxSettings;
import org.stockalerts.api.quota.QuotaSettings;
import org.stockalerts.api.ratelimit.RateLimitSettings;
import org.stockalerts.api.security.JwtSettings;
import org.stockalerts.api.web.WebSettings;
import org.stockalerts.testsupport.SettingsBinding;

/** The API service's settings records: their defaults bind, and out-of-range values are refused at start-up. */
class ApiSettingsTest {

    static Stream<Class<?>> settings() {
        return Stream.of(
                WebSettings.class,
                QuotaSettings.class,
                RateLimitSettings.class,
                DatabaseSettings.class,
                LiveSettings.class,
                OutboxSettings.class,
                IdempotencySettings.class,
                MarketDataSettings.class,
                SimulatedFeedSettings.class,
                StockQuerySettings.class,
                ReplaySettings.class,
                AlphaVantageSettings.class,
                WebhookSecretSettings.class,
                JwtSettings.class,
                DashboardSignInSettings.class);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void bindTheirDefaults(Class<?> type) {
        assertThatCode(() -> SettingsBinding.bind(type)).doesNotThrowAnyException();
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of(WebSettings.class, "max-request-bytes", "0"),
                Arguments.of(JwtSettings.class, "user-claim", " "),
                Arguments.of(QuotaSettings.class, "rules", "0"),
                Arguments.of(QuotaSettings.class, "symbols", "-1"),
                Arguments.of(RateLimitSettings.class, "per-key-burst", "0"),
                Arguments.of(RateLimitSettings.class, "sync-interval", "0s"),
                Arguments.of(DatabaseSettings.class, "statement-timeout", "-1s"),
                Arguments.of(LiveSettings.class, "max-connections", "0"),
                Arguments.of(WebSettings.class, "default-page-size", "500"),
                Arguments.of(LiveSettings.class, "heartbeat", "0s"),
                Arguments.of(LiveSettings.class, "replay-limit", "0"),
                Arguments.of(LiveSettings.class, "recent-alerts-per-partition", "-1"),
                Arguments.of(OutboxSettings.class, "batch-size", "0"),
                Arguments.of(OutboxSettings.class, "poll-interval", "0s"),
                Arguments.of(OutboxSettings.class, "send-timeout", "-1s"),
                Arguments.of(IdempotencySettings.class, "ttl", "0s"),
                Arguments.of(IdempotencySettings.class, "cleanup-interval", "0s"),
                Arguments.of(MarketDataSettings.class, "poll-interval", "0s"),
                Arguments.of(MarketDataSettings.class, "leader-check-interval", "-5s"),
                Arguments.of(MarketDataSettings.class, "stale-after", "0s"),
                Arguments.of(MarketDataSettings.class, "stale-session", "overnight"),
                Arguments.of(MarketDataSettings.class, "feed-status-send-timeout", "0s"),
                Arguments.of(SimulatedFeedSettings.class, "tick-interval", "50us"),
                Arguments.of(SimulatedFeedSettings.class, "tick-interval", "2m"),
                Arguments.of(SimulatedFeedSettings.class, "max-ticks-per-poll", "0"),
                Arguments.of(StockQuerySettings.class, "max-bars", "0"),
                Arguments.of(StockQuerySettings.class, "quote-analytics-interval", "7m"),
                Arguments.of(ReplaySettings.class, "speed", "0"),
                Arguments.of(AlphaVantageSettings.class, "retries", "-1"),
                Arguments.of(WebhookSecretSettings.class, "webhook-secret-overlap", "-1s"),
                Arguments.of(WebhookSecretSettings.class, "webhook-secret-overlap", "8d"));
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void refuseValuesOutOfRange(Class<?> type, String property, String value) {
        SettingsBinding.assertRefused(type, property, value);
    }
}
