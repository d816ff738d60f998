package org.stockalerts.alerting.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.stockalerts.common.kafka.KafkaSettings;

/** The delivery feature's infrastructure: retry schedule, SSRF policy, HTTP client, request topic. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    /** The {@code uri} tag of every webhook call's metrics. */
    static final String WEBHOOK_URI = "webhook";

    /** Named, because {@link DeliveryListener}'s retry-topic annotation reads it by name. */
    @Bean
    RetrySchedule deliveryRetrySchedule(DeliverySettings settings) {
        return new RetrySchedule(settings);
    }

    @Bean
    DestinationPolicy deliveryDestinationPolicy(DeliverySettings settings) {
        return new DestinationPolicy(settings.allowedHosts(), InetAddress::getAllByName);
    }

    @Bean
    CircuitBreakers webhookCircuitBreakers(DeliverySettings settings, Clock clock) {
        return new CircuitBreakers(
                settings.breakerThreshold(), settings.breakerOpenFor(), settings.firstAttemptTimeout(), clock);
    }

    /**
     * Redirects are not followed: a redirect could lead past the SSRF check. Every call is observed: a client
     * span in the delivery's trace, whose W3C {@code traceparent} header the receiver gets, and the {@code
     * http.client.requests} timer, its {@code uri} always {@value #WEBHOOK_URI} (a webhook's address can hold
     * its secret, and one series per receiver would be too many).
     */
    @Bean
    HttpClient webhookHttpClient(DeliverySettings settings, MeterRegistry meters, ObservationRegistry observations) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return MicrometerHttpClient.instrumentationBuilder(client, meters)
                .observationRegistry(observations)
                .uriMapper(request -> WEBHOOK_URI)
                .build();
    }

    @Bean
    NewTopic deliveryRequestsTopic(DeliverySettings settings, KafkaSettings kafka) {
        return TopicBuilder.name(DeliveryTopics.REQUESTS)
                .partitions(settings.partitions())
                .replicas(kafka.replicationFactor())
                .build();
    }
}
