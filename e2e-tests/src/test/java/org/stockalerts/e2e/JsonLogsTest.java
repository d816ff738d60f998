package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code LOG_FORMAT=json}: a service run as its jar writes nothing but one JSON object per line, in Elastic Common
 * Schema, with its name and each event's key-value fields as members, for a log shipper to read as it is.
 */
class JsonLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyLineIsAnEcsObjectAndTheReadyLineCarriesItsFields() throws Exception {
        Map<String, String> env = new HashMap<>(RunningSystem.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("LOG_FORMAT", "json");
        try (ServiceProcess service = ServiceProcess.start(
                "persistence-consumer",
                "json-logs-persistence-consumer",
                "PERSISTENCE_CONSUMER_PORT",
                env,
                ServiceProcess.TEST_JVM)) {
            await().atMost(RunningSystem.STARTUP)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(service::isUp);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(service.log(), StandardCharsets.UTF_8)
                            .contains("persistence-consumer ready"));

            List<String> lines = Files.readAllLines(service.log(), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(lines)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(JSON.readTree(line).isObject())
                            .as("a JSON object: %s", line)
                            .isTrue());
            JsonNode ready = lines.stream()
                    .map(JSON::readTree)
                    .filter(line -> line.path("message").asString().startsWith("persistence-consumer ready"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ready.path("ecs").path("version").asString()).isNotEmpty();
            assertThat(ready.path("service").path("name").asString()).isEqualTo("persistence-consumer");
            assertThat(ready.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(ready.path("port").asString())
                    .isEqualTo(String.valueOf(URI.create(service.baseUrl()).getPort()));
            assertThat(ready.path("groups").asString()).contains("persistence-consumer-ticks");
        }
    }
}
