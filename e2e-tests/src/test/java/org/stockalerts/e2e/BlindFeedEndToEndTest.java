package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A blind feed end to end (docs/market-data.md, "Blind feeds"): the four services as processes, api-service streaming
 * trades from a local Alpaca. A symbol's trades stop: the rule on it explains {@code FEED_STALE} and its user gets a
 * notice. Trades come back, and Alpaca's bars say the gap went through the rule's level: the alert the gap hid fires,
 * marked catch-up in its receipt, once, and the user gets a "resumed" notice.
 */
class BlindFeedEndToEndTest {

    private static final String SYMBOL = "GAPX";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @AutoClose
    private final Opened opened = new Opened();

    @Test
    void aStaleFeedIsExplainedAndNoticedAndWhatItsGapHidFiresMarkedCatchUpWhenItResumes() throws Exception {
        // Given the system streaming from Alpaca, where a symbol silent for 5 s at any hour is stale
        AlpacaStub alpaca = opened.add(new AlpacaStub());
        RunningSystem system = opened.add(RunningSystem.start(Map.ofEntries(
                Map.entry("STOCKALERTS_MARKETDATA_PROVIDER", "alpaca"),
                Map.entry("STOCKALERTS_MARKETDATA_ALPACA_URL", alpaca.streamUrl()),
                Map.entry("STOCKALERTS_MARKETDATA_ALPACA_DATA_URL", alpaca.dataUrl()),
                Map.entry("STOCKALERTS_MARKETDATA_ALPACA_KEY_ID", "e2e-key-id"),
                Map.entry("STOCKALERTS_MARKETDATA_ALPACA_SECRET", "e2e-secret"),
                Map.entry("STOCKALERTS_MARKETDATA_STALE_SESSION", "any"),
                Map.entry("STOCKALERTS_MARKETDATA_STALE_AFTER", "5s"),
                Map.entry("STOCKALERTS_MARKETDATA_SYMBOLS_REFRESH_INTERVAL", "1s"),
                Map.entry("STOCKALERTS_MARKETDATA_LEADER_CHECK_INTERVAL", "1s"))));
        ApiClient api = system.api();
        JsonNode user = api.call("POST", "/users", null, "{\"name\":\"Blind Feed\",\"email\":\"blind@example.com\"}");
        String userId = user.get("id").asString();
        String key = user.get("apiKey").asString();
        String ruleId = api.call(
                        "POST",
                        "/alerts",
                        key,
                        "{\"symbol\":\"" + SYMBOL + "\",\"condition\":\"CROSSES_UP\",\"threshold\":100,"
                                + "\"triggerMode\":\"ONCE\"}")
                .get("id")
                .asString();
        await().atMost(WAIT).until(() -> alpaca.subscribed().contains(SYMBOL));

        // When the symbol trades at 99 until the engine has the price
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            alpaca.trade(SYMBOL, "99");
            JsonNode why = api.call("GET", "/alerts/" + ruleId + "/explain", key, null);
            assertThat(why.path("lastValue").isNumber())
                    .as("the engine has a price: %s", why)
                    .isTrue();
            assertThat(why.path("lastValue").decimalValue()).isEqualByComparingTo("99");
        });

        // and then goes silent
        // Then the rule explains FEED_STALE and the user has a notice of it
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(codes(api.call("GET", "/alerts/" + ruleId + "/explain", key, null)))
                    .contains("FEED_STALE");
            assertThat(kinds(api.call("GET", "/users/" + userId + "/notices", key, null)))
                    .contains("FEED_STALE");
        });
        assertThat(api.call("GET", "/users/" + userId + "/alerts", key, null).get("items"))
                .isEmpty();

        // When Alpaca's bars say the gap's first whole minute traded between 98.80 and 101.50 (the poller counts only
        // bars lying inside the gap: the test waits for that minute to end), and the symbol trades at 99.20 again
        alpaca.barsWith("101.50", "98.80");
        Instant minuteOver = alpaca.lastTradeAt()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofMinutes(2))
                .plusSeconds(1);
        await().atMost(Duration.ofMinutes(3)).until(() -> Instant.now().isAfter(minuteOver));
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            alpaca.trade(SYMBOL, "99.2");
            // Then the cross above 100 the gap hid fired, marked catch-up, at the gap's high
            JsonNode alerts =
                    api.call("GET", "/users/" + userId + "/alerts", key, null).get("items");
            assertThat(alerts).hasSize(1);
            JsonNode receipt = alerts.get(0).get("receipt");
            assertThat(receipt.get("catchUp").asBoolean()).isTrue();
            assertThat(receipt.get("observedValue").decimalValue()).isEqualByComparingTo("101.50");
            assertThat(receipt.get("source").asString()).isEqualTo("alpaca");
            assertThat(alerts.get(0).get("message").asString()).startsWith("Catch-up after a blind feed:");
        });

        // And the user has a notice that it resumed, the rule no longer explains FEED_STALE, and the alert fired once
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(kinds(api.call("GET", "/users/" + userId + "/notices", key, null)))
                    .contains("FEED_STALE", "FEED_RESUMED");
            assertThat(codes(api.call("GET", "/alerts/" + ruleId + "/explain", key, null)))
                    .doesNotContain("FEED_STALE");
        });
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.call("GET", "/users/" + userId + "/alerts", key, null)
                                .get("items"))
                        .hasSize(1));
        // and the bars were asked for with the key in headers, never in the URL
        assertThat(alpaca.barRequests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getHeaders().get("APCA-API-KEY-ID")).isEqualTo("e2e-key-id");
            assertThat(request.getUrl().toString()).doesNotContain("e2e-secret");
        });
    }

    private static List<String> codes(JsonNode explanation) {
        List<String> codes = new ArrayList<>();
        explanation
                .path("reasons")
                .forEach(reason -> codes.add(reason.path("code").asString()));
        return codes;
    }

    private static List<String> kinds(JsonNode notices) {
        List<String> kinds = new ArrayList<>();
        notices.forEach(notice -> kinds.add(notice.path("kind").asString()));
        return kinds;
    }
}
