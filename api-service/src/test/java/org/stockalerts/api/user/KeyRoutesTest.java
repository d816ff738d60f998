package org.stockalerts.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.security.ApiKeys;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class KeyRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void createsAKeyShownOnceThatWorksAndIsListedWithoutItsSecret() {
        // Given a registered user
        TestUser alice = registerUser("Alice");
        String keys = "/users/" + alice.id() + "/keys";

        // When she creates a named key
        MvcTestResult created = post(alice, keys, "{\"name\": \" laptop \"}");

        // Then the answer shows the key once, with its id, prefix and creation time
        assertThat(created).hasStatus(201);
        JsonNode key = json(created);
        String secret = key.get("apiKey").asString();
        assertThat(secret).startsWith("sa_");
        assertThat(key.get("name").asString()).isEqualTo("laptop");
        assertThat(key.get("prefix").asString()).isEqualTo(ApiKeys.prefixOf(secret));
        assertThat(key.get("createdAt").isNull()).isFalse();
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .isEqualTo(keys + "/" + key.get("id").asString());
        // And the new key authenticates her
        TestUser laptop = new TestUser(alice.id(), secret);
        assertThat(get(laptop, "/users/" + alice.id())).hasStatus(200);

        // And the list has both keys, oldest first, with the new one marked used, but neither key nor hash
        MvcTestResult listed = get(alice, keys);
        assertThat(listed).hasStatus(200);
        JsonNode list = json(listed);
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(list.get(1).get("lastUsedAt").isNull()).isFalse();
        assertThat(list.get(0).get("prefix").asString()).isEqualTo(ApiKeys.prefixOf(alice.apiKey()));
        assertThat(list.get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "name", "prefix", "createdAt", "lastUsedAt");
        assertThat(body(listed))
                .doesNotContain(secret, alice.apiKey(), ApiKeys.hash(secret), ApiKeys.hash(alice.apiKey()));
    }

    @Test
    void createsAnUnnamedKeyWithoutABodyAndRefusesABlankOrOverlongName() {
        // Given a registered user
        TestUser alice = registerUser("Alice");
        String keys = "/users/" + alice.id() + "/keys";

        // When she creates a key without a body, then it has no name
        MvcTestResult created = post(alice, keys, null);
        assertThat(created).hasStatus(201);
        assertThat(json(created).get("name").isNull()).isTrue();

        // And a blank or overlong name is refused
        assertProblem(post(alice, keys, "{\"name\": \"  \"}"), 400);
        assertProblem(post(alice, keys, "{\"name\": \"" + "n".repeat(101) + "\"}"), 400);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        // Given a user with a second key, just used
        TestUser alice = registerUser("Alice");
        TestUser second = createKey(alice);
        assertThat(get(second, "/users/" + alice.id())).hasStatus(200);

        // When she revokes it with her first key
        MvcTestResult revoked = delete(alice, "/users/" + alice.id() + "/keys/" + keyIdOf(alice, second));

        // Then it is gone from the list and refused with 401 on the very next request
        assertThat(revoked).hasStatus(204);
        assertProblem(get(second, "/users/" + alice.id()), 401);
        assertThat(json(get(alice, "/users/" + alice.id() + "/keys"))).hasSize(1);
        assertThat(get(alice, "/users/" + alice.id())).hasStatus(200);
    }

    @Test
    void aKeyMayRevokeItselfButNeverTheLastKey() {
        // Given a user with two keys
        TestUser alice = registerUser("Alice");
        TestUser second = createKey(alice);
        String keys = "/users/" + alice.id() + "/keys/";

        // When the second key revokes itself, then it is refused from then on
        assertThat(delete(second, keys + keyIdOf(alice, second))).hasStatus(204);
        assertProblem(get(second, "/users/" + alice.id()), 401);

        // When she revokes her last key, then it is refused naming the rule, and the key still works
        MvcTestResult last = delete(alice, keys + keyIdOf(alice, alice));
        assertProblem(last, 409);
        assertThat(json(last).get("rule").asString()).isEqualTo("at least one key");
        assertThat(get(alice, "/users/" + alice.id())).hasStatus(200);
    }

    @Test
    void anotherUsersKeysAreNotFound() {
        // Given two users
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String alices = "/users/" + alice.id() + "/keys";
        UUID alicesKey = keyIdOf(alice, alice);

        // When Bob lists, creates or revokes Alice's keys, then each is 404
        assertProblem(get(bob, alices), 404);
        assertProblem(post(bob, alices, null), 404);
        assertProblem(delete(bob, alices + "/" + alicesKey), 404);
        // And revoking Bob's key under his own id by Alice's key id is 404 as well
        createKey(bob);
        assertProblem(delete(bob, "/users/" + bob.id() + "/keys/" + alicesKey), 404);
        // And Alice's key is untouched
        assertThat(json(get(alice, alices))).hasSize(1);
    }

    @Test
    void theAdminKeyListsAndRevokesAUsersKeys() {
        // Given a user with two keys, and the operator
        TestUser alice = registerUser("Alice");
        TestUser second = createKey(alice);
        TestUser admin = new TestUser(null, ADMIN_KEY);
        String keys = "/users/" + alice.id() + "/keys";

        // When the operator lists her keys and revokes one
        assertThat(json(get(admin, keys))).hasSize(2);
        assertThat(delete(admin, keys + "/" + keyIdOf(alice, second))).hasStatus(204);

        // Then it is refused; and an unknown user's keys are 404 for the operator too
        assertProblem(get(second, "/users/" + alice.id()), 401);
        assertProblem(get(admin, "/users/" + UUID.randomUUID() + "/keys"), 404);
    }

    private TestUser createKey(TestUser user) {
        MvcTestResult created = post(user, "/users/" + user.id() + "/keys", null);
        assertThat(created).hasStatus(201);
        return new TestUser(user.id(), json(created).get("apiKey").asString());
    }

    private UUID keyIdOf(TestUser owner, TestUser key) {
        return jdbc.queryForObject(
                "SELECT id FROM api.api_keys WHERE user_id = ? AND key_hash = ?",
                UUID.class,
                owner.id(),
                ApiKeys.hash(key.apiKey()));
    }
}
