package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.stockalerts.common.config.StockAlertsCommonConfiguration;
import org.stockalerts.testsupport.TestKafka;

/**
 * The Kafka health check against the real test broker: however often it is asked, it goes through
 * one admin client, which is closed with the check (and so with the application context).
 */
class KafkaHealthIndicatorTest {

    private static final int CHECKS = 5;
    private static final KafkaHealthSettings SETTINGS = new KafkaHealthSettings(Duration.ofSeconds(10));

    @Test
    void answersEveryCheckThroughOneAdminClientAndClosesItWithTheCheck() {
        // Given a health check that counts the admin clients it opens and closes
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                () -> {
                    opened.incrementAndGet();
                    return new ForwardingAdmin(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers())) {
                        @Override
                        public void close(Duration timeout) {
                            closed.incrementAndGet();
                            super.close(timeout);
                        }
                    };
                },
                SETTINGS);

        // When it is asked several times
        List<Health> answers = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            answers.add(indicator.health());
        }

        // Then every answer is UP with the broker's cluster, all through one client that is still open
        assertThat(answers).allSatisfy(health -> {
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
        });
        assertThat(opened).hasValue(1);
        assertThat(closed).hasValue(0);

        // And closing the check closes that client
        indicator.close();
        assertThat(closed).hasValue(1);
    }

    @Test
    void theServicesHealthCheckKeepsOneAdminClientUntilTheContextCloses() throws Exception {
        // Given the shared configuration every service imports, started against the real broker
        Set<ObjectName> before = adminClients();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HealthApp.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "stockalerts.kafka.create-topics=false",
                        "spring.application.name=kafka-health-test")
                .run();
        try {
            KafkaHealthIndicator indicator = context.getBean("kafka", KafkaHealthIndicator.class);

            // When its Kafka health check is asked several times
            indicator.health();
            Set<ObjectName> afterFirst = newSince(before);
            for (int i = 1; i < CHECKS; i++) {
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            }

            // Then one admin client was opened (Kafka registers an app-info MBean per client id) and reused
            assertThat(afterFirst).hasSize(1);
            assertThat(newSince(before)).isEqualTo(afterFirst);
        } finally {
            context.close();
        }

        // And it is closed with the context
        assertThat(newSince(before)).isEmpty();
    }

    private static Set<ObjectName> newSince(Set<ObjectName> before) throws MalformedObjectNameException {
        Set<ObjectName> now = adminClients();
        now.removeAll(before);
        return now;
    }

    private static Set<ObjectName> adminClients() throws MalformedObjectNameException {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("kafka.admin.client:type=app-info,id=*"), null);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StockAlertsCommonConfiguration.class)
    static class HealthApp {}
}
