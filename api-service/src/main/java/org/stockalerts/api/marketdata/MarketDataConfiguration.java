package org.stockalerts.api.marketdata;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.stockalerts.api.marketdata.alphavantage.AlphaVantageClient;
import org.stockalerts.api.marketdata.alphavantage.AlphaVantageProvider;
import org.stockalerts.api.marketdata.alphavantage.AlphaVantageSettings;
import org.stockalerts.api.marketdata.replay.ReplayFile;
import org.stockalerts.api.marketdata.replay.ReplayQuoteProvider;
import org.stockalerts.api.marketdata.replay.ReplaySettings;
import org.stockalerts.api.marketdata.simulated.SimulatedFeedSettings;
import org.stockalerts.api.marketdata.simulated.SimulatedQuoteProvider;
import org.stockalerts.api.marketdata.streaming.AlpacaProvider;
import org.stockalerts.api.marketdata.streaming.AlpacaSettings;
import org.stockalerts.api.marketdata.streaming.FinnhubProvider;
import org.stockalerts.api.marketdata.streaming.FinnhubSettings;
import org.stockalerts.api.marketdata.streaming.StreamingSettings;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.ops.ReadyFacts;

/** Wires the market-data poller with the configured provider and its request budget. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "stockalerts.marketdata", name = "enabled", havingValue = "true", matchIfMissing = true)
class MarketDataConfiguration {

    /** Gauge of the Alpha Vantage requests left of today's limit; only with that provider. */
    static final String REQUESTS_LEFT_TODAY = "stockalerts.marketdata.alphavantage.requests.left.today";

    /** The provider and its pace, in the service's ready line. */
    @Bean
    ReadyFacts marketDataFacts(
            MarketDataSettings settings, AlphaVantageSettings alphaVantage, StreamingSettings streaming) {
        ProviderKind kind = settings.providerKind(alphaVantage.hasKey());
        return () -> Map.of(
                "marketData",
                kind.name().toLowerCase(Locale.ROOT),
                "pollInterval",
                kind.streaming() ? streaming.coalesceInterval() : settings.pollInterval());
    }

    @Bean
    MarketDataPoller marketDataPoller(
            MarketDataSettings settings,
            AlphaVantageSettings alphaVantage,
            SimulatedFeedSettings simulated,
            ReplaySettings replay,
            StreamingSettings streaming,
            FinnhubSettings finnhub,
            AlpacaSettings alpaca,
            JdbcTemplate jdbc,
            KafkaTemplate<String, PriceTick> kafka,
            ProducerFactory<String, FeedStatusChanged> producers,
            EventIds eventIds,
            Clock clock,
            TickTimeBound bound,
            MeterRegistry meters,
            @Value("${spring.datasource.url}") String databaseUrl,
            @Value("${spring.datasource.username:}") String databaseUser,
            @Value("${spring.datasource.password:}") String databasePassword) {
        ProviderKind kind = settings.providerKind(alphaVantage.hasKey());
        RequestBudget budget =
                kind == ProviderKind.ALPHAVANTAGE ? alphaVantage.budget(clock) : RequestBudget.unlimited(clock);
        QuoteProvider provider = switch (kind) {
            case ALPHAVANTAGE -> alphaVantage(alphaVantage, settings, budget, clock);
            case SIMULATED -> new SimulatedQuoteProvider(simulated, settings.exchangeZone(), clock);
            case REPLAY -> replay(replay, clock);
            case FINNHUB -> new FinnhubProvider(webSockets(), finnhub, streaming, clock);
            case ALPACA -> new AlpacaProvider(webSockets(), alpaca, streaming, clock);
        };
        if (kind == ProviderKind.ALPHAVANTAGE) {
            Gauge.builder(REQUESTS_LEFT_TODAY, budget, RequestBudget::leftToday)
                    .description(
                            "Alpha Vantage requests left of today's limit (STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_*)")
                    .register(meters);
        }
        // a dedicated connection outside the pool holds the lock, so a pooled connection never carries it
        DriverManagerDataSource lockConnections =
                new DriverManagerDataSource(databaseUrl, databaseUser, databasePassword);
        String instance = ProcessHandle.current().pid() + "@" + hostName();
        return new MarketDataPoller(new MarketDataPoller.Parts(
                provider,
                budget,
                new WatchedSymbols(jdbc, settings.extras(), settings.excluded()),
                new TickPublisher(kafka, eventIds, clock, bound, meters),
                new FeedWatch(provider, settings.staleSession(), settings.staleAfter(), eventIds, clock),
                new FeedStatusPublisher(feedStatusTemplate(producers, settings), settings.feedStatusSendTimeout()),
                new LeaderElection(lockConnections, settings.leaderLockKey(), instance),
                clock,
                // a streaming provider is asked for what arrived once per coalescing interval
                kind.streaming() ? streaming.coalesceInterval() : settings.pollInterval(),
                settings.symbolsRefreshInterval(),
                settings.leaderCheckInterval(),
                meters));
    }

    /**
     * The ticks' producer settings (Boot's factory: idempotent, {@code acks=all}, common's JSON), with {@code
     * max.block.ms} bounded by the send timeout so an unreachable broker fails a feed-status send instead of blocking
     * the poller for a minute.
     */
    private static KafkaTemplate<String, FeedStatusChanged> feedStatusTemplate(
            ProducerFactory<String, FeedStatusChanged> producers, MarketDataSettings settings) {
        return new KafkaTemplate<>(
                producers,
                Map.of(
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        settings.feedStatusSendTimeout().toMillis()));
    }

    private static QuoteProvider alphaVantage(
            AlphaVantageSettings settings, MarketDataSettings marketData, RequestBudget budget, Clock clock) {
        if (!settings.hasKey()) {
            throw new IllegalStateException(
                    "stockalerts.marketdata.provider=alphavantage needs ALPHA_VANTAGE_API_KEY to be set");
        }
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.connectTimeout().plus(settings.readTimeout()))
                .build();
        return new AlphaVantageProvider(
                new AlphaVantageClient(http, settings, marketData.exchangeZone(), clock), settings, budget);
    }

    /**
     * The WebSocket client of the streaming providers: OkHttp pings the server every 20 s, so a connection whose
     * peer vanished fails within a ping rather than hanging.
     */
    private static OkHttpClient webSockets() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                // OkHttp's read timeout covers the handshake only: an open WebSocket has none (the pings watch it)
                .readTimeout(Duration.ofSeconds(10))
                .pingInterval(Duration.ofSeconds(20))
                .build();
    }

    private static QuoteProvider replay(ReplaySettings settings, Clock clock) {
        try (InputStreamReader reader =
                new InputStreamReader(settings.file().getInputStream(), StandardCharsets.UTF_8)) {
            return new ReplayQuoteProvider(ReplayFile.read(reader), clock, settings.speed(), settings.loop());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replay file " + settings.file(), e);
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "localhost" : host;
    }
}
