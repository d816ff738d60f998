package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class CommitExpediterTest {

    private static final long NOW = 1_780_000_000_000L;

    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();

    CommitExpediterTest() {
        context.setCurrentSystemTimeMs(NOW);
    }

    @Test
    void anAlertFromAnInputWithinTheLimitAsksForACommit() {
        new CommitExpediter(Duration.ofMillis(250)).outputForwarded(context, input(NOW - 250));

        assertThat(context.committed()).isTrue();
    }

    @Test
    void anAlertFromAnOlderInputWaitsForTheCommitInterval() {
        new CommitExpediter(Duration.ofMillis(250)).outputForwarded(context, input(NOW - 251));

        assertThat(context.committed()).isFalse();
    }

    @Test
    void anInputStampedAheadOfThisClockCountsAsFresh() {
        new CommitExpediter(Duration.ofMillis(250)).outputForwarded(context, input(NOW + 5_000));

        assertThat(context.committed()).isTrue();
    }

    @Test
    void zeroTurnsExpeditingOff() {
        new CommitExpediter(Duration.ZERO).outputForwarded(context, input(NOW));

        assertThat(context.committed()).isFalse();
    }

    private static Record<String, String> input(long timestamp) {
        return new Record<>("AAPL", "tick", timestamp);
    }
}
