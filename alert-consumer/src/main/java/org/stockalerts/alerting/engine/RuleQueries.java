package org.stockalerts.alerting.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Service;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.rules.RuleExplainer;
import org.stockalerts.common.rules.RuleExplanation;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.rules.SymbolState;

/**
 * Interactive queries of the engine: a symbol rule explained from the state the symbol side holds of it and of its
 * symbol, a portfolio rule from the user side's record of its user ({@link RuleExplainer}). The stores are
 * partitioned by symbol and by user; the instance whose task holds the key's partition answers, and another instance forwards the question to it (at its {@code application.server},
 * which each instance must set to an address of its own when they run on several hosts). The rule is read as the
 * stream thread last wrote it, the symbol state as of the last commit (at most a commit interval old).
 */
@Service
class RuleQueries {

    /** The engine cannot answer now: not running, rebalancing, or the instance holding the rule is unreachable. */
    static final class EngineUnavailableException extends RuntimeException {

        EngineUnavailableException(String message) {
            super(message);
        }
    }

    private final StreamsBuilderFactoryBean streams;
    private final HostInfo self;
    private final ExplainSettings settings;
    private final Clock clock;
    private final HttpClient http;

    RuleQueries(
            StreamsBuilderFactoryBean streams,
            @Value("${spring.kafka.streams.properties.application.server:}") String advertised,
            ExplainSettings settings,
            Clock clock) {
        this.streams = streams;
        this.self = advertised.isBlank() ? HostInfo.unavailable() : HostInfo.buildFromEndpoint(advertised);
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.forwardTimeout())
                .build();
    }

    /** The explanation of symbol rule {@code ruleId} on {@code symbol}; empty when the engine does not hold it. */
    Optional<RuleExplanation> explain(UUID ruleId, Symbol symbol, boolean forwarded) {
        return query(
                ruleId, SymbolEngineProcessor.RULES_STORE, symbol.value(), "symbol", forwarded, (running, where) -> {
                    StoredRule stored = store(running, SymbolEngineProcessor.RULES_STORE, StoredRule.class, where)
                            .get(ruleId.toString());
                    if (stored == null) {
                        return Optional.empty();
                    }
                    SymbolState state = store(running, SymbolEngineProcessor.SYMBOLS_STORE, SymbolState.class, where)
                            .get(symbol.value());
                    FeedStatusChanged blindFeed = store(
                                    running, SymbolEngineProcessor.FEEDS_STORE, FeedStatusChanged.class, where)
                            .get(symbol.value());
                    return Optional.of(RuleExplainer.explain(
                            stored,
                            state == null ? SymbolState.EMPTY : state,
                            blindFeed,
                            clock.instant(),
                            settings.feedStaleAfter()));
                });
    }

    /** The explanation of portfolio rule {@code ruleId} of {@code userId}; empty when the engine does not hold it. */
    Optional<RuleExplanation> explainPortfolio(UUID ruleId, UUID userId, boolean forwarded) {
        return query(ruleId, PortfolioProcessor.STORE, userId.toString(), "userId", forwarded, (running, where) -> {
            UserPortfolio portfolio = store(running, PortfolioProcessor.STORE, UserPortfolio.class, where)
                    .get(userId.toString());
            StoredRule stored = portfolio == null ? null : portfolio.rules().get(ruleId.toString());
            // never evaluated (no price or holding change has reached it yet): its value is not known
            return Optional.ofNullable(stored)
                    .map(rule -> RuleExplainer.explainPortfolio(
                            rule,
                            portfolio.evaluatedAt() == null ? null : portfolio.value(),
                            portfolio.evaluatedAt(),
                            clock.instant()));
        });
    }

    /** Reads from the stores of the task holding {@code key} of {@code store}: here, or at the instance holding it. */
    private Optional<RuleExplanation> query(
            UUID ruleId,
            String store,
            String key,
            String parameter,
            boolean forwarded,
            BiFunction<KafkaStreams, KeyQueryMetadata, Optional<RuleExplanation>> local) {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null || !running.state().isRunningOrRebalancing()) {
            throw new EngineUnavailableException("the alert engine is not running");
        }
        KeyQueryMetadata where =
                running.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new EngineUnavailableException("the alert engine is rebalancing");
        }
        try {
            return local.apply(running, where);
        } catch (InvalidStateStoreException notHere) {
            // the key's partition is not active here: ask the instance that holds it, once
            HostInfo holder = where.activeHost();
            if (forwarded || holder.equals(self) || holder.equals(HostInfo.unavailable())) {
                throw new EngineUnavailableException(
                        "the alert engine's stores are not ready: " + notHere.getMessage());
            }
            return forward(holder, ruleId, parameter, key);
        }
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(
            KafkaStreams running, String name, Class<V> type, KeyQueryMetadata where) {
        return running.store(StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(
                        name, QueryableStoreTypes.keyValueStore())
                .withPartition(where.partition()));
    }

    private Optional<RuleExplanation> forward(HostInfo holder, UUID ruleId, String parameter, String key) {
        URI uri;
        try {
            uri = URI.create("http://%s:%d%s?%s=%s&forwarded=true"
                    .formatted(
                            holder.host(),
                            holder.port(),
                            RuleExplanationController.PATH.replace("{ruleId}", ruleId.toString()),
                            parameter,
                            URLEncoder.encode(key, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new EngineUnavailableException("the engine instance holding the rule advertises a bad address");
        }
        try {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(settings.forwardTimeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            boolean unheld = "false"
                    .equals(answer.headers()
                            .firstValue(RuleExplanationController.RULE_HELD_HEADER)
                            .orElse(null));
            if (answer.statusCode() == 200) {
                return Optional.of(EventJson.read(answer.body(), RuleExplanation.class, "rule explanation"));
            }
            if (answer.statusCode() == 404 && unheld) {
                return Optional.empty();
            }
            throw new EngineUnavailableException(
                    "the engine instance holding the rule answered " + answer.statusCode());
        } catch (IOException e) {
            throw new EngineUnavailableException("the engine instance holding the rule is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while asking the engine instance holding the rule");
        }
    }
}
