package org.stockalerts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@PersistenceIntegrationTest
class PersistenceConsumerApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsConnectedAndReportsHealthy() {
        // Given the service started against the real broker and database

        // When its health endpoint is asked
        String health = RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/health")
                .retrieve()
                .body(String.class);

        // Then it is up, with Kafka and the database reachable
        assertThat(health).contains("\"status\":\"UP\"").contains("\"kafka\"");
        assertThat(health).contains("\"db\"");
    }
}
