package org.stockalerts.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class PreferencesRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void aNewUserHasTheDefaultsAndSetsQuietHoursAndCapsInTheirZone() {
        // Given a new user
        TestUser alice = registerUser("Alice");
        String path = "/users/" + alice.id() + "/preferences";

        // Then she has UTC, no quiet hours, no caps, never set
        JsonNode defaults = json(get(alice, path));
        assertThat(defaults.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(absent(defaults, "quietHours")).isTrue();
        assertThat(defaults.get("dailyCaps").isEmpty()).isTrue();
        assertThat(absent(defaults, "updatedAt")).isTrue();

        // When she sets quiet hours spanning midnight and an e-mail cap in her zone
        JsonNode set = json(put(
                alice,
                path,
                "{\"timeZone\": \"Asia/Kolkata\", \"quietHours\": {\"start\": \"22:00\", \"end\": \"07:30\"},"
                        + " \"dailyCaps\": {\"EMAIL\": 20}}"));

        // Then they are answered and kept
        for (JsonNode view : new JsonNode[] {set, json(get(alice, path))}) {
            assertThat(view.get("timeZone").asString()).isEqualTo("Asia/Kolkata");
            assertThat(view.at("/quietHours/start").asString()).isEqualTo("22:00");
            assertThat(view.at("/quietHours/end").asString()).isEqualTo("07:30");
            assertThat(view.at("/dailyCaps/EMAIL").asInt()).isEqualTo(20);
            assertThat(absent(view, "updatedAt")).isFalse();
        }
        // And the alert-consumer's reader finds them in the table it reads
        assertThat(jdbc.queryForObject(
                        "SELECT daily_caps::text FROM api.user_preferences WHERE user_id = ?::uuid",
                        String.class,
                        alice.id()))
                .isEqualTo("{\"EMAIL\": 20}");

        // And a PUT without quiet hours and caps removes them
        JsonNode cleared = json(put(alice, path, "{\"timeZone\": \"Europe/Berlin\"}"));
        assertThat(absent(cleared, "quietHours")).isTrue();
        assertThat(cleared.get("dailyCaps").isEmpty()).isTrue();
    }

    @Test
    void refusesAnUnknownZoneEqualTimesAnInAppCapBadCapsAndOtherUsers() {
        TestUser alice = registerUser("Alice");
        String path = "/users/" + alice.id() + "/preferences";

        assertProblem(put(alice, path, "{\"timeZone\": \"Mars/Olympus\"}"), 422);
        assertProblem(put(alice, path, "{\"timeZone\": \"+02:00\"}"), 422);
        assertProblem(
                put(alice, path, "{\"timeZone\": \"UTC\", \"quietHours\": {\"start\": \"08:00\", \"end\": \"08:00\"}}"),
                422);
        assertProblem(put(alice, path, "{\"timeZone\": \"UTC\", \"dailyCaps\": {\"IN_APP\": 5}}"), 422);
        assertProblem(put(alice, path, "{\"timeZone\": \"UTC\", \"dailyCaps\": {\"EMAIL\": 0}}"), 400);
        assertProblem(put(alice, path, "{\"timeZone\": \"UTC\", \"dailyCaps\": {\"SMS\": 5}}"), 400);
        assertProblem(put(alice, path, "{\"timeZone\": \"UTC\", \"quietHours\": {\"start\": \"25:00\"}}"), 400);
        assertProblem(put(alice, path, "{}"), 400);
        TestUser bob = registerUser("Bob");
        assertProblem(get(bob, path), 404);
        assertProblem(put(bob, path, "{\"timeZone\": \"UTC\"}"), 404);
        // And nothing was stored for her
        assertThat(absent(json(get(alice, path)), "updatedAt")).isTrue();
    }

    private static boolean absent(JsonNode view, String field) {
        return view.path(field).isMissingNode() || view.path(field).isNull();
    }
}
