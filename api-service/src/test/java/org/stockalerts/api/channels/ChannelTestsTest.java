package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.alerts.EngineLinkSettings;
import org.stockalerts.common.delivery.ChannelTestResult;

/** How api-service asks for a channel test and reads the answer, against a local stand-in for alert-consumer. */
class ChannelTestsTest {

    private static final UUID USER = UUID.fromString("01936f70-1a2b-7c3d-8e4f-a5b6c7d8e9f0");
    private static final UUID CHANNEL = UUID.fromString("01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d8");

    private final MockWebServer deliveryService = new MockWebServer();
    private ChannelTests tests;

    @BeforeEach
    void start() throws IOException {
        deliveryService.start();
        tests = new ChannelTests(new EngineLinkSettings(deliveryService.url("/").uri(), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        deliveryService.close();
    }

    @Test
    void postsToTheInternalRouteAndPassesTheProvidersAnswerOn() throws InterruptedException {
        deliveryService.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"channelId\": \"" + CHANNEL + "\", \"outcome\": \"RETRYABLE\", \"statusCode\": 429,"
                        + " \"error\": \"the provider answered 429\", \"retryAfterSeconds\": 7, \"latencyMillis\": 31,"
                        + " \"testedAt\": \"2026-01-03T08:05:00Z\"}")
                .build());

        ChannelTestResult result = tests.test(USER, CHANNEL);

        assertThat(result.outcome()).isEqualTo("RETRYABLE");
        assertThat(result.statusCode()).isEqualTo(429);
        assertThat(result.retryAfterSeconds()).isEqualTo(7);
        assertThat(result.delivered()).isFalse();
        RecordedRequest request = deliveryService.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/engine/channels/" + CHANNEL + "/test");
        assertThat(request.getUrl().queryParameter("userId")).isEqualTo(USER.toString());
    }

    @Test
    void anErrorAnUnreadableAnswerOrNoAnswerIsA503() {
        deliveryService.enqueue(new MockResponse.Builder().code(500).build());
        deliveryService.enqueue(
                new MockResponse.Builder().code(200).body("not json").build());

        assertThatThrownBy(() -> tests.test(USER, CHANNEL)).isInstanceOf(DeliveryServiceUnavailableException.class);
        assertThatThrownBy(() -> tests.test(USER, CHANNEL)).isInstanceOf(DeliveryServiceUnavailableException.class);
        deliveryService.close();
        assertThatThrownBy(() -> tests.test(USER, CHANNEL)).isInstanceOf(DeliveryServiceUnavailableException.class);
    }
}
