package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLettersTest {

    private static final ConsumerRecord<String, byte[]> RECORD =
            new ConsumerRecord<>("stock-prices", 4, 99L, "AAPL", new byte[] {'{'});

    @Test
    void namesTopicPartitionOffsetAndReasonOfAMalformedRecord() {
        // Given a record the deserializer refused without knowing where it was
        MalformedEventException refusal =
                new MalformedEventException("stock-prices", "missing required field 'price'", null);

        // When the dead-letter reason is written
        String reason = DeadLetters.reason(RECORD, refusal);

        // Then it places the refusal at the record's partition and offset
        assertThat(reason)
                .isEqualTo("malformed record on stock-prices partition 4 offset 99: missing required field 'price'");
    }

    @Test
    void findsTheMalformedRecordInsideTheExceptionsThatWrapIt() {
        // Given a refusal wrapped twice, as the listener container reports it
        Exception wrapped = new ListenerExecutionFailedException(
                "listener failed",
                new IllegalStateException(
                        "handler failed", new MalformedEventException("stock-prices", "empty record value", null)));

        // When the dead-letter reason is written
        String reason = DeadLetters.reason(RECORD, wrapped);

        // Then it is the refusal's, not the wrapper's
        assertThat(reason).isEqualTo("malformed record on stock-prices partition 4 offset 99: empty record value");
    }

    @Test
    void namesTheRootCauseOfAnyOtherFailure() {
        // Given a processing failure caused, two levels down, by a lost database connection
        Exception failure = new ListenerExecutionFailedException(
                "listener failed",
                new IllegalStateException("could not save", new SQLTransientConnectionException("connection lost")));

        // When the dead-letter reason is written
        String reason = DeadLetters.reason(RECORD, failure);

        // Then it names the record and the root cause's type and message
        assertThat(reason)
                .isEqualTo("failed record on stock-prices partition 4 offset 99: "
                        + "SQLTransientConnectionException: connection lost");
    }
}
