package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

class ChannelRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void addsAWebhookAndShowsItsGeneratedSecretOnlyOnce() {
        // Given a user
        TestUser alice = registerUser("Alice");

        // When she adds a webhook on a public address
        MvcTestResult added = post(
                alice,
                "/users/" + alice.id() + "/channels",
                "{\"type\": \"WEBHOOK\", \"address\": \"https://93.184.215.14/hooks/alerts\"}");

        // Then the answer carries a Standard Webhooks secret of 24+ random bytes, stored, and never listed
        assertThat(added).hasStatus(201);
        String secret = json(added).get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSizeGreaterThanOrEqualTo(24);
        assertThat(jdbc.queryForObject(
                        "SELECT secret FROM api.notification_channels WHERE user_id = ?", String.class, alice.id()))
                .isEqualTo(secret);
        JsonNode listed = json(get(alice, "/users/" + alice.id() + "/channels"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).isFalse();
    }

    @Test
    void refusesWebhookUrlsThatReachInternalAddressesWith422() {
        // Given a user
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";

        // When webhooks point at loopback, private, metadata, IPv6 unique-local or non-http targets
        // Then each is refused as unprocessable and nothing is stored
        for (String url : new String[] {
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://10.1.2.3/x",
            "http://192.168.0.10/x",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/x",
            "http://[fd00::1]/x",
            "http://[::ffff:127.0.0.1]/x",
            "ftp://93.184.215.14/x",
            "file:///etc/passwd"
        }) {
            assertProblem(post(alice, channels, "{\"type\": \"WEBHOOK\", \"address\": \"" + url + "\"}"), 422);
        }
        assertThat(json(get(alice, channels))).isEmpty();
    }

    @Test
    void addsDisablesAndRemovesAnEmailChannel() {
        // Given a user with an e-mail channel
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";
        MvcTestResult added = post(alice, channels, "{\"type\": \"EMAIL\", \"address\": \"Alice@Example.COM\"}");
        String id = json(added).get("id").asString();

        // When it is added again, disabled, then removed
        MvcTestResult duplicate = post(alice, channels, "{\"type\": \"EMAIL\", \"address\": \"Alice@example.com\"}");
        JsonNode disabled = json(patch(alice, channels + "/" + id, "{\"enabled\": false}"));
        MvcTestResult removed = delete(alice, channels + "/" + id);

        // Then the duplicate conflicts, the change shows, and the channel is gone
        assertThat(json(added).get("address").asString()).isEqualTo("Alice@example.com");
        assertThat(json(added).has("secret")).isFalse();
        assertProblem(duplicate, 409);
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(removed).hasStatus(204);
        assertThat(json(get(alice, channels))).isEmpty();
    }

    @Test
    void answers404ForEveryRouteOnSomeoneElsesChannels() {
        // Given Bob's channel
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String bobs = "/users/" + bob.id() + "/channels";
        String id = json(post(bob, bobs, "{\"type\": \"EMAIL\", \"address\": \"bob@example.com\"}"))
                .get("id")
                .asString();

        // When Alice uses every channel route on Bob's channels, or on her own path with Bob's channel id
        // Then each answers 404 and Bob's channel is untouched
        assertProblem(get(alice, bobs), 404);
        assertProblem(post(alice, bobs, "{\"type\": \"EMAIL\", \"address\": \"eve@example.com\"}"), 404);
        assertProblem(patch(alice, bobs + "/" + id, "{\"enabled\": false}"), 404);
        assertProblem(delete(alice, bobs + "/" + id), 404);
        assertProblem(delete(alice, "/users/" + alice.id() + "/channels/" + id), 404);
        assertThat(json(get(bob, bobs)).get(0).get("enabled").asBoolean()).isTrue();
    }
}
