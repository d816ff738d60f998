package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class SnoozeRoutesTest extends ApiIntegrationTestSupport {

    private final Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void snoozesARuleKeepsTheSnoozeThroughEditsAndEndsIt() {
        // Given a rule
        TestUser alice = registerUser("Alice");
        JsonNode rule = json(post(alice, "/alerts", "{\"symbol\": \"" + uniqueSymbol() + "\", \"threshold\": 10}"));
        String path = "/alerts/" + rule.get("id").asString();

        // When she snoozes it for an hour
        JsonNode snoozed = json(post(alice, path + "/snooze", "{\"until\": \"" + inAnHour + "\"}"));

        // Then it shows the snooze, as a new revision for the engine
        assertThat(snoozed.get("snoozedUntil").asString()).isEqualTo(inAnHour.toString());
        assertThat(snoozed.get("revision").asLong())
                .isEqualTo(rule.get("revision").asLong() + 1);
        assertThat(json(get(alice, path)).get("snoozedUntil").asString()).isEqualTo(inAnHour.toString());
        // And replacing or patching the rule keeps it, as they keep its status
        assertThat(json(put(alice, path, "{\"symbol\": \"AAPL\", \"threshold\": 11}"))
                        .get("snoozedUntil")
                        .asString())
                .isEqualTo(inAnHour.toString());
        assertThat(json(patch(alice, path, "{\"threshold\": 12}"))
                        .get("snoozedUntil")
                        .asString())
                .isEqualTo(inAnHour.toString());

        // And ending the snooze clears it
        JsonNode ended = json(delete(alice, path + "/snooze"));
        assertThat(ended.get("snoozedUntil").isNull()).isTrue();
    }

    @Test
    void refusesASnoozeInThePastTooFarAheadWithoutATimeOrOnAnotherUsersRule() {
        // Given Alice's rule
        TestUser alice = registerUser("Alice");
        String path = "/alerts/"
                + json(post(alice, "/alerts", "{\"symbol\": \"" + uniqueSymbol() + "\", \"threshold\": 10}"))
                        .get("id")
                        .asString()
                + "/snooze";

        // When the time is past, more than 366 days ahead, or missing, or Bob tries
        // Then each is a problem detail
        assertProblem(post(alice, path, "{\"until\": \"2001-01-01T00:00:00Z\"}"), 422);
        assertProblem(post(alice, path, "{\"until\": \"" + Instant.now().plus(Duration.ofDays(367)) + "\"}"), 422);
        assertProblem(post(alice, path, "{}"), 400);
        assertProblem(post(registerUser("Bob"), path, "{\"until\": \"" + inAnHour + "\"}"), 404);
    }
}
