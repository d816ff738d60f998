package org.stockalerts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smoke test and the ops surface every service shares. Started against the real broker (and
 * database), the service's actuator answers on its own management port, bound to loopback: health
 * with every component the service depends on UP, and the Prometheus scrape. Its own port has only
 * the {@code /livez} and {@code /readyz} probes, open and without details, and answers every
 * {@code /actuator} path with a 404 problem detail. A service's application test extends it, as a
 * {@code @SpringBootTest} on a random port (which gives the management port a random one too), and
 * names its components; a service that runs a Kafka Streams client names {@link #KAFKA_STREAMS} among
 * them, and its state is checked too.
 */
public abstract class ServiceHealthContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    /** The health component of a service's Kafka Streams client (common's KafkaStreamsHealthIndicator). */
    public static final String KAFKA_STREAMS = "kafkaStreams";

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    /** The health components the service must report ({@code kafka}, {@code db}, …). */
    protected abstract List<String> requiredComponents();

    @Test
    void startsConnectedAndReportsEveryComponentUpOnTheManagementPort() {
        // Given the service started against the real infrastructure

        // When its health endpoint is asked on the management port
        HttpResponse<String> response = get(managementPort, "/actuator/health");

        // Then it is UP, with every required component present and every component UP
        JsonNode health = JSON.readTree(response.body());
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

    @Test
    void reportsTheStateOfItsKafkaStreamsClientExactlyWhereItRunsOne() {
        // When the health endpoint is asked on the management port
        JsonNode components =
                JSON.readTree(get(managementPort, "/actuator/health").body()).path("components");

        // Then a service with a Streams client reports it processing, with its count of replaced stream threads
        if (requiredComponents().contains(KAFKA_STREAMS)) {
            JsonNode details = components.path(KAFKA_STREAMS).path("details");
            assertThat(details.path("state").asString()).isIn("RUNNING", "REBALANCING");
            assertThat(details.path("replacedThreads").isIntegralNumber())
                    .as(details.toString())
                    .isTrue();
        } else {
            // and a service without one does not claim one
            assertThat(components.has(KAFKA_STREAMS)).as(components.toString()).isFalse();
        }
    }

    @Test
    void servesThePrometheusScrapeOnTheManagementPort() {
        // When Prometheus scrapes the management port
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");

        // Then it gets the service's metrics in its text format
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void bindsTheManagementPortToLoopbackOnly() throws IOException {
        // Given an address of this host other than loopback, where the service's own port answers
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this host has no address but loopback");
        connect(outside.get(), port).close();

        // When the management port is asked for on that address
        // Then nothing listens there
        assertThatThrownBy(() -> connect(outside.get(), managementPort)).isInstanceOf(ConnectException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/livez", "/readyz"})
    void answersTheProbesOnItsOwnPortWithoutDetails(String probe) {
        // When a load balancer or Kubernetes asks the service's own port for a probe, without a key
        HttpResponse<String> response = get(port, probe);

        // Then the answer is UP and nothing more
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/health/kafka",
                "/actuator/prometheus",
                "/actuator/metrics",
                "/actuator/info",
                "/actuator/env"
            })
    void answersEveryActuatorPathOnItsOwnPortWithA404ProblemDetail(String path) {
        // When the service's own port is asked for an actuator path
        HttpResponse<String> response = get(port, path);

        // Then it is not there: a 404 problem detail that reveals nothing of the actuator
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("UP", "jvm_", "clusterId");
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Socket connect(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** An IPv4 address of an interface that is up, neither loopback nor link-local. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(ServiceHealthContract::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address
                        && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
