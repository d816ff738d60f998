package org.stockalerts.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reports the service healthy only while the Kafka cluster answers a describe-cluster call within
 * {@link KafkaHealthSettings#timeout()}. Every check goes through one admin client, opened at the
 * first check and closed with the application context: a health call costs a request to the
 * broker, not a new client with its own connections and thread.
 */
@Component("kafka")
public class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final Supplier<Admin> clients;
    private final int timeoutMs;
    private Admin client;
    private boolean closed;

    @Autowired
    KafkaHealthIndicator(KafkaAdmin admin, KafkaHealthSettings settings) {
        this(() -> Admin.create(clientConfig(admin, settings)), settings);
    }

    /** With {@code clients} opening the admin client (once, at the first check). */
    KafkaHealthIndicator(Supplier<Admin> clients, KafkaHealthSettings settings) {
        this.clients = clients;
        this.timeoutMs = (int) settings.timeout().toMillis();
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            return Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", brokers)
                    .build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private synchronized Admin client() {
        if (closed) {
            throw new IllegalStateException("the Kafka health check is closed");
        }
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /**
     * The services' admin settings, with requests bounded by the health timeout, so a check never
     * waits on the client's own, much longer defaults.
     */
    private static Map<String, Object> clientConfig(KafkaAdmin admin, KafkaHealthSettings settings) {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        int timeoutMs = (int) settings.timeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return config;
    }
}
