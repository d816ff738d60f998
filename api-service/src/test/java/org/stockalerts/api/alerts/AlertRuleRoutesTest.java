package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class AlertRuleRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void createsAPriceAboveRuleFromUserIdSymbolAndTargetPrice() {
        // Given a user
        TestUser alice = registerUser("Alice");

        // When she posts a price alert with only her id, a symbol and a targetPrice
        MvcTestResult created = post(
                alice, "/alerts", "{\"userId\": \"" + alice.id() + "\", \"symbol\": \"aapl\", \"targetPrice\": 200.5}");

        // Then an active, once-only price-above rule on AAPL exists and can be read back
        assertThat(created).hasStatus(201);
        JsonNode rule = json(created);
        assertThat(rule.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(rule.get("condition").asString()).isEqualTo("PRICE_ABOVE");
        assertThat(rule.get("threshold").decimalValue()).isEqualByComparingTo("200.5");
        assertThat(rule.get("triggerMode").asString()).isEqualTo("ONCE");
        assertThat(rule.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(get(alice, "/alerts/" + rule.get("id").asString())).hasStatusOk();
    }

    @Test
    void createsEveryKindOfCondition() {
        // Given a user
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();

        // When she creates a rule of each family
        // Then each is accepted
        assertThat(post(
                        alice,
                        "/alerts",
                        "{\"symbol\": \"" + symbol
                                + "\", \"condition\": \"CROSSES_DOWN\", \"threshold\": 10, \"triggerMode\": \"REARM\","
                                + " \"rearmMargin\": 0.5}"))
                .hasStatus(201);
        assertThat(post(
                        alice,
                        "/alerts",
                        "{\"symbol\": \"" + symbol
                                + "\", \"condition\": \"MOVES_UP\", \"percent\": 5, \"reference\": \"WINDOW\","
                                + " \"windowMinutes\": 30, \"triggerMode\": \"COOLDOWN\", \"cooldownSeconds\": 600}"))
                .hasStatus(201);
        assertThat(
                        post(
                                alice,
                                "/alerts",
                                "{\"symbol\": \"" + symbol
                                        + "\", \"condition\": \"SIGNAL_TURNS\", \"signal\": \"BULLISH\", \"channels\": [\"EMAIL\"]}"))
                .hasStatus(201);
        assertThat(post(
                        alice,
                        "/alerts",
                        "{\"condition\": \"PORTFOLIO_VALUE_BELOW\", \"threshold\": 10000,"
                                + " \"expiresAt\": \"2999-01-01T00:00:00Z\"}"))
                .hasStatus(201);
        assertThat(json(get(alice, "/alerts?symbol=" + symbol)).get("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void refusesRulesMissingTheirTypeSpecificFieldsWith422() {
        // Given a user
        TestUser alice = registerUser("Alice");

        // When rules lack what their condition or trigger mode needs, or carry what it does not use
        // Then each is a 422 problem detail
        assertProblem(post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"condition\": \"PRICE_BELOW\"}"), 422);
        assertProblem(
                post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"condition\": \"MOVES_DOWN\", \"percent\": 3}"), 422);
        assertProblem(post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"condition\": \"SIGNAL_TURNS\"}"), 422);
        assertProblem(post(alice, "/alerts", "{\"condition\": \"PORTFOLIO_VALUE_ABOVE\"}"), 422);
        assertProblem(
                post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": 1, \"triggerMode\": \"COOLDOWN\"}"), 422);
        assertProblem(post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": 1, \"signal\": \"BULLISH\"}"), 422);
        assertProblem(
                post(
                        alice,
                        "/alerts",
                        "{\"symbol\": \"AAPL\", \"threshold\": 1," + " \"expiresAt\": \"2000-01-01T00:00:00Z\"}"),
                422);
        assertProblem(post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": 1, \"condition\": \"NOPE\"}"), 400);
        assertProblem(post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": -1}"), 400);
    }

    @Test
    void boundsTheWindowToAWeekAndTheCooldownToAYear() {
        // Given a user
        TestUser alice = registerUser("Alice");
        String window = "{\"symbol\": \"AAPL\", \"condition\": \"MOVES_UP\", \"percent\": 5, \"reference\": \"WINDOW\","
                + " \"windowMinutes\": %d}";
        String cooldown =
                "{\"symbol\": \"AAPL\", \"threshold\": 1, \"triggerMode\": \"COOLDOWN\"," + " \"cooldownSeconds\": %d}";

        // When she asks for a week and a minute, Integer.MAX_VALUE minutes, or a cooldown past a year
        // Then each is a 400 problem detail
        assertProblem(post(alice, "/alerts", window.formatted(10_081)), 400);
        assertProblem(post(alice, "/alerts", window.formatted(Integer.MAX_VALUE)), 400);
        assertProblem(post(alice, "/alerts", cooldown.formatted(366L * 24 * 3600 + 1)), 400);
        assertProblem(post(alice, "/alerts", cooldown.formatted(Long.MAX_VALUE)), 400);
        // And exactly a week and a year are accepted
        assertThat(post(alice, "/alerts", window.formatted(10_080))).hasStatus(201);
        assertThat(post(alice, "/alerts", cooldown.formatted(366L * 24 * 3600))).hasStatus(201);
    }

    @Test
    void pausesResumesChangesAndDeletesARule() {
        // Given a rule
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        String id = json(post(alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 10}"))
                .get("id")
                .asString();

        // When it is paused, listed by status, resumed, patched, replaced and deleted
        JsonNode paused = json(post(alice, "/alerts/" + id + "/pause", ""));
        JsonNode pausedList =
                json(get(alice, "/alerts?status=PAUSED&symbol=" + symbol)).get("items");
        JsonNode resumed = json(post(alice, "/alerts/" + id + "/resume", ""));
        JsonNode patched = json(patch(alice, "/alerts/" + id, "{\"threshold\": 12}"));
        JsonNode replaced = json(put(
                alice,
                "/alerts/" + id,
                "{\"symbol\": \"" + symbol + "\", \"condition\": \"PRICE_BELOW\", \"threshold\": 8}"));
        MvcTestResult deleted = delete(alice, "/alerts/" + id);

        // Then every step shows, each with a new revision, and the rule is gone at the end
        assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
        assertThat(pausedList).hasSize(1);
        assertThat(resumed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(patched.get("threshold").decimalValue()).isEqualByComparingTo("12");
        assertThat(patched.get("symbol").asString()).isEqualTo(symbol);
        assertThat(replaced.get("condition").asString()).isEqualTo("PRICE_BELOW");
        assertThat(replaced.get("revision").asLong()).isEqualTo(5);
        assertThat(deleted).hasStatus(204);
        assertProblem(get(alice, "/alerts/" + id), 404);
    }

    @Test
    void limitsARuleToAMarketSessionKeptAcrossPatchesAndAnyByDefault() {
        // Given a user
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();

        // When she creates a rule for the regular session and one without a session, patches the first's
        // threshold, then its session, and sends an unknown session
        JsonNode regular = json(post(
                alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 10, \"session\": \"REGULAR\"}"));
        JsonNode plain = json(post(alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 11}"));
        String id = regular.get("id").asString();
        JsonNode patched = json(patch(alice, "/alerts/" + id, "{\"threshold\": 12}"));
        JsonNode extended = json(patch(alice, "/alerts/" + id, "{\"session\": \"EXTENDED\"}"));

        // Then each shows its session, a patch without one keeps it, and the unknown one is a 400
        assertThat(regular.get("session").asString()).isEqualTo("REGULAR");
        assertThat(plain.get("session").asString()).isEqualTo("ANY");
        assertThat(patched.get("session").asString()).isEqualTo("REGULAR");
        assertThat(extended.get("session").asString()).isEqualTo("EXTENDED");
        assertThat(json(get(alice, "/alerts/" + id)).get("session").asString()).isEqualTo("EXTENDED");
        assertProblem(
                post(alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 10, \"session\": \"NIGHT\"}"),
                400);
    }

    @Test
    void aHoldingsThresholdRuleKeepsItsSessionWhenTheThresholdChanges() {
        // Given a position whose threshold made a rule, limited since to the regular session
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        String portfolio = json(post(alice, "/users/" + alice.id() + "/portfolio", null))
                .get("id")
                .asString();
        String position = "/portfolio/" + portfolio + "/stocks/" + symbol;
        put(alice, position, "{\"quantity\": 1, \"averageCost\": 100, \"thresholdPrice\": 120}");
        String id = json(get(alice, "/alerts?symbol=" + symbol))
                .get("items")
                .get(0)
                .get("id")
                .asString();
        patch(alice, "/alerts/" + id, "{\"session\": \"REGULAR\"}");

        // When the position's threshold changes
        put(alice, position, "{\"quantity\": 1, \"averageCost\": 100, \"thresholdPrice\": 125}");

        // Then the rule has the new threshold and still its session
        JsonNode rule = json(get(alice, "/alerts/" + id));
        assertThat(rule.get("threshold").decimalValue()).isEqualByComparingTo("125");
        assertThat(rule.get("session").asString()).isEqualTo("REGULAR");
    }

    @Test
    void answers404ForEveryRouteOnSomeoneElsesRule() {
        // Given Bob's rule
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String id = json(post(bob, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": 10}"))
                .get("id")
                .asString();
        String rule = "{\"symbol\": \"AAPL\", \"threshold\": 11}";

        // When Alice uses every rule route on it, or lists Bob's rules
        // Then each answers 404 and Bob's rule is untouched
        assertProblem(get(alice, "/alerts/" + id), 404);
        assertProblem(put(alice, "/alerts/" + id, rule), 404);
        assertProblem(patch(alice, "/alerts/" + id, rule), 404);
        assertProblem(post(alice, "/alerts/" + id + "/pause", ""), 404);
        assertProblem(post(alice, "/alerts/" + id + "/resume", ""), 404);
        assertProblem(delete(alice, "/alerts/" + id), 404);
        assertProblem(get(alice, "/alerts?userId=" + bob.id()), 404);
        assertProblem(
                post(alice, "/alerts", "{\"userId\": \"" + bob.id() + "\", \"symbol\": \"A\", \"threshold\": 1}"), 404);
        assertThat(json(get(bob, "/alerts/" + id)).get("threshold").decimalValue())
                .isEqualByComparingTo("10");
    }
}
