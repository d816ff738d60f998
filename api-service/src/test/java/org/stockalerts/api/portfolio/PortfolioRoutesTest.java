package org.stockalerts.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class PortfolioRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void valuesEachHoldingAndTheTotalAtTheLatestStoredTick() {
        // Given a user holding 10 of a symbol bought at 100, whose latest tick is 110 after a close of 105
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        tick(symbol, "90", null, Instant.parse("2026-01-01T10:00:00Z"));
        tick(symbol, "110", "105", Instant.parse("2026-01-02T10:00:00Z"));
        post(alice, "/users/" + alice.id() + "/portfolio", holdingsJson(symbol, "10", "100", null));

        // When the portfolio is read
        JsonNode portfolio = json(get(alice, "/users/" + alice.id() + "/portfolio"));

        // Then the holding and the totals carry price, value, cost, P&L and day change
        JsonNode holding = portfolio.get("holdings").get(0);
        assertThat(holding.get("symbol").asString()).isEqualTo(symbol);
        assertThat(holding.get("lastPrice").decimalValue()).isEqualByComparingTo("110");
        assertThat(holding.get("priceTime").asString()).isEqualTo("2026-01-02T10:00:00Z");
        assertDecimals(
                holding,
                "marketValue",
                "1100",
                "costBasis",
                "1000",
                "unrealizedPnl",
                "100",
                "unrealizedPnlPercent",
                "10",
                "dayChange",
                "50");
        assertThat(portfolio.get("totals").get("marketValue").decimalValue()).isEqualByComparingTo("1100");
    }

    @Test
    void showsNullValuesWithAReasonForAHoldingWithoutAnyPrice() {
        // Given a holding of a symbol never seen on the feed
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        post(alice, "/users/" + alice.id() + "/portfolio", holdingsJson(symbol, "3", "20", null));

        // When the portfolio is read
        JsonNode portfolio = json(get(alice, "/users/" + alice.id() + "/portfolio"));

        // Then its value is unknown, with the reason, and the cost basis still adds up
        JsonNode holding = portfolio.get("holdings").get(0);
        assertThat(holding.get("marketValue").isNull()).isTrue();
        assertThat(holding.get("reason").asString()).isEqualTo(Valuation.NO_PRICE_YET);
        assertThat(portfolio.get("totals").get("costBasis").decimalValue()).isEqualByComparingTo("60");
        assertThat(portfolio.get("totals").get("reason").asString()).contains(symbol);
    }

    @Test
    void mergesASecondPurchaseOfTheSameSymbolAtTheWeightedAverageCost() {
        // Given a portfolio holding 10 at 100
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        UUID portfolioId = portfolioOf(alice, holdingsJson(symbol, "10", "100", null));

        // When 30 more are bought at 200 (through the purchasePrice alias of averageCost)
        MvcTestResult added = post(
                alice,
                "/portfolio/" + portfolioId + "/stocks",
                "{\"symbol\": \"" + symbol.toLowerCase() + "\", \"quantity\": 30, \"purchasePrice\": 200}");

        // Then the holding is 40 at 175, with the symbol upper-cased
        assertThat(added).hasStatus(201);
        JsonNode holding =
                json(get(alice, "/portfolio/" + portfolioId + "/stocks")).get(0);
        assertThat(holding.get("symbol").asString()).isEqualTo(symbol);
        assertThat(holding.get("quantity").decimalValue()).isEqualByComparingTo("40");
        assertThat(holding.get("averageCost").decimalValue()).isEqualByComparingTo("175");
    }

    @Test
    void keepsQuantityAndPricePrecisionExactly() {
        // Given a holding with eight decimal places
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        UUID portfolioId = portfolioOf(alice, "{\"name\": \"P\"}");

        // When it is set through PUT
        MvcTestResult put = put(
                alice,
                "/portfolio/" + portfolioId + "/stocks/" + symbol,
                "{\"quantity\": 0.12345678, \"averageCost\": 1234.56789012}");

        // Then the values come back exactly
        assertThat(put).hasStatusOk();
        assertThat(body(put)).contains("0.12345678").contains("1234.56789012");
    }

    @Test
    void aThresholdPriceKeepsAPriceAboveRuleForTheHolding() {
        // Given a holding with a threshold price of 250
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        UUID portfolioId = portfolioOf(alice, holdingsJson(symbol, "1", "200", "250"));
        JsonNode rules = json(get(alice, "/alerts?symbol=" + symbol)).get("items");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).get("condition").asString()).isEqualTo("PRICE_ABOVE");
        assertThat(rules.get(0).get("threshold").decimalValue()).isEqualByComparingTo("250");
        assertThat(rules.get(0).get("holdingId").isNull()).isFalse();

        // When the threshold changes to 300, then the holding is removed
        put(
                alice,
                "/portfolio/" + portfolioId + "/stocks/" + symbol,
                "{\"quantity\": 1, \"averageCost\": 200, \"thresholdPrice\": 300}");
        JsonNode updated = json(get(alice, "/alerts?symbol=" + symbol)).get("items");
        MvcTestResult removed = delete(alice, "/portfolio/" + portfolioId + "/stocks/" + symbol);

        // Then the same rule followed the threshold, and went with the holding
        assertThat(updated).hasSize(1);
        assertThat(updated.get(0).get("id").asString())
                .isEqualTo(rules.get(0).get("id").asString());
        assertThat(updated.get(0).get("threshold").decimalValue()).isEqualByComparingTo("300");
        assertThat(removed).hasStatus(204);
        assertThat(json(get(alice, "/alerts?symbol=" + symbol)).get("items")).isEmpty();
    }

    @Test
    void createsOrUpdatesThroughPostPortfolio() {
        // Given a user without a portfolio
        TestUser alice = registerUser("Alice");

        // When POST /portfolio names her twice
        MvcTestResult created = post(alice, "/portfolio", "{\"userId\": \"" + alice.id() + "\", \"name\": \"One\"}");
        MvcTestResult updated = post(alice, "/portfolio", "{\"userId\": \"" + alice.id() + "\", \"name\": \"Two\"}");

        // Then the first creates it and the second renames the same portfolio
        assertThat(created).hasStatus(201);
        assertThat(updated).hasStatusOk();
        assertThat(json(updated).get("id").asString())
                .isEqualTo(json(created).get("id").asString());
        assertThat(json(get(alice, "/users/" + alice.id() + "/portfolio"))
                        .get("name")
                        .asString())
                .isEqualTo("Two");
    }

    @Test
    void answers404ForEveryRouteOnSomeoneElsesPortfolio() {
        // Given Bob's portfolio
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String symbol = uniqueSymbol();
        UUID bobs = portfolioOf(bob, holdingsJson(symbol, "1", "1", null));
        String holding = "{\"symbol\": \"" + symbol + "\", \"quantity\": 1, \"averageCost\": 1}";

        // When Alice uses every portfolio route on it
        // Then each answers 404
        assertProblem(get(alice, "/users/" + bob.id() + "/portfolio"), 404);
        assertProblem(post(alice, "/users/" + bob.id() + "/portfolio", "{\"name\": \"x\"}"), 404);
        assertProblem(post(alice, "/portfolio", "{\"userId\": \"" + bob.id() + "\", \"name\": \"x\"}"), 404);
        assertProblem(get(alice, "/portfolio/" + bobs), 404);
        assertProblem(post(alice, "/portfolio/" + bobs + "/stocks", holding), 404);
        assertProblem(get(alice, "/portfolio/" + bobs + "/stocks"), 404);
        assertProblem(put(alice, "/portfolio/" + bobs + "/stocks/" + symbol, holding), 404);
        assertProblem(delete(alice, "/portfolio/" + bobs + "/stocks/" + symbol), 404);
        assertThat(json(get(bob, "/portfolio/" + bobs)).get("holdings")).hasSize(1);
    }

    @Test
    void refusesInvalidHoldingsWith400() {
        // Given a portfolio
        TestUser alice = registerUser("Alice");
        UUID portfolioId = portfolioOf(alice, "{\"name\": \"P\"}");
        String stocks = "/portfolio/" + portfolioId + "/stocks";

        // When holdings with a bad symbol, a negative quantity, too many decimals or an unknown field are added
        // Then each is a 400 problem detail
        assertProblem(post(alice, stocks, "{\"symbol\": \"$$$\", \"quantity\": 1, \"averageCost\": 1}"), 400);
        assertProblem(post(alice, stocks, "{\"symbol\": \"AAPL\", \"quantity\": -1, \"averageCost\": 1}"), 400);
        assertProblem(
                post(alice, stocks, "{\"symbol\": \"AAPL\", \"quantity\": 0.123456789, \"averageCost\": 1}"), 400);
        assertProblem(
                post(alice, stocks, "{\"symbol\": \"AAPL\", \"quantity\": 1, \"averageCost\": 1, \"x\": 1}"), 400);
        assertProblem(post(alice, stocks, "{\"quantity\": 1, \"averageCost\": 1}"), 400);
        assertThat(json(get(alice, stocks))).isEmpty();
    }

    private UUID portfolioOf(TestUser user, String body) {
        MvcTestResult result = post(user, "/users/" + user.id() + "/portfolio", body);
        assertThat(result.getResponse().getStatus()).isIn(200, 201);
        return UUID.fromString(json(result).get("id").asString());
    }

    private static String holdingsJson(String symbol, String quantity, String cost, String threshold) {
        return "{\"name\": \"Main\", \"holdings\": [{\"symbol\": \"" + symbol + "\", \"quantity\": " + quantity
                + ", \"averageCost\": " + cost + (threshold == null ? "" : ", \"thresholdPrice\": " + threshold)
                + "}]}";
    }

    private void tick(String symbol, String price, String previousClose, Instant at) {
        storeTick(symbol, price, null, previousClose, at);
    }
}
