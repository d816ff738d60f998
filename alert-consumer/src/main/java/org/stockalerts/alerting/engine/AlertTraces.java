package org.stockalerts.alerting.engine;

import io.micrometer.tracing.Span;
import org.apache.kafka.common.header.Headers;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.rules.StoredRule;
import org.stockalerts.common.tracing.TraceParents;

/**
 * Puts each fired alert in the trace of its rule's last change (the request that made the rule, through the
 * outbox and {@code alert-rules}): a short {@value #SPAN} span there, whose traceparent the alert record
 * carries to the fan-out and the deliveries. An alert of a rule stored without a trace keeps the headers
 * of the input that fired it.
 */
final class AlertTraces {

    /** Name of the span the engine adds to a rule's trace when the rule fires. */
    static final String SPAN = "alert fired";

    private final TraceParents traces;

    AlertTraces(TraceParents traces) {
        this.traces = traces;
    }

    /** The headers of the record of {@code alert}, fired by {@code rule} on the input whose headers are {@code input}. */
    Headers headersFor(Headers input, StoredRule rule, AlertTriggered alert) {
        String parent = rule == null ? null : rule.traceparent();
        String traceparent =
                traces.startChild(parent, SPAN).map(span -> ended(span, alert)).orElse(parent);
        return TraceParents.with(input, traceparent);
    }

    private String ended(Span span, AlertTriggered alert) {
        span.tag("alert.id", alert.alertId().toString())
                .tag("rule.id", alert.ruleId().toString())
                .tag("alert.condition", alert.rule().condition().name())
                .end();
        return traces.of(span);
    }
}
