package org.stockalerts.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertIdsTest {

    private static final UUID RULE = UUID.fromString("0b7c9d2e-1111-4a4a-9b9b-000000000001");
    private static final UUID TICK = UUID.fromString("0b7c9d2e-2222-4a4a-9b9b-000000000002");

    @Test
    void givesTheSameIdForTheSameRuleAndInputEvent() {
        // Given a rule fired by a tick, and the same pair again (a replay), built from fresh UUID objects
        UUID first = AlertIds.of(RULE, TICK);

        // When the id is computed again
        UUID replayed = AlertIds.of(UUID.fromString(RULE.toString()), UUID.fromString(TICK.toString()));

        // Then it is the same id
        assertThat(replayed).isEqualTo(first);
    }

    @Test
    void keepsTheIdsOfAlertsAlreadyPublished() {
        // Given the ids earlier releases published (SHA-1 of namespace, rule id and event id, computed independently)
        UUID published = UUID.fromString("c07f788c-6c12-5241-9e5f-8e0b067e98da");

        // When the id of the same rule and event is computed today
        UUID id = AlertIds.of(RULE, TICK);

        // Then it has not changed, so replays of old inputs still de-duplicate
        assertThat(id).isEqualTo(published);
    }

    @Test
    void givesAnotherIdForAnotherRuleOrAnotherInputEvent() {
        // Given the id of a rule fired by a tick
        UUID id = AlertIds.of(RULE, TICK);
        UUID otherRule = UUID.fromString("0b7c9d2e-1111-4a4a-9b9b-000000000003");
        UUID otherTick = UUID.fromString("0b7c9d2e-2222-4a4a-9b9b-000000000004");

        // When another rule fires on the tick, the rule fires on another tick, or the roles are swapped
        // Then each alert gets an id of its own
        assertThat(AlertIds.of(otherRule, TICK)).isNotEqualTo(id);
        assertThat(AlertIds.of(RULE, otherTick)).isNotEqualTo(id);
        assertThat(AlertIds.of(TICK, RULE)).isNotEqualTo(id);
    }

    @Test
    void isANameBasedVersion5UuidWithTheIetfVariant() {
        // Given a rule and an input event
        // When the alert id is computed
        UUID id = AlertIds.of(RULE, TICK);

        // Then its version nibble is 5 and its variant bits are 10
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void refusesAMissingRuleOrInputEvent() {
        // When either id is missing
        // Then the call is refused
        assertThatThrownBy(() -> AlertIds.of(null, TICK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ruleId and sourceEventId are required");
        assertThatThrownBy(() -> AlertIds.of(RULE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ruleId and sourceEventId are required");
    }
}
