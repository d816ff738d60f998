package org.stockalerts.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Trace contexts kept as values: in record headers, and handed on unchanged where nothing traces. */
class TraceParentsTest {

    private static final String CONTEXT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void replacesTheTraceparentOfACopyAndLeavesTheOtherHeaders() {
        // Given headers with an event id and an older trace context
        Headers original = new RecordHeaders()
                .add("eventId", "e-1".getBytes(StandardCharsets.UTF_8))
                .add(TraceParents.HEADER, "00-old".getBytes(StandardCharsets.UTF_8));

        // When another context is put on them
        Headers traced = TraceParents.with(original, CONTEXT);

        // Then the copy holds one traceparent, the new one, and the event id; the original is unchanged
        assertThat(TraceParents.in(traced)).isEqualTo(CONTEXT);
        assertThat(traced.headers(TraceParents.HEADER)).hasSize(1);
        assertThat(traced.lastHeader("eventId")).isNotNull();
        assertThat(TraceParents.in(original)).isEqualTo("00-old");
    }

    @Test
    void noContextLeavesTheHeadersAsTheyAre() {
        Headers headers = new RecordHeaders();

        assertThat(TraceParents.with(headers, null)).isSameAs(headers);
        assertThat(TraceParents.in(headers)).isNull();
    }

    @Test
    void withoutATracerThereIsNoCurrentContextAndNoSpan() {
        assertThat(TraceParents.NONE.current()).isEmpty();
        assertThat(TraceParents.NONE.startChild(CONTEXT, "work")).isEmpty();
        assertThat(TraceParents.NONE.startChild(CONTEXT, "work", Instant.EPOCH)).isEmpty();
    }
}
