package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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

    private TestUser user;
    private String symbol;
    private JsonNode once;

    @BeforeEach
    void givenAUserWithAOnceRuleAboveTen() {
        user = registerUser("Trigger Ada");
        symbol = uniqueSymbol();
        once = onceRule(10);
    }

    @Test
    void aOnceRuleThatFiredIsTriggeredUntilResumed() throws Exception {
        // Given the once-rule
        UUID ruleId = idOf(once);

        // When the engine reports that it fired
        fired(once, TriggerMode.ONCE);

        // Then the rule shows TRIGGERED, and resuming makes it ACTIVE again
        awaitStatus(ruleId, "TRIGGERED");
        assertThat(json(post(user, "/alerts/" + ruleId + "/resume", null))
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anAlertFromAnOlderRevisionOrACooldownRuleChangesNothing() throws Exception {
        // Given the once-rule, edited after an alert fired, and a cooldown rule
        UUID onceId = idOf(once);
        patch(user, "/alerts/" + onceId, "{\"threshold\":12}");
        JsonNode cooldown = json(post(
                user,
                "/alerts",
                "{\"symbol\":\"" + symbol
                        + "\",\"threshold\":10,\"triggerMode\":\"COOLDOWN\",\"cooldownSeconds\":60}"));
        UUID cooldownId = idOf(cooldown);

        // When alerts arrive for the old revision and for the cooldown rule, then for a marker rule
        fired(once, TriggerMode.ONCE);
        fired(cooldown, TriggerMode.COOLDOWN);
        JsonNode marker = onceRule(20);
        fired(marker, TriggerMode.ONCE);

        // Then once the marker (sent last, same partition) is TRIGGERED, the other two are still ACTIVE
        awaitStatus(idOf(marker), "TRIGGERED");
        assertThat(status(onceId)).isEqualTo("ACTIVE");
        assertThat(status(cooldownId)).isEqualTo("ACTIVE");
    }

    @Test
    void anAlertFromBeforeASnoozeStillMarksTheRuleButNotFromBeforeAResume() throws Exception {
        // Given the once-rule, snoozed after it fired (the engine keeps its state through a snooze), and another
        // once-rule paused and resumed after it fired (a resume starts the engine's state afresh)
        UUID onceId = idOf(once);
        post(
                user,
                "/alerts/" + onceId + "/snooze",
                "{\"until\": \"" + Instant.now().plusSeconds(3600) + "\"}");
        JsonNode resumed = onceRule(11);
        post(user, "/alerts/" + idOf(resumed) + "/pause", null);
        post(user, "/alerts/" + idOf(resumed) + "/resume", null);

        // When both alerts arrive, then a marker rule's
        fired(once, TriggerMode.ONCE);
        fired(resumed, TriggerMode.ONCE);
        JsonNode marker = onceRule(20);
        fired(marker, TriggerMode.ONCE);

        // Then the snoozed rule is TRIGGERED, as the engine holds it, and the resumed one is still ACTIVE
        awaitStatus(idOf(marker), "TRIGGERED");
        assertThat(status(onceId)).isEqualTo("TRIGGERED");
        assertThat(status(idOf(resumed))).isEqualTo("ACTIVE");
    }

    /** The engine reports that {@code rule}, in the revision the API showed, fired. */
    private void fired(JsonNode rule, TriggerMode mode) throws Exception {
        AlertTriggered alert =
                alert(user.id(), idOf(rule), symbol, rule.get("revision").asLong(), mode);
        kafka.send(Topics.ALERTS_TRIGGERED.name(), user.id().toString(), alert).get();
    }

    private JsonNode onceRule(int threshold) {
        return json(post(user, "/alerts", "{\"symbol\":\"" + symbol + "\",\"threshold\":" + threshold + "}"));
    }

    private static UUID idOf(JsonNode rule) {
        return UUID.fromString(rule.get("id").asString());
    }

    private String status(UUID ruleId) {
        return json(get(user, "/alerts/" + ruleId)).get("status").asString();
    }

    private void awaitStatus(UUID ruleId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(ruleId)).isEqualTo(status));
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
