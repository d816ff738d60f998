package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.rules.RuleExplanation.Code;

/** How api-service reads the engine's answers, against a local stand-in for alert-consumer's route. */
class EngineExplanationsTest {

    private static final UUID RULE = UUID.fromString("01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6");
    private static final String EXPLANATION = """
            {"ruleId": "01936f72-3c4d-7e5f-9a60-b1c2d3e4f5a6", "revision": 2, "lastValue": 190.5,
             "lastEvaluatedAt": "2026-01-05T14:59:50Z", "state": {"armed": true, "lastFiredAt": null},
             "reasons": [{"code": "CONDITION_NOT_MET", "detail": "the price 190.5 is not yet at or above 200",
               "level": 200, "distance": 9.5, "until": null, "ageSeconds": null}],
             "explainedAt": "2026-01-05T15:00:00Z"}""";

    private final MockWebServer engine = new MockWebServer();
    private EngineExplanations explanations;

    @BeforeEach
    void start() throws IOException {
        engine.start();
        explanations =
                new EngineExplanations(new EngineLinkSettings(engine.url("/").uri(), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void asksForASymbolRuleOrAPortfolioRuleAndReadsTheAnswer() throws InterruptedException {
        engine.enqueue(json(200, EXPLANATION));
        engine.enqueue(json(200, EXPLANATION));
        UUID user = UUID.randomUUID();

        var symbolRule = explanations.explain(RULE, Symbol.of("AAPL"));
        var portfolioRule = explanations.explainPortfolio(RULE, user);

        assertThat(symbolRule).hasValueSatisfying(why -> {
            assertThat(why.revision()).isEqualTo(2);
            assertThat(why.lastValue()).isEqualByComparingTo("190.5");
            assertThat(why.reasons().getFirst().code()).isEqualTo(Code.CONDITION_NOT_MET);
        });
        assertThat(portfolioRule).isPresent();
        RecordedRequest first = engine.takeRequest();
        RecordedRequest second = engine.takeRequest();
        assertThat(first.getTarget()).isEqualTo("/engine/rules/" + RULE + "/explanation?symbol=AAPL");
        assertThat(second.getTarget()).isEqualTo("/engine/rules/" + RULE + "/explanation?userId=" + user);
    }

    @Test
    void aRuleTheEngineDoesNotHoldIsEmptyButAMissingRouteIsTheEnginesFailure() {
        engine.enqueue(new MockResponse.Builder()
                .code(404)
                .addHeader(EngineExplanations.RULE_HELD_HEADER, "false")
                .build());
        engine.enqueue(new MockResponse.Builder().code(404).build());

        assertThat(explanations.explain(RULE, Symbol.of("AAPL"))).isEmpty();
        assertThatThrownBy(() -> explanations.explain(RULE, Symbol.of("AAPL")))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("404");
    }

    @Test
    void anEngineThatFailsOrAnswersSomethingUnreadableIsUnavailable() {
        engine.enqueue(json(503, "{\"status\": 503}"));
        engine.enqueue(json(200, EXPLANATION.replace("CONDITION_NOT_MET", "A_CODE_FROM_A_NEWER_ENGINE")));

        assertThatThrownBy(() -> explanations.explain(RULE, Symbol.of("AAPL")))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> explanations.explain(RULE, Symbol.of("AAPL")))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void anEngineNobodyListensForIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EngineExplanations nowhere = new EngineExplanations(
                new EngineLinkSettings(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> nowhere.explain(RULE, Symbol.of("AAPL")))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
