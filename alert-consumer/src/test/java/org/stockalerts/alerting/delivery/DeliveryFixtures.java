package org.stockalerts.alerting.delivery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.apache.kafka.common.utils.Utils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.common.secrets.SecretBox;
import org.stockalerts.common.secrets.SecretsSettings;

/** Users, channels and webhook receivers for delivery tests, in the real test database. */
final class DeliveryFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeliveryFixtures() {}

    /** A fresh alert of {@code user} ("AAPL above 200.00" fired at 201.37) to be delivered by webhook. */
    static AlertTriggered webhookAlert(UUID user, String message) {
        return AlertDraft.alert()
                .user(user)
                .message(message)
                .channels(ChannelType.WEBHOOK)
                .build();
    }

    /** Waits until every listener container of the service has partitions to read. */
    static void awaitPartitionsAssigned(KafkaListenerEndpointRegistry listeners, Duration timeout) {
        await().atMost(timeout)
                .until(() -> listeners.getAllListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && !container.getAssignedPartitions().isEmpty()));
    }

    static UUID user(JdbcTemplate jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO api.users (id, name, created_at, updated_at) VALUES (?, 'Trader', now(), now())", id);
        return id;
    }

    static void webhook(JdbcTemplate jdbc, UUID user, MockWebServer receiver, String secret) {
        webhook(jdbc, user, receiver, secret, UUID.randomUUID());
    }

    /** A webhook channel with the given id, which decides its partition of the delivery topic. */
    static void webhook(JdbcTemplate jdbc, UUID user, MockWebServer receiver, String secret, UUID channelId) {
        channel(
                jdbc,
                channelId,
                user,
                ChannelType.WEBHOOK,
                receiver.url("/hooks/" + user).toString(),
                secret);
    }

    static void channel(JdbcTemplate jdbc, UUID user, ChannelType type, String address, String secret) {
        channel(jdbc, UUID.randomUUID(), user, type, address, secret);
    }

    /** A chat channel as api-service stores it: its address masked, the real one sealed in its secret. */
    static UUID chatChannel(JdbcTemplate jdbc, UUID user, ChannelType type, String address) {
        UUID id = UUID.randomUUID();
        channel(jdbc, id, user, type, type + ":****" + id, address);
        return id;
    }

    /** Publishes a fired alert as the engine does, keyed by its user. */
    static void publish(KafkaOperations<Object, Object> kafka, AlertTriggered alert) throws Exception {
        kafka.send(Topics.ALERTS_TRIGGERED.name(), alert.userId().toString(), alert)
                .get(10, TimeUnit.SECONDS);
    }

    /** The delivery log of {@code alert}: {@code CHANNEL:OUTCOME} per attempt, by channel and attempt. */
    static List<String> outcomes(JdbcTemplate jdbc, AlertTriggered alert) {
        return jdbc.queryForList(
                "SELECT channel || ':' || outcome FROM alerting.alert_deliveries WHERE alert_id = ?"
                        + " ORDER BY channel, attempt",
                String.class,
                alert.alertId());
    }

    private static void channel(
            JdbcTemplate jdbc, UUID id, UUID user, ChannelType type, String address, String secret) {
        jdbc.update(
                "INSERT INTO api.notification_channels (id, user_id, type, address, secret, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, now(), now())",
                id,
                user,
                type.name(),
                address,
                secret == null ? null : SECRETS.seal(secret, id.toString()));
    }

    /**
     * Rotates a stored webhook's secret as api-service does: {@code secret} becomes its secret, and
     * its former one the previous secret until {@code overlap} from the database's now (negative: over).
     */
    static void rotate(JdbcTemplate jdbc, UUID channelId, String secret, Duration overlap) {
        String former = jdbc.queryForObject(
                "SELECT secret FROM api.notification_channels WHERE id = ?", String.class, channelId);
        jdbc.update(
                "UPDATE api.notification_channels SET secret = ?, previous_secret = ?,"
                        + " previous_secret_expires_at = now() + make_interval(secs => ?) WHERE id = ?",
                SECRETS.seal(secret, channelId.toString()),
                former,
                (double) overlap.toSeconds(),
                channelId);
    }

    /**
     * A new channel id whose delivery requests go to {@code partition} of a delivery topic with
     * {@code partitions} partitions, as the producer's default partitioner places keyed records.
     */
    static UUID channelIdOnPartition(int partition, int partitions) {
        while (true) {
            UUID id = UUID.randomUUID();
            byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
                return id;
            }
        }
    }

    /** The key of the tests' application.properties ({@code stockalerts.secrets.key}). */
    static final String SECRETS_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMDEyMzQ=";

    /** Seals secrets as api-service does, with the tests' key. */
    static final SecretBox SECRETS = new SecretsSettings(SECRETS_KEY, List.of()).box();

    /** A fresh secret in the format api-service issues. */
    static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** Starts {@code server} on 127.0.0.1 (allow-listed in the tests) at a free port. */
    static MockWebServer started(MockWebServer server) throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    static MockResponse accepted() {
        return new MockResponse.Builder().code(204).build();
    }

    /** Accepted, but only after {@code delay}. */
    static MockResponse acceptedAfter(Duration delay) {
        return new MockResponse.Builder()
                .code(204)
                .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** A response that never comes: the receiver reads the request and stalls. */
    static MockResponse never() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }
}
