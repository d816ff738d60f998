package org.stockalerts.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.stockalerts.api.outbox.OutboxRelay;
import org.stockalerts.api.security.ApiKeys;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.PersonalDataScan;
import org.stockalerts.testsupport.TestKafka;

/** Deleting a user leaves none of their personal data in the API's schema, and tombstones their rules. */
class UserErasureTest extends ApiIntegrationTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void deletingAUserLeavesNoPersonalDataInTheApiSchemaAndTombstonesTheirRules() throws Exception {
        // Given a user with an e-mail address, two channels, a rule and a second key, all published
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ada " + tag;
        String email = "ada-" + tag + "@example.com";
        String alerts = "alerts-" + tag + "@example.com";
        String webhook = "https://93.184.215.14/hooks/" + tag;
        TestUser ada = register(name, email);
        String channels = "/users/" + ada.id() + "/channels";
        assertThat(post(ada, channels, "{\"type\": \"EMAIL\", \"address\": \"" + alerts + "\"}"))
                .hasStatus(201);
        assertThat(post(ada, channels, "{\"type\": \"WEBHOOK\", \"address\": \"" + webhook + "\"}"))
                .hasStatus(201);
        String ruleId = json(post(
                        ada, "/alerts", "{\"symbol\": \"AAPL\", \"threshold\": 1, \"channels\": [\"WEBHOOK\"]}"))
                .get("id")
                .asString();
        String second = json(post(ada, "/users/" + ada.id() + "/keys", "{\"name\": \"" + name + "'s laptop\"}"))
                .get("apiKey")
                .asString();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> unpublished(ada.id().toString()) == 0);
        List<String> personal = List.of(name, email, alerts, webhook, ApiKeys.hash(ada.apiKey()), ApiKeys.hash(second));
        // (the scan sees them while she exists, in the tables and the published outbox rows)
        assertThat(PersonalDataScan.findings(dataSource, List.of("api"), personal))
                .contains("api.users.email contains " + email, "api.outbox.payload contains " + webhook);

        // When she deletes her account
        assertThat(delete(ada, "/users/" + ada.id())).hasStatus(204);

        // Then no text, JSON or array column of any table of the API's schema holds any of it
        assertThat(PersonalDataScan.findings(dataSource, List.of("api"), personal))
                .isEmpty();
        // And both keys are refused
        assertProblem(get(ada, "/users/" + ada.id()), 401);
        assertProblem(get(new TestUser(ada.id(), second), "/users/" + ada.id()), 401);
        // And the compacted alert-rules topic gets the rule's tombstone, user-events the UserDeleted
        assertThat(awaitLast(Topics.ALERT_RULES, ruleId).value()).isNull();
        assertThat(new String(awaitLast(Topics.USER_EVENTS, ada.id().toString()).value()))
                .contains("UserDeleted")
                .doesNotContain(email, name);
    }

    private TestUser register(String name, String email) {
        var result = mvc.method(HttpMethod.POST)
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return new TestUser(
                UUID.fromString(json(result).get("id").asString()),
                json(result).get("apiKey").asString());
    }

    private long unpublished(String key) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM api.outbox WHERE message_key = ? AND published_at IS NULL", Long.class, key);
    }

    /** The last record of {@code key} on {@code topic} once it is the one the deletion published. */
    private ConsumerRecord<String, byte[]> awaitLast(TopicSpec<?> topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic.name(), topic.partitionOf(key));
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(key)) {
                        records.add(record);
                    }
                });
                return unpublished(key) == 0 && !records.isEmpty() && deletionEvent(records.getLast());
            });
            return records.getLast();
        }
    }

    private static boolean deletionEvent(ConsumerRecord<String, byte[]> record) {
        var type = record.headers().lastHeader(OutboxRelay.EVENT_TYPE_HEADER);
        return type != null && List.of("AlertRuleDeleted", "UserDeleted").contains(new String(type.value()));
    }
}
