package org.stockalerts.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The probes a platform calls every few seconds make no trace; every other request does. */
class TracingAutoConfigurationTest {

    private final ObservationPredicate predicate = new TracingAutoConfiguration.Probes().probesUnobserved();

    @Test
    void theProbesAreNotObserved() {
        assertThat(predicate.test("http.server.requests", request("/livez"))).isFalse();
        assertThat(predicate.test("http.server.requests", request("/readyz"))).isFalse();
    }

    @Test
    void everyOtherRequestAndObservationIs() {
        assertThat(predicate.test("http.server.requests", request("/alerts"))).isTrue();
        assertThat(predicate.test("http.server.requests", request("/readyz/else")))
                .isTrue();
        assertThat(predicate.test("spring.kafka.listener", new Observation.Context()))
                .isTrue();
    }

    private static ServerRequestObservationContext request(String path) {
        return new ServerRequestObservationContext(
                new MockHttpServletRequest("GET", path), new MockHttpServletResponse());
    }
}
