package org.stockalerts.api.alerts;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.MalformedEventException;
import org.stockalerts.common.rules.RuleExplanation;

/**
 * Asks the alert engine to explain a symbol rule from its own state (alert-consumer's {@code GET
 * /engine/rules/{ruleId}/explanation}): the API never recomputes it.
 */
@Component
class EngineExplanations {

    private static final Logger log = LoggerFactory.getLogger(EngineExplanations.class);

    /** Set to {@code false} on the engine's 404 for a rule it does not hold (a 404 without it is a missing route). */
    static final String RULE_HELD_HEADER = "Stockalerts-Rule-Held";

    private final OkHttpClient http;
    private final HttpUrl base;

    EngineExplanations(EngineLinkSettings settings) {
        this.http = new OkHttpClient.Builder()
                .callTimeout(settings.timeout())
                .retryOnConnectionFailure(false)
                .build();
        this.base = HttpUrl.get(settings.url());
    }

    /** The engine's explanation of symbol rule {@code ruleId}; empty when the engine does not hold the rule. */
    Optional<RuleExplanation> explain(UUID ruleId, Symbol symbol) {
        return explain(ruleId, "symbol", symbol.value());
    }

    /** The engine's explanation of portfolio rule {@code ruleId} of {@code userId}; empty when it does not hold it. */
    Optional<RuleExplanation> explainPortfolio(UUID ruleId, UUID userId) {
        return explain(ruleId, "userId", userId.toString());
    }

    private Optional<RuleExplanation> explain(UUID ruleId, String parameter, String key) {
        HttpUrl url = base.newBuilder()
                .addPathSegments("engine/rules")
                .addPathSegment(ruleId.toString())
                .addPathSegment("explanation")
                .addQueryParameter(parameter, key)
                .build();
        try (Response answer =
                http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (answer.code() == 404 && "false".equals(answer.header(RULE_HELD_HEADER))) {
                return Optional.empty();
            }
            if (!answer.isSuccessful()) {
                throw new EngineUnavailableException("the alert engine answered " + answer.code());
            }
            return Optional.of(read(ruleId, answer.body().bytes()));
        } catch (IOException e) {
            log.atWarn()
                    .addKeyValue("ruleId", ruleId)
                    .addKeyValue("error", e.toString())
                    .log("the alert engine did not explain a rule");
            throw new EngineUnavailableException("the alert engine could not be reached");
        }
    }

    /** An answer this api-service cannot read (an engine of another version, say) is the engine's failure, a 503. */
    private static RuleExplanation read(UUID ruleId, byte[] body) {
        try {
            return EventJson.read(body, RuleExplanation.class, "rule explanation");
        } catch (MalformedEventException e) {
            log.atWarn()
                    .addKeyValue("ruleId", ruleId)
                    .addKeyValue("error", e.getMessage())
                    .log("the alert engine's explanation could not be read");
            throw new EngineUnavailableException("the alert engine answered in a form this service cannot read");
        }
    }
}
