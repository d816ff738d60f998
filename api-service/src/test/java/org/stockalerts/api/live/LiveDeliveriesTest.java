package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.stockalerts.api.web.ApiIntegrationTestSupport.TestUser;
import org.stockalerts.common.event.AlertTriggered;
import tools.jackson.databind.JsonNode;

class LiveDeliveriesTest extends LiveIntegrationTestSupport {

    @Test
    void showsTheOwnerEachTargetsAttemptsAndStateAndHidesThemFromOthers() {
        // Given Alice's alert that was retried once by webhook and delivered at once by e-mail
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        AlertTriggered alert = alert(alice.id(), Instant.now());
        store(alert);
        UUID webhook = UUID.randomUUID();
        attempt(alert, "WEBHOOK", webhook, 1, "RETRYING", 503);
        attempt(alert, "WEBHOOK", webhook, 2, "DELIVERED", 200);
        attempt(alert, "EMAIL", UUID.randomUUID(), 1, "DELIVERED", null);
        String path = "/alerts/" + alert.alertId() + "/deliveries";

        // When she and Bob ask for its deliveries
        JsonNode hers = get(alice, path).getBody();
        ResponseEntity<JsonNode> his = get(bob, path);

        // Then she sees both targets with their attempts and current state; Bob gets a 404
        assertThat(hers).hasSize(2);
        assertThat(hers.get(0).get("channel").asString()).isEqualTo("EMAIL");
        JsonNode hook = hers.get(1);
        assertThat(hook.get("channelId").asString()).isEqualTo(webhook.toString());
        assertThat(hook.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(hook.get("attempts")).hasSize(2);
        assertThat(hook.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(503);
        assertThat(his.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void answersAnEmptyListForAFiredAlertNotYetDelivered() {
        // Given Alice's alert with no delivery attempt yet
        TestUser alice = registerUser("Alice");
        AlertTriggered alert = alert(alice.id(), Instant.now());
        store(alert);

        // When she asks for its deliveries, Then the list is empty
        assertThat(get(alice, "/alerts/" + alert.alertId() + "/deliveries").getBody())
                .isEmpty();
    }

    private ResponseEntity<JsonNode> get(TestUser user, String path) {
        return rest().get()
                .uri(path)
                .header("Authorization", user.bearer())
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {})
                .toEntity(JsonNode.class);
    }

    private void attempt(
            AlertTriggered alert, String channel, UUID channelId, int attempt, String outcome, Integer status) {
        jdbc.update(
                "INSERT INTO alerting.alert_deliveries (alert_id, user_id, rule_id, channel, channel_id, attempt,"
                        + " attempted_at, outcome, status_code, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 12)",
                alert.alertId(),
                alert.userId(),
                alert.ruleId(),
                channel,
                channelId,
                attempt,
                Timestamp.from(Instant.now()),
                outcome,
                status);
    }
}
