package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.TcpProxy;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario C6: PostgreSQL unreachable (the service's connections go through a {@link TcpProxy} that
 * cuts them) for longer than the few shared listener retries and the delivery attempts last. Alerts
 * fired and deliveries queued meanwhile wait, dead-letter nothing, use up no delivery attempt, and are
 * all delivered once the database is back. The real server is never stopped. Runs in a JVM, and on a
 * broker, of its own (see the pom), so no other test's consumers share its groups.
 */
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
            "stockalerts.delivery.partitions=3",
            // generous for a loaded machine: every delivery here is meant to succeed on its first attempt
            "stockalerts.delivery.first-attempt-timeout=5s",
            "stockalerts.delivery.request-timeout=5s",
            // the budgets a database outage used to spend: three tries of the fan-out, three attempts
            // of a delivery, a couple of seconds in all
            "stockalerts.kafka.listener-retries=2",
            "stockalerts.kafka.listener-retry-backoff=200ms",
            "stockalerts.delivery.schedule=200ms,400ms",
            "stockalerts.delivery.kafka-retries=2",
            "stockalerts.database.outage.initial-backoff=200ms",
            "stockalerts.database.outage.max-backoff=1s",
            "stockalerts.database.outage.max-wait=10m",
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.validation-timeout=250"
        })
@WithServiceSchemas("api")
class DatabaseOutageIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int OLD_FAN_OUT_TRIES = 3;
    private static final int OLD_DELIVERY_ATTEMPTS = 3;
    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/(.*)$");
    private static final TcpProxy PROXY = proxyToTheTestDatabase();

    /** The test's own way into the database, around the proxy. */
    private final JdbcTemplate direct = directJdbc();

    private final List<MockWebServer> receivers = new ArrayList<>();

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    DatabaseOutageLog outages;

    @LocalManagementPort
    int managementPort;

    /** The service's pool, as Boot builds it from its settings, but connecting through the proxy. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DatabaseThroughTheProxy {

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(DataSourceProperties properties) {
            HikariDataSource pool = properties
                    .initializeDataSourceBuilder()
                    .type(HikariDataSource.class)
                    .build();
            pool.setJdbcUrl(throughProxy(properties.determineUrl()));
            return pool;
        }
    }

    @AfterEach
    void stopReceivers() {
        PROXY.heal();
        receivers.forEach(MockWebServer::close);
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @Test
    void alertsFiredWhileTheDatabaseIsUnreachableAreDeliveredOnceItIsBackAndNothingIsDeadLettered(
            @Autowired KafkaListenerEndpointRegistry listeners) throws Exception {
        // Given the service reaching PostgreSQL through the proxy, delivering to a user's webhook
        DeliveryFixtures.awaitPartitionsAssigned(listeners, WAIT);
        AlertTriggered warmUp = deliverable();
        publish(warmUp);
        awaitDelivered(warmUp);
        // And three users with a webhook each whose alerts will fire, and three deliveries already fanned out
        List<AlertTriggered> fired = List.of(deliverable(), deliverable(), deliverable());
        List<DeliveryRequest> queued = List.of(queuedDelivery(), queuedDelivery(), queuedDelivery());

        // When the database becomes unreachable, and the alerts fire and the deliveries arrive meanwhile
        PROXY.cut();
        fired.forEach(this::publish);
        queued.forEach(this::enqueue);

        // Then they wait: each is retried in place past the whole budget that used to dead-letter it
        await().atMost(WAIT)
                .until(() -> outages.attemptsOn(Topics.ALERTS_TRIGGERED.name()) > OLD_FAN_OUT_TRIES
                        && outages.attemptsOn(DeliveryTopics.REQUESTS) > OLD_DELIVERY_ATTEMPTS);
        // And the service's health says the database is down meanwhile
        assertThat(databaseHealth()).isEqualTo("DOWN");
        assertThat(deadLetters(Topics.ALERTS_TRIGGERED.deadLetterTopic())).isZero();
        assertThat(deadLetters(DeliveryTopics.DEAD_LETTERS)).isZero();

        // When the database is reachable again
        PROXY.heal();

        // Then every alert and every queued delivery reaches its receiver, each on its first attempt
        for (AlertTriggered alert : fired) {
            awaitDelivered(alert);
        }
        for (DeliveryRequest request : queued) {
            awaitDelivered(request.alert());
        }
        await().atMost(WAIT).until(() -> "UP".equals(databaseHealth()));
        // And nothing went to a dead-letter topic
        assertThat(deadLetters(Topics.ALERTS_TRIGGERED.deadLetterTopic())).isZero();
        assertThat(deadLetters(DeliveryTopics.DEAD_LETTERS)).isZero();
    }

    /** A fresh user with a webhook to a new, accepting receiver, and an alert of hers to deliver there. */
    private AlertTriggered deliverable() throws Exception {
        UUID user = DeliveryFixtures.user(direct);
        MockWebServer receiver = DeliveryFixtures.started(new MockWebServer());
        receiver.enqueue(DeliveryFixtures.accepted());
        receivers.add(receiver);
        DeliveryFixtures.webhook(direct, user, receiver, DeliveryFixtures.newSecret());
        return DeliveryFixtures.webhookAlert(user, "AAPL rose above 200.00 for " + user);
    }

    private DeliveryRequest queuedDelivery() throws Exception {
        AlertTriggered alert = deliverable();
        UUID channel = direct.queryForObject(
                "SELECT id FROM api.notification_channels WHERE user_id = ?", UUID.class, alert.userId());
        return new DeliveryRequest(alert, channel, ChannelType.WEBHOOK);
    }

    /** Waits until the alert's receiver got it and the log holds its one delivered attempt. */
    private void awaitDelivered(AlertTriggered alert) throws Exception {
        MockWebServer receiver = receivers.get(receiverIndex(alert));
        RecordedRequest request = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("webhook of alert %s", alert.alertId()).isNotNull();
        assertThat(request.getHeaders().get("webhook-id"))
                .isEqualTo(alert.alertId().toString());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(direct.queryForList(
                                "SELECT attempt, outcome FROM alerting.alert_deliveries WHERE alert_id = ?",
                                alert.alertId()))
                        .extracting(row -> row.get("attempt") + ":" + row.get("outcome"))
                        .containsExactly("1:DELIVERED"));
    }

    private int receiverIndex(AlertTriggered alert) {
        String address = direct.queryForObject(
                "SELECT address FROM api.notification_channels WHERE user_id = ?", String.class, alert.userId());
        for (int i = 0; i < receivers.size(); i++) {
            if (address.startsWith(receivers.get(i).url("/").toString())) {
                return i;
            }
        }
        throw new IllegalStateException("no receiver for " + address);
    }

    private void publish(AlertTriggered alert) {
        send(Topics.ALERTS_TRIGGERED.name(), alert.userId().toString(), alert);
    }

    private void enqueue(DeliveryRequest request) {
        send(DeliveryTopics.REQUESTS, request.key(), request);
    }

    private void send(String topic, String key, Object value) {
        try {
            kafka.send(topic, key, value).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** The status of the service's database health component on its management port. */
    private String databaseHealth() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = JsonMapper.builder().build().readTree(response.body());
            return health.path("components").path("db").path("status").asString();
        }
    }

    /** How many records the topic holds, all partitions together. */
    private static long deadLetters(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-count-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            return partitions.stream()
                    .mapToLong(partition -> ends.get(partition) - starts.get(partition))
                    .sum();
        }
    }

    private static TcpProxy proxyToTheTestDatabase() {
        Matcher url = HOST_AND_PORT.matcher(TestDatabase.endpoint().jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL URL with host and port: " + url);
        }
        return TcpProxy.to(url.group(1), Integer.parseInt(url.group(2)));
    }

    private static String throughProxy(String jdbcUrl) {
        Matcher url = HOST_AND_PORT.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL URL with host and port: " + jdbcUrl);
        }
        return "jdbc:postgresql://" + PROXY.host() + ":" + PROXY.port() + "/" + url.group(3);
    }

    private static JdbcTemplate directJdbc() {
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        return new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
    }
}
