package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.secrets.SecretBox;
import tools.jackson.databind.JsonNode;

/** Slack, Discord, Telegram and ntfy channels: their addresses checked, sealed, and shown only masked. */
class ChatChannelRoutesTest extends ApiIntegrationTestSupport {

    private static final String SLACK = "https://93.184.215.14/services/T0001/B0001/XyZ123abcDEF456ghiJKL789";
    private static final String TELEGRAM = "telegram:123456789:AAEhBP0av28aT5nXlXtBQZxn9rd6FXo1Yqs/-1001234567890";

    @Autowired
    private SecretBox box;

    @Test
    void addsEachChatChannelSealingItsAddressAndShowingItMasked() {
        // Given a user
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";

        // When she adds a Slack, a Discord, a Telegram and an ntfy channel
        JsonNode slack = json(post(alice, channels, "{\"type\": \"SLACK\", \"address\": \"" + SLACK + "\"}"));
        JsonNode discord = json(post(
                alice,
                channels,
                "{\"type\": \"DISCORD\", \"address\":"
                        + " \"https://93.184.215.14/api/webhooks/123456789012345678/tokenTOKENtoken_9876\"}"));
        JsonNode telegram = json(post(alice, channels, "{\"type\": \"TELEGRAM\", \"address\": \"" + TELEGRAM + "\"}"));
        JsonNode ntfy = json(post(
                alice, channels, "{\"type\": \"NTFY\", \"address\": \"https://93.184.215.14/stock-alerts-a1b2c3d4\"}"));

        // Then each answer shows the address with its secret part masked, and no secret
        assertThat(slack.get("address").asString()).isEqualTo("https://93.184.215.14/services/T0001/B0001/****L789");
        assertThat(discord.get("address").asString())
                .isEqualTo("https://93.184.215.14/api/webhooks/123456789012345678/****9876");
        assertThat(telegram.get("address").asString()).isEqualTo("telegram:****1Yqs/-1001234567890");
        assertThat(ntfy.get("address").asString()).isEqualTo("https://93.184.215.14/****c3d4");
        for (JsonNode added : new JsonNode[] {slack, discord, telegram, ntfy}) {
            assertThat(added.path("secret").isMissingNode()).isTrue();
        }
        // And the full address is kept only sealed, for the delivery service
        String sealed = jdbc.queryForObject(
                "SELECT secret FROM api.notification_channels WHERE id = ?::uuid",
                String.class,
                slack.get("id").asString());
        assertThat(sealed).startsWith("enc1:").doesNotContain("XyZ123abcDEF456ghiJKL789");
        assertThat(box.open(sealed, slack.get("id").asString())).isEqualTo(SLACK);
        // And the list shows the masked forms only
        assertThat(body(get(alice, channels)))
                .doesNotContain("XyZ123abcDEF456ghiJKL789")
                .doesNotContain("AAEhBP0av28aT5nXlXtBQZxn9rd6FXo")
                .doesNotContain("stock-alerts-a1b2c3d4");

        // And a rule may send to them
        MvcTestResult rule = post(
                alice,
                "/alerts",
                "{\"symbol\": \"" + uniqueSymbol() + "\", \"threshold\": 10,"
                        + " \"channels\": [\"IN_APP\", \"SLACK\", \"DISCORD\", \"TELEGRAM\", \"NTFY\"]}");
        assertThat(rule).hasStatus(201);
        assertThat(json(rule).get("channels")).hasSize(5);

        // And adding the same Slack webhook again is a conflict
        assertProblem(post(alice, channels, "{\"type\": \"SLACK\", \"address\": \"" + SLACK + "\"}"), 409);
    }

    @Test
    void tellsChannelsApartByTheirSealedAddressesNotTheirMaskedForms() {
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";

        // Two short ntfy topics mask alike, and are still two channels
        JsonNode first =
                json(post(alice, channels, "{\"type\": \"NTFY\", \"address\": \"https://93.184.215.14/abc\"}"));
        JsonNode second =
                json(post(alice, channels, "{\"type\": \"NTFY\", \"address\": \"https://93.184.215.14/xyz\"}"));
        assertThat(first.get("address").asString())
                .isEqualTo(second.get("address").asString());
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));

        // But the same topic twice is a conflict
        assertProblem(post(alice, channels, "{\"type\": \"NTFY\", \"address\": \"https://93.184.215.14/abc\"}"), 409);
    }

    @Test
    void refusesAddressesThatAreNotTheProvidersOrReachInternalHosts() {
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";

        assertProblem(post(alice, channels, "{\"type\": \"SLACK\", \"address\": \"https://93.184.215.14/\"}"), 422);
        assertProblem(
                post(alice, channels, "{\"type\": \"SLACK\", \"address\": \"http://127.0.0.1/services/T/B/secret\"}"),
                422);
        assertProblem(
                post(alice, channels, "{\"type\": \"NTFY\", \"address\": \"https://93.184.215.14/bad topic!\"}"), 422);
        assertProblem(post(alice, channels, "{\"type\": \"TELEGRAM\", \"address\": \"telegram:notatoken/123\"}"), 422);
        // a fragment would keep the topic out of the masked part
        assertProblem(
                post(alice, channels, "{\"type\": \"NTFY\", \"address\": \"https://93.184.215.14/secrettopic#/x\"}"),
                422);
        assertProblem(
                post(alice, channels, "{\"type\": \"TELEGRAM\", \"address\": \"https://api.telegram.org/bot1/x\"}"),
                422);
        assertThat(json(get(alice, channels))).isEmpty();
    }
}
