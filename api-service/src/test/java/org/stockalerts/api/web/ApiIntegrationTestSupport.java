package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the API's integration tests: the whole service on the real test PostgreSQL and Kafka,
 * driven through MockMvc, with the request rate limits off. Every subclass shares this one Spring
 * context (same annotations).
 */
@IntegrationTest
@SpringBootTest(
        properties = {
            "stockalerts.api.admin-key=" + ApiIntegrationTestSupport.ADMIN_KEY,
            // every test registers from MockMvc's one address; RateLimitRoutesTest has the limits on
            "stockalerts.api.rate-limits.enabled=false",
            // no alert engine runs with these tests: its explanations answer 503 (BolaMatrixTest)
            "stockalerts.api.engine.url=http://127.0.0.1:9",
            // small enough for DryRunRoutesTest to pass it
            "stockalerts.api.dry-run.max-ticks=" + ApiIntegrationTestSupport.DRY_RUN_MAX_TICKS
        })
@AutoConfigureMockMvc
@WithServiceSchemas("persistence")
public abstract class ApiIntegrationTestSupport {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    /** The most stored ticks one dry run replays in these tests. */
    public static final int DRY_RUN_MAX_TICKS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A registered user and their API key. */
    public record TestUser(UUID id, String apiKey) {

        public String bearer() {
            return "Bearer " + apiKey;
        }
    }

    /**
     * Stores a simulated tick as the persistence service does, in the daily partition it creates for it; answers its
     * eventId.
     */
    protected UUID storeTick(String symbol, String price, Long volume, String previousClose, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        // the migration's function works in the current schema, as the persistence service connects
        jdbc.execute((ConnectionCallback<Object>) connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET search_path TO persistence");
                try {
                    sql.execute("SELECT ensure_price_tick_partitions('" + day + "', '" + day + "')");
                } finally {
                    sql.execute("RESET search_path");
                }
            }
            return null;
        });
        UUID eventId = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO persistence.price_ticks (event_id, symbol, price, volume, previous_close, source,
                                                     observed_at, occurred_at)
                VALUES (?, ?, ?, ?, ?, 'simulated', ?, ?)
                """,
                eventId,
                symbol,
                new BigDecimal(price),
                volume,
                previousClose == null ? null : new BigDecimal(previousClose),
                Timestamp.from(at),
                Timestamp.from(at));
        return eventId;
    }

    /** A fired alert of {@code userId} as persistence-consumer stores it, its payload included. */
    protected AlertTriggered storeFiredAlert(UUID userId, String symbol) {
        AlertTriggered alert = AlertDraft.alert().user(userId).build();
        Timestamp at = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO persistence.alerts (alert_id, event_id, user_id, rule_id, symbol, condition,"
                        + " observed_value, message, source_event_id, observed_at, triggered_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, 'PRICE_ABOVE', ?, 'fired', ?, ?, ?, ?::jsonb)",
                alert.alertId(),
                alert.eventId(),
                userId,
                alert.ruleId(),
                symbol,
                BigDecimal.TEN,
                UUID.randomUUID(),
                at,
                at,
                new String(EventJson.write(alert), StandardCharsets.UTF_8));
        return alert;
    }

    protected TestUser registerUser(String name) {
        MvcTestResult result = mvc.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        JsonNode body = json(result);
        return new TestUser(
                UUID.fromString(body.get("id").asString()), body.get("apiKey").asString());
    }

    /** A symbol no other test uses, so ticks and rules of other tests never interfere. */
    protected static String uniqueSymbol() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    protected MvcTestResult get(TestUser user, String uri) {
        return send(user, HttpMethod.GET, uri, null);
    }

    protected MvcTestResult delete(TestUser user, String uri) {
        return send(user, HttpMethod.DELETE, uri, null);
    }

    protected MvcTestResult post(TestUser user, String uri, String body) {
        return send(user, HttpMethod.POST, uri, body);
    }

    protected MvcTestResult put(TestUser user, String uri, String body) {
        return send(user, HttpMethod.PUT, uri, body);
    }

    protected MvcTestResult patch(TestUser user, String uri, String body) {
        return send(user, HttpMethod.PATCH, uri, body);
    }

    private MvcTestResult send(TestUser user, HttpMethod method, String uri, String body) {
        var request = mvc.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, user.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    /** Asserts each named decimal field of {@code node}: {@code assertDecimals(bar, "open", "100", "high", "103")}. */
    protected static void assertDecimals(JsonNode node, String... fieldsAndValues) {
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            assertThat(node.get(fieldsAndValues[i]).decimalValue())
                    .as(fieldsAndValues[i])
                    .isEqualByComparingTo(fieldsAndValues[i + 1]);
        }
    }

    protected static JsonNode json(MvcTestResult result) {
        return json(body(result));
    }

    protected static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    protected static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** Asserts an RFC 9457 problem detail with {@code status}. */
    protected static void assertProblem(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json(result).get("status").asInt()).isEqualTo(status);
    }
}
