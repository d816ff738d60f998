package org.stockalerts.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.mock.env.MockEnvironment;

/** The fields of a service's ready line: ports, connections without secrets, and what the service adds. */
class ReadyLineTest {

    @Test
    void namesPortsConnectionsAndTheServicesOwnFactsWithoutTheDatabaseUrlsParameters() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("local.server.port", "8080")
                .withProperty("local.management.port", "9080")
                .withProperty("spring.kafka.bootstrap-servers", "127.0.0.1:9092")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/stock_alerts?password=secret");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("marketData", "simulated");
        facts.put("empty", " ");
        beans.registerSingleton("facts", (ReadyFacts) () -> facts);

        Map<String, Object> fields = new ReadyLine(
                        environment,
                        beans.getBeanProvider(KafkaListenerEndpointRegistry.class),
                        beans.getBeanProvider(ReadyFacts.class))
                .fields();

        assertThat(fields)
                .containsExactly(
                        Map.entry("port", "8080"),
                        Map.entry("managementPort", "9080"),
                        Map.entry("kafka", "127.0.0.1:9092"),
                        Map.entry("database", "jdbc:postgresql://db:5432/stock_alerts"),
                        Map.entry("marketData", "simulated"));
    }
}
