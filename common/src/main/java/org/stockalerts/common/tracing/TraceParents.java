package org.stockalerts.common.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The W3C trace context ({@code traceparent}) of work that outlives the thread it began on: an outbox row
 * written in a request and published later by the relay, a rule the engine stores today and fires on next
 * week. The observed HTTP server, Kafka template and listeners carry the context while a thread works on
 * it; this keeps it as a value in between (a column, a field of a stored rule, a record header).
 *
 * <p>{@link #NONE} makes no spans: it hands a stored context on unchanged, so code that runs without
 * tracing (topology tests, benchmarks) still keeps each record's context.
 */
public final class TraceParents {

    /** The W3C Trace Context header, in HTTP requests and Kafka record headers alike. */
    public static final String HEADER = "traceparent";

    /** No tracer: no spans, no current context; stored contexts are handed on as they are. */
    public static final TraceParents NONE = new TraceParents(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The traceparent of the span current on this thread; empty outside any trace. */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : Optional.ofNullable(of(span));
    }

    /**
     * Starts a span named {@code name}, a child of {@code traceparent}, that began at {@code startedAt}
     * (an outbox row's write, say: the span then shows how long the work waited).
     *
     * @return the started span; empty when {@code traceparent} is null or there is no tracer
     */
    public Optional<Span> startChild(String traceparent, String name, Instant startedAt) {
        long micros = TimeUnit.SECONDS.toMicros(startedAt.getEpochSecond()) + startedAt.getNano() / 1_000;
        return childBuilder(traceparent, name)
                .map(builder ->
                        builder.startTimestamp(micros, TimeUnit.MICROSECONDS).start());
    }

    /** As {@link #startChild(String, String, Instant)}, beginning now. */
    public Optional<Span> startChild(String traceparent, String name) {
        return childBuilder(traceparent, name).map(Span.Builder::start);
    }

    private Optional<Span.Builder> childBuilder(String traceparent, String name) {
        if (traceparent == null || tracer == Tracer.NOOP) {
            return Optional.empty();
        }
        return Optional.of(
                propagator.extract(Map.of(HEADER, traceparent), Map::get).name(name));
    }

    /** Scopes {@code span} to the calling thread: observed Kafka sends and HTTP calls made inside are its children. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /** The traceparent of {@code span}; null for a span that carries no context (no tracer). */
    public String of(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The traceparent among {@code headers}; null when they carry none. */
    public static String in(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A copy of {@code headers} whose traceparent is {@code traceparent}, or the same headers when it is null. */
    public static Headers with(Headers headers, String traceparent) {
        if (traceparent == null) {
            return headers;
        }
        Headers copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        copy.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        return copy;
    }
}
