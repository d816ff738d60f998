package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;

/**
 * A webhook alert-consumer disabled, as a channel shows it and as its user re-enables it, and the
 * replay of one delivery: both only ask alert-consumer, through the outbox, and write none of its tables.
 */
@WithServiceSchemas({"persistence", "alerting"})
class EndpointStatusRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void showsAWebhookTheDeliveryServiceDisabledAndAsksItToReenableIt() {
        // Given a user with a webhook that alert-consumer disabled after a 410 Gone
        TestUser alice = registerUser("Alice");
        UUID webhook = add(alice, "{\"type\": \"WEBHOOK\", \"address\": \"https://93.184.215.14/hooks/gone\"}");
        UUID email = add(alice, "{\"type\": \"EMAIL\", \"address\": \"alice@example.com\"}");
        Instant disabledAt = Instant.parse("2026-12-01T10:15:30Z");
        jdbc.update(
                "INSERT INTO alerting.endpoint_states (channel_id, user_id, failing_since, disabled_at, disabled_reason,"
                        + " updated_at) VALUES (?, ?, ?, ?, 'the receiver answered 410 Gone', ?)",
                webhook,
                alice.id(),
                Timestamp.from(disabledAt),
                Timestamp.from(disabledAt),
                Timestamp.from(disabledAt));

        // When she lists her channels
        JsonNode channels = json(get(alice, "/users/" + alice.id() + "/channels"));

        // Then the webhook shows as disabled, when and why, and the e-mail channel as active
        JsonNode shown = channels.get(0);
        assertThat(shown.get("id").asString()).isEqualTo(webhook.toString());
        assertThat(shown.get("status").asString()).isEqualTo("DISABLED");
        assertThat(shown.get("disabledReason").asString()).isEqualTo("the receiver answered 410 Gone");
        assertThat(Instant.parse(shown.get("disabledAt").asString())).isEqualTo(disabledAt);
        assertThat(channels.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(channels.get(1).has("disabledReason")).isFalse();

        // When she re-enables the webhook, and tries the same for her e-mail channel
        MvcTestResult reenabled = post(alice, "/users/" + alice.id() + "/channels/" + webhook + "/reenable", null);
        MvcTestResult notAWebhook = post(alice, "/users/" + alice.id() + "/channels/" + email + "/reenable", null);

        // Then the webhook's re-enabling is published for alert-consumer, and the e-mail channel is refused
        assertThat(reenabled).hasStatus(202);
        assertProblem(notAWebhook, 422);
        assertThat(outboxPayloads(alice.id(), "ChannelReenabled"))
                .singleElement()
                .satisfies(payload -> assertThat(payload).contains(webhook.toString()));
        // And alert-consumer's table is left to alert-consumer
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM alerting.endpoint_states WHERE channel_id = ?", Integer.class, webhook))
                .isEqualTo(1);
    }

    @Test
    void showsAFailingChannelsHealthAndADisabledOneAmongTheUsersNotices() {
        // Given a user whose Discord channel alert-consumer disabled after final errors, and whose Slack channel fails
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";
        UUID discord = add(
                alice,
                "{\"type\": \"DISCORD\", \"address\": \"https://93.184.215.14/api/webhooks/1/tokenTOKENtoken_4321\"}");
        UUID slack = add(
                alice,
                "{\"type\": \"SLACK\", \"address\": \"https://93.184.215.14/services/T/B/slackTOKENslack1234\"}");
        Instant failingSince = Instant.parse("2026-12-01T10:00:00Z");
        Instant disabledAt = Instant.parse("2026-12-01T10:15:30Z");
        jdbc.update(
                "INSERT INTO alerting.endpoint_states (channel_id, user_id, failing_since, disabled_at, disabled_reason,"
                        + " updated_at, consecutive_failures, permanent_failures, last_error, last_failure_at)"
                        + " VALUES (?, ?, ?, ?, '3 final errors', ?, 3, 3, 'the provider answered 404', ?)",
                discord,
                alice.id(),
                Timestamp.from(failingSince),
                Timestamp.from(disabledAt),
                Timestamp.from(disabledAt),
                Timestamp.from(disabledAt));
        jdbc.update(
                "INSERT INTO alerting.endpoint_states (channel_id, user_id, failing_since, updated_at,"
                        + " consecutive_failures, permanent_failures, last_error, last_failure_at)"
                        + " VALUES (?, ?, ?, ?, 2, 0, 'no answer within PT5S', ?)",
                slack,
                alice.id(),
                Timestamp.from(failingSince),
                Timestamp.from(disabledAt),
                Timestamp.from(disabledAt));

        // When she lists her channels
        JsonNode listed = json(get(alice, channels));

        // Then each shows its health: failures since the last success and the last error
        assertThat(listed.get(0).get("status").asString()).isEqualTo("DISABLED");
        assertThat(listed.get(0).at("/health/permanentFailures").asInt()).isEqualTo(3);
        assertThat(listed.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(listed.get(1).at("/health/consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(listed.get(1).at("/health/lastError").asString()).isEqualTo("no answer within PT5S");

        // And her notices name the disabled channel, with its masked address, and not the failing one
        JsonNode notices = json(get(alice, "/users/" + alice.id() + "/notices"));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("kind").asString()).isEqualTo("CHANNEL_DISABLED");
        assertThat(notices.get(0).get("channelId").asString()).isEqualTo(discord.toString());
        assertThat(notices.get(0).get("address").asString()).endsWith("/****4321");
        assertThat(notices.get(0).get("detail").asString())
                .contains("3 final errors")
                .contains("/reenable");
        assertProblem(get(registerUser("Bob"), "/users/" + alice.id() + "/notices"), 404);
    }

    @Test
    void replaysADeliveryThatHasNotArrivedAndRefusesOneThatHas() {
        // Given a fired alert of a user with a webhook, and another alert that already reached it
        TestUser alice = registerUser("Alice");
        UUID webhook = add(alice, "{\"type\": \"WEBHOOK\", \"address\": \"https://93.184.215.14/hooks/replay\"}");
        AlertTriggered failed = storeFiredAlert(alice.id(), "AAPL");
        AlertTriggered delivered = storeFiredAlert(alice.id(), "AAPL");
        jdbc.update(
                "INSERT INTO alerting.alert_deliveries (alert_id, user_id, rule_id, channel, channel_id, attempt,"
                        + " attempted_at, outcome) VALUES (?, ?, ?, 'WEBHOOK', ?, 1, now(), 'DELIVERED')",
                delivered.alertId(),
                alice.id(),
                delivered.ruleId(),
                webhook);
        TestUser bob = registerUser("Bob");

        // When she replays each, and another user tries to replay hers
        String route = "/users/" + alice.id() + "/alerts/%s/deliveries/" + webhook + "/replay";
        MvcTestResult replayed = post(alice, route.formatted(failed.alertId()), null);
        MvcTestResult again = post(alice, route.formatted(delivered.alertId()), null);
        MvcTestResult foreign = post(bob, route.formatted(failed.alertId()), null);

        // Then the undelivered one is handed to alert-consumer with the alert as it fired, the delivered one
        // is a conflict, and the other user learns nothing
        assertThat(replayed).hasStatus(202);
        assertProblem(again, 409);
        assertProblem(foreign, 404);
        List<String> commands = outboxPayloads(alice.id(), "DeliveryReplayRequested");
        assertThat(commands).hasSize(1);
        JsonNode command = json(commands.getFirst());
        assertThat(command.get("channelId").asString()).isEqualTo(webhook.toString());
        assertThat(command.get("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(command.get("alert").get("alertId").asString())
                .isEqualTo(failed.alertId().toString());
    }

    private UUID add(TestUser user, String body) {
        MvcTestResult added = post(user, "/users/" + user.id() + "/channels", body);
        assertThat(added).hasStatus(201);
        return UUID.fromString(json(added).get("id").asString());
    }

    private List<String> outboxPayloads(UUID userId, String eventType) {
        return jdbc.queryForList(
                "SELECT payload::text FROM api.outbox WHERE message_key = ? AND event_type = ? ORDER BY created_at",
                String.class,
                userId.toString(),
                eventType);
    }
}
