package org.stockalerts.api.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * API4 (unrestricted resource consumption): oversized, over-deep and out-of-bound input is a 4xx
 * problem detail, never a 500, and never stored. Quotas per user are covered by QuotaRoutesTest; a
 * body over the size limit sent chunked or with a false length, by RawHttpAttacksTest.
 */
class InputLimitsTest extends OwaspTestSupport {

    /** The request body limit (WebSettings.maxRequestBytes, 64 KiB by default). */
    private static final int MAX_BODY = 64 * 1024;

    static Stream<Arguments> oversizedInput() {
        return Stream.of(
                Arguments.of(
                        "a body of 64 KiB + 1", "POST", "/alerts", padded("{\"threshold\": 1}", MAX_BODY + 1), 413),
                Arguments.of("2,000-deep JSON", "POST", "/alerts", nested(2_000), 400),
                Arguments.of(
                        "a number of 10^6 digits",
                        "POST",
                        "/alerts",
                        rule("\"threshold\": " + "9".repeat(1_000_000)),
                        413),
                Arguments.of(
                        "a number of 60,000 digits",
                        "POST",
                        "/alerts",
                        rule("\"threshold\": " + "9".repeat(60_000)),
                        400),
                Arguments.of(
                        "a threshold of 17 integer digits",
                        "POST",
                        "/alerts",
                        rule("\"threshold\": 1" + "0".repeat(16)),
                        400),
                Arguments.of(
                        "a threshold of 9 fraction digits", "POST", "/alerts", rule("\"threshold\": 1.000000001"), 400),
                Arguments.of("a percent of 6 integer digits", "POST", "/alerts", move("\"percent\": 100000"), 400),
                Arguments.of(
                        "windowMinutes above a week",
                        "POST",
                        "/alerts",
                        move("\"percent\": 5, \"windowMinutes\": 10081"),
                        400),
                Arguments.of(
                        "windowMinutes beyond int",
                        "POST",
                        "/alerts",
                        move("\"percent\": 5, \"windowMinutes\": 2147483648"),
                        400),
                Arguments.of(
                        "cooldownSeconds above 366 days",
                        "POST",
                        "/alerts",
                        rule("\"threshold\": 1, \"triggerMode\": \"COOLDOWN\", \"cooldownSeconds\": 31622401"),
                        400),
                Arguments.of(
                        "cooldownSeconds beyond long",
                        "POST",
                        "/alerts",
                        rule(
                                "\"threshold\": 1, \"triggerMode\": \"COOLDOWN\", \"cooldownSeconds\": 9223372036854775808"),
                        400),
                Arguments.of(
                        "a negative rearmMargin",
                        "POST",
                        "/alerts",
                        rule("\"threshold\": 1, \"triggerMode\": \"REARM\", \"rearmMargin\": -1"),
                        400),
                Arguments.of(
                        "four channels",
                        "POST",
                        "/alerts",
                        rule("\"threshold\": 1, \"channels\": [\"IN_APP\", \"EMAIL\", \"WEBHOOK\", \"SMS\"]"),
                        400),
                Arguments.of(
                        "a symbol of 10,000 characters",
                        "POST",
                        "/alerts",
                        "{\"symbol\": \"" + "A".repeat(10_000) + "\", \"threshold\": 1}",
                        400),
                Arguments.of(
                        "a name of 201 characters",
                        "PATCH",
                        "/users/{owner}",
                        "{\"name\": \"" + "n".repeat(201) + "\"}",
                        400),
                Arguments.of(
                        "an e-mail of 321 characters",
                        "PATCH",
                        "/users/{owner}",
                        "{\"email\": \"" + "e".repeat(309) + "@example.com\"}",
                        400),
                Arguments.of(
                        "a channel address of 2,049 characters",
                        "POST",
                        "/users/{owner}/channels",
                        "{\"type\": \"EMAIL\", \"address\": \"" + "a".repeat(2_037) + "@example.com\"}",
                        400),
                Arguments.of(
                        "a quantity of 17 integer digits",
                        "POST",
                        "/portfolio/{portfolio}/stocks",
                        "{\"symbol\": \"{fresh}\", \"quantity\": 1" + "0".repeat(16) + ", \"averageCost\": 1}",
                        400),
                Arguments.of(
                        "a negative averageCost",
                        "POST",
                        "/portfolio/{portfolio}/stocks",
                        "{\"symbol\": \"{fresh}\", \"quantity\": 1, \"averageCost\": -1}",
                        400),
                Arguments.of("501 holdings in one request", "POST", "/users/{owner}/portfolio", holdings(501), 400),
                Arguments.of("a page size of 10^6", "GET", "/alerts?size=1000000", null, 400),
                Arguments.of("a page number beyond int", "GET", "/alerts?page=2147483648", null, 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedInput")
    void refusesOversizedInputWithAProblemDetailAndStoresNothing(
            String what, String method, String target, String body, int status) {
        // Given a user with a portfolio, a rule and a channel
        World world = world();
        String rulesBefore = body(get(world.owner(), "/alerts"));

        // When the input is sent
        MvcTestResult result = call(
                method,
                BolaMatrixTest.fill(target, world),
                body == null ? null : BolaMatrixTest.fill(body, world),
                world.owner().bearer());

        // Then it is refused with the expected 4xx problem detail and the user's rules are as they were
        assertProblem(result, status);
        assertThat(body(get(world.owner(), "/alerts"))).isEqualTo(rulesBefore);
    }

    private static String rule(String fields) {
        return "{\"symbol\": \"AAPL\", " + fields + "}";
    }

    private static String move(String fields) {
        return "{\"symbol\": \"AAPL\", \"condition\": \"MOVES_UP\", \"reference\": \"WINDOW\", " + fields + "}";
    }

    private static String nested(int depth) {
        return "{\"channels\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private static String padded(String json, int size) {
        return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
    }

    private static String holdings(int count) {
        StringBuilder holdings = new StringBuilder("{\"holdings\": [");
        for (int i = 0; i < count; i++) {
            holdings.append(i == 0 ? "" : ", ")
                    .append("{\"symbol\": \"S")
                    .append(i)
                    .append("\", \"thresholdPrice\": 1}");
        }
        return holdings.append("]}").toString();
    }
}
