package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.secrets.SecretBox;
import org.stockalerts.common.secrets.SecretsSettings;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;

class ChannelRoutesTest extends ApiIntegrationTestSupport {

    private static final String PLAIN_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4ZzJ0sZ7tQ8=";

    @Autowired
    private SecretBox box;

    @Autowired
    private SecretResealing resealing;

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
        String stored = jdbc.queryForObject(
                "SELECT secret FROM api.notification_channels WHERE user_id = ?", String.class, alice.id());
        assertThat(stored).startsWith("enc1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(box.open(stored, json(added).get("id").asString())).isEqualTo(secret);
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

    @Test
    void rotatesAWebhookSecretKeepingTheOldOneForTheOverlap() {
        // Given Alice's webhook and its secret
        TestUser alice = registerUser("Alice");
        JsonNode added = addChannel(alice, "WEBHOOK", "https://93.184.215.14/hooks/rotate");
        String id = added.get("id").asString();
        String first = added.get("secret").asString();

        // When she rotates it
        MvcTestResult rotated = rotate(alice, alice, id);

        // Then the answer carries a new secret and when the old one stops signing: 24 h after the rotation
        assertThat(rotated).hasStatus(200);
        JsonNode answer = json(rotated);
        String second = answer.get("secret").asString();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(answer.get("channelId").asString()).isEqualTo(id);
        Map<String, Object> row = channelRow(id);
        Instant rotatedAt = ((Timestamp) row.get("updated_at")).toInstant();
        Instant expiresAt = Instant.parse(answer.get("previousSecretExpiresAt").asString());
        assertThat(expiresAt).isEqualTo(rotatedAt.plus(Duration.ofHours(24)));
        // And both are stored sealed, the new one current, the old one as previous until then
        assertThat(box.open((String) row.get("secret"), id)).isEqualTo(second);
        assertThat(box.open((String) row.get("previous_secret"), id)).isEqualTo(first);
        assertThat(((Timestamp) row.get("previous_secret_expires_at")).toInstant())
                .isEqualTo(expiresAt);
        assertThat(row.values().toString()).doesNotContain(first.substring(6)).doesNotContain(second.substring(6));

        // When she rotates again within the overlap
        String third = json(rotate(alice, alice, id)).get("secret").asString();

        // Then the newest replaced secret is the previous one, and the first is gone
        Map<String, Object> again = channelRow(id);
        assertThat(box.open((String) again.get("secret"), id)).isEqualTo(third);
        assertThat(box.open((String) again.get("previous_secret"), id)).isEqualTo(second);
    }

    @Test
    void rotatesASecretWhoseKeyIsGoneWithoutAnOverlap() {
        // Given a webhook whose stored secret was sealed with a key this service does not have
        TestUser alice = registerUser("Alice");
        String id = channelId(alice, "WEBHOOK", "https://93.184.215.14/hooks/lost-key");
        String lost = new SecretsSettings(SecretsSettings.DEVELOPMENT_KEY, List.of())
                .box()
                .seal(PLAIN_SECRET, id);
        jdbc.update("UPDATE api.notification_channels SET secret = ? WHERE id = ?::uuid", lost, id);

        // When Alice rotates it
        MvcTestResult rotated = rotate(alice, alice, id);

        // Then she gets a new secret at once, and the unreadable one is not kept for an overlap
        assertThat(rotated).hasStatus(200);
        Map<String, Object> row = channelRow(id);
        assertThat(box.open((String) row.get("secret"), id))
                .isEqualTo(json(rotated).get("secret").asString());
        assertThat(row.get("previous_secret")).isNull();
        assertThat(Instant.parse(json(rotated).get("previousSecretExpiresAt").asString()))
                .isEqualTo(((Timestamp) row.get("updated_at")).toInstant());
    }

    @Test
    void refusesToRotateWhatHasNoSecretAndSomeoneElsesChannel() {
        // Given Alice's e-mail channel and Bob
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String id = channelId(alice, "EMAIL", "alice@example.com");

        // Then an e-mail channel has no secret to rotate, and Bob cannot find Alice's channel
        assertProblem(rotate(alice, alice, id), 422);
        assertProblem(rotate(bob, alice, id), 404);
        assertProblem(rotate(bob, bob, id), 404);
        assertProblem(rotate(alice, alice, UUID.randomUUID()), 404);
    }

    @Test
    void sealsPlainTextSecretsOfEarlierVersionsOnceAndDropsExpiredPreviousOnes() {
        // Given a webhook stored as versions before V7 stored it: its secret in plain text
        TestUser alice = registerUser("Alice");
        String id = channelId(alice, "WEBHOOK", "https://93.184.215.14/hooks/legacy");
        String expiredPrevious = box.seal("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", id);
        jdbc.update(
                "UPDATE api.notification_channels SET secret = ?, previous_secret = ?,"
                        + " previous_secret_expires_at = now() - interval '1 minute' WHERE id = ?::uuid",
                PLAIN_SECRET,
                expiredPrevious,
                id);

        // When the start-up resealing runs, twice
        resealing.reseal();
        Map<String, Object> once = channelRow(id);
        resealing.reseal();

        // Then the secret is sealed, opens to the same secret, the expired previous one is gone,
        // and the second run changed nothing
        assertThat((String) once.get("secret")).startsWith("enc1:").doesNotContain(PLAIN_SECRET.substring(6));
        assertThat(box.open((String) once.get("secret"), id)).isEqualTo(PLAIN_SECRET);
        assertThat(once.get("previous_secret")).isNull();
        assertThat(once.get("previous_secret_expires_at")).isNull();
        assertThat(channelRow(id)).isEqualTo(once);
    }

    @Test
    void noEventOnTheTopicCarriesAWebhookSecret() {
        // Given Alice's webhook, added and rotated
        TestUser alice = registerUser("Alice");
        JsonNode added = addChannel(alice, "WEBHOOK", "https://93.184.215.14/hooks/topic");
        String id = added.get("id").asString();
        String rotated = json(rotate(alice, alice, id)).get("secret").asString();

        // When the outbox has published every event of hers
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM api.outbox WHERE message_key = ? AND published_at IS NULL",
                                Long.class,
                                alice.id().toString())
                        == 0);

        // Then her records on user-events name the channel, and none carries either secret, sealed or not
        List<String> records = userEventRecords(alice.id().toString());
        assertThat(records).anySatisfy(record -> assertThat(record).contains(id));
        assertThat(records)
                .noneMatch(
                        record -> record.contains(added.get("secret").asString().substring(6))
                                || record.contains(rotated.substring(6))
                                || record.contains("enc1:"));
    }

    /** {@code caller} rotates the secret of channel {@code channelId} on {@code owner}'s path. */
    private MvcTestResult rotate(TestUser caller, TestUser owner, Object channelId) {
        return post(caller, "/users/" + owner.id() + "/channels/" + channelId + "/secret/rotate", "");
    }

    private String channelId(TestUser user, String type, String address) {
        return addChannel(user, type, address).get("id").asString();
    }

    private JsonNode addChannel(TestUser user, String type, String address) {
        MvcTestResult added = post(
                user,
                "/users/" + user.id() + "/channels",
                "{\"type\": \"" + type + "\", \"address\": \"" + address + "\"}");
        assertThat(added).hasStatus(201);
        return json(added);
    }

    private Map<String, Object> channelRow(String id) {
        return jdbc.queryForMap(
                "SELECT secret, previous_secret, previous_secret_expires_at, updated_at"
                        + " FROM api.notification_channels WHERE id = ?::uuid",
                id);
    }

    private static List<String> userEventRecords(String userId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.USER_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> mine = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (userId.equals(record.key())) {
                        mine.add(record.value());
                    }
                });
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return mine;
        }
    }
}
