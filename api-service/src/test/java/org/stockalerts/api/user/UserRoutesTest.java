package org.stockalerts.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.security.ApiKeys;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class UserRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void registersAUserWithAKeyShownOnceAndStoredOnlyAsAHash() {
        // When a user registers
        MvcTestResult registered = mvc.post()
                .uri("/users")
                .contentType("application/json")
                .content("{\"name\": \" Grace \", \"email\": \"grace@example.com\"}")
                .exchange();

        // Then the answer has the key, the database only its hash, and the event is in the outbox
        assertThat(registered).hasStatus(201);
        JsonNode user = json(registered);
        String key = user.get("apiKey").asString();
        assertThat(user.get("name").asString()).isEqualTo("Grace");
        assertThat(jdbc.queryForList(
                        "SELECT key_hash FROM api.api_keys WHERE user_id = ?::uuid",
                        String.class,
                        user.get("id").asString()))
                .containsExactly(ApiKeys.hash(key));
        assertThat(outboxTypes(user.get("id").asString())).containsExactly("UserRegistered");
    }

    @Test
    void registersWithTheGoSystemsKeysInAnyLetterCaseAndStillRefusesUnknownFields() {
        // When users register with the Go system's body, in upper case, and with an unknown field
        MvcTestResult goBody = register("{\"Name\":\"Grace\",\"Email\":\"grace.go@example.com\"}");
        MvcTestResult upper = register("{\"NAME\":\"Ada\",\"EMAIL\":\"ada.go@example.com\"}");
        MvcTestResult unknown = register("{\"Name\":\"Eve\",\"Phone\":\"1\"}");

        // Then the first two are registered with their name and e-mail, the third is refused
        assertThat(goBody).hasStatus(201);
        assertThat(json(goBody).get("name").asString()).isEqualTo("Grace");
        assertThat(json(goBody).get("email").asString()).isEqualTo("grace.go@example.com");
        assertThat(upper).hasStatus(201);
        assertThat(json(upper).get("name").asString()).isEqualTo("Ada");
        assertThat(json(upper).get("email").asString()).isEqualTo("ada.go@example.com");
        assertProblem(unknown, 400);
        assertThat(json(unknown).get("detail").asString()).contains("unknown field");
        // And validation still holds whatever the letter case
        assertProblem(register("{\"Name\":\" \",\"Email\":\"x@example.com\"}"), 400);
    }

    @Test
    void changesNameAndEmailAndPublishesTheProfile() {
        // Given a user
        TestUser alice = registerUser("Alice");

        // When she changes her name and e-mail address
        JsonNode changed = json(patch(alice, "/users/" + alice.id(), "{\"name\": \"Alicia\", \"email\": \"a@x.io\"}"));

        // Then both show, and a second UserRegistered carries them
        assertThat(changed.get("name").asString()).isEqualTo("Alicia");
        assertThat(changed.get("email").asString()).isEqualTo("a@x.io");
        assertThat(outboxTypes(alice.id().toString())).containsExactly("UserRegistered", "UserRegistered");
    }

    @Test
    void deletesTheUserWithTheirRulesAndKey() {
        // Given a user with a rule
        TestUser alice = registerUser("Alice");
        String ruleId = json(post(alice, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": 1}"))
                .get("id")
                .asString();

        // When she deletes her account
        MvcTestResult deleted = delete(alice, "/users/" + alice.id());

        // Then it is gone, her key no longer works, and the rule's tombstone and UserDeleted are in the outbox
        assertThat(deleted).hasStatus(204);
        assertProblem(get(alice, "/users/" + alice.id()), 401);
        assertThat(outboxTypes(ruleId)).containsExactly("AlertRuleChanged", "AlertRuleDeleted");
        assertThat(outboxTypes(alice.id().toString())).endsWith("UserDeleted");
    }

    private List<String> outboxTypes(String key) {
        return jdbc.queryForList(
                "SELECT event_type FROM api.outbox WHERE message_key = ? ORDER BY id", String.class, key);
    }

    private MvcTestResult register(String body) {
        return mvc.post()
                .uri("/users")
                .contentType("application/json")
                .content(body)
                .exchange();
    }
}
