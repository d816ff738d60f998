package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * One trace, from the request that makes a rule to the webhook call of the alert it fires: api-service and
 * alert-consumer run from their jars with an OTLP endpoint (a recording collector), a rule is created with
 * {@code POST /alerts} under a known trace id, a tick fires it, and the webhook receiver's {@code traceparent}
 * names that trace; the spans both services export for it run through the outbox, the engine, the fan-out and
 * the delivery; the log lines written for it carry its id.
 */
class OneTraceTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String SYMBOL = "TRCX";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Queue<RecordedRequest> webhooks = new ConcurrentLinkedQueue<>();
    private final Queue<ResourceSpans> exported = new ConcurrentLinkedQueue<>();

    @AutoClose
    private final Opened opened = new Opened();

    @Test
    void theWebhookOfAnAlertCarriesTheTraceOfTheRequestThatMadeItsRule() throws Exception {
        // Given api-service and alert-consumer exporting spans to a collector, and a user with a loopback webhook
        MockWebServer collector = opened.add(recording(request -> {
            exported.addAll(
                    ExportTraceServiceRequest.parseFrom(request.getBody().toByteArray())
                            .getResourceSpansList());
            return 200;
        }));
        MockWebServer receiver = opened.add(recording(request -> {
            webhooks.add(request);
            return 204;
        }));
        Map<String, String> env = new HashMap<>(RunningSystem.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("STOCKALERTS_MARKETDATA_ENABLED", "false");
        env.put("STOCKALERTS_API_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
        env.put("STOCKALERTS_DELIVERY_ALLOWED_HOSTS", "127.0.0.1");
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getPort());
        ServiceProcess api = opened.add(
                ServiceProcess.start("api-service", "trace-api-service", "API_PORT", env, ServiceProcess.TEST_JVM));
        env.put(
                "STOCKALERTS_STATE_DIR",
                Files.createTempDirectory("trace-engine").toString());
        ServiceProcess alerting = opened.add(ServiceProcess.start(
                "alert-consumer", "trace-alert-consumer", "ALERT_CONSUMER_PORT", env, ServiceProcess.TEST_JVM));
        await().atMost(RunningSystem.STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> api.isUp() && alerting.isUp());
        ApiClient client = new ApiClient(api.baseUrl());
        JsonNode user = client.call("POST", "/users", null, "{\"name\":\"Tracy\",\"email\":\"tracy@example.com\"}");
        String userId = user.get("id").asString();
        String key = user.get("apiKey").asString();
        client.call(
                "POST",
                "/users/" + userId + "/channels",
                key,
                "{\"type\":\"WEBHOOK\",\"address\":\"http://127.0.0.1:" + receiver.getPort() + "/hooks/tracy\"}");

        // When the rule is created in a trace of the caller's, and the price rises through it
        String traceId = hex(16);
        client.call(
                "POST",
                "/alerts",
                key,
                "{\"symbol\":\"" + SYMBOL + "\",\"threshold\":100,\"channels\":[\"WEBHOOK\"]}",
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        try (KafkaProducer<String, Object> producer = Ticks.producer()) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), SYMBOL, Ticks.of(SYMBOL, "101.25", Instant.now())));
                return !webhooks.isEmpty();
            });
        }

        // Then the webhook call carries that trace, as the child of a span alert-consumer exported
        String traceparent = webhooks.peek().getHeaders().get("traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String callingSpan = traceparent.split("-")[2];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> spans = spansOf(traceId);
            assertThat(spans.get("api-service"))
                    .as("api-service's spans of the trace")
                    .contains("http post /alerts", "outbox publish", "alert-rules send", "alerts-triggered process");
            assertThat(spans.get("alert-consumer"))
                    .as("alert-consumer's spans of the trace")
                    .contains(
                            "alert fired",
                            "alerts-triggered process",
                            "alerts-triggered.deliveries send",
                            "alerts-triggered.deliveries process",
                            "HTTP POST");
            assertThat(spanIdsOf(traceId, "alert-consumer")).contains(callingSpan);
        });

        // And the line alert-consumer logged for the fanned-out alert names the trace
        assertThat(Files.readAllLines(alerting.log(), StandardCharsets.UTF_8))
                .filteredOn(line -> line.contains("alert fanned out"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith("traceId=" + traceId));
    }

    /** The names of the exported spans of {@code traceId}, by the service that exported them. */
    private Map<String, List<String>> spansOf(String traceId) {
        Map<String, List<String>> names = new HashMap<>();
        for (ResourceSpans resource : exported) {
            resource.getScopeSpansList().stream()
                    .flatMap(scope -> scope.getSpansList().stream())
                    .filter(span -> HexFormat.of()
                            .formatHex(span.getTraceId().toByteArray())
                            .equals(traceId))
                    .forEach(span -> names.computeIfAbsent(serviceOf(resource), service -> new ArrayList<>())
                            .add(span.getName()));
        }
        return names;
    }

    private List<String> spanIdsOf(String traceId, String service) {
        return exported.stream()
                .filter(resource -> serviceOf(resource).equals(service))
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .flatMap(scope -> scope.getSpansList().stream())
                .filter(span -> HexFormat.of()
                        .formatHex(span.getTraceId().toByteArray())
                        .equals(traceId))
                .map(span -> HexFormat.of().formatHex(span.getSpanId().toByteArray()))
                .toList();
    }

    private static String serviceOf(ResourceSpans resource) {
        return resource.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue)
                .map(value -> value.getStringValue())
                .findFirst()
                .orElse("");
    }

    /** A server on loopback that hands every request to {@code record} and answers with the status it returns. */
    private static MockWebServer recording(Recorder record) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return new MockResponse.Builder()
                            .code(record.status(request))
                            .build();
                } catch (Exception e) {
                    return new MockResponse.Builder().code(400).build();
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    private interface Recorder {
        int status(RecordedRequest request) throws Exception;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
