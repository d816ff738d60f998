package org.stockalerts.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/** The Go system's request bodies on its routes: body-less portfolio creation and watch entries. */
class WatchEntryRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void aBodylessPostCreatesThePortfolioOnceAndThenReturnsItAsItIs() {
        // Given a user without a portfolio
        TestUser alice = registerUser("Alice");
        String uri = "/users/" + alice.id() + "/portfolio";

        // When she posts without a body, again, and once more with a JSON content type but no body
        MvcTestResult created = post(alice, uri, null);
        MvcTestResult again = post(alice, uri, null);
        MvcTestResult emptyJson = mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .exchange();

        // Then the first creates it with the default name and the others return the same one unchanged
        assertThat(created).hasStatus(201);
        assertThat(json(created).get("name").asString()).isEqualTo(Portfolios.DEFAULT_NAME);
        assertThat(again).hasStatusOk();
        assertThat(emptyJson).hasStatusOk();
        assertThat(json(again).get("id").asString())
                .isEqualTo(json(created).get("id").asString());
        assertThat(json(emptyJson).get("id").asString())
                .isEqualTo(json(created).get("id").asString());
        assertThat(json(emptyJson).get("updatedAt").asString())
                .isEqualTo(json(again).get("updatedAt").asString());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api.outbox WHERE message_key = ? AND event_type = 'PortfolioChanged'",
                        Long.class,
                        alice.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void aBodylessPostOnSomeoneElsesPortfolioIsStill404() {
        // Given Bob
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");

        // When Alice posts without a body to his portfolio route
        // Then it is a 404 and Bob still has no portfolio
        assertProblem(post(alice, "/users/" + bob.id() + "/portfolio", null), 404);
        assertProblem(get(bob, "/users/" + bob.id() + "/portfolio"), 404);
    }

    @Test
    void theGoBodyCreatesAWatchEntryWithItsPriceAtOrAboveRule() {
        // Given a portfolio
        TestUser alice = registerUser("Alice");
        UUID portfolioId = portfolioOf(alice);

        // When the Go system's exact body is posted
        MvcTestResult added = post(
                alice, "/portfolio/" + portfolioId + "/stocks", "{\"StockSymbol\":\"AAPL\",\"ThresholdPrice\":150}");

        // Then a watch entry exists (no quantity, no cost) with one price-at-or-above rule at 150
        assertThat(added).hasStatus(201);
        JsonNode holding = json(added);
        assertThat(holding.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(holding.get("watched").asBoolean()).isTrue();
        assertThat(holding.get("quantity").isNull()).isTrue();
        assertThat(holding.get("averageCost").isNull()).isTrue();
        assertThat(holding.get("thresholdPrice").decimalValue()).isEqualByComparingTo("150");
        JsonNode rules = json(get(alice, "/alerts?symbol=AAPL")).get("items");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).get("condition").asString()).isEqualTo("PRICE_ABOVE");
        assertThat(rules.get(0).get("threshold").decimalValue()).isEqualByComparingTo("150");
        assertThat(rules.get(0).get("triggerMode").asString()).isEqualTo("ONCE");
        assertThat(rules.get(0).get("holdingId").isNull()).isFalse();
    }

    @Test
    void keysMatchInAnyLetterCaseAndASecondThresholdAddsASecondRule() {
        // Given a watch entry at 150
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        UUID portfolioId = portfolioOf(alice);
        String stocks = "/portfolio/" + portfolioId + "/stocks";
        post(alice, stocks, "{\"StockSymbol\":\"" + symbol + "\",\"ThresholdPrice\":150}");

        // When 160 is added in lower case, then 150 again in upper case
        MvcTestResult second =
                post(alice, stocks, "{\"stocksymbol\":\"" + symbol.toLowerCase() + "\",\"thresholdprice\":160}");
        MvcTestResult repeated = post(alice, stocks, "{\"STOCKSYMBOL\":\"" + symbol + "\",\"THRESHOLDPRICE\":150}");

        // Then there is one holding with both thresholds, and one rule per threshold
        assertThat(second).hasStatus(201);
        assertThat(repeated).hasStatus(201);
        JsonNode held = json(get(alice, stocks));
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("thresholds").valueStream().map(JsonNode::decimalValue))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("150"), new BigDecimal("160"));
        assertThat(held.get(0).get("thresholdPrice").decimalValue()).isEqualByComparingTo("150");
        JsonNode rules = json(get(alice, "/alerts?symbol=" + symbol)).get("items");
        assertThat(rules.valueStream().map(rule -> rule.get("threshold").decimalValue()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("150"), new BigDecimal("160"));
    }

    @Test
    void refusesUnknownFieldsAndIncompleteEntriesWith400() {
        // Given a portfolio
        TestUser alice = registerUser("Alice");
        String stocks = "/portfolio/" + portfolioOf(alice) + "/stocks";

        // When an unknown field, a symbol without threshold, a bad threshold or a quantity without cost is posted
        // Then each is a 400 problem detail and nothing is held
        MvcTestResult unknown = post(alice, stocks, "{\"StockSymbol\":\"AAPL\",\"ThresholdPrice\":150,\"ID\":1}");
        assertProblem(unknown, 400);
        assertThat(json(unknown).get("detail").asString()).contains("unknown field");
        assertProblem(post(alice, stocks, "{\"StockSymbol\":\"AAPL\"}"), 400);
        assertProblem(post(alice, stocks, "{\"StockSymbol\":\"AAPL\",\"ThresholdPrice\":-1}"), 400);
        assertProblem(post(alice, stocks, "{\"StockSymbol\":\"$$$\",\"ThresholdPrice\":150}"), 400);
        assertProblem(post(alice, stocks, "{\"StockSymbol\":\"AAPL\",\"quantity\":1,\"ThresholdPrice\":150}"), 400);
        assertThat(json(get(alice, stocks))).isEmpty();
    }

    @Test
    void aWatchEntryOnSomeoneElsesPortfolioIs404() {
        // Given Bob's portfolio
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        UUID bobs = portfolioOf(bob);

        // When Alice adds a watch entry to it
        // Then it is a 404 and Bob's portfolio stays empty
        assertProblem(
                post(alice, "/portfolio/" + bobs + "/stocks", "{\"StockSymbol\":\"AAPL\",\"ThresholdPrice\":1}"), 404);
        assertThat(json(get(bob, "/portfolio/" + bobs + "/stocks"))).isEmpty();
    }

    @Test
    void aWatchEntryIsValuedAsWatchedAndLeftOutOfTotalsAndOfThePublishedPositions() {
        // Given a position of 2 at 100 and a watch entry, both priced
        TestUser alice = registerUser("Alice");
        String held = uniqueSymbol();
        String watched = uniqueSymbol();
        storeTick(held, "120", null, null, Instant.parse("2026-01-02T10:00:00Z"));
        storeTick(watched, "55", null, null, Instant.parse("2026-01-02T10:00:00Z"));
        UUID portfolioId = portfolioOf(alice);
        String stocks = "/portfolio/" + portfolioId + "/stocks";
        post(alice, stocks, "{\"symbol\": \"" + held + "\", \"quantity\": 2, \"averageCost\": 100}");
        post(alice, stocks, "{\"StockSymbol\":\"" + watched + "\",\"ThresholdPrice\":60}");

        // When the portfolio is read
        JsonNode portfolio = json(get(alice, "/users/" + alice.id() + "/portfolio"));

        // Then the watch entry shows its price and no value, and the totals are the position's
        JsonNode entry = holdingOf(portfolio, watched);
        assertThat(entry.get("watched").asBoolean()).isTrue();
        assertThat(entry.get("lastPrice").decimalValue()).isEqualByComparingTo("55");
        assertThat(entry.get("marketValue").isNull()).isTrue();
        assertThat(entry.get("costBasis").isNull()).isTrue();
        assertThat(entry.get("unrealizedPnl").isNull()).isTrue();
        assertThat(holdingOf(portfolio, held).get("watched").asBoolean()).isFalse();
        assertThat(portfolio.get("totals").get("marketValue").decimalValue()).isEqualByComparingTo("240");
        assertThat(portfolio.get("totals").get("costBasis").decimalValue()).isEqualByComparingTo("200");
        // And the published portfolio carries the position only: a watch entry holds nothing
        JsonNode published = json(jdbc.queryForObject(
                "SELECT payload::text FROM api.outbox WHERE message_key = ? AND event_type = 'PortfolioChanged'"
                        + " ORDER BY id DESC LIMIT 1",
                String.class,
                alice.id().toString()));
        assertThat(published.get("holdings")).hasSize(1);
        assertThat(published.get("holdings").get(0).get("symbol").asString()).isEqualTo(held);
    }

    @Test
    void aPurchaseTurnsAWatchEntryIntoAPositionAndKeepsItsThresholds() {
        // Given a watch entry at 150
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        String stocks = "/portfolio/" + portfolioOf(alice) + "/stocks";
        post(alice, stocks, "{\"StockSymbol\":\"" + symbol + "\",\"ThresholdPrice\":150}");

        // When 3 are bought at 120
        MvcTestResult bought =
                post(alice, stocks, "{\"symbol\": \"" + symbol + "\", \"quantity\": 3, \"averageCost\": 120}");

        // Then it is a position of 3 at 120 whose rule at 150 stays
        assertThat(bought).hasStatus(201);
        JsonNode holding = json(get(alice, stocks)).get(0);
        assertThat(holding.get("watched").asBoolean()).isFalse();
        assertThat(holding.get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(holding.get("averageCost").decimalValue()).isEqualByComparingTo("120");
        assertThat(holding.get("thresholdPrice").decimalValue()).isEqualByComparingTo("150");
        assertThat(json(get(alice, "/alerts?symbol=" + symbol)).get("items")).hasSize(1);
    }

    private UUID portfolioOf(TestUser user) {
        MvcTestResult result = post(user, "/users/" + user.id() + "/portfolio", null);
        assertThat(result.getResponse().getStatus()).isIn(200, 201);
        return UUID.fromString(json(result).get("id").asString());
    }

    private static JsonNode holdingOf(JsonNode portfolio, String symbol) {
        return portfolio
                .get("holdings")
                .valueStream()
                .filter(holding -> holding.get("symbol").asString().equals(symbol))
                .findFirst()
                .orElseThrow();
    }
}
