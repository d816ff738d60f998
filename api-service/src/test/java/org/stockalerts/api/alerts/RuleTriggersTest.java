package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.Topics;
import tools.jackson.databind.JsonNode;

/** A once-rule that fires is shown as TRIGGERED; resuming re-arms it; stale alerts change nothing. */
class RuleTriggersTest extends ApiIntegrationTestSupport {

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void aOnceRuleThatFiredIsTriggeredUntilResumed() throws Exception {
        // Given a once-rule
        TestUser user = registerUser("Trigger Ada");
        String symbol = uniqueSymbol();
        JsonNode rule = onceRule(user, symbol, 10);
        UUID ruleId = idOf(rule);

        // When the engine reports that it fired
        fired(user, rule, symbol, TriggerMode.ONCE);

        // Then the rule shows TRIGGERED, and resuming makes it ACTIVE again
        awaitStatus(user, ruleId, "TRIGGERED");
        assertThat(json(post(user, "/alerts/" + ruleId + "/resume", null))
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anAlertFromAnOlderRevisionOrACooldownRuleChangesNothing() throws Exception {
        // Given a once-rule that was edited after an alert fired, and a cooldown rule
        TestUser user = registerUser("Stale Ada");
        String symbol = uniqueSymbol();
        JsonNode once = onceRule(user, symbol, 10);
        UUID onceId = idOf(once);
        patch(user, "/alerts/" + onceId, "{\"threshold\":12}");
        JsonNode cooldown = json(post(
                user,
                "/alerts",
                "{\"symbol\":\"" + symbol
                        + "\",\"threshold\":10,\"triggerMode\":\"COOLDOWN\",\"cooldownSeconds\":60}"));
        UUID cooldownId = idOf(cooldown);

        // When alerts arrive for the old revision and for the cooldown rule, then for a marker rule
        fired(user, once, symbol, TriggerMode.ONCE);
        fired(user, cooldown, symbol, TriggerMode.COOLDOWN);
        JsonNode marker = onceRule(user, symbol, 20);
        fired(user, marker, symbol, TriggerMode.ONCE);

        // Then once the marker (sent last, same partition) is TRIGGERED, the other two are still ACTIVE
        awaitStatus(user, idOf(marker), "TRIGGERED");
        assertThat(status(user, onceId)).isEqualTo("ACTIVE");
        assertThat(status(user, cooldownId)).isEqualTo("ACTIVE");
    }

    /** The engine reports that {@code rule}, in the revision the API showed, fired. */
    private void fired(TestUser user, JsonNode rule, String symbol, TriggerMode mode) throws Exception {
        AlertTriggered alert =
                alert(user.id(), idOf(rule), symbol, rule.get("revision").asLong(), mode);
        kafka.send(Topics.ALERTS_TRIGGERED.name(), user.id().toString(), alert).get();
    }

    private JsonNode onceRule(TestUser user, String symbol, int threshold) {
        return json(post(user, "/alerts", "{\"symbol\":\"" + symbol + "\",\"threshold\":" + threshold + "}"));
    }

    private static UUID idOf(JsonNode rule) {
        return UUID.fromString(rule.get("id").asString());
    }

    private String status(TestUser user, UUID ruleId) {
        return json(get(user, "/alerts/" + ruleId)).get("status").asString();
    }

    private void awaitStatus(TestUser user, UUID ruleId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(user, ruleId)).isEqualTo(status));
    }

    private static AlertTriggered alert(UUID userId, UUID ruleId, String symbol, long revision, TriggerMode mode) {
        RuleDraft rule = RuleDraft.level(Condition.PRICE_ABOVE, "10")
                .id(ruleId)
                .user(userId)
                .on(symbol)
                .mode(mode)
                .revision(revision);
        if (mode == TriggerMode.COOLDOWN) {
            rule.cooldown(Duration.ofMinutes(1));
        }
        return AlertDraft.alert()
                .rule(rule)
                .tick(TickDraft.tick().on(symbol).price("11"))
                .withoutTick()
                .message(symbol + " rose above 10")
                .build();
    }
}
