package org.stockalerts.api.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/dead-letters/{topic}/redrive} on the real broker: the admin key redrives (dry
 * run first), a user key gets a 403, no key a 401, and topics that are not the system's dead-letter
 * topics a 404. The delivery topics are alert-consumer's, so no listener of this service reads them.
 */
class DeadLetterRoutesTest extends ApiIntegrationTestSupport {

    private static final String DLT = Topics.Names.DELIVERY_REQUESTS + ".DLT";
    private static final String ROUTE = "/admin/dead-letters/" + DLT + "/redrive";

    private final TestUser admin = new TestUser(null, ADMIN_KEY);

    @Test
    void theAdminKeyRedrivesADeadLetterTopicOnceAfterADryRun() throws Exception {
        // Given one dead letter of a delivery
        createTopics();
        deadLetter("{\"alertId\": \"route-test\"}");

        // When the admin key asks for a dry run, then for the redrive, then again
        JsonNode dry = json(post(admin, ROUTE, "{\"dryRun\": true}"));
        MvcTestResult first = post(admin, ROUTE, null);
        MvcTestResult second = post(admin, ROUTE, "{\"since\": \"1h\"}");

        // Then the dry run counts it, the redrive republishes it, and the second finds nothing left
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("republished").asLong()).isEqualTo(1);
        assertThat(first).hasStatusOk();
        assertThat(json(first).get("targetTopic").asString()).isEqualTo(Topics.Names.DELIVERY_REQUESTS);
        assertThat(json(first).get("republished").asLong()).isEqualTo(1);
        assertThat(json(second).get("republished").asLong()).isZero();
    }

    @Test
    void onlyTheAdminKeyMayRedrive() {
        TestUser user = registerUser("Not an operator");

        assertProblem(post(user, ROUTE, "{\"dryRun\": true}"), 403);
        assertProblem(mvc.post().uri(ROUTE).exchange(), 401);
    }

    @Test
    void refusesTopicsThatAreNotTheSystemsDeadLetterTopicsAndUnreadableSince() {
        assertProblem(post(admin, "/admin/dead-letters/stock-prices/redrive", "{\"dryRun\": true}"), 404);
        assertProblem(post(admin, "/admin/dead-letters/orders.DLT/redrive", "{\"dryRun\": true}"), 404);
        assertProblem(post(admin, ROUTE, "{\"since\": \"yesterday\"}"), 400);
    }

    private static void createTopics() throws Exception {
        try (AdminClient client = AdminClient.create(connection())) {
            for (String topic : List.of(DLT, Topics.Names.DELIVERY_REQUESTS)) {
                try {
                    client.createTopics(List.of(new NewTopic(topic, Topics.PARTITIONS, (short) 1)))
                            .all()
                            .get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void deadLetter(String value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(connection(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            DLT, 2, "user".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static Map<String, Object> connection() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    }
}
