package org.stockalerts.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class AuthenticationTest extends ApiIntegrationTestSupport {

    @Test
    void refusesARequestWithoutKeyWithA401ProblemDetail() {
        // Given a registered user
        TestUser user = registerUser("Alice");

        // When their user is read without a key
        MvcTestResult result = mvc.get().uri("/users/" + user.id()).exchange();

        // Then the answer is a 401 problem detail inviting a bearer key
        assertProblem(result, 401);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void refusesAnUnknownKey() {
        // Given a registered user
        TestUser user = registerUser("Alice");

        // When their user is read with a key nobody was given
        MvcTestResult result = get(new TestUser(user.id(), "sa_not-a-real-key"), "/users/" + user.id());

        // Then the key is refused
        assertProblem(result, 401);
    }

    @Test
    void takesAJwtForAnUnknownApiKeyWhenNoIssuerIsConfigured() {
        // Given a registered user, and a service with no OpenID Connect issuer configured
        TestUser user = registerUser("Alice");
        String jwtShaped = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

        // When their user is read with a JWT
        MvcTestResult result = get(new TestUser(user.id(), jwtShaped), "/users/" + user.id());

        // Then it is refused as any unknown key is, with no token error in the challenge
        assertProblem(result, 401);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(json(result).get("detail").asString()).contains("API key");
    }

    @Test
    void letsAUserReadTheirOwnUserWithTheirKey() {
        // Given a registered user
        TestUser user = registerUser("Alice");

        // When they read their user with their key
        MvcTestResult result = get(user, "/users/" + user.id());

        // Then they see it
        assertThat(result).hasStatusOk();
        assertThat(json(result).get("name").asString()).isEqualTo("Alice");
    }

    @Test
    void answers404ForSomeoneElsesUserAndRevealsNothing() {
        // Given two users
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");

        // When Alice reads, changes and deletes Bob's user
        MvcTestResult read = get(alice, "/users/" + bob.id());
        MvcTestResult change = patch(alice, "/users/" + bob.id(), "{\"name\": \"Mallory\"}");
        MvcTestResult removal = delete(alice, "/users/" + bob.id());

        // Then each is a 404 without Bob's data, and Bob is unchanged
        assertProblem(read, 404);
        assertProblem(change, 404);
        assertProblem(removal, 404);
        assertThat(body(read)).doesNotContain("Bob");
        assertThat(json(get(bob, "/users/" + bob.id())).get("name").asString()).isEqualTo("Bob");
    }

    @Test
    void keepsTheProbesAndTheApiDescriptionOpen() {
        // When the probes and the OpenAPI description are read without a key
        MvcTestResult liveness = mvc.get().uri("/livez").exchange();
        MvcTestResult readiness = mvc.get().uri("/readyz").exchange();
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        // Then none asks for one
        assertThat(liveness).hasStatusOk();
        assertThat(readiness).hasStatusOk();
        assertThat(docs).hasStatusOk();
    }

    @Test
    void answersAnActuatorPathWithA404WithOrWithoutAKey() {
        // Given a registered user
        TestUser user = registerUser("Alice");

        // When the API's port is asked for the Prometheus scrape, without and with a key
        MvcTestResult anonymous = mvc.get().uri("/actuator/prometheus").exchange();
        MvcTestResult withKey = get(user, "/actuator/prometheus");

        // Then both are the same 404: the actuator answers only on the management port
        assertProblem(anonymous, 404);
        assertProblem(withKey, 404);
    }

    @Test
    void letsTheAdminKeyListAllUsersButAUserOnlyThemselves() {
        // Given two users
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");

        // When the admin lists every page of users (other tests share the database), and Alice lists users
        StringBuilder everyPage = new StringBuilder();
        int pages = 0;
        for (int page = 0; ; page++) {
            MvcTestResult asAdmin = get(new TestUser(null, ADMIN_KEY), "/users?size=200&page=" + page);
            assertThat(asAdmin).hasStatusOk();
            JsonNode items = json(asAdmin).get("items");
            everyPage.append(items);
            pages++;
            if (items.size() < 200) {
                break;
            }
        }
        MvcTestResult asAlice = get(alice, "/users");

        // Then the admin sees both, Alice only herself
        assertThat(pages).isPositive();
        assertThat(everyPage.toString())
                .contains(alice.id().toString())
                .contains(bob.id().toString());
        assertThat(json(asAlice).get("items")).hasSize(1);
        assertThat(json(asAlice).get("items").get(0).get("id").asString())
                .isEqualTo(alice.id().toString());
    }

    @Test
    void givesTheAdminKeyNoAccessToAUsersData() {
        // Given a user
        TestUser alice = registerUser("Alice");

        // When the admin key reads her user
        MvcTestResult result = get(new TestUser(null, ADMIN_KEY), "/users/" + alice.id());

        // Then it is not found: the admin key lists users, it does not act as one
        assertProblem(result, 404);
    }
}
