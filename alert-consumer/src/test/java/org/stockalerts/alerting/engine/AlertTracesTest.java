package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.tracing.TraceParents;

/** The engine's span for a fired alert, on a real OpenTelemetry tracer, and the traceparent it hands on. */
class AlertTracesTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String RULE_CHANGE = "00-" + TRACE + "-b7ad6b7169203331-01";

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Recorder(ended)))
            .build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final AlertTraces traces = new AlertTraces(new TraceParents(
            new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {}),
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel)));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aFiredAlertGetsASpanInItsRulesTraceAndCarriesThatSpansContext() {
        // Given an alert fired by a rule changed in a traced request, on a tick with headers of its own
        AlertTriggered alert = EventSamples.alert();
        StoredRule rule = StoredRule.fresh(alert.rule(), RULE_CHANGE);
        Headers tick = new RecordHeaders().add("eventId", "tick".getBytes(StandardCharsets.UTF_8));

        // When the engine makes the alert record's headers
        Headers headers = traces.headersFor(tick, rule, alert);

        // Then an ended "alert fired" span, a child of the rule's change, names the alert and the rule
        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo(AlertTraces.SPAN);
            assertThat(span.getTraceId()).isEqualTo(TRACE);
            assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
            assertThat(span.getAttributes().asMap().toString())
                    .contains(alert.alertId().toString())
                    .contains(alert.ruleId().toString());
        });
        // And the record carries that span as its parent, beside the tick's own headers
        SpanData span = ended.getFirst();
        assertThat(TraceParents.in(headers)).isEqualTo("00-" + TRACE + "-" + span.getSpanId() + "-01");
        assertThat(headers.lastHeader("eventId")).isNotNull();
        assertThat(TraceParents.in(tick))
                .as("the tick's headers are left as they were")
                .isNull();
    }

    @Test
    void anAlertOfARuleWithoutATraceMakesNoSpan() {
        // Given a rule stored without a trace context
        AlertTriggered alert = EventSamples.alert();

        // When the engine makes the alert record's headers
        Headers headers = traces.headersFor(new RecordHeaders(), StoredRule.fresh(alert.rule()), alert);

        // Then there is no span and no traceparent
        assertThat(ended).isEmpty();
        assertThat(TraceParents.in(headers)).isNull();
    }

    private record Recorder(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
