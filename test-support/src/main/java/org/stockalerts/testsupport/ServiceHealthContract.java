package org.stockalerts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smoke test every service passes: started against the real broker (and database), its health
 * endpoint answers 200 with status UP, names each component the service depends on, and every
 * component it reports is UP. A service's application test extends it, as a {@code @SpringBootTest}
 * on a random port, and names its components.
 */
public abstract class ServiceHealthContract {

    @LocalServerPort
    private int port;

    /** The health components the service must report ({@code kafka}, {@code db}, …). */
    protected abstract List<String> requiredComponents();

    @Test
    void startsConnectedAndReportsEveryComponentUp() throws IOException, InterruptedException {
        // Given the service started against the real infrastructure

        // When its health endpoint is asked
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // Then it is UP, with every required component present and every component UP
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        Map<String, String> components = new TreeMap<>();
        health.path("components")
                .properties()
                .forEach(entry -> components.put(
                        entry.getKey(), entry.getValue().path("status").asString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(components).containsKeys(requiredComponents().toArray(String[]::new));
        assertThat(components)
                .allSatisfy((name, status) ->
                        assertThat(status).as("health component %s", name).isEqualTo("UP"));
    }
}
