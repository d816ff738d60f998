package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.id.AlertIds;
import tools.jackson.databind.JsonNode;

class DryRunRoutesTest extends ApiIntegrationTestSupport {

    /** An hour ago, to the minute: every tick of these tests is recorded in the past. */
    private final Instant base = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void replaysARuleBodyOverTheStoredTicksWithReceipts() {
        // Given a user and recorded ticks that cross 100 twice
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        List<UUID> ticks = store(symbol, "98", "99", "101", "99", "102");

        // When she dry-runs a re-arming cross over them
        MvcTestResult result = post(alice, "/alerts/dry-run", """
                {"rule": {"symbol": "%s", "condition": "CROSSES_UP", "threshold": 100, "triggerMode": "REARM",
                          "rearmMargin": 0.5},
                 "from": "%s", "to": "%s"}""".formatted(symbol, base, base.plusSeconds(60)));

        // Then it would have fired on both crossings, with receipts, and nothing was saved
        assertThat(result).hasStatusOk();
        JsonNode run = json(result);
        assertThat(run.get("ticksExamined").asLong()).isEqualTo(5);
        assertThat(run.get("firstTickAt").asString())
                .isEqualTo(base.plusSeconds(1).toString());
        assertThat(run.get("lastTickAt").asString())
                .isEqualTo(base.plusSeconds(5).toString());
        JsonNode alerts = run.get("alerts");
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).get("sourceEventId").asString())
                .isEqualTo(ticks.get(2).toString());
        assertThat(alerts.get(0).get("message").asString()).isEqualTo(symbol + " crossed up through 100 (now 101)");
        assertDecimals(alerts.get(0).get("receipt"), "observedValue", "101", "previousValue", "99");
        assertThat(alerts.get(0).get("receipt").get("evaluatedAt").isNull()).isTrue();
        assertThat(alerts.get(1).get("sourceEventId").asString())
                .isEqualTo(ticks.get(4).toString());
        assertThat(run.get("after").get("armed").asBoolean()).isFalse();
        assertThat(json(get(alice, "/alerts?symbol=" + symbol)).get("total").asInt())
                .isZero();
    }

    @Test
    void aStoredRuleIsReplayedWithTheAlertIdsTheEngineGivesIt() {
        // Given one of Alice's rules, and a recorded tick at its level
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        String ruleId = json(post(alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 50}"))
                .get("id")
                .asString();
        UUID tick = store(symbol, "49", "50.5").get(1);

        // When she dry-runs it by its id
        JsonNode run = json(post(alice, "/alerts/dry-run", """
                {"alertId": "%s", "from": "%s", "to": "%s"}""".formatted(ruleId, base, base.plusSeconds(60))));

        // Then its alert has the id the live engine gives that rule on that tick
        assertThat(run.get("ruleId").asString()).isEqualTo(ruleId);
        assertThat(run.get("alerts"))
                .singleElement()
                .satisfies(alert -> assertThat(alert.get("alertId").asString())
                        .isEqualTo(AlertIds.of(UUID.fromString(ruleId), tick).toString()));
        // And nobody else can replay her rule
        TestUser bob = registerUser("Bob");
        assertProblem(post(bob, "/alerts/dry-run", """
                        {"alertId": "%s", "from": "%s", "to": "%s"}""".formatted(ruleId, base, base.plusSeconds(60))), 404);
    }

    @Test
    void theTickBeforeTheRangeIsTheFirstTicksPreviousPrice() {
        // Given a tick below the level before the range, and one above it inside
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        store(symbol, "99", "101");

        // When the range starts after the first tick
        JsonNode run =
                json(post(alice, "/alerts/dry-run", """
                {"rule": {"symbol": "%s", "condition": "CROSSES_UP", "threshold": 100},
                 "from": "%s", "to": "%s"}""".formatted(symbol, base.plusSeconds(2), base.plusSeconds(60))));

        // Then only the second tick is examined, and it crossed from the first
        assertThat(run.get("ticksExamined").asLong()).isEqualTo(1);
        assertThat(run.get("alerts")).hasSize(1);
    }

    @Test
    void aWindowMoveIsMeasuredFromTheLastTickOfTheMinuteItsWindowBeforeTheRange() {
        // Given ticks in the minutes before the range, two in its second minute, and one inside the range
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        storeTick(symbol, "100", null, null, base.plusSeconds(1));
        storeTick(symbol, "101", null, null, base.plusSeconds(61));
        storeTick(symbol, "101.5", null, null, base.plusSeconds(62));
        storeTick(symbol, "105", null, null, base.plusSeconds(181));

        // When a 2-minute move up of 3 % is dry-run from the third minute
        JsonNode run = json(
                post(alice, "/alerts/dry-run", """
                {"rule": {"symbol": "%s", "condition": "MOVES_UP", "percent": 3, "reference": "WINDOW",
                          "windowMinutes": 2},
                 "from": "%s", "to": "%s"}""".formatted(symbol, base.plusSeconds(150), base.plusSeconds(240))));

        // Then the move was measured from the last price of the minute two minutes before, as the engine measures it
        assertThat(run.get("ticksExamined").asLong()).isEqualTo(1);
        assertThat(run.get("alerts"))
                .singleElement()
                .satisfies(alert -> assertDecimals(alert.get("receipt"), "referencePrice", "101.5"));
    }

    @Test
    void refusesWhatItCannotReplayWith422() {
        // Given a user and a symbol with more recorded ticks than a dry run may replay
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        String[] prices = new String[DRY_RUN_MAX_TICKS + 1];
        Arrays.fill(prices, "10");
        store(symbol, prices);
        String level = "{\"symbol\": \"" + symbol + "\", \"threshold\": 100}";
        String body = "{\"rule\": %s, \"from\": \"%s\", \"to\": \"%s\"}";
        Instant now = Instant.now();

        // When the range, the rule or the ticks are out of bounds
        // Then each is a 422 problem detail
        assertProblem(post(alice, "/alerts/dry-run", body.formatted(level, base, base.plus(Duration.ofHours(1)))), 422);
        assertProblem(
                post(
                        alice,
                        "/alerts/dry-run",
                        body.formatted(
                                "{\"symbol\": \"" + symbol
                                        + "\", \"condition\": \"SIGNAL_TURNS\", \"signal\": \"BULLISH\"}",
                                base,
                                now)),
                422);
        assertProblem(
                post(
                        alice,
                        "/alerts/dry-run",
                        body.formatted("{\"condition\": \"PORTFOLIO_VALUE_ABOVE\", \"threshold\": 5}", base, now)),
                422);
        assertProblem(post(alice, "/alerts/dry-run", body.formatted(level, now, base)), 422);
        assertProblem(post(alice, "/alerts/dry-run", body.formatted(level, base, now.plusSeconds(3600))), 422);
        assertProblem(post(alice, "/alerts/dry-run", body.formatted(level, now.minus(Duration.ofDays(32)), now)), 422);
        assertProblem(post(alice, "/alerts/dry-run", "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(base, now)), 422);
        assertProblem(
                post(
                        alice,
                        "/alerts/dry-run",
                        "{\"rule\": %s, \"alertId\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}"
                                .formatted(level, UUID.randomUUID(), base, now)),
                422);
        assertProblem(
                post(
                        alice,
                        "/alerts/dry-run",
                        body.formatted("{\"symbol\": \"AAPL\", \"condition\": \"PRICE_BELOW\"}", base, now)),
                422);
        // And a missing range or an unknown rule are a 400 and a 404
        assertProblem(post(alice, "/alerts/dry-run", "{\"rule\": " + level + "}"), 400);
        assertProblem(
                post(
                        alice,
                        "/alerts/dry-run",
                        "{\"alertId\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}"
                                .formatted(UUID.randomUUID(), base, now)),
                404);
        // And a range inside the bound is replayed
        assertThat(post(alice, "/alerts/dry-run", body.formatted(level, base, base.plusSeconds(DRY_RUN_MAX_TICKS))))
                .hasStatusOk();
    }

    @Test
    void aRuleWhoseConditionAlreadyHoldsIsSavedWithAWarning() {
        // Given a symbol last recorded at 210
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        store(symbol, "205", "210");

        // When she creates a rule above 200, one above 220, and a cross up through 200
        JsonNode satisfied = json(post(alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 200}"));
        JsonNode waiting = json(post(alice, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 220}"));
        JsonNode cross = json(post(
                alice,
                "/alerts",
                "{\"symbol\": \"" + symbol + "\", \"condition\": \"CROSSES_UP\", \"threshold\": 200}"));

        // Then only the first is warned: it fires on the next tick, and a cross is suggested
        assertThat(satisfied.get("warnings")).singleElement().satisfies(warning -> {
            assertThat(warning.get("code").asString()).isEqualTo("ALREADY_SATISFIED");
            assertThat(warning.get("message").asString()).contains("210").contains("CROSSES_UP");
        });
        assertThat(waiting.has("warnings")).isFalse();
        assertThat(cross.has("warnings")).isFalse();
        // And reading the rule back carries no warning
        assertThat(json(get(alice, "/alerts/" + satisfied.get("id").asString())).has("warnings"))
                .isFalse();
    }

    /** Stores ticks of {@code symbol} at {@code prices}, one a second from a second after {@link #base}. */
    private List<UUID> store(String symbol, String... prices) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            ids.add(storeTick(symbol, prices[i], null, null, base.plusSeconds(i + 1L)));
        }
        return ids;
    }
}
