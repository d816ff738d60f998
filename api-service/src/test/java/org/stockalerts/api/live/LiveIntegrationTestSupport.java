package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;

/**
 * Base of the live push tests: the whole service on a real port (streams need a real connection)
 * against the real PostgreSQL and Kafka. Every subclass shares this one Spring context.
 */
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockalerts.api.admin-key=" + ApiIntegrationTestSupport.ADMIN_KEY,
            "stockalerts.live.heartbeat=500ms",
            "stockalerts.live.max-connections-per-user=2",
            // the tests register more users from one address than its hourly registrations allow
            "stockalerts.api.rate-limits.enabled=false"
        })
@WithServiceSchemas({"persistence", "alerting"})
abstract class LiveIntegrationTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    private static volatile boolean listening;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    /** The live consumer starts at the latest offset: wait until it reads, so no test event is skipped. */
    @BeforeEach
    void awaitLiveConsumer() throws Exception {
        if (listening) {
            return;
        }
        var probe = registerUser("Probe");
        Symbol symbol = TickDraft.uniqueSymbol("P");
        try (SseClient ticks = connect(probe, "/stocks/" + symbol.value() + "/stream", null)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        publish(tick(symbol, "1.00"));
                        assertThat(ticks.events()).isNotEmpty();
                    });
        }
        listening = true;
    }

    ApiIntegrationTestSupport.TestUser registerUser(String name) {
        JsonNode body = rest().post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"" + name + "\"}")
                .retrieve()
                .body(JsonNode.class);
        return new ApiIntegrationTestSupport.TestUser(
                UUID.fromString(body.get("id").asString()), body.get("apiKey").asString());
    }

    RestClient rest() {
        return RestClient.create("http://127.0.0.1:" + port);
    }

    SseClient connect(ApiIntegrationTestSupport.TestUser user, String path, String lastEventId) throws Exception {
        return SseClient.connect(URI.create("http://127.0.0.1:" + port + path), user.bearer(), lastEventId);
    }

    /** Publishes {@code alert} as the alert engine would; returns its cursor. */
    AlertCursor publish(AlertTriggered alert) throws Exception {
        RecordMetadata written = kafka.send(
                        Topics.ALERTS_TRIGGERED.name(), alert.userId().toString(), alert)
                .get()
                .getRecordMetadata();
        return new AlertCursor(written.partition(), written.offset());
    }

    void publish(PriceTick tick) throws Exception {
        kafka.send(Topics.STOCK_PRICES.name(), tick.symbol().value(), tick).get();
    }

    /** Stores {@code alert} as the persistence service did before it kept positions. */
    void store(AlertTriggered alert) {
        store(alert, null);
    }

    /** Stores {@code alert} as the persistence service would, read at {@code cursor}. */
    void store(AlertTriggered alert, AlertCursor cursor) {
        jdbc.update(
                "INSERT INTO persistence.alerts (alert_id, event_id, user_id, rule_id, symbol, condition,"
                        + " observed_value, message, source_event_id, observed_at, triggered_at, payload,"
                        + " kafka_partition, kafka_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                alert.alertId(),
                alert.eventId(),
                alert.userId(),
                alert.ruleId(),
                alert.symbol().value(),
                alert.rule().condition().name(),
                alert.observedValue(),
                alert.message(),
                alert.sourceEventId(),
                Timestamp.from(alert.observedAt()),
                Timestamp.from(alert.occurredAt()),
                new String(EventJson.write(alert), java.nio.charset.StandardCharsets.UTF_8),
                cursor == null ? null : cursor.partition(),
                cursor == null ? null : cursor.offset());
    }

    static PriceTick tick(Symbol symbol, String price) {
        return TickDraft.tick().on(symbol.value()).price(price).build();
    }

    /** An alert of {@code userId} that fired at {@code at}. */
    static AlertTriggered alert(UUID userId, Instant at) {
        return AlertDraft.alert().user(userId).at(at).withoutTick().build();
    }

    /** The alert {@code alertId} of {@code userId}, fired at {@code at}. */
    static AlertTriggered alert(UUID userId, Instant at, UUID alertId) {
        AlertDraft alert = AlertDraft.alert().user(userId).at(at).withoutTick();
        alert.alertId = alertId;
        return alert.build();
    }
}
