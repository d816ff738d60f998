package org.stockalerts.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RealInfrastructure;

@IntegrationTest
@SpringBootTest(
        properties = RealInfrastructure.DATABASE_PROPERTY + "=false",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsConsumerApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsConnectedAndReportsHealthy() {
        // Given the service started against the real broker

        // When its health endpoint is asked
        String health = RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/health")
                .retrieve()
                .body(String.class);

        // Then it is up, with Kafka reachable
        assertThat(health).contains("\"status\":\"UP\"").contains("\"kafka\"");
    }
}
