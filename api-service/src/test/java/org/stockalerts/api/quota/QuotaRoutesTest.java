package org.stockalerts.api.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Each per-user quota answered with a 409 problem naming it, with small limits so the routes reach them
 * fast. The context of its own is closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(
        properties = {
            "stockalerts.api.quotas.rules=3",
            "stockalerts.api.quotas.channels=2",
            "stockalerts.api.quotas.holdings=3",
            "stockalerts.api.quotas.symbols=4",
            "stockalerts.api.quotas.keys=3"
        })
class QuotaRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void refusesTheFourthRuleAndAcceptsOneAgainAfterADeletion() {
        // Given a user with three rules on one symbol
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> json(post(alice, "/alerts", rule(symbol, 100 + i)))
                        .get("id")
                        .asString())
                .toList();

        // When she creates a fourth, then it is refused naming the limit, and nothing is stored
        assertQuotaExceeded(post(alice, "/alerts", rule(symbol, 200)), "rules", 3);
        assertThat(count("SELECT count(*) FROM api.alert_rules WHERE user_id = ?", alice.id()))
                .isEqualTo(3);

        // And after deleting one she may create one again
        assertThat(delete(alice, "/alerts/" + ids.getFirst())).hasStatus(204);
        assertThat(post(alice, "/alerts", rule(symbol, 200))).hasStatus(201);
    }

    @Test
    void refusesTheThirdChannel() {
        // Given a user with two e-mail channels
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";
        assertThat(post(alice, channels, email("a"))).hasStatus(201);
        assertThat(post(alice, channels, email("b"))).hasStatus(201);

        // When she adds a third, then it is refused naming the limit
        assertQuotaExceeded(post(alice, channels, email("c")), "channels", 2);
        assertThat(json(get(alice, channels))).hasSize(2);
    }

    @Test
    void refusesAFourthHoldingWhetherAddedAloneOrInAReplacingPortfolio() {
        // Given a user with three positions
        TestUser alice = registerUser("Alice");
        UUID portfolio = portfolioOf(alice);
        String base = uniqueSymbol();
        for (int i = 0; i < 3; i++) {
            assertThat(post(alice, "/portfolio/" + portfolio + "/stocks", position(base + i)))
                    .hasStatus(201);
        }

        // When she adds a fourth, or replaces her holdings with four, then each is refused naming the limit
        assertQuotaExceeded(post(alice, "/portfolio/" + portfolio + "/stocks", position(base + 3)), "holdings", 3);
        String four = IntStream.range(0, 4)
                .mapToObj(i -> position(base + i))
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        assertQuotaExceeded(
                post(alice, "/users/" + alice.id() + "/portfolio", "{\"holdings\": [" + four + "]}"), "holdings", 3);
        assertThat(holdingsOf(alice)).isEqualTo(3);
    }

    @Test
    void refusesAFifthDistinctSymbolAcrossRulesAndHoldings() {
        // Given a user holding two symbols and with rules on two others
        TestUser alice = registerUser("Alice");
        UUID portfolio = portfolioOf(alice);
        String base = uniqueSymbol();
        post(alice, "/portfolio/" + portfolio + "/stocks", position(base + "A"));
        post(alice, "/portfolio/" + portfolio + "/stocks", position(base + "B"));
        String onC = json(post(alice, "/alerts", rule(base + "C", 1))).get("id").asString();
        assertThat(post(alice, "/alerts", rule(base + "D", 1))).hasStatus(201);

        // When a rule on a fifth symbol is created, then it is refused naming the limit
        assertQuotaExceeded(post(alice, "/alerts", rule(base + "E", 1)), "symbols", 4);
        // And a rule on a symbol she already holds is no new symbol
        MvcTestResult onA = post(alice, "/alerts", rule(base + "A", 1));
        assertThat(onA).hasStatus(201);
        // And moving that rule to a fifth symbol is refused, while moving C's only rule there swaps one symbol
        String moveToE = "{\"symbol\": \"" + base + "E\"}";
        assertQuotaExceeded(patch(alice, "/alerts/" + json(onA).get("id").asString(), moveToE), "symbols", 4);
        assertThat(patch(alice, "/alerts/" + onC, moveToE)).hasStatus(200);
    }

    @Test
    void twoRequestsRacingForTheLastHoldingSlotAreNotBothAccepted() throws Exception {
        // Given a user with two holdings, one slot left
        TestUser alice = registerUser("Alice");
        UUID portfolio = portfolioOf(alice);
        String base = uniqueSymbol();
        post(alice, "/portfolio/" + portfolio + "/stocks", position(base + "A"));
        post(alice, "/portfolio/" + portfolio + "/stocks", position(base + "B"));

        // When two requests add two different symbols at the same time
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> racing = List.of("C", "D").stream()
                .map(suffix -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return post(alice, "/portfolio/" + portfolio + "/stocks", position(base + suffix))
                            .getResponse()
                            .getStatus();
                }))
                .toList();
        List<Integer> statuses =
                racing.stream().map(CompletableFuture::join).sorted().toList();

        // Then exactly one is accepted and the user has three holdings
        assertThat(statuses).containsExactly(201, 409);
        assertThat(holdingsOf(alice)).isEqualTo(3);
    }

    @Test
    void refusesTheFourthKeyAndAcceptsOneAgainAfterARevocation() {
        // Given a user with three keys (the one of her registration and two more)
        TestUser alice = registerUser("Alice");
        String keys = "/users/" + alice.id() + "/keys";
        String second = json(post(alice, keys, null)).get("id").asString();
        assertThat(post(alice, keys, null)).hasStatus(201);

        // When she creates a fourth, then it is refused naming the limit, and nothing is stored
        assertQuotaExceeded(post(alice, keys, null), "keys", 3);
        assertThat(count("SELECT count(*) FROM api.api_keys WHERE user_id = ?", alice.id()))
                .isEqualTo(3);

        // And after revoking one she may create one again
        assertThat(delete(alice, keys + "/" + second)).hasStatus(204);
        assertThat(post(alice, keys, null)).hasStatus(201);
    }

    private static void assertQuotaExceeded(MvcTestResult result, String limit, int maximum) {
        assertProblem(result, 409);
        JsonNode problem = json(result);
        assertThat(problem.get("title").asString()).isEqualTo("Quota exceeded");
        assertThat(problem.get("limit").asString()).isEqualTo(limit);
        assertThat(problem.get("maximum").asInt()).isEqualTo(maximum);
        assertThat(problem.get("detail").asString()).contains("at most " + maximum);
    }

    private long count(String sql, UUID userId) {
        return jdbc.queryForObject(sql, Long.class, userId);
    }

    private long holdingsOf(TestUser user) {
        return count(
                "SELECT count(*) FROM api.holdings h JOIN api.portfolios p ON p.id = h.portfolio_id WHERE p.user_id = ?",
                user.id());
    }

    private UUID portfolioOf(TestUser user) {
        MvcTestResult result = post(user, "/users/" + user.id() + "/portfolio", null);
        assertThat(result.getResponse().getStatus()).isIn(200, 201);
        return UUID.fromString(json(result).get("id").asString());
    }

    private static String rule(String symbol, int threshold) {
        return "{\"symbol\": \"" + symbol + "\", \"threshold\": " + threshold + "}";
    }

    private static String email(String local) {
        return "{\"type\": \"EMAIL\", \"address\": \"" + local + "@example.com\"}";
    }

    /** A position without a threshold, so it adds no rule. */
    private static String position(String symbol) {
        return "{\"symbol\": \"" + symbol + "\", \"quantity\": 1, \"averageCost\": 10}";
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
