package org.stockalerts.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * With {@code threshold-repeat} on, holdings' threshold rules repeat once per poll interval, as in the Go system.
 * The context of its own is closed afterwards, so its connections do not stay open beside the shared one's.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(
        properties = {"stockalerts.portfolio.threshold-repeat=true", "stockalerts.marketdata.poll-interval=60s"})
class ThresholdRepeatRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void holdingThresholdRulesRepeatOncePerPollInterval() {
        // Given a portfolio
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        UUID portfolioId = UUID.fromString(json(post(alice, "/users/" + alice.id() + "/portfolio", null))
                .get("id")
                .asString());

        // When a watch entry and a position with a threshold are added
        post(
                alice,
                "/portfolio/" + portfolioId + "/stocks",
                "{\"StockSymbol\":\"" + symbol + "\",\"ThresholdPrice\":150}");
        put(
                alice,
                "/portfolio/" + portfolioId + "/stocks/" + symbol + "X",
                "{\"quantity\": 1, \"averageCost\": 100, \"thresholdPrice\": 120}");

        // Then both rules repeat with a cooldown of the poll interval instead of firing once
        for (String watched : new String[] {symbol, symbol + "X"}) {
            JsonNode rule =
                    json(get(alice, "/alerts?symbol=" + watched)).get("items").get(0);
            assertThat(rule.get("triggerMode").asString()).isEqualTo("COOLDOWN");
            assertThat(rule.get("cooldownSeconds").asLong()).isEqualTo(60);
        }
    }
}
